// /leernetwerken/:cohortId/aanpak. A participant goes straight to the duo's own canvas. Facilitators see the
// cohort's duos with a link to each canvas; coordinators see only whether each duo has a canvas, how many
// versions and whether a summary is in the knowledge base — never the content.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { requireCohortMember } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { TableScroll } from "~/components/table-scroll.tsx";
import { cohortPlanOverview, ownEnrollmentId } from "~/models/action-plan.server.ts";
import { cohortPage, cohortTitle, useCohortHeader } from "~/utils/cohort-page.ts";
import { formatDateTime, formatShortDate } from "~/utils/dates.ts";
import { invariantResponse } from "~/utils/http.server.ts";

export const handle = cohortPage<typeof loader>({ breadcrumb: () => [{ label: "Aanpak per duo" }] });

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? cohortTitle(matches, "Aanpak per duo") : "Leernetwerk" },
];

// The duo's summary in the knowledge base: it is public only once a coordinator approved it.
const KNOWLEDGE_STATUS = {
  NONE: "Niet gedeeld",
  PENDING: "Wacht op beoordeling",
  APPROVED: "Gedeeld",
  RETURNED: "Teruggestuurd aan het duo",
} as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, relation, cohortId } = await requireCohortMember(request, params.cohortId);
  if (relation === "participant") {
    const enrollmentId = await ownEnrollmentId(user.id, cohortId);
    invariantResponse(enrollmentId, "Je doet niet (meer) mee aan dit leernetwerk.");
    throw redirect(`/leernetwerken/${cohortId}/aanpak/${enrollmentId}`);
  }
  const duos = (await cohortPlanOverview(cohortId)).map((duo) => ({
    ...duo,
    knowledge: KNOWLEDGE_STATUS[duo.knowledgeStatus ?? "NONE"],
  }));
  return { duos, canRead: relation === "facilitator" };
}

export default function CohortPlansPage() {
  const { duos, canRead } = useLoaderData<typeof loader>();
  const { cohort } = useCohortHeader();
  return (
    <>
      <h1>Aanpak per duo</h1>
      <p className="lead">
        {canRead
          ? "Elk duo werkt aan een eigen aanpak. Open een aanpak om hem te lezen en bij de onderdelen te reageren."
          : "De aanpak is het werk van het duo: je ziet hier alleen of er een aanpak is en hoeveel versies het duo heeft opgeslagen."}
      </p>
      {duos.length === 0 ? (
        <p>Er doen nog geen gemeenten mee aan dit leernetwerk.</p>
      ) : (
        <TableScroll label="Aanpak per duo">
          <table>
            <caption className="visually-hidden">Stand van de aanpak per gemeente</caption>
            <thead>
              <tr>
                <th scope="col">Gemeente</th>
                <th scope="col">Duo</th>
                <th scope="col">Aanpak</th>
                <th scope="col">Versies</th>
                <th scope="col">Kennisbank</th>
              </tr>
            </thead>
            <tbody>
              {duos.map((duo) => (
                <tr key={duo.id}>
                  <th scope="row">
                    {canRead ? (
                      <Link to={`/leernetwerken/${cohort.id}/aanpak/${duo.id}`}>{duo.municipality}</Link>
                    ) : (
                      duo.municipality
                    )}
                  </th>
                  <td>{duo.members.join(", ") || "—"}</td>
                  <td>
                    {duo.started && duo.updatedAt
                      ? `Begonnen, laatst gewijzigd ${formatDateTime(duo.updatedAt)}`
                      : "Nog niet begonnen"}
                  </td>
                  <td>
                    {duo.versionCount}
                    {duo.lastVersionAt ? ` (laatste ${formatShortDate(duo.lastVersionAt)})` : ""}
                  </td>
                  <td>{duo.knowledge}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

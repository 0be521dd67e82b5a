// One assignment for the cohort's facilitators and coordinators: the instructions and, per duo (or per
// participant for an individual assignment), the status, when it was handed in, late or not, besproken.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { isUuid, requireCohortStaff } from "~/auth/guards.server.ts";
import { AssignmentFacts, StatusBadge } from "~/components/assignment-parts.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { TableScroll } from "~/components/table-scroll.tsx";
import { renderInstructions } from "~/content/assignment-text.server.ts";
import { MarkdocContent } from "~/content/render.tsx";
import { assignmentOverview } from "~/models/assignment.server.ts";
import { formatDateTime } from "~/utils/dates.ts";
import { cohortPage, useCohortHeader } from "~/utils/cohort-page.ts";
import { invariantResponse, notFound } from "~/utils/http.server.ts";
import { aantal } from "~/utils/plural.ts";

export const handle = cohortPage<typeof loader>({
  breadcrumb: (_data, cohortPath) => [{ label: "Opdrachten", to: `${cohortPath}/opdrachten` }],
});

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.assignment.title} — Opdrachten — Leernetwerk` : "Leernetwerk" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, cohortId } = await requireCohortStaff(request, params.cohortId);
  if (!isUuid(params.assignmentId)) throw notFound("Deze opdracht bestaat niet.");
  const overview = await assignmentOverview(user, cohortId, params.assignmentId);
  invariantResponse(overview, "Deze opdracht bestaat niet.");
  const { assignment, rows } = overview;
  return {
    assignment: {
      ...assignment,
      instructionsTree: assignment.instructions.trim() ? renderInstructions(assignment.instructions) : null,
    },
    rows,
  };
}

export default function AssignmentOverviewPage() {
  const { assignment, rows } = useLoaderData<typeof loader>();
  const { cohort } = useCohortHeader();
  const base = `/leernetwerken/${cohort.id}/opdrachten/${assignment.id}`;
  const handedIn = rows.filter((row) => row.submittedAt).length;
  return (
    <>
      <h1>{assignment.title}</h1>
      <AssignmentFacts assignment={assignment} />
      <p className="button-row">
        <Link to={`${base}/bewerken`} className="button button-secondary">
          Opdracht bewerken
        </Link>
      </p>
      <details className="panel">
        <summary>Uitleg bij de opdracht</summary>
        {assignment.instructionsTree ? (
          <MarkdocContent content={assignment.instructionsTree as never} />
        ) : (
          <p className="muted">Er staat geen uitleg bij.</p>
        )}
      </details>

      <section aria-labelledby="inzendingen">
        <h2 id="inzendingen">{assignment.kind === "DUO" ? "Per duo" : "Per deelnemer"}</h2>
        <p>
          {handedIn} van {rows.length} ingeleverd.
        </p>
        {rows.length === 0 ? (
          <p className="muted">Er doen nog geen gemeenten mee.</p>
        ) : (
          <TableScroll label="Tabel met de inzendingen">
            <table>
              <thead>
                <tr>
                  <th scope="col">Gemeente</th>
                  <th scope="col">{assignment.kind === "DUO" ? "Duo" : "Deelnemer"}</th>
                  <th scope="col">Status</th>
                  <th scope="col">Ingeleverd op</th>
                  <th scope="col">Besproken</th>
                  <th scope="col">Uitwerking</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.key}>
                    <td>{row.municipality}</td>
                    <td>{row.who}</td>
                    <td>
                      <StatusBadge status={row.status} label={row.statusLabel} />
                    </td>
                    <td>{row.submittedAt ? formatDateTime(row.submittedAt) : "—"}</td>
                    <td>{row.discussedAt ? `Ja, ${formatDateTime(row.discussedAt)}` : "Nee"}</td>
                    <td>
                      {row.submissionId ? (
                        <Link to={`${base}/inzendingen/${row.submissionId}`}>
                          {row.earlyFeedbackAsked ? "Concept lezen (vroege feedback gevraagd)" : "Lezen"}
                          {row.messages ? ` (${aantal(row.messages, "bericht", "berichten")})` : ""}
                          <span className="visually-hidden"> van {row.municipality}</span>
                        </Link>
                      ) : (
                        <span className="muted">Nog niet ingeleverd</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

// Reading progress per duo in a cohort, for its facilitators and coordinators.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireCohortStaff } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { TableScroll } from "~/components/table-scroll.tsx";
import { getLibrary } from "~/content/library.server.ts";
import type { DuoFunction } from "~/generated/prisma/enums.ts";
import { cohortProgress } from "~/models/course-progress.server.ts";
import { cohortPage, cohortTitle } from "~/utils/cohort-page.ts";
import { duoFunctionLabels } from "~/utils/labels.ts";

export const handle = cohortPage<typeof loader>({ breadcrumb: () => [{ label: "Voortgang" }] });

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? cohortTitle(matches, "Voortgang") : "Leernetwerk" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { cohortId } = await requireCohortStaff(request, params.cohortId);
  const duos = await cohortProgress(cohortId);
  const modules = getLibrary().modules.map((module, index) => ({
    slug: module.slug,
    title: module.title,
    number: index + 1,
  }));
  return {
    modules,
    duos: duos.map((duo) => ({
      ...duo,
      members: duo.members.map((member) => ({ ...member, function: member.function as DuoFunction })),
    })),
  };
}

export default function CohortProgressPage() {
  const { modules, duos } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Voortgang per duo</h1>
      <p className="lead">Hoeveel lessen elk duolid als gelezen heeft gemarkeerd, per module.</p>
      {duos.length === 0 ? <p>Er doen nog geen gemeenten mee aan dit leernetwerk.</p> : null}
      {duos.map((duo) => (
        <section key={duo.id} aria-labelledby={`duo-${duo.id}`}>
          <h2 id={`duo-${duo.id}`}>{duo.municipality}</h2>
          <TableScroll label={`Voortgang van het duo van ${duo.municipality}`}>
            <table className="progress-table">
              <thead>
                <tr>
                  <th scope="col">Module</th>
                  {duo.members.map((member) => (
                    <th scope="col" key={member.id}>
                      {member.name}
                      <br />
                      <span className="muted">{duoFunctionLabels[member.function]}</span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {modules.map((module) => (
                  <tr key={module.slug}>
                    <th scope="row">
                      {module.number}. {module.title}
                    </th>
                    {duo.members.map((member) => {
                      const progress = member.modules.find((entry) => entry.slug === module.slug);
                      return <td key={member.id}>{progress ? `${progress.read} van ${progress.total}` : "–"}</td>;
                    })}
                  </tr>
                ))}
                <tr>
                  <th scope="row">Totaal</th>
                  {duo.members.map((member) => (
                    <td key={member.id}>
                      <strong>
                        {member.total.read} van {member.total.total}
                      </strong>
                    </td>
                  ))}
                </tr>
              </tbody>
            </table>
          </TableScroll>
        </section>
      ))}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

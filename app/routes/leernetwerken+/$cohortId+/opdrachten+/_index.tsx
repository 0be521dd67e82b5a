// The cohort's assignments for its facilitators and coordinators: per session the assignments, and the
// dashboard of submissions per municipality (a matrix). Coordinators add assignments here or copy them
// from another cohort.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { z } from "zod";
import { requireCohortCoordinator, requireCohortStaff } from "~/auth/guards.server.ts";
import { StatusBadge } from "~/components/assignment-parts.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { FormAlert, SelectField } from "~/components/forms.tsx";
import { TableScroll } from "~/components/table-scroll.tsx";
import type { SubmissionStatus } from "~/models/assignment-status.ts";
import { copyAssignments, copySourceCohorts, submissionMatrix } from "~/models/assignment.server.ts";
import { cohortTitle, useCohortHeader } from "~/utils/cohort-page.ts";
import { formatDate, formatDateTime } from "~/utils/dates.ts";
import { idField, parseForm } from "~/utils/forms.ts";
import { domainErrorReply, invalid, readForm } from "~/utils/forms.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { aantal } from "~/utils/plural.ts";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? cohortTitle(matches, "Opdrachten") : "Leernetwerk" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { cohortId, relation } = await requireCohortStaff(request, params.cohortId);
  const [matrix, sources] = await Promise.all([
    submissionMatrix(cohortId),
    relation === "coordinator" ? copySourceCohorts(cohortId) : Promise.resolve([]),
  ]);
  return { matrix, sources, isCoordinator: relation === "coordinator" };
}

const copySchema = z.object({ sourceCohortId: idField("Kies een leernetwerk om van te kopiëren.") });

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, cohortId } = await requireCohortCoordinator(request, params.cohortId);
  const form = parseForm(copySchema, await readForm(request));
  if (!form.ok) return invalid(form.error);
  try {
    const result = await copyAssignments(user, cohortId, form.data.sourceCohortId);
    return redirectWithToast(`/leernetwerken/${cohortId}/opdrachten`, {
      title: `${aantal(result.copied, "opdracht", "opdrachten")} gekopieerd`,
      description: result.skipped
        ? `${result.skipped} niet: die bijeenkomst bestaat hier niet.`
        : "Controleer de inleverdata.",
    });
  } catch (error) {
    return domainErrorReply(error, form.values, { field: "sourceCohortId" });
  }
}

export default function CohortAssignmentsPage() {
  const { matrix, sources, isCoordinator } = useLoaderData<typeof loader>();
  const { cohort } = useCohortHeader();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const base = `/leernetwerken/${cohort.id}/opdrachten`;
  return (
    <>
      <h1>Opdrachten en inzendingen</h1>
      <p className="button-row">
        <Link to={`${base}/nieuw`} className="button">
          Nieuwe opdracht
        </Link>
      </p>

      <section aria-labelledby="per-gemeente">
        <h2 id="per-gemeente">Inzendingen per gemeente</h2>
        {matrix.columns.length === 0 ? (
          <p className="muted">Er zijn nog geen opdrachten in dit leernetwerk.</p>
        ) : matrix.rows.length === 0 ? (
          <p className="muted">Er doen nog geen gemeenten mee.</p>
        ) : (
          <TableScroll label="Tabel met de inzendingen per gemeente en opdracht">
            <table className="matrix">
              <caption className="visually-hidden">
                Status per gemeente (rijen) en opdracht per bijeenkomst (kolommen)
              </caption>
              <thead>
                <tr>
                  <th scope="col">Gemeente</th>
                  {matrix.columns.map((column) => (
                    <th scope="col" key={column.id}>
                      <span className="muted">Bijeenkomst {column.session.number}</span>
                      <br />
                      <Link to={`${base}/${column.id}`}>{column.title}</Link>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {matrix.rows.map((row) => (
                  <tr key={row.enrollmentId}>
                    <th scope="row">{row.municipality}</th>
                    {row.cells.map((cell) => (
                      <td key={cell.assignmentId}>
                        <StatusBadge status={cell.status as SubmissionStatus} label={cell.label} />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>

      <section aria-labelledby="alle-opdrachten">
        <h2 id="alle-opdrachten">Alle opdrachten</h2>
        {matrix.columns.length ? (
          <ul className="assignment-list">
            {matrix.columns.map((column) => (
              <li key={column.id}>
                <Link to={`${base}/${column.id}`}>{column.title}</Link>{" "}
                <span className="muted">
                  · bijeenkomst {column.session.number}: {column.session.title} · inleveren vóór{" "}
                  {formatDateTime(column.dueAt)} · {column.kind === "DUO" ? "duo" : "individueel"}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">Nog geen opdrachten.</p>
        )}
      </section>

      {isCoordinator ? (
        <section aria-labelledby="kopieren" className="panel">
          <h2 id="kopieren">Opdrachten kopiëren uit een ander leernetwerk</h2>
          {sources.length === 0 ? (
            <p className="muted">Er is geen ander leernetwerk met opdrachten.</p>
          ) : (
            <>
              <p>
                De opdrachten komen bij de bijeenkomst met hetzelfde nummer. De inleverdatum houdt dezelfde afstand tot
                de bijeenkomst.
              </p>
              <FormAlert
                message={actionData ? (actionData.formError ?? actionData.fieldErrors.sourceCohortId?.join(" ")) : null}
              />
              <Form method="post" className="stack" noValidate>
                <SelectField
                  label="Kopiëren uit"
                  name="sourceCohortId"
                  defaultValue=""
                  errors={actionData?.fieldErrors.sourceCohortId}
                >
                  <option value="">— Kies een leernetwerk —</option>
                  {sources.map((source) => (
                    <option key={source.id} value={source.id}>
                      {source.name} (vanaf {formatDate(source.startsOn)})
                    </option>
                  ))}
                </SelectField>
                <div>
                  <button type="submit" disabled={navigation.state !== "idle"}>
                    Opdrachten kopiëren
                  </button>
                </div>
              </Form>
            </>
          )}
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

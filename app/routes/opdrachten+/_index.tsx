// The participant's assignments: every assignment of their cohort with its status (open, concept,
// ingeleverd, feedback ontvangen, te laat), the ones still to do first.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { requireRole } from "~/auth/guards.server.ts";
import { StatusBadge } from "~/components/assignment-parts.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { TableScroll } from "~/components/table-scroll.tsx";
import { listParticipantAssignments } from "~/models/assignment.server.ts";
import { formatDateTime } from "~/utils/dates.ts";

export const meta: MetaFunction = () => [{ title: "Opdrachten — Leernetwerk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "PARTICIPANT");
  const { context, assignments } = await listParticipantAssignments(user);
  return { municipality: context?.municipality.name ?? null, assignments };
}

export default function AssignmentsPage() {
  const { municipality, assignments } = useLoaderData<typeof loader>();
  const todo = assignments.filter(
    (assignment) => assignment.status === "open" || assignment.status === "concept" || assignment.status === "te-laat",
  );
  return (
    <>
      <h1>Opdrachten</h1>
      <p>
        Tussen de bijeenkomsten werken jullie aan opdrachten in je eigen gemeente
        {municipality ? ` (${municipality})` : ""}. Wat je schrijft, wordt vanzelf bewaard. Bij een duo-opdracht
        schrijven jullie samen aan één uitwerking.
      </p>
      {!municipality ? (
        <p className="muted">Je doet nu niet mee aan een leernetwerk, dus er zijn geen opdrachten.</p>
      ) : assignments.length === 0 ? (
        <p className="muted">Er zijn nog geen opdrachten voor jouw leernetwerk.</p>
      ) : (
        <>
          <p>{todo.length === 0 ? "Je hebt alles ingeleverd." : `Nog te doen: ${todo.length}.`}</p>
          <TableScroll label="Tabel met je opdrachten">
            <table>
              <caption className="visually-hidden">Je opdrachten met hun status</caption>
              <thead>
                <tr>
                  <th scope="col">Opdracht</th>
                  <th scope="col">Status</th>
                  <th scope="col">Inleveren vóór</th>
                  <th scope="col">Soort</th>
                  <th scope="col">Bijeenkomst</th>
                </tr>
              </thead>
              <tbody>
                {assignments.map((assignment) => (
                  <tr key={assignment.id}>
                    <td>
                      <Link to={`/opdrachten/${assignment.id}`}>{assignment.title}</Link>
                    </td>
                    {/* Status first after the title: on a phone it is visible without scrolling sideways. */}
                    <td>
                      <StatusBadge status={assignment.status} label={assignment.statusLabel} />
                    </td>
                    <td>{formatDateTime(assignment.dueAt)}</td>
                    <td>{assignment.kind === "DUO" ? "Duo" : "Individueel"}</td>
                    <td>
                      {assignment.session.number}: {assignment.session.title}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

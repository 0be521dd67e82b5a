// The duo view: per lesson, who of the duo has read it, side by side. Only for participants in a duo.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { requireRole } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ReadingProgress } from "~/components/progress.tsx";
import { TableScroll } from "~/components/table-scroll.tsx";
import { getLibrary } from "~/content/library.server.ts";
import { findDuo, readLessons, totalProgress } from "~/models/course-progress.server.ts";
import { formatShortDate } from "~/utils/dates.ts";
import { invariantResponse } from "~/utils/http.server.ts";
import { duoFunctionLabels } from "~/utils/labels.ts";
import type { DuoFunction } from "~/generated/prisma/enums.ts";

export const meta: MetaFunction = () => [{ title: "Voortgang van jullie duo — Leren — Leernetwerk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "PARTICIPANT");
  const duo = await findDuo(user);
  invariantResponse(duo, "Je bent (nog) geen lid van een duo in een leernetwerk.");
  const read = await readLessons(duo.people.map((person) => person.id));
  return {
    municipality: duo.municipality,
    cohort: duo.cohort,
    people: duo.people.map((person) => ({
      id: person.id,
      name: person.isMe ? `${person.name} (jij)` : person.name,
      function: person.function as DuoFunction,
      total: totalProgress(read.get(person.id)),
    })),
    modules: getLibrary().modules.map((module) => ({
      slug: module.slug,
      title: module.title,
      lessons: module.lessons.map((lesson) => ({
        id: lesson.id,
        title: lesson.title,
        readAt: duo.people.map((person) => read.get(person.id)?.get(lesson.id) ?? null),
      })),
    })),
  };
}

export default function DuoProgressPage() {
  const { municipality, cohort, people, modules } = useLoaderData<typeof loader>();
  return (
    <>
      <nav aria-label="Kruimelpad" className="breadcrumbs">
        <Link to="/leren">Leren</Link> <span aria-hidden="true">›</span> Voortgang duo
      </nav>
      <h1>Voortgang van jullie duo</h1>
      <p className="lead">
        {municipality} in <Link to={`/leernetwerken/${cohort.id}`}>{cohort.name}</Link>. Per les zie je wie hem heeft
        gelezen.
      </p>
      <div className="duo-totals">
        {people.map((person) => (
          <div key={person.id} className="card">
            <p>
              <strong>{person.name}</strong>
              <br />
              <span className="muted">{duoFunctionLabels[person.function]}</span>
            </p>
            <ReadingProgress who="Alle modules" read={person.total.read} total={person.total.total} />
          </div>
        ))}
      </div>
      {modules.map((module) => (
        <section key={module.slug} aria-labelledby={`module-${module.slug}`}>
          <h2 id={`module-${module.slug}`}>{module.title}</h2>
          <TableScroll label={`Voortgang in ${module.title}`}>
            <table>
              <thead>
                <tr>
                  <th scope="col">Les</th>
                  {people.map((person) => (
                    <th scope="col" key={person.id}>
                      {person.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {module.lessons.map((lesson) => (
                  <tr key={lesson.id}>
                    <th scope="row">
                      <Link to={`/leren/${lesson.id}`}>{lesson.title}</Link>
                    </th>
                    {lesson.readAt.map((readAt, index) => (
                      <td key={people[index]!.id}>
                        {readAt ? `Gelezen (${formatShortDate(readAt)})` : "Nog niet gelezen"}
                      </td>
                    ))}
                  </tr>
                ))}
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

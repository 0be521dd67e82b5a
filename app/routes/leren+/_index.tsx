// The module overview: every module with its summary and reading time, and how far the participant and
// their duo partner have read.
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { requireUser } from "~/auth/guards.server.ts";
import { ReadingProgress } from "~/components/progress.tsx";
import { getLibrary } from "~/content/library.server.ts";
import { findDuo, progressPerModule, readLessons } from "~/models/course-progress.server.ts";
import type { DescribedHandle } from "~/utils/page-description.ts";
import { aantal } from "~/utils/plural.ts";

export const meta: MetaFunction = () => [{ title: "Leren — Leernetwerk" }];

export const handle: DescribedHandle = {
  description:
    "De modules van het leernetwerk: lessen over ervaringskennis ontsluiten, vertalen en gebruiken in beleid.",
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const library = getLibrary();
  const duo = user.role === "PARTICIPANT" ? await findDuo(user) : null;
  const people = duo?.people ?? [{ id: user.id, name: user.name, function: "", isMe: true }];
  const read = await readLessons(people.map((person) => person.id));
  return {
    duo: duo ? { municipality: duo.municipality } : null,
    people: people.map((person) => ({
      id: person.id,
      name: person.isMe ? "Jij" : person.name,
      modules: progressPerModule(read.get(person.id)),
    })),
    modules: library.modules.map((module) => ({
      slug: module.slug,
      title: module.title,
      summary: module.summary,
      minutes: module.minutes,
      lessons: module.lessons.length,
      firstLesson: module.lessons[0]?.slug ?? null,
    })),
    hasGlossary: Boolean(library.glossary),
  };
}

export default function LearnOverview() {
  const { modules, people, duo, hasGlossary } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Leren</h1>
      <p className="lead">
        De modules van het leernetwerk: over ervaringskennis, de lemniscaat &lsquo;Ervaringskennis in beleid&rsquo;,
        kwartiermaken en samenwerken met ervaringsdeskundigen. Lees ze in je eigen tempo, het liefst vóór de bijeenkomst
        waar ze bij horen.
      </p>
      <p className="link-row">
        {duo ? <Link to="/leren/voortgang">Voortgang van jullie duo ({duo.municipality})</Link> : null}
        {hasGlossary ? <Link to="/leren/begrippen">Begrippenlijst</Link> : null}
      </p>
      <ol className="module-list">
        {modules.map((module, index) => (
          <li key={module.slug} className="card module-card">
            <h2>
              <span className="muted">Module {index + 1}. </span>
              <Link to={`/leren/${module.slug}`}>{module.title}</Link>
            </h2>
            <p>{module.summary}</p>
            <p className="muted">
              {aantal(module.lessons, "les", "lessen")} · ongeveer {module.minutes} minuten lezen
            </p>
            {people.map((person) => {
              const progress = person.modules.find((entry) => entry.slug === module.slug);
              return progress ? (
                <ReadingProgress key={person.id} who={person.name} read={progress.read} total={progress.total} />
              ) : null;
            })}
          </li>
        ))}
      </ol>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

// A module: its introduction, its lessons in order (with what the participant and their duo partner have
// read) and the sources it is written from.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { requireUser } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { findModule, getLibrary } from "~/content/library.server.ts";
import { MarkdocContent } from "~/content/render.tsx";
import { SourceList } from "~/content/source-list.tsx";
import { findDuo, readLessons } from "~/models/course-progress.server.ts";
import { invariantResponse } from "~/utils/http.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.module.title} — Leren — Leernetwerk` : "Leernetwerk" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const module = findModule(params.module);
  invariantResponse(module, "Deze module bestaat niet.");
  const library = getLibrary();
  const duo = user.role === "PARTICIPANT" ? await findDuo(user) : null;
  const people = duo?.people ?? [{ id: user.id, name: user.name, function: "", isMe: true }];
  const read = await readLessons(people.map((person) => person.id));
  return {
    module: {
      slug: module.slug,
      title: module.title,
      summary: module.summary,
      intro: module.intro,
      minutes: module.minutes,
    },
    number: library.modules.indexOf(module) + 1,
    lessons: module.lessons.map((lesson) => ({
      slug: lesson.slug,
      title: lesson.title,
      summary: lesson.summary,
      minutes: lesson.minutes,
      readBy: people
        .filter((person) => read.get(person.id)?.has(lesson.id))
        .map((person) => (person.isMe ? "jij" : person.name)),
    })),
    sources: module.sources.flatMap((key) => (library.sources[key] ? [{ key, ...library.sources[key] }] : [])),
  };
}

export default function ModulePage() {
  const { module, number, lessons, sources } = useLoaderData<typeof loader>();
  return (
    <>
      <nav aria-label="Kruimelpad" className="breadcrumbs">
        <Link to="/leren">Leren</Link> <span aria-hidden="true">›</span> Module {number}
      </nav>
      <h1>{module.title}</h1>
      <p className="lead">{module.summary}</p>
      <div className="module-intro">
        <MarkdocContent content={module.intro} />
      </div>
      <h2>Lessen</h2>
      <p className="muted">Samen ongeveer {module.minutes} minuten lezen.</p>
      <ol className="lesson-list">
        {lessons.map((lesson) => (
          <li key={lesson.slug} className="card">
            <Link to={`/leren/${module.slug}/${lesson.slug}`} className="lesson-link">
              {lesson.title}
            </Link>
            <p>{lesson.summary}</p>
            <p className="muted">
              {lesson.minutes} minuten
              {lesson.readBy.length ? <> · gelezen door {lesson.readBy.join(" en ")}</> : null}
            </p>
          </li>
        ))}
      </ol>
      <SourceList sources={sources} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

// A lesson: the rendered content (with reflection prompts, assignments, zelfscans and the lemniscaat
// figure), a table of contents for long lessons, previous/next, "markeer als gelezen" and the sources.
import Markdoc, { type RenderableTreeNode } from "@markdoc/markdoc";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction, SerializeFrom } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { Prerendered } from "~/components/prerendered.tsx";
import { prerender } from "~/components/prerendered.server.ts";
import { z } from "zod";
import { requireUser, requireUserWith } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { findLesson, findModule, getLibrary, neighbours } from "~/content/library.server.ts";
import { prepareContent } from "~/content/prepared.server.ts";
import { PreparedContent } from "~/content/render.tsx";
import { SOURCE_LIST_ATTRIBUTES, SourceListContent } from "~/content/source-list.tsx";
import { lessonViewerRider, saveZelfscan, setLessonRead } from "~/models/course-progress.server.ts";
import { formatDateTime } from "~/utils/dates.ts";
import { formIntents, parseForm, textValue } from "~/utils/forms.ts";
import { domainErrorReply, invalid, readForm } from "~/utils/forms.server.ts";
import { invariantResponse, isDocumentNavigation } from "~/utils/http.server.ts";
import type { DescribedHandle } from "~/utils/page-description.ts";
import { keptJsonData, readJsonData } from "~/utils/json-data.ts";
import { keptPerObject } from "~/utils/kept.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [{ title: "Leernetwerk" }];
  const { lesson, module } = readJsonData(data.shared);
  return [{ title: `${lesson.title} — ${module.title} — Leernetwerk` }];
};

// The lesson's summary is the page's meta description (rendered by the root layout).
export const handle: DescribedHandle = {
  description: (data: SerializeFrom<typeof loader>) => readJsonData(data.shared).lesson.summary,
};

/** Long lessons get a table of contents. */
const TOC_MIN_HEADINGS = 3;

function loadLesson(params: LoaderFunctionArgs["params"]) {
  const lesson = findLesson(params.module, params.lesson);
  invariantResponse(lesson, "Deze les bestaat niet.");
  return lesson;
}

/** The source keys of the Praktijkvoorbeeld tags in a lesson's content. */
function sourcesNamedIn(content: RenderableTreeNode): string[] {
  const found = new Set<string>();
  const walk = (node: RenderableTreeNode) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (Markdoc.Tag.isTag(node)) {
      if (node.name === "Praktijkvoorbeeld" && typeof node.attributes.source === "string")
        found.add(node.attributes.source);
      node.children.forEach(walk);
    }
  };
  walk(content);
  return [...found];
}

type Lesson = NonNullable<ReturnType<typeof findLesson>>;

/**
 * What a lesson page shows everyone alike: its text, table of contents, module, neighbours and sources. Made
 * once per lesson and kind of request (a document's data leaves the content's HTML out) and sent as one JSON
 * string, which the data's encoder passes as it is instead of walking some sixty values on every request
 * (issue 18). Kept per lesson object: a library read again (CONTENT_CACHE=off) has new ones.
 */
const sharedParts = {
  document: keptPerObject((lesson: Lesson) => makeSharedParts(lesson, true)),
  data: keptPerObject((lesson: Lesson) => makeSharedParts(lesson, false)),
};

function makeSharedParts(lesson: Lesson, forDocument: boolean) {
  const shared = keptJsonData(sharedValue(lesson, forDocument));
  // A document is rendered on the server: its parts that are the same for everyone, once.
  if (forDocument) prerender(Object.values(lessonParts(readJsonData(shared))));
  return shared;
}

function sharedValue(lesson: Lesson, forDocument: boolean) {
  const module = findModule(lesson.moduleSlug)!;
  const library = getLibrary();
  const { previous, next } = neighbours(lesson.id);
  const sourceKeys = [...new Set(lesson.sources)];
  // The sources the lesson's praktijkvoorbeelden name (not the whole list of sources).
  const sourceNames = Object.fromEntries(
    sourcesNamedIn(lesson.content).flatMap((key) => {
      const source = library.sources[key];
      return source ? [[key, { title: source.title, author: source.author }]] : [];
    }),
  ) as Record<string, { title: string; author: string }>;
  return {
    lesson: {
      id: lesson.id,
      title: lesson.title,
      summary: lesson.summary,
      minutes: lesson.minutes,
      // Rendered once per lesson to HTML where it holds none of our components (app/content/prepared.ts).
      // A document request's data leaves that HTML out: the browser takes it from the page it hydrates.
      content: prepareContent(lesson.content, { forDocument, sources: sourceNames }),
      toc: lesson.toc,
    },
    module: {
      slug: module.slug,
      title: module.title,
      number: library.modules.indexOf(module) + 1,
      lessonCount: module.lessons.length,
    },
    position: module.lessons.findIndex((entry) => entry.id === lesson.id) + 1,
    previous: previous ? { href: `/leren/${previous.id}`, title: previous.title } : null,
    next: next ? { href: `/leren/${next.id}`, title: next.title } : null,
    sources: sourceKeys.flatMap((key) => (library.sources[key] ? [{ key, ...library.sources[key] }] : [])),
    sourceNames,
  };
}

/**
 * The parts of a lesson page that are the same for every viewer, as elements kept per lesson data: on the
 * server their HTML is made once (Prerendered), in the browser they hydrate it.
 */
const lessonParts = keptPerObject(
  ({ lesson, module, position, previous, next, sources }: ReturnType<typeof sharedValue>) => ({
    breadcrumbs: (
      <>
        <Link to="/leren">Leren</Link> <span aria-hidden="true">›</span>{" "}
        <Link to={`/leren/${module.slug}`}>
          Module {module.number}: {module.title}
        </Link>{" "}
        <span aria-hidden="true">›</span> Les {position} van {module.lessonCount}
      </>
    ),
    toc:
      lesson.toc.length >= TOC_MIN_HEADINGS ? (
        <>
          <p id="toc-titel" className="toc-title">
            <strong>In deze les</strong>
          </p>
          <ul>
            {lesson.toc.map((entry) => (
              <li key={entry.id} className={entry.level === 3 ? "toc-sub" : undefined}>
                <a href={`#${entry.id}`}>{entry.title}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null,
    pager: (
      <>
        {previous ? (
          <Link to={previous.href} rel="prev">
            <span className="pager-label">Vorige les</span> {previous.title}
          </Link>
        ) : (
          <span />
        )}
        {next ? (
          <Link to={next.href} rel="next" className="pager-next">
            <span className="pager-label">Volgende les</span> {next.title}
          </Link>
        ) : null}
      </>
    ),
    sources: sources.length > 0 ? <SourceListContent sources={sources} /> : null,
  }),
);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lesson = findLesson(params.module, params.lesson);
  if (!lesson) await requireUser(request); // Not signed in: the login page, whether the lesson exists or not.
  invariantResponse(lesson, "Deze les bestaat niet.");
  // Read by me and my duo, my zelfscan answers, the assignments of its opdracht blocks: read with the
  // session check, in its statement.
  const { user, data } = await requireUserWith(request, lessonViewerRider(lesson));
  const { readAt, partners, answers, assignments } = data;
  return {
    shared: (isDocumentNavigation(request) ? sharedParts.document : sharedParts.data)(lesson),
    readAt,
    partners,
    answers,
    // Only participants keep a journal; staff see the prompt without the link.
    canWriteJournal: user.role === "PARTICIPANT",
    assignments,
  };
}

// A zelfscan's fields (<question id>.checked, <question id>.note) depend on the scan: read per question below.
const schema = formIntents({
  read: z.object({}),
  unread: z.object({}),
  zelfscan: z.object({ scanId: z.string().default("") }).passthrough(),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const lesson = loadLesson(params);
  const form = parseForm(schema, await readForm(request));
  if (!form.ok) return invalid(form.error);
  const { data: input, values } = form;
  if (input.intent !== "zelfscan") {
    await setLessonRead(user.id, lesson.id, input.intent === "read");
    return { status: "read" as const, readChanged: input.intent };
  }
  const scan = lesson.zelfscans.find((candidate) => candidate.id === input.scanId);
  invariantResponse(scan, "Deze zelfscan hoort niet bij deze les.", { status: 400 });
  const answers = Object.fromEntries(
    scan.questions.map((question) => [
      question.id,
      {
        checked: textValue(values, `${question.id}.checked`) === "on",
        note: (textValue(values, `${question.id}.note`) ?? "").trim(),
      },
    ]),
  );
  try {
    await saveZelfscan(user.id, scan.id, answers);
  } catch (error) {
    return domainErrorReply(error, values);
  }
  return { status: "saved" as const, scanId: scan.id };
}

/** The zelfscan as the lesson shows it after saving: saved, or refused with what was typed. */
function savedScanOf(answer: ReturnType<typeof useActionData<typeof action>>) {
  if (answer?.status === "saved") return { scanId: answer.scanId };
  if (answer?.status !== "error" || answer.values.intent !== "zelfscan") return null;
  const kept: Record<string, { checked: boolean; note: string }> = {};
  for (const key of Object.keys(answer.values)) {
    const match = /^(.+)\.(checked|note)$/.exec(key);
    if (!match) continue;
    kept[match[1]!] ??= { checked: false, note: "" };
    const item = kept[match[1]!]!;
    if (match[2] === "note") item.note = textValue(answer.values, key) ?? "";
    else item.checked = textValue(answer.values, key) === "on";
  }
  return { scanId: textValue(answer.values, "scanId") ?? "", error: answer.formError ?? undefined, values: kept };
}

export default function LessonPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { readAt, partners, answers, canWriteJournal, assignments } = loaderData;
  const shared = readJsonData(loaderData.shared);
  const { lesson, sourceNames } = shared;
  const parts = lessonParts(shared);
  const pendingIntent = navigation.formData?.get("intent");
  const isRead = pendingIntent === "read" ? true : pendingIntent === "unread" ? false : Boolean(readAt);
  const savedScan = savedScanOf(actionData);

  return (
    <div className="lesson">
      <Prerendered as="nav" aria-label="Kruimelpad" className="breadcrumbs">
        {parts.breadcrumbs}
      </Prerendered>
      <h1>{lesson.title}</h1>
      <p className="lead">{lesson.summary}</p>
      <p className="muted">Ongeveer {lesson.minutes} minuten lezen</p>

      {parts.toc ? (
        <Prerendered as="nav" aria-labelledby="toc-titel" className="toc">
          {parts.toc}
        </Prerendered>
      ) : null}

      <div className="lesson-content">
        <PreparedContent
          tree={lesson.content}
          context={{ answers, savedScan, sources: sourceNames, canWriteJournal, assignments }}
        />
      </div>

      <section className="read-box" aria-labelledby="gelezen-titel">
        <h2 id="gelezen-titel" className="visually-hidden">
          Voortgang
        </h2>
        <Form method="post" preventScrollReset>
          <input type="hidden" name="intent" value={isRead ? "unread" : "read"} />
          <p role="status" className="read-status">
            {isRead ? (
              <>
                <span className="badge badge-success">Gelezen</span>
                {readAt ? <span className="muted"> op {formatDateTime(readAt)}</span> : null}
              </>
            ) : (
              "Je hebt deze les nog niet als gelezen gemarkeerd."
            )}
          </p>
          <button type="submit" className={isRead ? "button-secondary" : undefined}>
            {isRead ? "Markeer als ongelezen" : "Markeer als gelezen"}
          </button>
        </Form>
        {partners.map((partner) => (
          <p key={partner.name} className="muted">
            {partner.name}: {partner.readAt ? `gelezen op ${formatDateTime(partner.readAt)}` : "nog niet gelezen"}
          </p>
        ))}
      </section>

      <Prerendered as="nav" aria-label="Vorige en volgende les" className="pager">
        {parts.pager}
      </Prerendered>

      {parts.sources ? (
        <Prerendered as="section" {...SOURCE_LIST_ATTRIBUTES}>
          {parts.sources}
        </Prerendered>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

// One summary in the knowledge base, for every signed-in user.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { isUuid, requireUser } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { isKnowledgeTheme, knowledgeThemes } from "~/models/knowledge-rules.ts";
import { getArticle } from "~/models/knowledge.server.ts";
import { formatShortDate } from "~/utils/dates.ts";
import { invariantResponse, notFound } from "~/utils/http.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.article.title} — Kennisbank — Leernetwerk` : "Kennisbank — Leernetwerk" },
];

const NOT_FOUND = "Deze samenvatting bestaat niet (meer). Misschien heeft het duo hem uit de kennisbank gehaald.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const id = params.articleId;
  if (!isUuid(id)) throw notFound(NOT_FOUND);
  const article = await getArticle(id);
  invariantResponse(article, NOT_FOUND);
  return { article };
}

export default function KnowledgeArticlePage() {
  const { article } = useLoaderData<typeof loader>();
  return (
    <article aria-labelledby="article-title">
      <nav aria-label="Kruimelpad" className="breadcrumbs">
        <Link to="/kennisbank">Kennisbank</Link>
      </nav>
      <h1 id="article-title">{article.title}</h1>
      <p className="muted">
        {article.municipality ? `Gemeente ${article.municipality.replace(/^gemeente\s+/i, "")}` : "Een gemeente"} ·{" "}
        {article.cohort} · gedeeld op {formatShortDate(article.publishedAt)}
      </p>
      <ul className="tag-list" aria-label="Thema's">
        {article.themes.filter(isKnowledgeTheme).map((id) => (
          <li key={id} className="badge">
            <Link to={`/kennisbank?thema=${id}`}>{knowledgeThemes[id]}</Link>
          </li>
        ))}
      </ul>
      {article.sections.map((section) => (
        <section key={section.sectionId} aria-labelledby={`deel-${section.sectionId}`}>
          <h2 id={`deel-${section.sectionId}`}>{section.title}</h2>
          {section.text.split(/\n{2,}/).map((paragraph, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the paragraphs of one fixed text, never reordered
            <p key={index} className="canvas-text">
              {paragraph}
            </p>
          ))}
        </section>
      ))}
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

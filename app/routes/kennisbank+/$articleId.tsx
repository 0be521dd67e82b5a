// One duo's summary in the knowledge base: public once a coordinator approved it (issue 16); before that, and
// after it was withdrawn or sent back, a 404 for everyone. No names of people; the municipality only when the
// duo chose to show it.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { isUuid } from "~/auth/guards.server.ts";
import { getUser } from "~/auth/session.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { KnowledgeTags, Paragraphs, sizeLabel } from "~/components/knowledge.tsx";
import { getPublicArticle } from "~/models/knowledge-public.server.ts";
import { municipalityLabel } from "~/models/knowledge-rules.ts";
import { formatShortDate } from "~/utils/dates.ts";
import { invariantResponse, notFound } from "~/utils/http.server.ts";
import type { DescribedHandle } from "~/utils/page-description.ts";
import { publicHeaders, publicPageHeaders } from "~/utils/public-cache.ts";
import { shorten } from "~/utils/text.ts";

type LoaderData = { description: string; article: { title: string } };

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => {
  if (!loaded) return [{ title: "Niet gevonden — Kennisbank — Leernetwerk" }];
  return [
    { title: `${loaded.article.title} — Kennisbank — Leernetwerk` },
    { property: "og:title", content: loaded.article.title },
    { property: "og:description", content: loaded.description },
    { property: "og:type", content: "article" },
  ];
};

export const handle: DescribedHandle = { description: (loaded: LoaderData) => loaded.description };

export const headers = publicHeaders;

const NOT_FOUND =
  "Deze samenvatting bestaat niet (meer) of is nog niet gepubliceerd. Misschien heeft het duo hem uit de kennisbank gehaald.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Public: no guard; the query itself only finds approved summaries.
  const user = await getUser(request);
  const id = params.articleId;
  if (!isUuid(id)) throw notFound(NOT_FOUND);
  const article = await getPublicArticle(id);
  invariantResponse(article, NOT_FOUND);
  const from = municipalityLabel(article.municipality);
  const description = shorten(
    `${from} deelt hoe zij ervaringskennis gebruiken: ${article.sections[0]?.text.replace(/\s+/g, " ") ?? article.title}`,
    200,
  );
  return data({ article, description }, { headers: publicPageHeaders(Boolean(user)) });
}

export default function KnowledgeArticlePage() {
  const { article } = useLoaderData<typeof loader>();
  const size = sizeLabel(article.sizeClass);
  return (
    <article aria-labelledby="article-title" className="knowledge-article">
      <nav aria-label="Kruimelpad" className="breadcrumbs">
        <Link to="/kennisbank">Kennisbank</Link>
      </nav>
      <h1 id="article-title">{article.title}</h1>
      <p className="muted">
        Aanpak van een duo · {municipalityLabel(article.municipality)}
        {size ? ` · ${size}` : ""} · {article.cohort} · gedeeld op {formatShortDate(article.publishedAt)}
      </p>
      <KnowledgeTags themes={article.themes} phases={article.phases} />
      {article.sections.map((section) => (
        <section key={section.sectionId} aria-labelledby={`deel-${section.sectionId}`}>
          <h2 id={`deel-${section.sectionId}`}>{section.title}</h2>
          <Paragraphs text={section.text} />
        </section>
      ))}
      <p className="no-print">
        <button type="button" className="button-secondary" onClick={() => window.print()}>
          Afdrukken
        </button>
      </p>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

// /kennisbank: what duos shared at the end of their cohort, for every signed-in user; search by theme and text.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { Field, SelectField } from "~/components/forms.tsx";
import { isKnowledgeTheme, knowledgeThemeIds, knowledgeThemes } from "~/models/knowledge-rules.ts";
import { searchArticles } from "~/models/knowledge.server.ts";
import { formatShortDate } from "~/utils/dates.ts";
import { queryText } from "~/utils/http.server.ts";
import { shorten } from "~/utils/text.ts";
import type { DescribedHandle } from "~/utils/page-description.ts";
import { aantal } from "~/utils/plural.ts";

export const meta: MetaFunction = () => [{ title: "Kennisbank — Leernetwerk" }];

export const handle: DescribedHandle = {
  description: "De kennisbank: aanpakken die gemeenten uit eerdere leernetwerken met elkaar delen.",
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const q = queryText(url, "q");
  const themeParam = url.searchParams.get("thema") ?? "";
  const theme = isKnowledgeTheme(themeParam) ? themeParam : "";
  const articles = await searchArticles({ q, theme });
  return {
    q,
    theme,
    isParticipant: user.role === "PARTICIPANT",
    articles: articles.map(({ excerpt, ...article }) => ({
      ...article,
      excerpt: shorten(excerpt.replace(/\s+/g, " ").trim(), 220),
    })),
  };
}

export default function KnowledgeBasePage() {
  const { q, theme, articles, isParticipant } = useLoaderData<typeof loader>();
  const filtered = Boolean(q || theme);
  return (
    <>
      <h1>Kennisbank</h1>
      <p className="lead">
        Hoe gemeenten ervaringskennis gebruiken in hun beleid: samenvattingen die duo&apos;s aan het eind van hun
        leernetwerk hebben gedeeld, zonder namen van mensen.
      </p>
      {isParticipant ? (
        <p>
          Zelf jullie aanpak delen? Dat kan aan het eind van jullie leernetwerk via{" "}
          <Link to="/aanpak/delen">Delen in de kennisbank</Link>.
        </p>
      ) : null}
      <Form method="get" className="filter-form" role="search" aria-label="Zoeken in de kennisbank">
        <Field label="Zoeken" name="q" type="search" defaultValue={q} />
        <SelectField label="Thema" name="thema" defaultValue={theme}>
          <option value="">Alle thema&apos;s</option>
          {knowledgeThemeIds.map((id) => (
            <option key={id} value={id}>
              {knowledgeThemes[id]}
            </option>
          ))}
        </SelectField>
        <div className="button-row">
          <button type="submit">Zoeken</button>
          {filtered ? (
            <Link to="/kennisbank" className="button-link">
              Alles tonen
            </Link>
          ) : null}
        </div>
      </Form>
      <p role="status" className="muted">
        {aantal(articles.length, "samenvatting", "samenvattingen")}
        {filtered ? " gevonden" : ""}.
      </p>
      {articles.length ? (
        <ul className="cards knowledge-list">
          {articles.map((article) => (
            <li key={article.id} className="card">
              <h2>
                <Link to={`/kennisbank/${article.id}`}>{article.title}</Link>
              </h2>
              <p className="muted">
                {article.municipality
                  ? `Gemeente ${article.municipality.replace(/^gemeente\s+/i, "")}`
                  : "Een gemeente"}{" "}
                · {article.cohort} · gedeeld op {formatShortDate(article.publishedAt)}
              </p>
              <ul className="tag-list" aria-label="Thema's">
                {article.themes.filter(isKnowledgeTheme).map((id) => (
                  <li key={id} className="badge">
                    {knowledgeThemes[id]}
                  </li>
                ))}
              </ul>
              {article.excerpt ? <p>{article.excerpt}</p> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{filtered ? "Niets gevonden. Probeer een ander woord of thema." : "Er is nog niets gedeeld."}</p>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

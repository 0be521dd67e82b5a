// /kennisbank: public (no account needed, issue 16). What duos shared at the end of their cohort and what
// cohorts learned together (syntheses), once a coordinator approved it; search by text, theme, phase of the
// lemniscaat, kind of municipality and kind of text. The list comes from the in-memory copy of everything
// published (knowledge-public.server.ts); a signed-out visitor's page may be cached briefly (public-cache.ts).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { getUser } from "~/auth/session.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { Field, SelectField } from "~/components/forms.tsx";
import { searchPublishedKnowledge } from "~/models/knowledge-public.server.ts";
import {
  isKnowledgePhase,
  isKnowledgeTheme,
  isMunicipalitySize,
  knowledgePhaseIds,
  knowledgePhases,
  knowledgeThemeIds,
  knowledgeThemes,
  municipalityLabel,
  municipalitySizeIds,
  municipalitySizes,
} from "~/models/knowledge-rules.ts";
import { formatShortDate } from "~/utils/dates.ts";
import { queryText } from "~/utils/http.server.ts";
import type { DescribedHandle } from "~/utils/page-description.ts";
import { aantal } from "~/utils/plural.ts";
import { publicHeaders, publicPageHeaders } from "~/utils/public-cache.ts";
import { shorten } from "~/utils/text.ts";

const TITLE = "Kennisbank — Leernetwerk";
const DESCRIPTION =
  "Hoe gemeenten ervaringskennis gebruiken in hun beleid: aanpakken van duo's en lessen uit leernetwerken, zonder namen van mensen. Zoek op thema, fase en soort gemeente.";

export const meta: MetaFunction = () => [
  { title: TITLE },
  { property: "og:title", content: "Kennisbank van Leernetwerk" },
  { property: "og:description", content: DESCRIPTION },
  { property: "og:type", content: "website" },
];

export const handle: DescribedHandle = { description: DESCRIPTION };

export const headers = publicHeaders;

const KINDS = { samenvatting: "Aanpakken van duo's", synthese: "Lessen van een leernetwerk" } as const;
const isKind = (value: string): value is keyof typeof KINDS => Object.hasOwn(KINDS, value);

export async function loader({ request }: LoaderFunctionArgs) {
  // Public: no guard. Who is signed in only changes a link to the publish page and the cache headers.
  const user = await getUser(request);
  const url = new URL(request.url);
  const q = queryText(url, "q");
  const [themeParam, phaseParam, sizeParam, kindParam] = ["thema", "fase", "gemeente", "soort"].map(
    (name) => url.searchParams.get(name) ?? "",
  ) as [string, string, string, string];
  const theme = isKnowledgeTheme(themeParam) ? themeParam : "";
  const phase = isKnowledgePhase(phaseParam) ? phaseParam : "";
  const size = isMunicipalitySize(sizeParam) ? sizeParam : "";
  const kind = isKind(kindParam) ? kindParam : "";
  const items = await searchPublishedKnowledge({ q, theme, phase, size, kind });
  return data(
    {
      filter: { q, theme, phase, size, kind },
      isParticipant: user?.role === "PARTICIPANT",
      isCoordinator: user?.role === "COORDINATOR",
      items: items.map(({ searchText: _searchText, excerpt, ...item }) => ({
        ...item,
        excerpt: shorten(excerpt.replace(/\s+/g, " ").trim(), 220),
      })),
    },
    { headers: publicPageHeaders(Boolean(user)) },
  );
}

export default function KnowledgeBasePage() {
  const { filter, items, isParticipant, isCoordinator } = useLoaderData<typeof loader>();
  const filtered = Boolean(filter.q || filter.theme || filter.phase || filter.size || filter.kind);
  return (
    <div className="knowledge">
      <h1>Kennisbank</h1>
      <p className="lead">
        Hoe gemeenten ervaringskennis gebruiken in hun beleid. Hier staan aanpakken die duo&apos;s aan het eind van hun
        leernetwerk deelden, en lessen die begeleiders uit een heel leernetwerk trokken. Zonder namen van mensen, en
        gecontroleerd door een coördinator. Iedereen mag ze lezen en gebruiken.
      </p>
      {isParticipant ? (
        <p className="no-print">
          Zelf jullie aanpak delen? Dat kan aan het eind van jullie leernetwerk via{" "}
          <Link to="/aanpak/delen">Delen in de kennisbank</Link>.
        </p>
      ) : null}
      {isCoordinator ? (
        <p className="no-print">
          Nieuwe teksten komen pas hier na jouw controle: <Link to="/beheer/kennisbank">Kennisbank beoordelen</Link>.
        </p>
      ) : null}
      <Form method="get" className="filter-form no-print" role="search" aria-label="Zoeken in de kennisbank">
        <Field label="Zoeken" name="q" type="search" defaultValue={filter.q} />
        <SelectField label="Thema" name="thema" defaultValue={filter.theme}>
          <option value="">Alle thema&apos;s</option>
          {knowledgeThemeIds.map((id) => (
            <option key={id} value={id}>
              {knowledgeThemes[id]}
            </option>
          ))}
        </SelectField>
        <SelectField label="Fase van de lemniscaat" name="fase" defaultValue={filter.phase}>
          <option value="">Alle fasen</option>
          {knowledgePhaseIds.map((id) => (
            <option key={id} value={id}>
              {knowledgePhases[id]}
            </option>
          ))}
        </SelectField>
        <SelectField label="Soort gemeente" name="gemeente" defaultValue={filter.size}>
          <option value="">Alle gemeenten</option>
          {municipalitySizeIds.map((id) => (
            <option key={id} value={id}>
              {municipalitySizes[id]}
            </option>
          ))}
        </SelectField>
        <SelectField label="Soort tekst" name="soort" defaultValue={filter.kind}>
          <option value="">Alles</option>
          {Object.entries(KINDS).map(([id, label]) => (
            <option key={id} value={id}>
              {label}
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
        {aantal(items.length, "tekst", "teksten")}
        {filtered ? " gevonden" : ""}.
      </p>
      {items.length ? (
        <ul className="cards knowledge-list">
          {items.map((item) => (
            <li key={item.id} className="card">
              <h2>
                <Link to={item.href}>{item.title}</Link>
              </h2>
              <p className="muted">
                {item.kind === "synthese" ? "Lessen van het leernetwerk" : municipalityLabel(item.municipality)}
                {item.sizeClass ? ` · ${municipalitySizes[item.sizeClass]}` : ""} · {item.cohort} · gedeeld op{" "}
                {formatShortDate(item.publishedAt)}
              </p>
              <ul className="tag-list" aria-label="Thema's en fasen">
                {item.themes.map((id) => (
                  <li key={id} className="badge">
                    {knowledgeThemes[id]}
                  </li>
                ))}
                {item.phases.map((id) => (
                  <li key={id} className="badge badge-phase">
                    {knowledgePhases[id]}
                  </li>
                ))}
              </ul>
              {item.excerpt ? <p>{item.excerpt}</p> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{filtered ? "Niets gevonden. Probeer een ander woord of een ander filter." : "Er is nog niets gedeeld."}</p>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

// One cohort synthesis in the knowledge base: what a cohort learned across its duos, in the facilitators'
// words. Public once a coordinator approved it (issue 16); otherwise a 404 for everyone. No author's name.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { isUuid } from "~/auth/guards.server.ts";
import { getUser } from "~/auth/session.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { KnowledgeTags, Paragraphs } from "~/components/knowledge.tsx";
import { getPublicSynthesis } from "~/models/knowledge-public.server.ts";
import { formatShortDate } from "~/utils/dates.ts";
import { invariantResponse, notFound } from "~/utils/http.server.ts";
import type { DescribedHandle } from "~/utils/page-description.ts";
import { publicHeaders, publicPageHeaders } from "~/utils/public-cache.ts";
import { shorten } from "~/utils/text.ts";

type LoaderData = { description: string };

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => {
  if (!loaded) return [{ title: "Niet gevonden — Kennisbank — Leernetwerk" }];
  return [
    { title: `${loaded.synthesis.title} — Kennisbank — Leernetwerk` },
    { property: "og:title", content: loaded.synthesis.title },
    { property: "og:description", content: loaded.description },
    { property: "og:type", content: "article" },
  ];
};

export const handle: DescribedHandle = { description: (loaded: LoaderData) => loaded.description };

export const headers = publicHeaders;

const NOT_FOUND = "Deze tekst bestaat niet (meer) of is nog niet gepubliceerd.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Public: no guard; the query itself only finds approved syntheses.
  const user = await getUser(request);
  const id = params.synthesisId;
  if (!isUuid(id)) throw notFound(NOT_FOUND);
  const synthesis = await getPublicSynthesis(id);
  invariantResponse(synthesis, NOT_FOUND);
  const description = shorten(
    `Wat het leernetwerk ${synthesis.cohort} leerde: ${synthesis.body.replace(/\s+/g, " ")}`,
    200,
  );
  return data({ synthesis, description }, { headers: publicPageHeaders(Boolean(user)) });
}

export default function SynthesisPage() {
  const { synthesis } = useLoaderData<typeof loader>();
  return (
    <article aria-labelledby="synthesis-title" className="knowledge-article">
      <nav aria-label="Kruimelpad" className="breadcrumbs">
        <Link to="/kennisbank">Kennisbank</Link>
      </nav>
      <h1 id="synthesis-title">{synthesis.title}</h1>
      <p className="muted">
        Lessen van het leernetwerk, geschreven door de begeleiders · {synthesis.cohort} · gedeeld op{" "}
        {formatShortDate(synthesis.publishedAt)}
      </p>
      <KnowledgeTags themes={synthesis.themes} phases={synthesis.phases} />
      <Paragraphs text={synthesis.body} />
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

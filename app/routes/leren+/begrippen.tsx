// The glossary: the technical words of the lessons, each with an anchor that lessons link to.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { requireUser } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { getLibrary } from "~/content/library.server.ts";
import { MarkdocContent } from "~/content/render.tsx";
import { invariantResponse } from "~/utils/http.server.ts";

export const meta: MetaFunction = () => [{ title: "Begrippen — Leren — Leernetwerk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const { glossary } = getLibrary();
  invariantResponse(glossary, "Er is nog geen begrippenlijst.");
  return { glossary };
}

export default function GlossaryPage() {
  const { glossary } = useLoaderData<typeof loader>();
  return (
    <div className="glossary">
      <nav aria-label="Kruimelpad" className="breadcrumbs">
        <Link to="/leren">Leren</Link> <span aria-hidden="true">›</span> Begrippen
      </nav>
      <h1>{glossary.title}</h1>
      <p className="lead">{glossary.summary}</p>
      <MarkdocContent content={glossary.content} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

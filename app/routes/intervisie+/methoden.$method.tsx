// One intervisie method: what it is for, its steps with the time per step and what the inbrenger and the
// group do, and the sources. Readable for everyone who is signed in.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { requireUser } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { getLibrary } from "~/content/library.server.ts";
import { findMethod } from "~/content/methods.server.ts";
import { MarkdocContent } from "~/content/render.tsx";
import { SourceList } from "~/content/source-list.tsx";
import { TableScroll } from "~/components/table-scroll.tsx";
import { invariantResponse } from "~/utils/http.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.method.title} — Intervisie — Leernetwerk` : "Intervisie — Leernetwerk" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const method = findMethod(params.method);
  invariantResponse(method, "Deze methode bestaat niet.");
  const sources = getLibrary().sources;
  return {
    method,
    sources: method.sources.flatMap((key) => (sources[key] ? [{ key, ...sources[key] }] : [])),
  };
}

export default function MethodPage() {
  const { method, sources } = useLoaderData<typeof loader>();
  return (
    <>
      <nav aria-label="Kruimelpad" className="breadcrumbs">
        <Link to="/intervisie">Intervisie</Link>
      </nav>
      <h1>{method.title}</h1>
      <p className="lead">{method.summary}</p>
      <MarkdocContent content={method.content} />
      <h2 id="stappen">De stappen</h2>
      <p>Samen ongeveer {method.minutes} minuten.</p>
      <TableScroll label="Stappen van de methode">
        <table className="method-steps">
          <thead>
            <tr>
              <th scope="col">Stap</th>
              <th scope="col">Minuten</th>
              <th scope="col">De inbrenger</th>
              <th scope="col">De groep</th>
            </tr>
          </thead>
          <tbody>
            {method.steps.map((step, index) => (
              <tr key={step.name}>
                <th scope="row">
                  {index + 1}. {step.name}
                </th>
                <td>{step.minutes}</td>
                <td>{step.inbrenger}</td>
                <td>{step.groep}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <section aria-labelledby="herkomst">
        <h2 id="herkomst">Herkomst</h2>
        <p>{method.origin}</p>
      </section>
      <SourceList
        sources={sources}
        intro="Uit deze publicatie komen alleen het kader van intervisie (een groep van 4 tot 8 mensen, een inbrenger met een open vraag) en de thema's; de methode zelf beschrijft zij niet."
      />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

// The canvas as a printable page (print or save as PDF from the browser): title, municipality, date and the
// sections; the site's menu and the links are left out of the print.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { planDocument } from "~/models/action-plan-export.server.ts";
import { requirePlanAccess } from "~/auth/guards.server.ts";
import { getPlan, planStatusLine } from "~/models/action-plan.server.ts";
import { cohortPage } from "~/utils/cohort-page.ts";

// The way back to the canvas is the layout's breadcrumb, which print leaves out.
export const handle = cohortPage<typeof loader>({
  breadcrumb: ({ back, document }) => [{ label: `Aanpak van ${document.municipality}`, to: back }],
});

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.document.title} — afdrukken — Leernetwerk` : "Leernetwerk" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { enrollment } = await requirePlanAccess(request, params.cohortId, params.enrollmentId);
  const plan = await getPlan(enrollment);
  return {
    back: `/leernetwerken/${enrollment.cohortId}/aanpak/${enrollment.id}`,
    document: planDocument({
      municipality: enrollment.municipality.name,
      cohort: enrollment.cohort.name,
      status: planStatusLine(plan),
      content: plan.content,
    }),
  };
}

export default function PrintablePlan() {
  const { document } = useLoaderData<typeof loader>();
  return (
    <article className="print-document" aria-labelledby="document-title">
      <h1 id="document-title">{document.title}</h1>
      <p>
        <strong>Gemeente:</strong> {document.municipality}
        <br />
        <strong>Leernetwerk:</strong> {document.cohort}
        <br />
        <em>{document.status}</em>
      </p>
      <p className="no-print">
        Gebruik de afdrukfunctie van je browser (Ctrl+P of Cmd+P) om dit af te drukken of als PDF te bewaren.
      </p>
      {document.sections.map((section) => {
        let lastGroup: string | undefined;
        return (
          <section key={section.id} className="print-section" aria-labelledby={`print-${section.id}`}>
            <h2 id={`print-${section.id}`}>{section.title}</h2>
            {section.fields.map((field) => {
              const groupStart = field.group && field.group !== lastGroup;
              lastGroup = field.group;
              return (
                <div key={`${field.group ?? ""}${field.label}`}>
                  {groupStart ? <h3>{field.group}</h3> : null}
                  {section.fields.length > 1 ? <p className="print-label">{field.label}</p> : null}
                  {field.text ? (
                    <p className="canvas-text">{field.text}</p>
                  ) : (
                    <p className="muted">Nog niet ingevuld.</p>
                  )}
                </div>
              );
            })}
          </section>
        );
      })}
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

// /impactspoor/:municipalityId/onderwerpen/:topicId/terugkoppeling — "Wat hebben we met uw ervaringen
// gedaan?": the topic written for the council and for the residents who took part, as a printable page (print
// CSS: no menu, no links). The same content as the Word file next to it.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireTopic } from "~/auth/guards.server.ts";
import { BackLink } from "~/components/assignment-parts.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { feedbackDocument } from "~/models/impact-trail-export.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.document.title} ${data.document.topic} — Leernetwerk` : "Terugkoppeling — Leernetwerk" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { municipality, topic } = await requireTopic(request, params.municipalityId, params.topicId);
  return {
    back: `/impactspoor/${municipality.id}/onderwerpen/${topic.id}`,
    docx: `/impactspoor/${municipality.id}/onderwerpen/${topic.id}/terugkoppeling.docx`,
    document: feedbackDocument({ municipality: municipality.name, topic, steps: topic.steps }),
  };
}

export default function FeedbackPage() {
  const { back, docx, document } = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink to={back}>{document.topic}</BackLink>
      <article className="print-document feedback-document" aria-labelledby="document-title">
        <h1 id="document-title">{document.title}</h1>
        <p className="feedback-topic">
          <strong>{document.topic}</strong> · gemeente {document.municipality}
          <br />
          <em>{document.status}</em>
        </p>
        <div className="no-print panel">
          <p>
            Deze pagina is geschreven voor de gemeenteraad en voor de inwoners die hun ervaringen deelden. Druk hem af
            of bewaar hem als PDF met de afdrukfunctie van je browser (Ctrl+P of Cmd+P).
          </p>
          <p>
            <a href={docx} download>
              Downloaden als Word-bestand (.docx)
            </a>
          </p>
        </div>
        {document.intro.map((paragraph) => (
          <p key={paragraph} className="pre-line">
            {paragraph}
          </p>
        ))}
        {document.rounds.length ? null : <p className="muted">Er is nog niets vastgelegd.</p>}
        {document.rounds.map((round) => (
          <section key={round.number} className="print-section" aria-labelledby={`ronde-${round.number}`}>
            <h2 id={`ronde-${round.number}`}>{round.heading}</h2>
            {round.sections.map((section) => (
              <section key={section.id} aria-labelledby={`ronde-${round.number}-${section.id}`}>
                <h3 id={`ronde-${round.number}-${section.id}`}>{section.heading}</h3>
                {section.items.map((item) => (
                  <div key={item.heading} className="feedback-item">
                    <h4>{item.heading}</h4>
                    {item.lines.map((line) => (
                      <p key={`${line.label ?? ""}${line.text}`} className="pre-line">
                        {line.label ? <strong>{line.label}: </strong> : null}
                        {line.text}
                      </p>
                    ))}
                  </div>
                ))}
              </section>
            ))}
          </section>
        ))}
        <p className="feedback-closing">{document.closing}</p>
      </article>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

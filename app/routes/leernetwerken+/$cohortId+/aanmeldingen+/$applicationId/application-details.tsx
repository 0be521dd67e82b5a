import { useLoaderData } from "@remix-run/react";
import { duoFunctionLabels } from "~/utils/labels.ts";
import type { loader } from "./route.tsx";

/** What the municipality sent: contact, question and the intended duo (with what admitting would do per person). */
export function ApplicationDetails() {
  const { application, preview } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="aanvraag">
      <h2 id="aanvraag">De aanmelding</h2>
      <dl className="definition-list">
        <dt>Contactpersoon</dt>
        <dd>{application.contactName}</dd>
        <dt>E-mailadres</dt>
        <dd>
          <a href={`mailto:${application.contactEmail}`}>{application.contactEmail}</a>
        </dd>
        <dt>Telefoonnummer</dt>
        <dd>{application.contactPhone}</dd>
      </dl>
      <h3>Vraagstuk</h3>
      <p className="quote-block">{application.vraagstuk}</p>
      <h3>Het beoogde duo</h3>
      <ul className="person-list">
        {application.members.map((member) => (
          <li key={member.id}>
            {member.name} — {duoFunctionLabels[member.function].toLowerCase()} ({member.email})
            {preview?.[member.email] ? (
              <>
                {" "}
                <span className={preview[member.email]!.kind === "problem" ? "field-error inline-note" : "muted"}>
                  {preview[member.email]!.text}
                </span>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { formatDateTime } from "~/utils/dates.ts";
import { journalAudienceLabels, journalAudiencesLabel } from "~/utils/labels.ts";
import type { action, loader } from "./route.tsx";

/**
 * For the author: who can read the entry (the people fixed when it was shared, by name), who read it, changing
 * the sharing (check boxes, each naming who would read it), and the history of changes. Only the author sees it.
 */
export function SharingPanel() {
  const { entry, audienceChoices } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const error = actionData?.values.intent === "share" ? actionData.fieldErrors.audiences : undefined;
  return (
    <section aria-labelledby="sharing-heading" className="panel">
      <h2 id="sharing-heading">Wie kan dit lezen?</h2>
      {entry.readers.length === 0 ? (
        <p className="readers" data-testid="readers">
          <strong>Alleen jij.</strong>
        </p>
      ) : (
        <div data-testid="readers">
          <p>Gedeeld met deze mensen (vastgelegd toen je het deelde; wie later bijkomt, leest het niet):</p>
          <ul className="readers">
            {entry.readers.map((reader) => (
              <li key={`${reader.via}-${reader.user.id}`}>
                <strong>{reader.user.name}</strong> — {journalAudienceLabels[reader.via].toLowerCase()}, sinds{" "}
                {formatDateTime(reader.createdAt)}
              </li>
            ))}
          </ul>
          <p className="muted">Wie uit je duo, leernetwerk of intervisiegroep gaat, kan het meteen niet meer lezen.</p>
        </div>
      )}
      <h3 id="read-by-heading">Gelezen door</h3>
      {entry.readBy.length === 0 ? (
        <p data-testid="read-by">Nog niemand anders heeft dit stuk gelezen.</p>
      ) : (
        <ul data-testid="read-by" aria-labelledby="read-by-heading">
          {entry.readBy.map((read) => (
            <li key={read.reader.id}>
              {read.reader.name}: {read.count === 1 ? "1 keer" : `${read.count} keer`}, het laatst op{" "}
              {formatDateTime(read.lastReadAt)}
            </li>
          ))}
        </ul>
      )}
      {audienceChoices.length ? (
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="share" />
          <fieldset aria-describedby={error ? "audiences-error" : undefined}>
            <legend>Delen met (kies er geen, een of meer; niets aangevinkt is privé)</legend>
            {audienceChoices.map((choice) => (
              <div key={choice.audience} className="checkbox-field">
                <input
                  type="checkbox"
                  id={`audience-${choice.audience}`}
                  name="audiences"
                  value={choice.audience}
                  defaultChecked={entry.audiences.includes(choice.audience)}
                  aria-describedby={`audience-${choice.audience}-hint`}
                />
                <div>
                  <label htmlFor={`audience-${choice.audience}`}>{journalAudienceLabels[choice.audience]}</label>
                  <p className="field-hint" id={`audience-${choice.audience}-hint`}>
                    {entry.audiences.includes(choice.audience)
                      ? "Al gedeeld; de lezers hierboven blijven."
                      : `Lezen het als je nu deelt: ${choice.readers}`}
                  </p>
                </div>
              </div>
            ))}
            {error ? (
              <p className="field-error" id="audiences-error" role="alert">
                {error.join(" ")}
              </p>
            ) : null}
          </fieldset>
          <div>
            <button type="submit" disabled={busy}>
              Delen opslaan
            </button>
          </div>
        </Form>
      ) : (
        <p className="muted">Je doet (nog) niet mee aan een leernetwerk, dus dit stuk kan alleen privé blijven.</p>
      )}
      {entry.shareChanges.length ? (
        <details>
          <summary>Geschiedenis van het delen</summary>
          <ul>
            {entry.shareChanges.map((change) => (
              <li key={change.id}>
                {formatDateTime(change.changedAt)}: van “{journalAudiencesLabel(change.from)}” naar “
                {journalAudiencesLabel(change.to)}”
              </li>
            ))}
          </ul>
          <p className="muted">Deze geschiedenis ziet alleen jij.</p>
        </details>
      ) : null}
    </section>
  );
}

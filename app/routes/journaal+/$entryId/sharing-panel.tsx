import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { formatDateTime } from "~/utils/dates.ts";
import { journalAudienceLabels } from "~/utils/labels.ts";
import type { action, loader } from "./route.tsx";

/** For the author: who can read the entry, changing that, and the history of changes (only the author sees it). */
export function SharingPanel() {
  const { entry, audienceChoices } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <section aria-labelledby="sharing-heading" className="panel">
      <h2 id="sharing-heading">Wie kan dit lezen?</h2>
      <p className="readers" data-testid="readers">
        <strong>{entry.readers}</strong>
      </p>
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value="share" />
        <fieldset>
          <legend>Delen</legend>
          {audienceChoices.map((choice) => (
            <div key={choice.audience} className="radio">
              <input
                type="radio"
                id={`audience-${choice.audience}`}
                name="audience"
                value={choice.audience}
                defaultChecked={entry.audience === choice.audience}
                aria-describedby={`audience-${choice.audience}-hint`}
              />
              <div>
                <label htmlFor={`audience-${choice.audience}`}>{journalAudienceLabels[choice.audience]}</label>
                <p className="field-hint" id={`audience-${choice.audience}-hint`}>
                  {choice.readers}
                </p>
              </div>
            </div>
          ))}
          {audienceChoices.length === 1 ? (
            <p className="muted">Je doet (nog) niet mee aan een leernetwerk, dus dit stuk kan alleen privé blijven.</p>
          ) : null}
          {actionData?.values.intent === "share" && actionData.fieldErrors.audience ? (
            <p className="field-error" role="alert">
              {actionData.fieldErrors.audience.join(" ")}
            </p>
          ) : null}
        </fieldset>
        <div>
          <button type="submit" disabled={busy}>
            Delen opslaan
          </button>
        </div>
      </Form>
      {entry.shareChanges.length ? (
        <details>
          <summary>Geschiedenis van het delen</summary>
          <ul>
            {entry.shareChanges.map((change) => (
              <li key={change.id}>
                {formatDateTime(change.changedAt)}: van “{journalAudienceLabels[change.from]}” naar “
                {journalAudienceLabels[change.to]}”
              </li>
            ))}
          </ul>
          <p className="muted">Deze geschiedenis ziet alleen jij.</p>
        </details>
      ) : null}
    </section>
  );
}

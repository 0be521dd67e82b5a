// "Bewaren in het impactspoor": the author copies a piece of their own work (a submission with its files, a
// journal entry) into the municipality's impact trail, where it stays after the cohort's retention term
// (app/models/impact-trail-keep.server.ts).
import { useFetcher } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { ErrorSummary, Field, SelectField } from "~/components/forms.tsx";
import { type FormValues, textValue } from "~/utils/forms.ts";

export type KeepChoices = { municipalityId: string; topics: { id: string; title: string }[] };

export function KeepInTrail({
  choices,
  kind,
  id,
  what,
}: {
  choices: KeepChoices;
  kind: "submission" | "journal";
  /** The submission's or the journal entry's id. */
  id: string;
  /** What is kept, for the text: "jullie uitwerking met de bijlagen", "dit stuk". */
  what: string;
}) {
  const fetcher = useFetcher<{ values: FormValues; fieldErrors: Record<string, string[] | undefined> }>();
  const failed = fetcher.data && "fieldErrors" in fetcher.data ? fetcher.data : null;
  const values = failed?.values;
  const busy = fetcher.state !== "idle";
  return (
    <section aria-labelledby="bewaren-heading" className="panel">
      <h2 id="bewaren-heading">Bewaren in het impactspoor</h2>
      <p>
        Na het leernetwerk wordt dit na de bewaartermijn verwijderd. Wil je {what} houden? Bewaar een kopie in het{" "}
        <Link to={`/impactspoor/${choices.municipalityId}`}>impactspoor van je gemeente</Link>. Die kopie blijft bij de
        gemeente; iedereen met toegang tot het impactspoor kan hem lezen.
      </p>
      <ErrorSummary errors={failed?.fieldErrors} />
      <fetcher.Form method="post" action="/impactspoor/bewaren" className="stack" noValidate>
        <input type="hidden" name="intent" value={kind} />
        <input type="hidden" name="id" value={id} />
        <SelectField
          label="Bij welk onderwerp?"
          name="topicId"
          defaultValue={textValue(values, "topicId") ?? ""}
          errors={failed?.fieldErrors.topicId}
        >
          <option value="">Een nieuw onderwerp</option>
          {choices.topics.map((topic) => (
            <option key={topic.id} value={topic.id}>
              {topic.title}
            </option>
          ))}
        </SelectField>
        <Field
          label="Naam van het nieuwe onderwerp (als je geen onderwerp kiest)"
          name="newTopicTitle"
          maxLength={200}
          defaultValue={textValue(values, "newTopicTitle") ?? ""}
          errors={failed?.fieldErrors.newTopicTitle}
        />
        <div>
          <button type="submit" disabled={busy}>
            Bewaren in het impactspoor
          </button>
        </div>
      </fetcher.Form>
    </section>
  );
}

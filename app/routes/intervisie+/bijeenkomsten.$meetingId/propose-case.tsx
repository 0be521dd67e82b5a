import { Form, useActionData } from "@remix-run/react";
import { ErrorSummary, Field, FormAlert, TextareaField } from "~/components/forms.tsx";
import type { action } from "./route.tsx";

/** A member brings in a case: a situation from their own work and their question to the group. */
export function ProposeCaseForm({ busy, readers }: { busy: boolean; readers: string[] }) {
  const actionData = useActionData<typeof action>();
  const proposeErrors = actionData?.values.intent === "propose" ? actionData.fieldErrors : undefined;
  const proposeValues = actionData?.values.intent === "propose" ? actionData.values : undefined;
  return (
    <section aria-labelledby="inbrengen" className="panel">
      <h2 id="inbrengen">Een casus inbrengen</h2>
      <p>
        Beschrijf een situatie uit je eigen werk waar je mee zit. Alleen de groep en de begeleiding kunnen dit lezen.
      </p>
      <p data-testid="case-readers">
        {readers.length === 0
          ? "Er zit nog niemand anders in de groep: alleen jij kunt deze casus lezen."
          : `Je brengt hem in bij ${nameList(readers)}. Wie later bij de groep komt, leest deze casus niet.`}
      </p>
      <ErrorSummary errors={proposeErrors} />
      <FormAlert message={actionData?.values.intent === "propose" ? actionData.formError : null} />
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value="propose" />
        <Field
          label="Korte titel"
          name="title"
          required
          maxLength={120}
          defaultValue={proposeValues?.title ?? ""}
          errors={proposeErrors?.title}
        />
        <TextareaField
          label="De situatie"
          name="situation"
          rows={5}
          required
          defaultValue={proposeValues?.situation ?? ""}
          errors={proposeErrors?.situation}
        />
        <TextareaField
          label="Je vraag aan de groep"
          name="question"
          rows={2}
          required
          defaultValue={proposeValues?.question ?? ""}
          errors={proposeErrors?.question}
        />
        <TextareaField
          label="Wat wil je van de groep? (mag leeg)"
          name="wish"
          rows={2}
          defaultValue={proposeValues?.wish ?? ""}
          errors={proposeErrors?.wish}
          hint="Bijvoorbeeld: vooral vragen, herkenning, of ideeën om iets anders te doen."
        />
        <div>
          <button type="submit" disabled={busy}>
            Casus inbrengen
          </button>
        </div>
      </Form>
    </section>
  );
}

/** Names in plain Dutch: "A", "A en B", "A, B en C". */
function nameList(names: string[]) {
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} en ${names.at(-1)}`;
}

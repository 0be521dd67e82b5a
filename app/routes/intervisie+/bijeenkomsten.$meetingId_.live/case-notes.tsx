import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { ErrorSummary, FormAlert, TextareaField } from "~/components/forms.tsx";
import { noteKindLabels } from "~/models/intervision-forms.ts";
import type { action, loader } from "./route.tsx";

/** The chosen case(s): the inbrenger's question and wish, and the notes taken so far. */
export function CaseQuestions() {
  const { meeting } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="vraag">
      <h2 id="vraag">{meeting.cases.length > 1 ? "De vragen van de inbrengers" : "De vraag van de inbrenger"}</h2>
      {meeting.cases.length === 0 ? (
        <p>Er is geen casus gekozen{meeting.method?.slug === "open-ronde" ? " (open ronde)" : ""}.</p>
      ) : null}
      {meeting.cases.map((item) => (
        <div key={item.id} className="card">
          <h3>
            <Link to={`/intervisie/casussen/${item.id}`}>{item.title}</Link>
          </h3>
          <p className="muted">Inbrenger: {item.author.name}</p>
          <p className="live-question">
            <strong>Vraag:</strong> {item.question}
          </p>
          {item.wish ? (
            <p>
              <strong>Wat de inbrenger van de groep wil:</strong> {item.wish}
            </p>
          ) : null}
          <h4>Notities</h4>
          {item.notes.length === 0 ? (
            <p className="muted">Nog geen notities.</p>
          ) : (
            <ul className="note-list" aria-label={`Notities bij ${item.title}`}>
              {item.notes.map((note) => (
                <li key={note.id}>
                  <span className="badge">{noteKindLabels[note.kind]}</span> {note.body}{" "}
                  <span className="muted">
                    (stap {note.step + 1}
                    {note.author ? `, ${note.author.name}` : ""})
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </section>
  );
}

/** The scribe's form: an open question or an insight, for one of the cases. Only the group sees the notes. */
export function NoteForm({ busy }: { busy: boolean }) {
  const { meeting } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const noteErrors = actionData?.values.intent === "note" ? actionData.fieldErrors : undefined;
  const noteValues = actionData?.values.intent === "note" ? actionData.values : undefined;
  return (
    <section aria-labelledby="notuleren" className="panel">
      <h2 id="notuleren">Notuleren</h2>
      <p className="muted">
        De begeleider of een notulist uit de groep noteert open vragen en inzichten. Alleen de groep ziet ze.
      </p>
      <ErrorSummary errors={noteErrors} />
      <FormAlert message={actionData?.values.intent === "note" ? actionData.formError : null} />
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value="note" />
        {meeting.cases.length === 1 ? (
          <input type="hidden" name="caseId" value={meeting.cases[0]!.id} />
        ) : (
          <div className="field">
            <label htmlFor="note-case">Bij casus</label>
            <select id="note-case" name="caseId" defaultValue={noteValues?.caseId ?? meeting.cases[0]!.id}>
              {meeting.cases.map((item) => (
                <option key={item.id} value={item.id}>
                  {item.title}
                </option>
              ))}
            </select>
          </div>
        )}
        <fieldset>
          <legend>Soort notitie</legend>
          {(["QUESTION", "INSIGHT"] as const).map((kind) => (
            <div key={kind} className="radio">
              <input
                type="radio"
                id={`kind-${kind}`}
                name="kind"
                value={kind}
                defaultChecked={(noteValues?.kind ?? "QUESTION") === kind}
              />
              <label htmlFor={`kind-${kind}`}>{noteKindLabels[kind]}</label>
            </div>
          ))}
        </fieldset>
        <TextareaField
          label="Tekst van de notitie"
          name="body"
          rows={2}
          defaultValue={noteValues?.body ?? ""}
          errors={noteErrors?.body}
        />
        <div>
          <button type="submit" disabled={busy}>
            Notitie toevoegen
          </button>
        </div>
      </Form>
    </section>
  );
}

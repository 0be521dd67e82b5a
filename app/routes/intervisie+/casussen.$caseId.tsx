// One intervisie case with its notes and the inbrenger's takeaway. Only the group's members and facilitators
// can open it; everyone else — coordinators and other groups included — gets a 404. The inbrenger writes
// what they take away (optionally also into their journal) and can delete the case with its notes.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { z } from "zod";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { requireIntervisionCase } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { TextareaField } from "~/components/forms.tsx";
import { noteKindLabels, takeawaySchema } from "~/models/intervision-forms.ts";
import { deleteCase, saveTakeaway } from "~/models/intervision.server.ts";
import { recordRead } from "~/models/record-read.server.ts";
import { formatDateTime } from "~/utils/dates.ts";
import { confirmBox, formIntents, parseForm, textValue } from "~/utils/forms.ts";
import { invalid, readForm } from "~/utils/forms.server.ts";
import { forbidden, invariantResponse } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.item.title} — Intervisie — Leernetwerk` : "Intervisie — Leernetwerk" },
];

const NOT_FOUND = "Deze casus bestaat niet of is alleen voor de intervisiegroep.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, item } = await requireIntervisionCase(request, params.caseId);
  // Reading someone else's case is recorded (one insert); the inbrenger sees it under "Gelezen door".
  if (!item.isAuthor) await recordRead(user, { intervisionCaseId: item.id });
  return { item };
}

const schema = formIntents({
  takeaway: takeawaySchema,
  delete: z.object({ confirm: confirmBox("Vink aan dat je de casus echt wilt verwijderen.") }),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, item } = await requireIntervisionCase(request, params.caseId);
  if (!item.isAuthor) throw forbidden("Alleen de inbrenger kan dit doen.");
  const form = parseForm(schema, await readForm(request));
  if (!form.ok) return invalid(form.error);
  const input = form.data;
  if (input.intent === "takeaway") {
    const saved = await saveTakeaway(user, item.id, input.takeaway, input.toJournal);
    invariantResponse(saved, NOT_FOUND);
    if (saved.journalEntryId) {
      return redirectWithToast(`/intervisie/casussen/${item.id}`, {
        title: "Opgeslagen, ook in je journaal",
        description: "Het journaalstuk is privé. Je kunt het in je journaal bewerken of delen.",
      });
    }
    return redirectWithToast(`/intervisie/casussen/${item.id}`, { title: "Wat je meeneemt is opgeslagen" });
  }
  const deleted = await deleteCase(user, item.id);
  invariantResponse(deleted, NOT_FOUND);
  return redirectWithToast(`/intervisie/bijeenkomsten/${deleted.meetingId}`, {
    title: "Je casus en de notities zijn verwijderd",
  });
}

export default function CasePage() {
  const { item } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const stepName = (step: number) => item.stepNames[step] ?? `Stap ${step + 1}`;
  return (
    <>
      <nav aria-label="Kruimelpad" className="breadcrumbs">
        <Link to="/intervisie">Intervisie</Link> ›{" "}
        <Link to={`/intervisie/groepen/${item.meeting.group.id}`}>{item.meeting.group.name}</Link> ›{" "}
        <Link to={`/intervisie/bijeenkomsten/${item.meeting.id}`}>
          Bijeenkomst van {formatDateTime(item.meeting.startsAt)}
        </Link>
      </nav>
      <h1>{item.title}</h1>
      <p className="muted">
        Ingebracht door {item.isAuthor ? "jou" : item.author.name} ·{" "}
        {item.status === "CHOSEN" ? "gekozen om te bespreken" : "voorgesteld"}
        {item.methodTitle ? ` · ${item.methodTitle}` : ""}
      </p>
      <p className="alert alert-info">Vertrouwelijk: alleen de groep en de begeleiding kunnen deze casus lezen.</p>

      <h2>De situatie</h2>
      <p className="pre-line">{item.situation}</p>
      <h2>De vraag aan de groep</h2>
      <p className="pre-line">{item.question}</p>
      {item.wish ? (
        <>
          <h2>Wat de inbrenger van de groep wil</h2>
          <p className="pre-line">{item.wish}</p>
        </>
      ) : null}

      <section aria-labelledby="notities">
        <h2 id="notities">Open vragen en inzichten</h2>
        {item.notes.length === 0 ? (
          <p className="muted">Er zijn (nog) geen notities.</p>
        ) : (
          <ul className="note-list">
            {item.notes.map((note) => (
              <li key={note.id}>
                <span className="badge">{noteKindLabels[note.kind]}</span> {note.body}{" "}
                <span className="muted">
                  ({stepName(note.step)}
                  {note.author ? `, ${note.author.name}` : ""})
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {item.isAuthor ? (
        <section aria-labelledby="gelezen-door">
          <h2 id="gelezen-door">Gelezen door</h2>
          <p data-testid="case-readers">
            {item.readers.length === 0
              ? "Je bracht deze casus in toen er nog niemand anders in de groep zat."
              : `Ingebracht bij ${item.readers.map((reader) => reader.name).join(", ")}. Wie later bij de groep kwam, leest hem niet.`}
          </p>
          {item.readBy.length === 0 ? (
            <p data-testid="read-by">Nog niemand anders heeft deze casus geopend.</p>
          ) : (
            <ul data-testid="read-by">
              {item.readBy.map((read) => (
                <li key={read.reader.id}>
                  {read.reader.name}: {read.count === 1 ? "1 keer" : `${read.count} keer`}, het laatst op{" "}
                  {formatDateTime(read.lastReadAt)}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}

      <section aria-labelledby="meenemen" className="panel">
        <h2 id="meenemen">Wat de inbrenger meeneemt</h2>
        {item.takeaway ? (
          <>
            <p className="pre-line" data-testid="takeaway">
              {item.takeaway}
            </p>
            {item.takeawayAt ? <p className="muted">Geschreven op {formatDateTime(item.takeawayAt)}</p> : null}
          </>
        ) : (
          <p className="muted">Nog niet opgeschreven.</p>
        )}
        {item.isAuthor && item.meeting.journalEntries.length ? (
          <p>
            In je journaal:{" "}
            {item.meeting.journalEntries.map((entry, index) => (
              <span key={entry.id}>
                {index ? ", " : ""}
                <Link to={`/journaal/${entry.id}`}>{entry.title || "journaalstuk"}</Link>
              </span>
            ))}
          </p>
        ) : null}
        {item.isAuthor ? (
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="takeaway" />
            <TextareaField
              label={item.takeaway ? "Pas aan wat je meeneemt" : "Wat neem je mee uit deze intervisie?"}
              name="takeaway"
              rows={5}
              defaultValue={
                actionData?.values.intent === "takeaway" ? textValue(actionData.values, "takeaway") : item.takeaway
              }
              errors={actionData?.values.intent === "takeaway" ? actionData.fieldErrors.takeaway : undefined}
            />
            <div className="checkbox-field">
              <input
                type="checkbox"
                id="toJournal"
                name="toJournal"
                defaultChecked={actionData?.values.intent === "takeaway" && actionData.values.toJournal === "on"}
              />
              <label htmlFor="toJournal">Ook als nieuw stuk in mijn journaal zetten (privé)</label>
            </div>
            <div>
              <button type="submit" disabled={busy}>
                Opslaan
              </button>
            </div>
          </Form>
        ) : null}
      </section>

      {item.isAuthor ? (
        <section aria-labelledby="verwijderen" className="panel danger-zone">
          <h2 id="verwijderen">Casus verwijderen</h2>
          <p>
            Je casus, de notities van de groep en wat je meeneemt worden echt verwijderd. Dit kun je niet ongedaan
            maken.
          </p>
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="delete" />
            <div className="checkbox-field">
              <input
                type="checkbox"
                id="confirm"
                name="confirm"
                value="ja"
                aria-invalid={actionData?.values.intent === "delete" ? true : undefined}
                aria-describedby={actionData?.values.intent === "delete" ? "confirm-error" : undefined}
              />
              <label htmlFor="confirm">Ja, verwijder mijn casus met de notities</label>
            </div>
            {actionData?.values.intent === "delete" ? (
              <p className="field-error" id="confirm-error">
                {actionData.fieldErrors.confirm}
              </p>
            ) : null}
            <div>
              <button type="submit" className="button-danger" disabled={busy}>
                Casus verwijderen
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

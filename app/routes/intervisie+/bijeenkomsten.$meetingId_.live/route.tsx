// The live view of an intervisie meeting, for the group's members and facilitators only (others: 404).
// The facilitator steps through the method (start, next, previous, finish) with a timer per step; anyone in
// the group can act as scribe and note open questions and insights. Members follow on their own screen: the
// page asks the server every few seconds while the tab is visible whether anything changed (a stamp, see
// bijeenkomsten.$meetingId_.live_.stand.ts) and reloads when it did (works with any number of web processes,
// as the state lives in the database). A step change is announced in a polite live region; the
// timer itself is not announced, so screen readers do not chatter.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect, useState } from "react";
import { isUuid, requireUser } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ErrorSummary, FormAlert, TextareaField } from "~/components/forms.tsx";
import { noteKindLabels, noteSchema } from "~/models/intervision-forms.ts";
import { formatClock, stepTiming, type StepAction } from "~/models/intervision-steps.ts";
import { addNote, getMeetingForViewer, IntervisionError, liveStamp, stepMeeting } from "~/models/intervision.server.ts";
import { formatSessionTime, formatTime } from "~/utils/dates.ts";
import { parseForm, type FieldErrors } from "~/utils/forms.ts";
import { forbidden, invariantResponse, notFound } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Live: intervisie ${data.meeting.group.name} — Leernetwerk` : "Intervisie — Leernetwerk" },
];

/** How often a follower's page asks for the current step. */
const POLL_MS = 3000;
const NOT_FOUND = "Deze intervisiebijeenkomst bestaat niet of je hoort niet bij de groep.";

async function loadMeeting(request: Request, meetingId: string | undefined) {
  const user = await requireUser(request);
  if (!isUuid(meetingId)) throw notFound(NOT_FOUND);
  const meeting = await getMeetingForViewer(user, meetingId);
  invariantResponse(meeting, NOT_FOUND);
  return { user, meeting };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  // The stamp before the data: a change in between makes the next poll reload once more, never miss it.
  const stamp = isUuid(params.meetingId) ? await liveStamp(await requireUser(request), params.meetingId) : null;
  const { meeting } = await loadMeeting(request, params.meetingId);
  // Only the chosen cases are discussed; proposals stay on the meeting page.
  return { meeting: { ...meeting, cases: meeting.cases.filter((item) => item.status === "CHOSEN") }, serverNow: new Date().toISOString(), stamp };
}

const stepActions = ["start", "next", "previous", "finish"] as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, meeting } = await loadMeeting(request, params.meetingId);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const here = `/intervisie/bijeenkomsten/${meeting.id}/live`;
  if (intent === "note") {
    const parsed = parseForm(noteSchema, formData);
    if (!parsed.ok) return data({ intent: "note" as const, errors: parsed.errors, formError: null, values: parsed.values }, { status: 400 });
    try {
      const note = await addNote(user, parsed.data.caseId, parsed.data.kind, parsed.data.body);
      if (!note) return data({ intent: "note" as const, errors: { caseId: ["Kies een gekozen casus van deze bijeenkomst."] } as FieldErrors, formError: null, values: parsed.values }, { status: 400 });
    } catch (error) {
      if (error instanceof IntervisionError) return data({ intent: "note" as const, errors: {} as FieldErrors, formError: error.message, values: parsed.values }, { status: 400 });
      throw error;
    }
    return redirectWithToast(here, { title: `${noteKindLabels[parsed.data.kind]} genoteerd` });
  }
  if (!(stepActions as readonly string[]).includes(intent)) throw new Response("Onbekende actie", { status: 400 });
  if (!meeting.isFacilitator) throw forbidden("Alleen de begeleider van de groep leidt de bijeenkomst.");
  const fromRaw = String(formData.get("fromStep") ?? "");
  const fromStep = fromRaw === "" ? null : Number(fromRaw);
  try {
    await stepMeeting(user, meeting.id, intent as StepAction, Number.isInteger(fromStep) ? fromStep : null);
  } catch (error) {
    if (error instanceof IntervisionError) return data({ intent: "step" as const, errors: {} as FieldErrors, formError: error.message, values: {} as Record<string, string> }, { status: 400 });
    throw error;
  }
  // No toast for a step: the live region announces the new step already (one announcement, not two).
  return intent === "finish" ? redirectWithToast(here, { title: "De bijeenkomst is afgerond" }) : redirect(here);
}

/**
 * Every few seconds while the tab is visible and the meeting not finished, asks whether anything changed
 * (…/live/stand with the stamp this page was loaded with: a 204 when nothing did) and reloads the page's
 * data only when it did.
 */
function useFollow(active: boolean, meetingId: string, stamp: string | null) {
  const revalidator = useRevalidator();
  useEffect(() => {
    if (!active) return;
    let asking = false;
    const tick = async () => {
      if (document.visibilityState !== "visible" || revalidator.state !== "idle" || asking) return;
      asking = true;
      try {
        const response = await fetch(`/intervisie/bijeenkomsten/${meetingId}/live/stand?${new URLSearchParams({ sinds: stamp ?? "" })}`);
        if (response.status !== 204) revalidator.revalidate();
      } catch {
        // Offline for a moment: the next tick asks again.
      } finally {
        asking = false;
      }
    };
    const timer = window.setInterval(tick, POLL_MS);
    document.addEventListener("visibilitychange", tick);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", tick);
    };
  }, [active, meetingId, stamp, revalidator]);
}

/** "Now" on the server's clock: the browser's clock plus the difference measured at the last load. */
function useServerNow(serverNow: string) {
  const [now, setNow] = useState(() => new Date(serverNow));
  useEffect(() => {
    const offset = new Date(serverNow).getTime() - Date.now();
    setNow(new Date(Date.now() + offset));
    const timer = window.setInterval(() => setNow(new Date(Date.now() + offset)), 1000);
    return () => window.clearInterval(timer);
  }, [serverNow]);
  return now;
}

export default function LiveMeetingPage() {
  const { meeting, serverNow, stamp } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  useFollow(meeting.phase !== "finished", meeting.id, stamp);
  const now = useServerNow(serverNow);
  const steps = meeting.method?.steps ?? [];
  const state = {
    currentStep: meeting.currentStep,
    stepStartedAt: meeting.stepStartedAt ? new Date(meeting.stepStartedAt) : null,
    startedAt: meeting.startedAt ? new Date(meeting.startedAt) : null,
    finishedAt: meeting.finishedAt ? new Date(meeting.finishedAt) : null,
  };
  const timing = stepTiming(state, steps, now);
  const current = meeting.currentStep !== null ? steps[meeting.currentStep] : undefined;
  const announcement =
    meeting.phase === "finished"
      ? "De bijeenkomst is afgerond."
      : meeting.phase === "running" && current
        ? `Stap ${meeting.currentStep! + 1} van ${steps.length}: ${current.name}`
        : "De bijeenkomst is nog niet begonnen.";
  const noteErrors = actionData?.intent === "note" ? actionData.errors : undefined;
  const noteValues = actionData?.intent === "note" ? actionData.values : undefined;
  const canNote = meeting.phase === "running" && meeting.cases.length > 0;
  return (
    <>
      <nav aria-label="Kruimelpad" className="breadcrumbs">
        <Link to="/intervisie">Intervisie</Link> › <Link to={`/intervisie/groepen/${meeting.group.id}`}>{meeting.group.name}</Link> ›{" "}
        <Link to={`/intervisie/bijeenkomsten/${meeting.id}`}>Bijeenkomst</Link>
      </nav>
      <h1>Live: intervisie {meeting.group.name}</h1>
      <p className="muted">
        {formatSessionTime(meeting.startsAt, meeting.endsAt)} · {meeting.method ? meeting.method.title : "nog geen methode gekozen"}
        {meeting.isFacilitator ? " · Jij leidt deze bijeenkomst" : " · Dit scherm volgt de begeleider vanzelf"}
      </p>

      <div className="live-status panel">
        <p className="live-step" aria-live="polite" aria-atomic="true" data-testid="live-step">
          {announcement}
        </p>
        {timing && current ? (
          <p className={timing.overtime ? "live-timer live-timer-over" : "live-timer"}>
            {/* role=timer is not announced while it ticks (its aria-live is off); a screen reader user reads it on demand. */}
            <span role="timer">
              {timing.overtime ? `${formatClock(-timing.remainingSeconds)} over de tijd` : `nog ${formatClock(timing.remainingSeconds)}`}
            </span>{" "}
            <span className="muted">van de {current.minutes} minuten voor deze stap</span>
          </p>
        ) : null}
        {meeting.phase === "finished" && meeting.finishedAt ? <p>Afgerond om {formatTime(meeting.finishedAt)}.</p> : null}
      </div>

      <FormAlert message={actionData?.intent === "step" ? actionData.formError : null} />
      {meeting.isFacilitator && meeting.method && meeting.phase !== "finished" ? (
        <div className="button-row live-controls" role="group" aria-label="Bijeenkomst leiden">
          {meeting.phase === "not-started" ? (
            <StepButton action="start" fromStep={null} label="Bijeenkomst starten" busy={busy} />
          ) : (
            <>
              <StepButton action="previous" fromStep={meeting.currentStep} label="Vorige stap" busy={busy || meeting.currentStep === 0} secondary />
              {meeting.currentStep! < steps.length - 1 ? (
                <StepButton action="next" fromStep={meeting.currentStep} label="Volgende stap" busy={busy} />
              ) : null}
              <StepButton action="finish" fromStep={meeting.currentStep} label="Bijeenkomst afronden" busy={busy} secondary={meeting.currentStep! < steps.length - 1} />
            </>
          )}
        </div>
      ) : null}

      {current ? (
        <section aria-labelledby="deze-stap" className="card live-current">
          <h2 id="deze-stap">
            Stap {meeting.currentStep! + 1}: {current.name}
          </h2>
          <dl>
            <dt>De inbrenger</dt>
            <dd>{current.inbrenger}</dd>
            <dt>De groep</dt>
            <dd>{current.groep}</dd>
          </dl>
        </section>
      ) : null}

      <section aria-labelledby="vraag">
        <h2 id="vraag">{meeting.cases.length > 1 ? "De vragen van de inbrengers" : "De vraag van de inbrenger"}</h2>
        {meeting.cases.length === 0 ? <p>Er is geen casus gekozen{meeting.method?.slug === "open-ronde" ? " (open ronde)" : ""}.</p> : null}
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

      {canNote ? (
        <section aria-labelledby="notuleren" className="panel">
          <h2 id="notuleren">Notuleren</h2>
          <p className="muted">De begeleider of een notulist uit de groep noteert open vragen en inzichten. Alleen de groep ziet ze.</p>
          <ErrorSummary errors={noteErrors} />
          <FormAlert message={actionData?.intent === "note" ? actionData.formError : null} />
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
                  <input type="radio" id={`kind-${kind}`} name="kind" value={kind} defaultChecked={(noteValues?.kind ?? "QUESTION") === kind} />
                  <label htmlFor={`kind-${kind}`}>{noteKindLabels[kind]}</label>
                </div>
              ))}
            </fieldset>
            <TextareaField label="Tekst van de notitie" name="body" rows={2} defaultValue={noteValues?.body ?? ""} errors={noteErrors?.body} />
            <div>
              <button type="submit" disabled={busy}>
                Notitie toevoegen
              </button>
            </div>
          </Form>
        </section>
      ) : null}

      {steps.length ? (
        <section aria-labelledby="alle-stappen">
          <h2 id="alle-stappen">Alle stappen</h2>
          <ol className="live-steps">
            {steps.map((step, index) => (
              <li key={step.name} aria-current={index === meeting.currentStep && meeting.phase === "running" ? "step" : undefined}>
                {step.name} <span className="muted">({step.minutes} min)</span>
                {index === meeting.currentStep && meeting.phase === "running" ? <strong> — nu</strong> : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {meeting.phase === "finished" ? (
        <p>
          Inbrenger? Schrijf op de pagina van je casus op wat je meeneemt. <Link to={`/intervisie/bijeenkomsten/${meeting.id}`}>Terug naar de bijeenkomst</Link>
        </p>
      ) : null}
    </>
  );
}

function StepButton({ action, fromStep, label, busy, secondary }: { action: StepAction; fromStep: number | null; label: string; busy: boolean; secondary?: boolean }) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={action} />
      <input type="hidden" name="fromStep" value={fromStep ?? ""} />
      <button type="submit" className={secondary ? "button-secondary" : undefined} disabled={busy}>
        {label}
      </button>
    </Form>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

// The live view of an intervisie meeting, for the group's members and facilitators only (others: 404).
// The facilitator steps through the method (start, next, previous, finish) with a timer per step; anyone in
// the group can act as scribe and note open questions and insights. Members follow on their own screen: the
// page asks the server every few seconds while the tab is visible whether anything changed (a stamp, see
// bijeenkomsten.$meetingId_.live_.stand.ts) and reloads when it did (works with any number of web processes,
// as the state lives in the database). A step change is announced in a polite live region; the
// timer itself is not announced, so screen readers do not chatter.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { z } from "zod";
import { isUuid, requireIntervisionMeeting, requireUser } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { FormAlert } from "~/components/forms.tsx";
import { noteKindLabels, noteSchema } from "~/models/intervision-forms.ts";
import { formatClock, stepTiming } from "~/models/intervision-steps.ts";
import { addNote, liveStamp, stepMeeting } from "~/models/intervision.server.ts";
import { formatSessionTime, formatTime } from "~/utils/dates.ts";
import { fieldError, formIntents, parseForm } from "~/utils/forms.ts";
import { domainErrorReply, invalid, readForm } from "~/utils/forms.server.ts";
import { forbidden } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { CaseQuestions, NoteForm } from "./case-notes.tsx";
import { useFollow, useServerNow } from "./follow.ts";
import { StepButton } from "./step-button.tsx";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Live: intervisie ${data.meeting.group.name} — Leernetwerk` : "Intervisie — Leernetwerk" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  // The stamp before the data: a change in between makes the next poll reload once more, never miss it.
  const stamp = isUuid(params.meetingId) ? await liveStamp(await requireUser(request), params.meetingId) : null;
  const { meeting } = await requireIntervisionMeeting(request, params.meetingId);
  // Only the chosen cases are discussed; proposals stay on the meeting page.
  return {
    meeting: { ...meeting, cases: meeting.cases.filter((item) => item.status === "CHOSEN") },
    serverNow: new Date().toISOString(),
    stamp,
  };
}

const step = z.object({
  fromStep: z
    .string()
    .default("")
    .transform((value) => (/^\d+$/.test(value) ? Number(value) : null)),
});

const schema = formIntents({ note: noteSchema, start: step, next: step, previous: step, finish: step });

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, meeting } = await requireIntervisionMeeting(request, params.meetingId);
  const form = parseForm(schema, await readForm(request));
  if (!form.ok) return invalid(form.error);
  const { data: input, values } = form;
  const here = `/intervisie/bijeenkomsten/${meeting.id}/live`;
  if (input.intent === "note") {
    try {
      const note = await addNote(user, meeting.id, input.caseId, input.kind, input.body);
      if (!note) return invalid(fieldError(values, "caseId", "Kies een gekozen casus van deze bijeenkomst."));
    } catch (error) {
      return domainErrorReply(error, values, { field: "form" });
    }
    return redirectWithToast(here, { title: `${noteKindLabels[input.kind]} genoteerd` });
  }
  if (!meeting.isFacilitator) throw forbidden("Alleen de begeleider van de groep leidt de bijeenkomst.");
  try {
    await stepMeeting(user, meeting.id, input.intent, input.fromStep);
  } catch (error) {
    return domainErrorReply(error, values, { field: "form" });
  }
  // No toast for a step: the live region announces the new step already (one announcement, not two).
  return input.intent === "finish" ? redirectWithToast(here, { title: "De bijeenkomst is afgerond" }) : redirect(here);
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
  const canNote = meeting.phase === "running" && meeting.cases.length > 0;
  return (
    <>
      <nav aria-label="Kruimelpad" className="breadcrumbs">
        <Link to="/intervisie">Intervisie</Link> ›{" "}
        <Link to={`/intervisie/groepen/${meeting.group.id}`}>{meeting.group.name}</Link> ›{" "}
        <Link to={`/intervisie/bijeenkomsten/${meeting.id}`}>Bijeenkomst</Link>
      </nav>
      <h1>Live: intervisie {meeting.group.name}</h1>
      <p className="muted">
        {formatSessionTime(meeting.startsAt, meeting.endsAt)} ·{" "}
        {meeting.method ? meeting.method.title : "nog geen methode gekozen"}
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
              {timing.overtime
                ? `${formatClock(-timing.remainingSeconds)} over de tijd`
                : `nog ${formatClock(timing.remainingSeconds)}`}
            </span>{" "}
            <span className="muted">van de {current.minutes} minuten voor deze stap</span>
          </p>
        ) : null}
        {meeting.phase === "finished" && meeting.finishedAt ? (
          <p>Afgerond om {formatTime(meeting.finishedAt)}.</p>
        ) : null}
      </div>

      <FormAlert message={actionData && actionData.values.intent !== "note" ? actionData.formError : null} />
      {meeting.isFacilitator && meeting.method && meeting.phase !== "finished" ? (
        // biome-ignore lint/a11y/useSemanticElements: a row of buttons, each its own form; not a set of form fields
        <div className="button-row live-controls" role="group" aria-label="Bijeenkomst leiden">
          {meeting.phase === "not-started" ? (
            <StepButton action="start" fromStep={null} label="Bijeenkomst starten" busy={busy} />
          ) : (
            <>
              <StepButton
                action="previous"
                fromStep={meeting.currentStep}
                label="Vorige stap"
                busy={busy || meeting.currentStep === 0}
                secondary
              />
              {meeting.currentStep! < steps.length - 1 ? (
                <StepButton action="next" fromStep={meeting.currentStep} label="Volgende stap" busy={busy} />
              ) : null}
              <StepButton
                action="finish"
                fromStep={meeting.currentStep}
                label="Bijeenkomst afronden"
                busy={busy}
                secondary={meeting.currentStep! < steps.length - 1}
              />
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

      <CaseQuestions />

      {canNote ? <NoteForm busy={busy} /> : null}

      {steps.length ? (
        <section aria-labelledby="alle-stappen">
          <h2 id="alle-stappen">Alle stappen</h2>
          <ol className="live-steps">
            {steps.map((step, index) => (
              <li
                key={step.name}
                aria-current={index === meeting.currentStep && meeting.phase === "running" ? "step" : undefined}
              >
                {step.name} <span className="muted">({step.minutes} min)</span>
                {index === meeting.currentStep && meeting.phase === "running" ? <strong> — nu</strong> : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {meeting.phase === "finished" ? (
        <p>
          Inbrenger? Schrijf op de pagina van je casus op wat je meeneemt.{" "}
          <Link to={`/intervisie/bijeenkomsten/${meeting.id}`}>Terug naar de bijeenkomst</Link>
        </p>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

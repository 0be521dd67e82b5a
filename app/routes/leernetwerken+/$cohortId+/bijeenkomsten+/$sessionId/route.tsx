// One session: when and where, the agenda and what to prepare, and a calendar download. Participants can
// sign off with a reason; facilitators and coordinators record attendance and see the sign-offs. The session's
// lead, its handouts (downloads for the cohort) and, afterwards, its report (issue 19).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { z } from "zod";
import { isUuid, requireCohortSession } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { MarkdocText } from "~/components/markdoc-text.tsx";
import { SessionSummary } from "~/components/session-summary.tsx";
import type { AttendanceStatus } from "~/generated/prisma/enums.ts";
import { listCohortParticipants, recordAttendance, signOff, withdrawSignOff } from "~/models/attendance.server.ts";
import { attendanceStatusValues, signOffSchema } from "~/models/schedule-forms.ts";
import { sessionPageParts } from "~/models/session.server.ts";
import { formatBytes } from "~/components/assignment-parts.tsx";
import { readLessons } from "~/models/course-progress.server.ts";
import { useCohortHeader } from "~/utils/cohort-page.ts";
import { formatDateTime } from "~/utils/dates.ts";
import { formIntents, parseForm, textValue } from "~/utils/forms.ts";
import { domainErrorReply, invalid, readForm } from "~/utils/forms.server.ts";
import { forbidden, invariantResponse } from "~/utils/http.server.ts";
import { renderText } from "~/utils/markdoc-text.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { AttendanceSections } from "./attendance.tsx";
import { SignOffSection } from "./sign-off.tsx";
import { SessionDiscussion } from "./discussion.tsx";
import { aantal } from "~/utils/plural.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Bijeenkomst ${data.session.number}: ${data.session.title} — Leernetwerk` : "Leernetwerk" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, relation, cohortId, session } = await requireCohortSession(request, params.cohortId, params.sessionId);
  const isStaff = relation !== "participant";
  const now = new Date();
  // The evaluation opens when the session has ended (not for a cancelled one).
  const evaluationOpen = !session.cancelledAt && session.endsAt <= now;
  // The session's own parts in one query; the cohort's participants (staff only) and what the viewer read
  // beside it.
  const [parts, participants, read] = await Promise.all([
    sessionPageParts(user, session, isStaff, now),
    isStaff ? listCohortParticipants(cohortId) : Promise.resolve([]),
    readLessons([user.id]),
  ]);
  invariantResponse(parts, "Deze bijeenkomst bestaat niet.");
  const { attendance, assignments, discussion, coLead } = parts;
  const answered = evaluationOpen && !isStaff ? parts.answered : false;
  const myReads = read.get(user.id);
  return {
    session: { ...session, agendaTree: session.agenda ? renderText(session.agenda) : null },
    relation,
    ...coLead,
    attendance,
    participants,
    assignments,
    discussion,
    discussionUrl: `/leernetwerken/${cohortId}/bijeenkomsten/${session.id}/gesprek`,
    ownAttendance: attendance.find((row) => row.userId === user.id) ?? null,
    isFuture: session.startsAt > now,
    evaluation: evaluationOpen ? { answered } : null,
    readings: parts.readings.map((reading) => ({
      ...reading,
      lessonsRead: reading.lessonIds.filter((id) => myReads?.has(id)).length,
    })),
  };
}

// Attendance comes as status-<userId> per participant: read from what was submitted.
const schema = formIntents({
  "sign-off": signOffSchema,
  withdraw: z.object({}),
  attendance: z.object({}).passthrough(),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, relation, cohortId, session } = await requireCohortSession(request, params.cohortId, params.sessionId);
  const form = parseForm(schema, await readForm(request));
  if (!form.ok) return invalid(form.error);
  const { data: input, values } = form;
  const page = `/leernetwerken/${cohortId}/bijeenkomsten/${session.id}`;

  if (input.intent === "attendance") {
    if (relation === "participant") throw forbidden();
    const entries = Object.keys(values).flatMap((key) => {
      const userId = key.startsWith("status-") ? key.slice("status-".length) : "";
      if (!isUuid(userId)) return [];
      const value = textValue(values, key);
      const status = (attendanceStatusValues as readonly string[]).includes(String(value))
        ? (value as AttendanceStatus)
        : null;
      return [{ userId, status }];
    });
    const result = await recordAttendance(cohortId, session.id, entries, user);
    return redirectWithToast(page, {
      title: result.changed ? "De aanwezigheid is opgeslagen" : "Er was niets veranderd",
    });
  }

  if (relation !== "participant") throw forbidden("Alleen deelnemers kunnen zich afmelden.");
  try {
    if (input.intent === "withdraw") {
      await withdrawSignOff(cohortId, session.id, user.id);
      return redirectWithToast(page, { title: "Je afmelding is ingetrokken", description: "Fijn dat je erbij bent." });
    }
    await signOff(cohortId, session.id, user.id, input.reason);
  } catch (error) {
    return domainErrorReply(error, values);
  }
  return redirectWithToast(page, {
    title: "Je bent afgemeld",
    description: "De begeleiders en de coördinator zien je afmelding.",
  });
}

export default function SessionPage() {
  const { cohort } = useCohortHeader();
  const { session, relation, readings, assignments, evaluation, leader, handouts, report } =
    useLoaderData<typeof loader>();
  const base = `/leernetwerken/${cohort.id}/bijeenkomsten/${session.id}`;
  return (
    <>
      {session.cancelledAt ? (
        <div className="alert alert-error">
          <strong>Deze bijeenkomst gaat niet door.</strong>
        </div>
      ) : null}
      <SessionSummary session={session} headingLevel={1} />
      {leader ? (
        <p>
          <strong>Leiding:</strong> {leader.name}
          {leader.title ? <span className="muted"> ({leader.title})</span> : null}
        </p>
      ) : null}
      <p className="button-row">
        <a href={`${base}/agenda.ics`} className="button button-secondary" download>
          In je agenda zetten (.ics)
        </a>
        {relation === "coordinator" ? (
          <Link to={`${base}/bewerken`} className="button button-secondary">
            Bijeenkomst bewerken
          </Link>
        ) : null}
        {relation !== "participant" ? (
          <Link to={`${base}/voorbereiding`} className="button button-secondary">
            Bijeenkomst voorbereiden
          </Link>
        ) : null}
      </p>

      <section aria-labelledby="programma">
        <h2 id="programma">Programma</h2>
        {session.agendaTree ? (
          <MarkdocText tree={session.agendaTree} />
        ) : (
          <p className="muted">Het programma volgt nog.</p>
        )}
      </section>

      <section aria-labelledby="voorbereiding">
        <h2 id="voorbereiding">Voorbereiding</h2>
        {session.preparation ? (
          <p className="pre-line">{session.preparation}</p>
        ) : readings.length === 0 ? (
          <p className="muted">Er is niets om voor te bereiden.</p>
        ) : null}
        {readings.length ? (
          <>
            <h3>Lees vooraf</h3>
            <ul className="reading-list">
              {readings.map((reading) => (
                <li key={reading.id}>
                  <Link to={reading.href}>{reading.title}</Link>
                  <span className="muted">
                    {" "}
                    · {reading.minutes} min ·{" "}
                    {reading.lessonsRead === reading.lessonIds.length
                      ? "je hebt dit gelezen"
                      : `${reading.lessonsRead} van ${aantal(reading.lessonIds.length, "les", "lessen")} gelezen`}
                  </span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {relation !== "participant" ? (
          <p>
            <Link to={`/leernetwerken/${cohort.id}/bijeenkomsten/${session.id}/voorbereiding`}>
              Programma, voorbereiding en hand-outs aanpassen
            </Link>
          </p>
        ) : (
          <p>
            <Link to={`/journaal/schrijven?bijeenkomst=${session.id}`}>
              Schrijf in je journaal over deze bijeenkomst
            </Link>
          </p>
        )}
      </section>

      <section aria-labelledby="hand-outs">
        <h2 id="hand-outs">Hand-outs</h2>
        {handouts.length ? (
          <ul>
            {handouts.map((handout) => (
              <li key={handout.id}>
                <a href={`${base}/hand-outs/${handout.id}`} download>
                  {handout.fileName}
                </a>{" "}
                <span className="muted">· {formatBytes(handout.size)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">Er zijn nog geen hand-outs bij deze bijeenkomst.</p>
        )}
      </section>

      <section aria-labelledby="verslag">
        <h2 id="verslag">Verslag</h2>
        {report ? (
          <>
            <h3>Wat is besproken</h3>
            <p className="pre-line">{report.discussed || "—"}</p>
            <h3>Afspraken</h3>
            <p className="pre-line">{report.agreements || "—"}</p>
            <h3>Vervolg</h3>
            <p className="pre-line">{report.followUp || "—"}</p>
            <p className="muted">
              Bijgewerkt op {formatDateTime(report.updatedAt)}
              {report.updatedBy ? ` door ${report.updatedBy.name}` : ""}.
            </p>
          </>
        ) : (
          <p className="muted">Na de bijeenkomst komt hier het verslag.</p>
        )}
        {relation !== "participant" ? (
          <p>
            <Link to={`${base}/verslag`}>{report ? "Verslag bewerken" : "Verslag schrijven"}</Link>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="opdrachten">
        <h2 id="opdrachten">Opdrachten</h2>
        {assignments.length ? (
          <ul className="assignment-list">
            {assignments.map((assignment) => (
              <li key={assignment.id}>
                <Link
                  to={
                    relation === "participant"
                      ? `/opdrachten/${assignment.id}`
                      : `/leernetwerken/${cohort.id}/opdrachten/${assignment.id}`
                  }
                >
                  {assignment.title}
                </Link>{" "}
                <span className="muted">
                  · inleveren vóór {formatDateTime(assignment.dueAt)} ·{" "}
                  {assignment.kind === "DUO" ? "duo" : "individueel"}
                  {assignment.statusLabel ? ` · ${assignment.statusLabel}` : ""}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">Bij deze bijeenkomst horen geen opdrachten.</p>
        )}
        {relation !== "participant" ? (
          <p>
            <Link to={`/leernetwerken/${cohort.id}/opdrachten/nieuw?bijeenkomst=${session.id}`}>
              Opdracht toevoegen bij deze bijeenkomst
            </Link>
          </p>
        ) : null}
      </section>

      {evaluation ? (
        <section aria-labelledby="evaluatie">
          <h2 id="evaluatie">Evaluatie</h2>
          {relation !== "participant" ? (
            <p>
              <Link to={`/leernetwerken/${cohort.id}/evaluatie/${session.id}/resultaten`}>
                Uitkomsten van de evaluatie van deze bijeenkomst
              </Link>{" "}
              (alleen totalen, vanaf 3 antwoorden)
            </p>
          ) : evaluation.answered ? (
            <p>Je hebt de evaluatie van deze bijeenkomst ingevuld. Dank je wel!</p>
          ) : (
            <p>
              Hoe was deze bijeenkomst voor jou? Je antwoorden zijn anoniem.{" "}
              <Link to={`/leernetwerken/${cohort.id}/evaluatie/${session.id}`} className="button">
                Evaluatie invullen
              </Link>
            </p>
          )}
        </section>
      ) : null}

      <SessionDiscussion />

      {relation === "participant" ? <SignOffSection /> : <AttendanceSections />}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

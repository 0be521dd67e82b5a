// One session: when and where, the agenda and what to prepare, and a calendar download. Participants can
// sign off with a reason; facilitators and coordinators record attendance and see the sign-offs.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { isUuid, requireCohortMember } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ErrorSummary, TextareaField } from "~/components/forms.tsx";
import { MarkdocText } from "~/components/markdoc-text.tsx";
import { SessionSummary } from "~/components/session-summary.tsx";
import { TableScroll } from "~/components/table-scroll.tsx";
import type { AttendanceStatus } from "~/generated/prisma/enums.ts";
import {
  AttendanceError,
  listCohortParticipants,
  listSessionAttendance,
  recordAttendance,
  signOff,
  withdrawSignOff,
} from "~/models/attendance.server.ts";
import { attendanceStatusValues, signOffSchema } from "~/models/schedule-forms.ts";
import { getSessionInCohort } from "~/models/session.server.ts";
import { sessionAssignments } from "~/models/assignment.server.ts";
import { readLessons, sessionReadings } from "~/models/course-progress.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { formatDateTime } from "~/utils/dates.ts";
import { parseForm, type FormValues } from "~/utils/forms.ts";
import { forbidden, invariantResponse, notFound } from "~/utils/http.server.ts";
import { attendanceStatusLabels, duoFunctionLabels } from "~/utils/labels.ts";
import { renderText } from "~/utils/markdoc-text.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Bijeenkomst ${data.session.number}: ${data.session.title} — Leernetwerk` : "Leernetwerk" },
];

const noValues: FormValues = {};

async function load(request: Request, params: { cohortId?: string; sessionId?: string }) {
  const member = await requireCohortMember(request, params.cohortId);
  if (!isUuid(params.sessionId)) throw notFound("Deze bijeenkomst bestaat niet.");
  const session = await getSessionInCohort(member.cohortId, params.sessionId);
  invariantResponse(session, "Deze bijeenkomst bestaat niet.");
  return { ...member, session };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, relation, cohortId, session } = await load(request, params);
  const isStaff = relation !== "participant";
  const [cohort, attendance, participants, readings, read, assignments] = await Promise.all([
    prisma.cohort.findUniqueOrThrow({ where: { id: cohortId }, select: { id: true, name: true } }),
    isStaff ? listSessionAttendance(session.id) : listSessionAttendance(session.id).then((rows) => rows.filter((row) => row.userId === user.id)),
    isStaff ? listCohortParticipants(cohortId) : Promise.resolve([]),
    sessionReadings([session.id]),
    readLessons([user.id]),
    sessionAssignments(user, session.id),
  ]);
  const myReads = read.get(user.id);
  const now = new Date();
  return {
    cohort,
    session: { ...session, agendaTree: session.agenda ? renderText(session.agenda) : null },
    relation,
    attendance,
    participants,
    assignments,
    ownAttendance: attendance.find((row) => row.userId === user.id) ?? null,
    isFuture: session.startsAt > now,
    readings: (readings.get(session.id) ?? []).map((reading) => ({
      ...reading,
      lessonsRead: reading.lessonIds.filter((id) => myReads?.has(id)).length,
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, relation, cohortId, session } = await load(request, params);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const page = `/leernetwerken/${cohortId}/bijeenkomsten/${session.id}`;

  if (intent === "sign-off" || intent === "withdraw") {
    if (relation !== "participant") throw forbidden("Alleen deelnemers kunnen zich afmelden.");
    if (intent === "withdraw") {
      try {
        await withdrawSignOff(cohortId, session.id, user.id);
      } catch (error) {
        if (error instanceof AttendanceError) return data({ errors: { reason: [error.message] }, values: noValues }, { status: 400 });
        throw error;
      }
      return redirectWithToast(page, { title: "Je afmelding is ingetrokken", description: "Fijn dat je erbij bent." });
    }
    const form = parseForm(signOffSchema, formData);
    if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
    try {
      await signOff(cohortId, session.id, user.id, form.data.reason);
    } catch (error) {
      if (error instanceof AttendanceError) return data({ errors: { [error.field]: [error.message] }, values: form.values }, { status: 400 });
      throw error;
    }
    return redirectWithToast(page, { title: "Je bent afgemeld", description: "De begeleiders en de coördinator zien je afmelding." });
  }

  if (intent === "attendance") {
    if (relation === "participant") throw forbidden();
    const entries = [];
    for (const [key, value] of formData.entries()) {
      if (!key.startsWith("status-")) continue;
      const userId = key.slice("status-".length);
      if (!isUuid(userId)) continue;
      const status = (attendanceStatusValues as readonly string[]).includes(String(value)) ? (value as AttendanceStatus) : null;
      entries.push({ userId, status });
    }
    const result = await recordAttendance(cohortId, session.id, entries, user);
    return redirectWithToast(page, {
      title: result.changed ? "De aanwezigheid is opgeslagen" : "Er was niets veranderd",
    });
  }
  return data({ errors: { reason: ["Onbekende actie."] }, values: noValues }, { status: 400 });
}

export default function SessionPage() {
  const { cohort, session, relation, attendance, participants, ownAttendance, isFuture, readings, assignments } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const byUser = new Map(attendance.map((row) => [row.userId, row]));
  const signOffs = participants.filter((participant) => byUser.get(participant.user.id)?.status === "SIGNED_OFF");
  const base = `/leernetwerken/${cohort.id}/bijeenkomsten/${session.id}`;
  return (
    <>
      <p>
        <Link to={`/leernetwerken/${cohort.id}`}>← {cohort.name}</Link>
      </p>
      {session.cancelledAt ? (
        <div className="alert alert-error">
          <strong>Deze bijeenkomst gaat niet door.</strong>
        </div>
      ) : null}
      <SessionSummary session={session} headingLevel={1} />
      <p className="button-row">
        <a href={`${base}/agenda.ics`} className="button button-secondary" download>
          In je agenda zetten (.ics)
        </a>
        {relation === "coordinator" ? (
          <Link to={`${base}/bewerken`} className="button button-secondary">
            Bijeenkomst bewerken
          </Link>
        ) : null}
      </p>

      <section aria-labelledby="programma">
        <h2 id="programma">Programma</h2>
        {session.agendaTree ? <MarkdocText tree={session.agendaTree} /> : <p className="muted">Het programma volgt nog.</p>}
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
                      : `${reading.lessonsRead} van ${reading.lessonIds.length} ${reading.lessonIds.length === 1 ? "les" : "lessen"} gelezen`}
                  </span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {relation !== "participant" ? (
          <p>
            <Link to={`/leernetwerken/${cohort.id}/bijeenkomsten/${session.id}/voorbereiding`}>Leesvoorbereiding aanpassen</Link>
          </p>
        ) : (
          <p>
            <Link to={`/journaal/schrijven?bijeenkomst=${session.id}`}>Schrijf in je journaal over deze bijeenkomst</Link>
          </p>
        )}
      </section>

      <section aria-labelledby="opdrachten">
        <h2 id="opdrachten">Opdrachten</h2>
        {assignments.length ? (
          <ul className="assignment-list">
            {assignments.map((assignment) => (
              <li key={assignment.id}>
                <Link to={relation === "participant" ? `/opdrachten/${assignment.id}` : `/leernetwerken/${cohort.id}/opdrachten/${assignment.id}`}>
                  {assignment.title}
                </Link>{" "}
                <span className="muted">
                  · inleveren vóór {formatDateTime(assignment.dueAt)} · {assignment.kind === "DUO" ? "duo" : "individueel"}
                  {assignment.statusLabel ? ` · ${assignment.statusLabel}` : ""}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">Bij deze bijeenkomst horen geen opdrachten.</p>
        )}
        {relation === "coordinator" ? (
          <p>
            <Link to={`/leernetwerken/${cohort.id}/opdrachten/nieuw?bijeenkomst=${session.id}`}>Opdracht toevoegen bij deze bijeenkomst</Link>
          </p>
        ) : null}
      </section>

      {relation === "participant" ? (
        <section aria-labelledby="afmelden">
          <h2 id="afmelden">Afmelden</h2>
          {ownAttendance?.status === "SIGNED_OFF" ? (
            <>
              <p>
                Je hebt je afgemeld. Je reden: <q>{ownAttendance.reason}</q>
              </p>
              {isFuture && !session.cancelledAt ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="withdraw" />
                  <button type="submit" className="button-secondary">
                    Toch aanwezig: afmelding intrekken
                  </button>
                </Form>
              ) : null}
            </>
          ) : ownAttendance ? (
            <p>
              Je aanwezigheid: <strong>{attendanceStatusLabels[ownAttendance.status]}</strong>
            </p>
          ) : isFuture && !session.cancelledAt ? (
            <>
              <p>Kun je er niet bij zijn? Meld je dan hier af. De begeleiders en de coördinator zien je afmelding en je reden.</p>
              <ErrorSummary errors={actionData?.errors} />
              <Form method="post" className="stack" noValidate>
                <input type="hidden" name="intent" value="sign-off" />
                <TextareaField label="Reden" name="reason" required defaultValue={actionData?.values.reason ?? ""} errors={actionData?.errors.reason} />
                <div>
                  <button type="submit">Afmelden</button>
                </div>
              </Form>
            </>
          ) : (
            <p className="muted">Afmelden kan alleen voor een bijeenkomst die nog moet komen.</p>
          )}
        </section>
      ) : (
        <>
          <section aria-labelledby="afmeldingen">
            <h2 id="afmeldingen">Afmeldingen</h2>
            {signOffs.length ? (
              <ul>
                {signOffs.map((participant) => {
                  const row = byUser.get(participant.user.id)!;
                  return (
                    <li key={participant.user.id}>
                      <strong>{participant.user.name}</strong> ({participant.enrollment.municipality.name}): {row.reason || "geen reden gegeven"}{" "}
                      <span className="muted">— {formatDateTime(row.updatedAt)}</span>
                    </li>
                  );
                })}
              </ul>
            ) : (
              <p>Nog niemand heeft zich afgemeld.</p>
            )}
          </section>
          <section aria-labelledby="aanwezigheid">
            <h2 id="aanwezigheid">Aanwezigheid</h2>
            {participants.length ? (
              <Form method="post">
                <input type="hidden" name="intent" value="attendance" />
                <TableScroll label="Tabel met de aanwezigheid per deelnemer">
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">Deelnemer</th>
                        <th scope="col">Gemeente</th>
                        <th scope="col">Aanwezigheid</th>
                      </tr>
                    </thead>
                    <tbody>
                      {participants.map((participant) => {
                        const current = byUser.get(participant.user.id)?.status ?? "";
                        const name = `status-${participant.user.id}`;
                        return (
                          <tr key={participant.user.id}>
                            <th scope="row">
                              {participant.user.name}
                              <br />
                              <span className="muted">{duoFunctionLabels[participant.function]}</span>
                            </th>
                            <td>{participant.enrollment.municipality.name}</td>
                            <td>
                              <fieldset className="radio-inline">
                                <legend className="visually-hidden">Aanwezigheid van {participant.user.name}</legend>
                                {[...attendanceStatusValues, ""].map((value) => {
                                  const id = `${name}-${value || "leeg"}`;
                                  return (
                                    <span key={value} className="radio">
                                      <input type="radio" id={id} name={name} value={value} defaultChecked={current === value} />
                                      <label htmlFor={id}>{value ? attendanceStatusLabels[value as AttendanceStatus] : "Niet ingevuld"}</label>
                                    </span>
                                  );
                                })}
                              </fieldset>
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </TableScroll>
                <button type="submit">Aanwezigheid opslaan</button>
              </Form>
            ) : (
              <p>Er zijn nog geen deelnemers in dit leernetwerk.</p>
            )}
          </section>
        </>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

// The start page, different per role: what needs attention, what comes next.
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import type { SessionSummaryData } from "~/components/session-summary.tsx";
import type { CohortCardData } from "./cohort-cards.tsx";
import { requireUser } from "~/auth/guards.server.ts";
import {
  coordinatorStart,
  facilitatorStart,
  participantStartPage,
  participantStartRider,
} from "~/models/start-page.server.ts";
import { readRider, rideWithSession } from "~/auth/session-rider.server.ts";
import { jsonData } from "~/utils/json-data.ts";
import { CoordinatorStart } from "./coordinator-start.tsx";
import { FacilitatorStart } from "./facilitator-start.tsx";
import { ParticipantStart } from "./participant-start.tsx";

export const meta: MetaFunction = () => [{ title: "Start — Leernetwerk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  // A participant's page is read in the statement of the session check (a rider; null for staff).
  rideWithSession(participantStartRider);
  const user = await requireUser(request);
  if (user.role === "COORDINATOR") {
    return { role: "COORDINATOR" as const, name: user.name, coordinator: coordinatorView(await coordinatorStart()) };
  }
  if (user.role === "FACILITATOR") {
    return {
      role: "FACILITATOR" as const,
      name: user.name,
      facilitator: facilitatorView(await facilitatorStart(user)),
    };
  }
  // The participant's values as one JSON string (app/utils/json-data.ts): encoded natively instead of value
  // by value by the data's encoder, which cost about 0.1 ms of this page's CPU (issue 18).
  const page = await participantStartPage(user, new Date(), await readRider(participantStartRider, user));
  return { role: "PARTICIPANT" as const, name: user.name, page: jsonData(participantView(page)) };
}

/** A session as SessionSummary shows it, with its cohort (no preparation; never a cancelled one here). */
function sessionView<T extends { id: string; number: number; title: string; startsAt: Date; endsAt: Date }>(
  session: T &
    Pick<SessionSummaryData, "format" | "location" | "meetingUrl"> & { cohort: { id: string; name: string } },
) {
  const { id, number, title, startsAt, endsAt, format, location, meetingUrl, cohort } = session;
  return { id, number, title, startsAt, endsAt, format, location, meetingUrl, cohort };
}

/** A cohort card as CohortCards renders it (no theme). */
function cohortCardView({ id, name, status, startsOn, endsOn, capacity, _count }: CohortCardData) {
  return {
    id,
    name,
    status,
    startsOn,
    endsOn,
    capacity,
    _count: { enrollments: _count.enrollments, sessions: _count.sessions },
  };
}

/** Exactly what CoordinatorStart renders (as facilitatorView): no theme, no preparation. */
function coordinatorView(page: Awaited<ReturnType<typeof coordinatorStart>>) {
  return {
    openInvitations: page.openInvitations,
    expiredInvitations: page.expiredInvitations,
    failedEmails: page.failedEmails,
    openApplications: page.openApplications,
    cohortsWithRoom: page.cohortsWithRoom.map(({ id, name, capacity, _count }) => ({
      id,
      name,
      capacity,
      _count: { enrollments: _count.enrollments },
    })),
    upcomingSessions: page.upcomingSessions.map(
      ({ id, number, title, startsAt, endsAt, format, location, meetingUrl, cancelledAt, cohort }) => ({
        id,
        number,
        title,
        startsAt,
        endsAt,
        format,
        location,
        meetingUrl,
        cancelledAt,
        cohort: { name: cohort.name },
      }),
    ),
    cohorts: page.cohorts.map(cohortCardView),
  };
}

/** Exactly what FacilitatorStart renders (as participantView): no theme, preparation or meeting end. */
function facilitatorView(page: Awaited<ReturnType<typeof facilitatorStart>>) {
  return {
    cohorts: page.cohorts.map(cohortCardView),
    nextSessions: page.nextSessions.map(sessionView),
    ledSessions: page.ledSessions.map(sessionView),
    awaitingFeedback: page.awaitingFeedback,
    earlyFeedbackRequests: page.earlyFeedbackRequests,
    intervisionMeetings: page.intervisionMeetings.map(({ groupId, groupName, cohortName, next }) => ({
      groupId,
      groupName,
      cohortName,
      next: next ? { id: next.id, startsAt: next.startsAt } : null,
    })),
    journalsAwaitingAnswer: page.journalsAwaitingAnswer,
  };
}

/**
 * Exactly what ParticipantStart renders, nothing more (issue 18): every field sent is encoded by turbo-stream
 * on the server and decoded for hydration in the browser. Left out: the session's preparation (shown once,
 * as the task), its id, cohort and cancellation (the next session is never a cancelled one), the partners'
 * ids, the cohort's status, a reading's module, a self-scan's state and mode, an assignment's `late`.
 */
function participantView(page: Awaited<ReturnType<typeof participantStartPage>>) {
  return {
    participant: page.participant.map((m) => ({
      function: m.function,
      municipality: m.municipality,
      municipalityId: m.municipalityId,
      vraagstuk: m.vraagstuk,
      cohort: { id: m.cohort.id, name: m.cohort.name },
      partners: m.partners.map((partner) => ({ function: partner.function, name: partner.user.name })),
      nextSession: m.nextSession
        ? {
            number: m.nextSession.number,
            title: m.nextSession.title,
            startsAt: m.nextSession.startsAt,
            endsAt: m.nextSession.endsAt,
            format: m.nextSession.format,
            location: m.nextSession.location,
            meetingUrl: m.nextSession.meetingUrl,
          }
        : null,
      toRead: m.toRead.map(({ href, title, minutes, lessons, lessonsRead }) => ({
        href,
        title,
        minutes,
        lessons,
        lessonsRead,
      })),
      tasks: m.tasks.map(({ title, description, dueAt }) => ({ title, description, dueAt })),
      evaluations: m.evaluations.map(({ key, title }) => ({ key, title })),
    })),
    selfScans: page.selfScans.map(({ cohortId, moment, momentSlug, scans }) => ({
      cohortId,
      moment,
      momentSlug,
      scans: scans.map((scan) => ({ id: scan.id, title: scan.title, label: scan.status.label })),
    })),
    openAssignments: page.openAssignments.map((assignment) => ({
      id: assignment.id,
      title: assignment.title,
      dueAt: assignment.dueAt,
      sessionNumber: assignment.session.number,
      status: assignment.status,
      statusLabel: assignment.statusLabel,
    })),
    journalPrompts: page.journalPrompts.map((prompt) => ({
      id: prompt.id,
      text: prompt.text,
      createdAt: prompt.createdAt,
      author: prompt.author?.name ?? null,
      session: prompt.session ? { number: prompt.session.number, title: prompt.session.title } : null,
      myEntryId: prompt.myEntryId,
    })),
  };
}

export type Data = ReturnType<typeof useLoaderData<typeof loader>>;

export default function StartPage() {
  const data = useLoaderData<typeof loader>();
  const firstName = data.name.split(" ")[0];
  return (
    <>
      <h1>Welkom, {firstName}</h1>
      {data.role === "COORDINATOR" ? <CoordinatorStart data={data} /> : null}
      {data.role === "FACILITATOR" ? <FacilitatorStart data={data} /> : null}
      {data.role === "PARTICIPANT" ? <ParticipantStart page={data.page} /> : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

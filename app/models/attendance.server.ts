// Attendance per session. Facilitators and coordinators record who was there (aanwezig / afgemeld /
// afwezig); a participant signs off for a coming session with a reason, which staff then see. Staff
// changes are written to the audit log; so are sign-offs, so staff can see when they came in.
import type { AttendanceStatus } from "~/generated/prisma/client.ts";
import { prisma } from "~/utils/db.server.ts";
import { recordAudit } from "./audit.server.ts";
import { notifyCoordinators } from "./coordinator-notices.server.ts";
import { DomainError } from "~/utils/domain-error.ts";

type Actor = { id: string };

/** The participants of a cohort (duo members of active enrolments), by municipality. */
export function listCohortParticipants(cohortId: string) {
  return prisma.duoMember.findMany({
    where: { enrollment: { cohortId, status: "ACTIVE" } },
    orderBy: [{ enrollment: { municipality: { name: "asc" } } }, { createdAt: "asc" }],
    select: {
      function: true,
      user: { select: { id: true, name: true } },
      enrollment: { select: { municipality: { select: { name: true } } } },
    },
  });
}

export type AttendanceEntry = { userId: string; status: AttendanceStatus | null };

/**
 * Saves the attendance staff entered for a session. `null` clears an entry (not filled in). A sign-off
 * keeps the participant's reason when staff leave it as "afgemeld".
 */
export async function recordAttendance(cohortId: string, sessionId: string, entries: AttendanceEntry[], actor: Actor) {
  // The cohort's staff record attendance: coordinators and the cohort's facilitators, never a participant.
  const staff = await prisma.user.count({
    where: {
      id: actor.id,
      OR: [{ role: "COORDINATOR" }, { role: "FACILITATOR", facilitatedCohorts: { some: { cohortId } } }],
    },
  });
  if (!staff) throw new DomainError("Alleen de begeleiders en de coördinator houden de aanwezigheid bij.");
  const participants = await prisma.duoMember.findMany({
    where: { enrollment: { cohortId, status: "ACTIVE" }, userId: { in: entries.map((entry) => entry.userId) } },
    select: { userId: true },
  });
  const allowed = new Set(participants.map((participant) => participant.userId));
  const existing = new Map(
    (await prisma.attendance.findMany({ where: { sessionId }, select: { userId: true, status: true } })).map((row) => [
      row.userId,
      row.status,
    ]),
  );
  const changes = entries.filter(
    (entry) => allowed.has(entry.userId) && (existing.get(entry.userId) ?? null) !== entry.status,
  );
  if (!changes.length) return { changed: 0 };
  await prisma.$transaction(async (tx) => {
    for (const entry of changes) {
      if (entry.status === null) {
        await tx.attendance.delete({ where: { sessionId_userId: { sessionId, userId: entry.userId } } });
      } else {
        const keepReason = entry.status === "SIGNED_OFF";
        await tx.attendance.upsert({
          where: { sessionId_userId: { sessionId, userId: entry.userId } },
          create: { sessionId, userId: entry.userId, status: entry.status, recordedById: actor.id },
          update: { status: entry.status, recordedById: actor.id, ...(keepReason ? {} : { reason: "" }) },
        });
      }
    }
    await recordAudit(
      {
        actorId: actor.id,
        action: "attendance.record",
        entityType: "CohortSession",
        entityId: sessionId,
        details: { cohortId, changes: changes.map((entry) => ({ userId: entry.userId, status: entry.status })) },
      },
      tx,
    );
  });
  return { changed: changes.length };
}

/** A participant signs off for a session that has not started yet, with a reason. */
export async function signOff(cohortId: string, sessionId: string, userId: string, reason: string, now = new Date()) {
  const session = await prisma.cohortSession.findFirst({
    where: { id: sessionId, cohortId },
    select: { startsAt: true, cancelledAt: true, number: true },
  });
  if (!session) return null;
  await requireParticipant(cohortId, userId);
  if (session.cancelledAt) throw new DomainError("Deze bijeenkomst gaat niet door; afmelden is niet nodig.", "reason");
  if (session.startsAt <= now)
    throw new DomainError("Deze bijeenkomst is al begonnen of voorbij. Afmelden kan alleen vooraf.", "reason");
  const wasSignedOff = await prisma.$transaction(async (tx) => {
    const before = await tx.attendance.findUnique({
      where: { sessionId_userId: { sessionId, userId } },
      select: { status: true },
    });
    await tx.attendance.upsert({
      where: { sessionId_userId: { sessionId, userId } },
      create: { sessionId, userId, status: "SIGNED_OFF", reason, recordedById: userId },
      update: { status: "SIGNED_OFF", reason, recordedById: userId },
    });
    await recordAudit(
      {
        actorId: userId,
        action: "attendance.sign-off",
        entityType: "CohortSession",
        entityId: sessionId,
        details: { cohortId, number: session.number },
      },
      tx,
    );
    return before?.status === "SIGNED_OFF";
  });
  // Only a new sign-off is news (changing the reason is not).
  if (wasSignedOff) return true;
  // Issue 19: the coordinators hear of it (without the reason). Keyed per sign-off moment, so signing off
  // again after taking it back is told again, and a double submit once.
  const who = await prisma.user.findUnique({ where: { id: userId }, select: { name: true } });
  await notifyCoordinators({
    kind: "session-signoff",
    key: `session-signoff:${sessionId}:${userId}:${now.toISOString().slice(0, 16)}`,
    title: `${who?.name ?? "Een deelnemer"} heeft zich afgemeld voor bijeenkomst ${session.number}`,
    path: `/leernetwerken/${cohortId}/bijeenkomsten/${sessionId}`,
    lines: [`${who?.name ?? "Een deelnemer"} heeft zich afgemeld voor bijeenkomst ${session.number}.`],
    actionLabel: "Bekijk de bijeenkomst",
  });
  return true;
}

/** Only participants of the cohort (in an active duo) sign off: staff record attendance instead. */
async function requireParticipant(cohortId: string, userId: string) {
  const member = await prisma.duoMember.count({ where: { userId, enrollment: { cohortId, status: "ACTIVE" } } });
  if (!member) throw new DomainError("Alleen deelnemers kunnen zich afmelden.", "reason");
}

/** Takes back one's own sign-off (only a sign-off; attendance entered by staff stays). */
export async function withdrawSignOff(cohortId: string, sessionId: string, userId: string, now = new Date()) {
  const session = await prisma.cohortSession.findFirst({
    where: { id: sessionId, cohortId },
    select: { startsAt: true, number: true },
  });
  if (!session) return null;
  await requireParticipant(cohortId, userId);
  if (session.startsAt <= now) throw new DomainError("Deze bijeenkomst is al begonnen of voorbij.", "reason");
  const { count } = await prisma.attendance.deleteMany({ where: { sessionId, userId, status: "SIGNED_OFF" } });
  if (count) {
    await recordAudit({
      actorId: userId,
      action: "attendance.sign-off-withdrawn",
      entityType: "CohortSession",
      entityId: sessionId,
      details: { cohortId, number: session.number },
    });
  }
  return count > 0;
}

// CSV exports of a cohort for the coordinator (opened in Excel by the organising institute). Format: see
// app/utils/csv.ts (UTF-8 with BOM, ";" separator, CRLF, quoted where needed).
//
// Each export is a list of columns over rows, so the exports share the same identity columns: the
// participants export, and the attendance export (one row per participant, one column per session with
// aanwezig / afgemeld (with the reason) / afwezig).
import { prisma } from "~/utils/db.server.ts";
import { formatDateTime, formatShortDate } from "~/utils/dates.ts";
import { rowsToCsv, fileSlug, type CsvColumn } from "~/utils/csv.ts";
import {
  applicationStatusLabels,
  attendanceStatusLabels,
  duoFunctionLabels,
  enrollmentStatusLabels,
} from "~/utils/labels.ts";
import { recordAudit } from "./audit.server.ts";
import type { DuoFunction, EnrollmentStatus } from "~/generated/prisma/enums.ts";

/** One person in (or invited into) a duo of the cohort. */
export type ParticipantRow = {
  userId: string | null;
  municipality: string;
  name: string;
  email: string;
  function: DuoFunction | null;
  enrollmentStatus: EnrollmentStatus;
  account: "active" | "invited";
  intake: string;
};

/** The columns that identify a participant; every per-participant export starts with these. */
export const identityColumns: CsvColumn<ParticipantRow>[] = [
  { header: "Gemeente", value: (row) => row.municipality },
  { header: "Naam", value: (row) => row.name },
  { header: "E-mailadres", value: (row) => row.email },
  { header: "Functie", value: (row) => (row.function ? duoFunctionLabels[row.function] : "") },
];

export const participantColumns: CsvColumn<ParticipantRow>[] = [
  ...identityColumns,
  { header: "Inschrijving", value: (row) => enrollmentStatusLabels[row.enrollmentStatus] },
  { header: "Account", value: (row) => (row.account === "active" ? "Actief" : "Uitgenodigd, nog geen account") },
  { header: "Intake", value: (row) => row.intake },
];

/** The participants of a cohort, by municipality and name, with invited people who have no account yet. */
export async function participantRows(cohortId: string): Promise<ParticipantRow[]> {
  const enrollments = await prisma.enrollment.findMany({
    where: { cohortId },
    select: {
      status: true,
      createdAt: true,
      municipality: { select: { name: true } },
      application: { select: { status: true, intakeAt: true } },
      members: { select: { function: true, user: { select: { id: true, name: true, email: true } } } },
      invitations: {
        where: { acceptedAt: null, revokedAt: null },
        select: { email: true, name: true, duoFunction: true },
      },
    },
  });
  const rows = enrollments.flatMap((enrollment) => {
    const intake = enrollment.application
      ? `${applicationStatusLabels[enrollment.application.status]}${
          enrollment.application.intakeAt ? ` na intake op ${formatDateTime(enrollment.application.intakeAt)}` : ""
        }`
      : "Direct ingeschreven";
    const common = { municipality: enrollment.municipality.name, enrollmentStatus: enrollment.status, intake };
    return [
      ...enrollment.members.map((member) => ({
        ...common,
        userId: member.user.id,
        name: member.user.name,
        email: member.user.email,
        function: member.function,
        account: "active" as const,
      })),
      ...enrollment.invitations.map((invitation) => ({
        ...common,
        userId: null,
        name: invitation.name ?? "",
        email: invitation.email,
        function: invitation.duoFunction,
        account: "invited" as const,
      })),
    ];
  });
  const collator = new Intl.Collator("nl-NL");
  return rows.sort((a, b) => collator.compare(a.municipality, b.municipality) || collator.compare(a.name, b.name));
}

/** The participants CSV of a cohort, or null when the cohort does not exist. Recorded in the audit log. */
export async function participantsExport(cohortId: string, actor: { id: string }) {
  const cohort = await prisma.cohort.findUnique({ where: { id: cohortId }, select: { slug: true } });
  if (!cohort) return null;
  const rows = await participantRows(cohortId);
  await recordAudit({
    actorId: actor.id,
    action: "cohort.export_participants",
    entityType: "Cohort",
    entityId: cohortId,
    details: { rows: rows.length },
  });
  return {
    filename: `deelnemers-${fileSlug(cohort.slug)}.csv`,
    csv: rowsToCsv(participantColumns, rows),
    rows: rows.length,
  };
}

/** The attendance CSV of a cohort: one column per session. Null when the cohort does not exist. */
export async function attendanceExport(cohortId: string, actor: { id: string }) {
  const cohort = await prisma.cohort.findUnique({
    where: { id: cohortId },
    select: {
      slug: true,
      sessions: {
        orderBy: { number: "asc" },
        select: { id: true, number: true, title: true, startsAt: true, cancelledAt: true },
      },
    },
  });
  if (!cohort) return null;
  const [rows, attendance] = await Promise.all([
    participantRows(cohortId),
    prisma.attendance.findMany({
      where: { session: { cohortId } },
      select: { sessionId: true, userId: true, status: true, reason: true },
    }),
  ]);
  const byKey = new Map(attendance.map((row) => [`${row.sessionId}:${row.userId}`, row]));
  const columns: CsvColumn<ParticipantRow>[] = [
    ...identityColumns,
    ...cohort.sessions.map((session) => ({
      header: `${session.number}. ${session.title} (${formatShortDate(session.startsAt)})`,
      value: (row: ParticipantRow) => {
        if (session.cancelledAt) return "Gaat niet door";
        const entry = row.userId ? byKey.get(`${session.id}:${row.userId}`) : undefined;
        if (!entry) return "";
        const label = attendanceStatusLabels[entry.status];
        return entry.reason ? `${label}: ${entry.reason}` : label;
      },
    })),
  ];
  await recordAudit({
    actorId: actor.id,
    action: "cohort.export_attendance",
    entityType: "Cohort",
    entityId: cohortId,
    details: { rows: rows.length, sessions: cohort.sessions.length },
  });
  return { filename: `aanwezigheid-${fileSlug(cohort.slug)}.csv`, csv: rowsToCsv(columns, rows), rows: rows.length };
}

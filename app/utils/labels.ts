// Dutch names for the values the schema stores in English.
import type {
  AttendanceStatus,
  ApplicationStatus,
  CohortStatus,
  DuoFunction,
  EmailStatus,
  EnrollmentStatus,
  JournalAudience,
  Role,
  SessionFormat,
} from "~/generated/prisma/enums.ts";

export const roleLabels: Record<Role, string> = {
  COORDINATOR: "Coördinator",
  FACILITATOR: "Begeleider",
  PARTICIPANT: "Deelnemer",
};

export const duoFunctionLabels: Record<DuoFunction, string> = {
  BELEIDSMEDEWERKER: "Beleidsmedewerker",
  LEIDINGGEVENDE: "Leidinggevende",
  STRATEGISCH_BELEIDSADVISEUR: "Strategisch beleidsadviseur",
  ERVARINGSDESKUNDIGE: "Ervaringsdeskundige",
};

export const cohortStatusLabels: Record<CohortStatus, string> = {
  CONCEPT: "Concept",
  APPLICATIONS_OPEN: "Aanmelding open",
  RUNNING: "Lopend",
  CLOSED: "Afgerond",
};

export const sessionFormatLabels: Record<SessionFormat, string> = {
  IN_PERSON: "Fysiek",
  ONLINE: "Online",
  HYBRID: "Hybride",
};

export const emailStatusLabels: Record<EmailStatus, string> = {
  PENDING: "Wacht op verzending",
  SENT: "Verzonden",
  FAILED: "Mislukt",
  STORED: "Bewaard (niet verzonden)",
  CANCELLED: "Niet verstuurd (vervallen)",
};

export const attendanceStatusLabels: Record<AttendanceStatus, string> = {
  PRESENT: "Aanwezig",
  SIGNED_OFF: "Afgemeld",
  ABSENT: "Afwezig",
};

export const applicationStatusLabels: Record<ApplicationStatus, string> = {
  SUBMITTED: "Nieuw",
  INTAKE_PLANNED: "Intake gepland",
  ADMITTED: "Toegelaten",
  WAITLISTED: "Wachtlijst",
  REJECTED: "Afgewezen",
};

export const enrollmentStatusLabels: Record<EnrollmentStatus, string> = {
  ACTIVE: "Ingeschreven",
  WITHDRAWN: "Uitgeschreven",
};
/** The outbox statuses in the order the coordinator's filter shows them. */
export const emailStatuses = [
  "PENDING",
  "SENT",
  "FAILED",
  "STORED",
  "CANCELLED",
] as const satisfies readonly EmailStatus[];

/** The author's choices for who may read a journal entry (GROUP only for an author in an intervisie group). */
export const journalAudienceLabels: Record<JournalAudience, string> = {
  PRIVATE: "Alleen ik (privé)",
  DUO: "Mijn duopartner",
  FACILITATORS: "De begeleiders van mijn leernetwerk",
  GROUP: "Mijn intervisiegroep",
};

/** An entry's audiences in words ("Mijn duopartner en De begeleiders …"); none: private. */
export function journalAudiencesLabel(audiences: readonly JournalAudience[]): string {
  const labels = audiences
    .filter((audience) => audience !== "PRIVATE")
    .map((audience) => journalAudienceLabels[audience]);
  if (labels.length === 0) return journalAudienceLabels.PRIVATE;
  return labels.length === 1 ? labels[0]! : `${labels.slice(0, -1).join(", ")} en ${labels.at(-1)!.toLowerCase()}`;
}

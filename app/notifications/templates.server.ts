// Notification e-mail (Dutch, HTML + text), in the e-mail layout (~/email/templates.server.ts). Every
// one carries an unsubscribe link for its kind and a link to the preferences page. Like the journal's,
// the assignment feedback e-mail carries no text of the submission or the feedback.
import { type EmailContent, layout } from "~/email/templates.server.ts";
import { formatDate, formatDateTime, formatSessionTime } from "~/utils/dates.ts";
import { sessionFormatLabels } from "~/utils/labels.ts";
import { notificationKinds } from "./kinds.ts";
import { notificationFooterLinks } from "./links.server.ts";
import { aantal } from "~/utils/plural.ts";

export type SessionForEmail = {
  id: string;
  number: number;
  title: string;
  startsAt: Date;
  endsAt: Date;
  format: keyof typeof sessionFormatLabels;
  location: string | null;
  meetingUrl: string | null;
  preparation: string;
  cohort: { id: string; name: string };
};

function where(session: SessionForEmail) {
  const parts = [sessionFormatLabels[session.format]];
  if (session.location) parts.push(session.location);
  if (session.meetingUrl) parts.push(`online via ${session.meetingUrl}`);
  return parts.join(", ");
}

export function sessionUrls(appUrl: string, session: { id: string; cohort: { id: string } }) {
  return {
    page: `${appUrl}/leernetwerken/${session.cohort.id}/bijeenkomsten/${session.id}`,
    calendar: `${appUrl}/leernetwerken/${session.cohort.id}/bijeenkomsten/${session.id}/agenda.ics`,
  };
}

export function sessionReminderEmail(input: {
  appUrl: string;
  user: { id: string; name: string };
  session: SessionForEmail;
  slot: "two-days" | "morning";
  /** Lessons or modules the coordinator attached to the session ("lees vooraf"), with absolute links. */
  readings?: { title: string; url: string; minutes: number }[];
}): EmailContent {
  const { session } = input;
  const urls = sessionUrls(input.appUrl, session);
  const when = input.slot === "morning" ? "Vandaag" : `Over twee dagen, op ${formatDate(session.startsAt)},`;
  const subject =
    input.slot === "morning"
      ? `Vandaag: bijeenkomst ${session.number}, ${session.title}`
      : `Herinnering: bijeenkomst ${session.number} op ${formatDate(session.startsAt)}`;
  const paragraphs = [
    `Hallo ${input.user.name},`,
    `${when} is bijeenkomst ${session.number} van ${session.cohort.name}: ${session.title}.`,
    `Wanneer: ${formatSessionTime(session.startsAt, session.endsAt)}\nWaar: ${where(session)}`,
    session.preparation.trim()
      ? `Ter voorbereiding:\n${session.preparation.trim()}`
      : input.readings?.length
        ? ""
        : "Voor deze bijeenkomst hoef je niets voor te bereiden.",
    input.readings?.length
      ? `Lees vooraf:\n${input.readings.map((reading) => `- ${reading.title} (${reading.minutes} min): ${reading.url}`).join("\n")}`
      : "",
    `Zet de bijeenkomst in je agenda met het agenda-bestand (.ics): ${urls.calendar}`,
  ];
  return {
    subject,
    ...layout(
      subject,
      paragraphs.filter(Boolean),
      { label: "Bekijk de bijeenkomst", url: urls.page },
      `Je krijgt deze herinnering omdat je meedoet aan ${session.cohort.name}.`,
      notificationFooterLinks(input.user.id, "session-reminder"),
    ),
  };
}

export function sessionChangedEmail(input: {
  appUrl: string;
  user: { id: string; name: string };
  session: SessionForEmail & { cancelledAt: Date | null };
  previousStartsAt: Date;
}): EmailContent {
  const { session } = input;
  const urls = sessionUrls(input.appUrl, session);
  const cancelled = Boolean(session.cancelledAt);
  const subject = cancelled
    ? `Afgelast: bijeenkomst ${session.number}, ${session.title}`
    : `Gewijzigd: bijeenkomst ${session.number}, ${session.title}`;
  const paragraphs = cancelled
    ? [
        `Hallo ${input.user.name},`,
        `Bijeenkomst ${session.number} van ${session.cohort.name} (${session.title}) op ${formatDate(input.previousStartsAt)} gaat niet door.`,
        "Heb je de bijeenkomst in je agenda gezet? Dan kun je hem daar verwijderen, of het agenda-bestand opnieuw openen.",
      ]
    : [
        `Hallo ${input.user.name},`,
        `Bijeenkomst ${session.number} van ${session.cohort.name} (${session.title}) is gewijzigd.`,
        `Nieuw: ${formatSessionTime(session.startsAt, session.endsAt)}\nWaar: ${where(session)}`,
        `Zet de nieuwe tijd in je agenda met het agenda-bestand (.ics): ${urls.calendar}`,
      ];
  return {
    subject,
    ...layout(
      subject,
      paragraphs,
      { label: "Bekijk je leernetwerk", url: urls.page },
      `Je krijgt dit bericht omdat je meedoet aan ${session.cohort.name}.`,
      notificationFooterLinks(input.user.id, "session-changed"),
    ),
  };
}

export function weeklyDigestEmail(input: {
  appUrl: string;
  user: { id: string; name: string };
  weekOf: Date;
  /** A daily digest (issue 19): "van vandaag" rather than "week van". */
  daily?: boolean;
  upcoming: { title: string; url: string }[];
  items: { kind: string; title: string; url: string }[];
  /** For facilitators: how many journal entries were shared with them this week, per cohort (no titles). */
  sharedJournals?: { cohort: string; count: number }[];
  /** For facilitators: how many assignments were handed in this week, per cohort. */
  newSubmissions?: { cohort: string; count: number; url: string }[];
}): EmailContent {
  const subject = input.daily
    ? `Je dagelijkse samenvatting van ${formatDate(input.weekOf)}`
    : `Je wekelijkse samenvatting, week van ${formatDate(input.weekOf)}`;
  const paragraphs = [`Hallo ${input.user.name},`, "Dit is je samenvatting van het Leernetwerk."];
  if (input.upcoming.length > 0) {
    paragraphs.push(
      `Bijeenkomsten in de komende ${input.daily ? "dag" : "week"}:\n${input.upcoming.map((s) => `- ${s.title} (${s.url})`).join("\n")}`,
    );
  }
  if (input.sharedJournals?.length) {
    paragraphs.push(
      `Nieuw gedeelde journaalstukken (${input.appUrl}/journaal/gedeeld):\n${input.sharedJournals
        .map((item) => `- ${item.cohort}: ${aantal(item.count, "stuk", "stukken")}`)
        .join("\n")}`,
    );
  }
  if (input.newSubmissions?.length) {
    paragraphs.push(
      `Nieuw ingeleverde opdrachten:\n${input.newSubmissions
        .map((item) => `- ${item.cohort}: ${aantal(item.count, "inzending", "inzendingen")} (${item.url})`)
        .join("\n")}`,
    );
  }
  const byKind = new Map<string, { title: string; url: string }[]>();
  for (const item of input.items) byKind.set(item.kind, [...(byKind.get(item.kind) ?? []), item]);
  for (const [kind, items] of byKind) {
    const label = kind in notificationKinds ? notificationKinds[kind as keyof typeof notificationKinds].label : kind;
    paragraphs.push(`${label}:\n${items.map((item) => `- ${item.title} (${item.url})`).join("\n")}`);
  }
  return {
    subject,
    ...layout(
      subject,
      paragraphs,
      { label: "Naar het Leernetwerk", url: `${input.appUrl}/` },
      "Je krijgt deze samenvatting omdat je berichten in de wekelijkse samenvatting wilt ontvangen, of als begeleider de samenvatting aan hebt staan.",
      notificationFooterLinks(input.user.id, "weekly-digest"),
    ),
  };
}

/** An answer under a journal entry. Deliberately without any text of the entry or the answer. */
export function journalAnsweredEmail(input: {
  appUrl: string;
  user: { id: string; name: string };
  answeredBy: string;
  url: string;
}): EmailContent {
  const subject = "Er is een reactie op je journaal";
  return {
    subject,
    ...layout(
      subject,
      [
        `Hallo ${input.user.name},`,
        `${input.answeredBy} heeft gereageerd op een stuk dat je hebt gedeeld in je reflectiejournaal.`,
        "Log in om de reactie te lezen.",
      ],
      { label: "Lees de reactie", url: input.url },
      "Je krijgt dit bericht omdat je een stuk uit je journaal hebt gedeeld.",
      notificationFooterLinks(input.user.id, "journal-answered"),
    ),
  };
}

export function actionPlanCommentEmail(input: {
  appUrl: string;
  user: { id: string; name: string };
  writtenBy: string;
  sectionTitle: string;
  url: string;
}): EmailContent {
  const subject = "Er is een reactie op jullie aanpak";
  return {
    subject,
    ...layout(
      subject,
      [
        `Hallo ${input.user.name},`,
        `${input.writtenBy} heeft iets geschreven bij “${input.sectionTitle}” in jullie aanpak.`,
        "Log in om het te lezen en te reageren.",
      ],
      { label: "Lees de reactie", url: input.url },
      "Je krijgt dit bericht omdat je met je duo aan een aanpak werkt in het leernetwerk.",
      notificationFooterLinks(input.user.id, "action-plan-comment"),
    ),
  };
}

/** A new meeting of the member's intervisie group (no case content: there is none yet, and none would go by e-mail). */
export function intervisionMeetingEmail(input: {
  appUrl: string;
  user: { id: string; name: string };
  groupName: string;
  startsAt: Date;
  endsAt: Date;
  url: string;
}): EmailContent {
  const subject = `Intervisie ${input.groupName}: nieuwe bijeenkomst`;
  return {
    subject,
    ...layout(
      subject,
      [
        `Hallo ${input.user.name},`,
        `Er is een bijeenkomst van ${input.groupName} gepland: ${formatSessionTime(input.startsAt, input.endsAt)}.`,
        "Heb je een situatie uit je werk die je wilt bespreken? Breng vooraf een casus in.",
      ],
      { label: "Naar de bijeenkomst", url: input.url },
      "Je krijgt dit bericht omdat je in deze intervisiegroep zit.",
      notificationFooterLinks(input.user.id, "intervision-meeting"),
    ),
  };
}

/** The inbrenger's case was chosen. The e-mail names the meeting only, never the case (confidential). */
export function intervisionCaseChosenEmail(input: {
  appUrl: string;
  user: { id: string; name: string };
  groupName: string;
  startsAt: Date;
  url: string;
}): EmailContent {
  const subject = `Intervisie ${input.groupName}: je casus is gekozen`;
  return {
    subject,
    ...layout(
      subject,
      [
        `Hallo ${input.user.name},`,
        `De begeleider heeft jouw casus gekozen voor de intervisie van ${formatDate(input.startsAt)}.`,
        "Denk alvast na over je vraag aan de groep. Log in om je casus te bekijken.",
      ],
      { label: "Naar de bijeenkomst", url: input.url },
      "Je krijgt dit bericht omdat je een casus hebt ingebracht.",
      notificationFooterLinks(input.user.id, "intervision-case-chosen"),
    ),
  };
}

export function assignmentFeedbackEmail(input: {
  appUrl: string;
  user: { id: string; name: string };
  from: string;
  assignmentTitle: string;
  url: string;
}): EmailContent {
  const subject = `Feedback op je opdracht: ${input.assignmentTitle}`;
  return {
    subject,
    ...layout(
      subject,
      [
        `Hallo ${input.user.name},`,
        `${input.from} heeft feedback gegeven op de opdracht "${input.assignmentTitle}".`,
        "Log in om de feedback te lezen en te reageren.",
      ],
      { label: "Lees de feedback", url: input.url },
      "Je krijgt dit bericht omdat je deze opdracht hebt ingeleverd.",
      notificationFooterLinks(input.user.id, "assignment-feedback"),
    ),
  };
}

export function assignmentDueEmail(input: {
  appUrl: string;
  user: { id: string; name: string };
  assignmentTitle: string;
  dueAt: Date;
  hasDraft: boolean;
  url: string;
}): EmailContent {
  const subject = `Opdracht bijna verlopen: ${input.assignmentTitle}`;
  return {
    subject,
    ...layout(
      subject,
      [
        `Hallo ${input.user.name},`,
        `De opdracht "${input.assignmentTitle}" moet uiterlijk ${formatDateTime(input.dueAt)} zijn ingeleverd.`,
        input.hasDraft
          ? "Er staat al een concept klaar, maar het is nog niet ingeleverd."
          : "Er is nog niets ingeleverd. Later inleveren kan nog wel, maar dan staat er 'te laat' bij.",
      ],
      { label: "Naar de opdracht", url: input.url },
      "Je krijgt dit bericht omdat deze opdracht voor jou of je duo nog openstaat.",
      notificationFooterLinks(input.user.id, "assignment-due"),
    ),
  };
}

// The layout of every e-mail (HTML and plain text), and the account and application messages that always
// go (invitation, password reset, application received, intake, decision), in Dutch. Notification e-mail,
// which a person can switch off per kind, lives with the notifications (app/notifications/templates.server.ts).
import { formatDate, formatDateTime, formatTime } from "~/utils/dates.ts";

export type EmailContent = { subject: string; html: string; text: string };

function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

export type FooterLink = { label: string; url: string };

/**
 * The frame of every message: platform name, title, paragraphs, one clear action, and a footer. For
 * notifications, `footerLinks` carries the unsubscribe and preferences links (account e-mail has none).
 * Paragraphs keep their line breaks (preparation texts are written with them).
 */
export function layout(
  title: string,
  paragraphs: string[],
  action: { label: string; url: string } | null,
  footer: string,
  footerLinks: FooterLink[] = [],
) {
  const body = paragraphs.map((p) => `<p>${escapeHtml(p).replaceAll("\n", "<br>")}</p>`).join("\n");
  const linksHtml = footerLinks
    .map((link) => `<a href="${escapeHtml(link.url)}" style="color: #114b5f;">${escapeHtml(link.label)}</a>`)
    .join(" · ");
  const html = `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body style="font-family: Arial, sans-serif; color: #1a1a1a; line-height: 1.5; max-width: 36rem;">
<p style="font-weight: bold; color: #114b5f;">Leernetwerk</p>
<h1 style="font-size: 1.3rem;">${escapeHtml(title)}</h1>
${body}
${
  action
    ? `<p><a href="${escapeHtml(action.url)}" style="display: inline-block; background: #114b5f; color: #ffffff; padding: 0.6rem 1rem; text-decoration: none; border-radius: 4px;">${escapeHtml(action.label)}</a></p>
<p style="font-size: 0.9rem;">Werkt de knop niet? Kopieer dan deze link in je browser:<br>${escapeHtml(action.url)}</p>
`
    : ""
}<p style="font-size: 0.85rem; color: #4a4a4a;">${escapeHtml(footer)}</p>
${linksHtml ? `<p style="font-size: 0.85rem;">${linksHtml}</p>\n` : ""}</body></html>`;
  const text = [
    "Leernetwerk",
    "",
    title,
    "",
    ...paragraphs.flatMap((p) => [p, ""]),
    ...(action ? [`${action.label}: ${action.url}`, ""] : []),
    footer,
    ...footerLinks.map((link) => `${link.label}: ${link.url}`),
  ].join("\n");
  return { html, text };
}

export function invitationEmail(input: {
  inviterName: string;
  roleDescription: string;
  cohortName: string | null;
  url: string;
  expiresAt: Date;
}): EmailContent {
  const subject = input.cohortName ? `Uitnodiging voor ${input.cohortName}` : "Uitnodiging voor het Leernetwerk";
  const paragraphs = [
    "Hallo,",
    input.cohortName
      ? `${input.inviterName} nodigt je uit om mee te doen aan ${input.cohortName}, als ${input.roleDescription}.`
      : `${input.inviterName} nodigt je uit voor het Leernetwerk, als ${input.roleDescription}.`,
    "Met de knop hieronder maak je je account af: je vult je naam in en kiest een wachtwoord. Daarna kom je direct in je leernetwerk.",
    `De link werkt tot ${formatDateTime(input.expiresAt)} en kan één keer gebruikt worden.`,
  ];
  return {
    subject,
    ...layout(
      subject,
      paragraphs,
      { label: "Uitnodiging aannemen", url: input.url },
      "Je krijgt dit bericht omdat een coördinator van het Leernetwerk je heeft uitgenodigd. Verwacht je dit niet? Dan kun je dit bericht negeren.",
    ),
  };
}

export function passwordResetEmail(input: { name: string; url: string; expiresAt: Date }): EmailContent {
  const subject = "Nieuw wachtwoord instellen";
  const paragraphs = [
    `Hallo ${input.name},`,
    "Je hebt gevraagd om een nieuw wachtwoord voor het Leernetwerk. Met de knop hieronder kies je een nieuw wachtwoord.",
    `De link werkt één uur, tot ${formatDateTime(input.expiresAt)}, en kan één keer gebruikt worden.`,
    "Heb je dit niet zelf gevraagd? Dan hoef je niets te doen: je wachtwoord blijft hetzelfde.",
  ];
  return {
    subject,
    ...layout(
      subject,
      paragraphs,
      { label: "Nieuw wachtwoord kiezen", url: input.url },
      "Dit is een bericht over je account. Je kunt je hiervoor niet afmelden.",
    ),
  };
}

const ACCOUNT_FOOTER = "Dit is een bericht over je account. Je kunt je hiervoor niet afmelden.";

/** To the new address: the link that makes it the account's address. */
export function emailChangeConfirmEmail(input: { name: string; newEmail: string; url: string; expiresAt: Date }) {
  const subject = "Bevestig je nieuwe e-mailadres";
  const paragraphs = [
    `Hallo ${input.name},`,
    `Je hebt gevraagd om ${input.newEmail} voortaan te gebruiken voor het Leernetwerk. Bevestig dat met de knop hieronder; daarna log je in met dit adres.`,
    `De link werkt tot ${formatDateTime(input.expiresAt)} en kan één keer gebruikt worden. Na het bevestigen word je op je andere apparaten uitgelogd.`,
    "Heb je dit niet zelf gevraagd? Dan hoef je niets te doen: er verandert niets.",
  ];
  return {
    subject,
    ...layout(subject, paragraphs, { label: "E-mailadres bevestigen", url: input.url }, ACCOUNT_FOOTER),
  } satisfies EmailContent;
}

/** To the new address when it already belongs to an account: nothing changes, and only its owner learns so. */
export function emailChangeTakenEmail(input: { newEmail: string }) {
  const subject = "Je e-mailadres is niet gewijzigd";
  const paragraphs = [
    "Hallo,",
    `Iemand heeft gevraagd om ${input.newEmail} te gebruiken voor een account van het Leernetwerk. Maar er is al een account met dit e-mailadres, dus er is niets gewijzigd.`,
    "Was jij dit? Log dan in met dit e-mailadres; weet je het wachtwoord niet meer, kies dan 'Wachtwoord vergeten'. Heb je dit niet gevraagd? Dan hoef je niets te doen.",
  ];
  return { subject, ...layout(subject, paragraphs, null, ACCOUNT_FOOTER) } satisfies EmailContent;
}

/** To the old address: a change was asked for (no link: nothing to click for whoever reads it). */
export function emailChangeNoticeEmail(input: { name: string; newEmail: string }) {
  const subject = "Er is gevraagd je e-mailadres te wijzigen";
  const paragraphs = [
    `Hallo ${input.name},`,
    `Voor je account van het Leernetwerk is gevraagd om voortaan ${input.newEmail} te gebruiken. Het nieuwe adres gaat pas in als het via de link in een e-mail aan dat adres is bevestigd.`,
    "Was jij dit? Dan hoef je niets te doen. Was jij dit niet? Log dan in, kies een nieuw wachtwoord en laat het de coördinator van je leernetwerk weten.",
  ];
  return { subject, ...layout(subject, paragraphs, null, ACCOUNT_FOOTER) } satisfies EmailContent;
}

export function applicationReceivedEmail(input: {
  contactName: string;
  municipality: string;
  cohortName: string;
  url: string;
  /** Issue 19: the cohort was full and the municipality signed up for the waiting list. */
  waitingList?: boolean;
}): EmailContent {
  if (input.waitingList) return waitingListEmail(input);
  const subject = `Aanmelding ontvangen: ${input.cohortName}`;
  const paragraphs = [
    `Hallo ${input.contactName},`,
    `Bedankt voor de aanmelding van de gemeente ${input.municipality} voor ${input.cohortName}.`,
    "De coördinator neemt contact met je op om een intakegesprek te plannen. In dat gesprek bespreken we het vraagstuk dat jullie meebrengen en of het leernetwerk daarbij past.",
    "Na het intakegesprek hoor je of de gemeente is toegelaten. Het duo krijgt dan een uitnodiging per e-mail om een account te maken.",
  ];
  return {
    subject,
    ...layout(
      subject,
      paragraphs,
      { label: "Bekijk het leernetwerk", url: input.url },
      "Je krijgt dit bericht omdat je de gemeente hebt aangemeld voor een leernetwerk. Heb je dit niet gedaan? Laat het ons dan weten door op dit bericht te antwoorden.",
    ),
  };
}

function waitingListEmail(input: {
  contactName: string;
  municipality: string;
  cohortName: string;
  url: string;
}): EmailContent {
  const subject = `Op de wachtlijst: ${input.cohortName}`;
  const paragraphs = [
    `Hallo ${input.contactName},`,
    `Bedankt voor de aanmelding van de gemeente ${input.municipality} voor ${input.cohortName}.`,
    "Alle plaatsen in dit leernetwerk zijn bezet. Daarom staat de gemeente nu op de wachtlijst. Komt er een plaats vrij, dan neemt de coördinator contact met je op. Wie zich eerder op de wachtlijst zet, komt eerder aan de beurt.",
  ];
  return {
    subject,
    ...layout(
      subject,
      paragraphs,
      { label: "Bekijk het leernetwerk", url: input.url },
      "Je krijgt dit bericht omdat je de gemeente op de wachtlijst van een leernetwerk hebt gezet. Heb je dit niet gedaan? Laat het ons dan weten door op dit bericht te antwoorden.",
    ),
  };
}

export function intakePlannedEmail(input: {
  contactName: string;
  municipality: string;
  cohortName: string;
  intakeAt: Date;
  url: string;
}): EmailContent {
  const subject = `Intakegesprek gepland: ${input.cohortName}`;
  const paragraphs = [
    `Hallo ${input.contactName},`,
    `Het intakegesprek over de aanmelding van de gemeente ${input.municipality} is gepland op ${formatDate(input.intakeAt)} om ${formatTime(input.intakeAt)} uur.`,
    "In het gesprek bespreken we het vraagstuk dat jullie meebrengen, wie er in het duo zitten en wat jullie van het leernetwerk verwachten. Het is fijn als het duo er allebei bij is.",
    "Past het tijdstip niet? Antwoord dan op dit bericht.",
  ];
  return {
    subject,
    ...layout(
      subject,
      paragraphs,
      { label: "Bekijk het leernetwerk", url: input.url },
      "Je krijgt dit bericht omdat je de gemeente hebt aangemeld voor een leernetwerk.",
    ),
  };
}

export function applicationDecisionEmail(input: {
  contactName: string;
  municipality: string;
  cohortName: string;
  decision: "ADMITTED" | "WAITLISTED" | "REJECTED";
  reason: string;
  url: string;
}): EmailContent {
  const subjects = {
    ADMITTED: `Toegelaten: ${input.cohortName}`,
    WAITLISTED: `Op de wachtlijst: ${input.cohortName}`,
    REJECTED: `Besluit over je aanmelding: ${input.cohortName}`,
  };
  const subject = subjects[input.decision];
  const decisionText = {
    ADMITTED: `Goed nieuws: de gemeente ${input.municipality} is toegelaten tot ${input.cohortName}. De mensen in het duo krijgen een eigen e-mail met een link om hun account te maken. Daarna zien zij het programma en de andere gemeenten.`,
    WAITLISTED: `De gemeente ${input.municipality} staat op de wachtlijst voor ${input.cohortName}. Komt er een plaats vrij, dan nemen we contact met je op.`,
    REJECTED: `De gemeente ${input.municipality} kan helaas niet meedoen aan ${input.cohortName}.`,
  }[input.decision];
  const paragraphs = [`Hallo ${input.contactName},`, decisionText];
  if (input.reason.trim()) paragraphs.push(`Toelichting van de coördinator: ${input.reason.trim()}`);
  paragraphs.push("Heb je vragen? Antwoord dan op dit bericht.");
  return {
    subject,
    ...layout(
      subject,
      paragraphs,
      { label: "Bekijk het leernetwerk", url: input.url },
      "Je krijgt dit bericht omdat je de gemeente hebt aangemeld voor een leernetwerk.",
    ),
  };
}

/** The closing routine: the coordinator invites a duo to publish its summary in the knowledge base. */
export function summaryInvitationEmail(input: { name: string; cohortName: string; url: string }): EmailContent {
  const subject = "Deel jullie aanpak in de kennisbank";
  return {
    subject,
    ...layout(
      subject,
      [
        `Hallo ${input.name},`,
        `Het leernetwerk ${input.cohortName} is afgelopen. Wat jullie hebben geleerd, kan andere gemeenten helpen.`,
        "Wil je met je duopartner een samenvatting van jullie aanpak delen in de kennisbank? Jullie kiezen zelf wat erin staat. Het kan alleen als jullie allebei toestemming geven.",
      ],
      { label: "Samenvatting delen", url: input.url },
      "Je krijgt dit bericht omdat je hebt meegedaan aan dit leernetwerk.",
    ),
  };
}

/** Retention: some weeks before a closed cohort's personal work is deleted, its participants are told. */
export function retentionNoticeEmail(input: {
  name: string;
  cohortName: string;
  deleteOn: Date;
  url: string;
}): EmailContent {
  const subject = `Je gegevens uit ${input.cohortName} worden binnenkort verwijderd`;
  return {
    subject,
    ...layout(
      subject,
      [
        `Hallo ${input.name},`,
        `Op ${formatDate(input.deleteOn)} verwijderen we wat je in het leernetwerk ${input.cohortName} hebt geschreven: je journaal, intervisiecasussen en aantekeningen, opmerkingen bij zelfscans, teksten en bestanden van opdrachten.`,
        "Wil je iets bewaren? Download dan vóór die datum je gegevens.",
        "Wil je een uitwerking van een opdracht of een journaalstuk bewaren voor je gemeente? Kies bij dat stuk “Bewaren in het impactspoor”. Die kopie blijft bij je gemeente en wordt niet verwijderd.",
      ],
      { label: "Mijn gegevens downloaden", url: input.url },
      "Je krijgt dit bericht omdat we persoonlijke gegevens niet langer bewaren dan nodig (AVG).",
    ),
  };
}

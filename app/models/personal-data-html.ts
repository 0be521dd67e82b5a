// gegevens.html: the readable, printable twin of gegevens.json (Dutch labels, Amsterdam times). Pure: it
// renders whatever the collectors in personal-data.server.ts return, so a new kind needs no change here
// (a Dutch label for a new field name is nice to have; without one the field name is shown).
import { formatDateTime } from "~/utils/dates.ts";
import {
  applicationStatusLabels,
  attendanceStatusLabels,
  duoFunctionLabels,
  emailStatusLabels,
  enrollmentStatusLabels,
  journalAudienceLabels,
  roleLabels,
} from "~/utils/labels.ts";

type Value = string | number | boolean | null | Date | Value[] | { [key: string]: Value };
type Kind = { key: string; title: string; description: string; records: { [key: string]: Value }[] };

const FIELD_LABELS: Record<string, string> = {
  id: "Id",
  name: "Naam",
  email: "E-mailadres",
  role: "Rol",
  title: "Titel",
  createdAt: "Gemaakt op",
  updatedAt: "Laatst gewijzigd",
  twoFactorEnabledAt: "Tweestapsverificatie aan sinds",
  calendarFeed: "Agenda-link",
  lastUsedAt: "Laatst gebruikt",
  type: "Soort",
  lastSeenAt: "Laatst actief",
  expiresAt: "Verloopt op",
  userAgent: "Apparaat en browser",
  succeeded: "Gelukt",
  cohort: "Leernetwerk",
  municipality: "Gemeente",
  status: "Status",
  vraagstuk: "Vraagstuk",
  yourFunction: "Je functie",
  function: "Functie",
  since: "Sinds",
  duoPartners: "Duopartners",
  session: "Bijeenkomst",
  sessionStartsAt: "Begin van de bijeenkomst",
  reason: "Reden of opmerking",
  lessonId: "Les",
  readAt: "Gelezen op",
  scanId: "Vragenlijst",
  itemId: "Vraag",
  checked: "Aangevinkt",
  note: "Notitie",
  assignment: "Opdracht",
  dueAt: "Inleveren voor",
  together: "Samen met je duo",
  evaluation: "Evaluatie",
  answeredAt: "Ingevuld op",
  body: "Tekst",
  submittedAt: "Ingeleverd op",
  withdrawnAt: "Teruggetrokken op",
  feedbackAt: "Eerste feedback op",
  discussedAt: "Besproken op",
  files: "Bestanden",
  fileName: "Bestandsnaam",
  contentType: "Soort bestand",
  size: "Grootte (bytes)",
  uploadedBy: "Geüpload door",
  thread: "Feedback en reacties",
  author: "Van",
  writtenOn: "Datum",
  tags: "Labels",
  audience: "Gedeeld met",
  sharedAt: "Gedeeld op",
  replies: "Reacties",
  shareChanges: "Geschiedenis van het delen",
  from: "Van",
  to: "Naar",
  changedAt: "Gewijzigd op",
  group: "Groep",
  meetingStartsAt: "Begin van de bijeenkomst",
  situation: "Situatie",
  question: "Vraag",
  wish: "Wens",
  takeaway: "Wat je meenam",
  takeawayAt: "Geschreven op",
  notes: "Aantekeningen",
  step: "Stap",
  kind: "Soort",
  acceptedAgreementsVersion: "Geaccepteerde versie van de afspraken",
  acceptedAgreementsAt: "Afspraken geaccepteerd op",
  present: "Aanwezig",
  moment: "Moment",
  answers: "Antwoorden",
  completedAt: "Afgerond op",
  number: "Nummer",
  content: "Inhoud",
  sectionId: "Onderdeel",
  action: "Actie",
  mode: "Hoe",
  url: "Pagina",
  processedAt: "Verwerkt op",
  subject: "Onderwerp",
  text: "Tekst",
  sentAt: "Verzonden op",
  municipalityName: "Gemeente",
  contactName: "Contactpersoon",
  contactEmail: "E-mailadres contactpersoon",
  contactPhone: "Telefoon contactpersoon",
  members: "Duoleden",
  acceptedAt: "Geaccepteerd op",
  revokedAt: "Ingetrokken op",
  entityType: "Over",
  details: "Details",
  by: "Door",
};

const VALUE_LABELS: Record<string, string> = {
  ...roleLabels,
  ...duoFunctionLabels,
  ...attendanceStatusLabels,
  ...enrollmentStatusLabels,
  ...journalAudienceLabels,
  ...applicationStatusLabels,
  ...emailStatusLabels,
  INTAKE: "Intake",
  MIDWAY: "Halverwege",
  END: "Einde",
  GIVEN: "Toestemming gegeven",
  WITHDRAWN: "Ingetrokken",
  IMMEDIATE: "Direct",
  DIGEST: "In de wekelijkse samenvatting",
  OFF: "Uit",
  PROPOSED: "Voorgesteld",
  CHOSEN: "Gekozen",
  QUESTION: "Vraag",
  INSIGHT: "Inzicht",
  session: "Sessie",
  loginAttempt: "Inlogpoging",
  duo: "Duo",
  facilitator: "Begeleider",
  member: "Lid",
  attendance: "Aanwezigheid",
  version: "Versie",
  comment: "Opmerking",
};

export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

function renderValue(value: Value): string {
  if (value === null || value === "") return '<span class="leeg">—</span>';
  if (value instanceof Date)
    return `<time datetime="${value.toISOString()}">${escapeHtml(formatDateTime(value))}</time>`;
  if (typeof value === "boolean") return value ? "ja" : "nee";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") {
    const label = VALUE_LABELS[value];
    if (label && /^[A-Za-z_]+$/.test(value)) return escapeHtml(label);
    return `<span class="tekst">${escapeHtml(value)}</span>`;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '<span class="leeg">—</span>';
    return `<ol>${value.map((item) => `<li>${renderValue(item)}</li>`).join("")}</ol>`;
  }
  return renderRecord(value);
}

function renderRecord(record: { [key: string]: Value }): string {
  const rows = Object.entries(record).map(
    ([key, value]) => `<dt>${escapeHtml(FIELD_LABELS[key] ?? key)}</dt><dd>${renderValue(value)}</dd>`,
  );
  return `<dl>${rows.join("")}</dl>`;
}

const STYLE = `
body{font-family:system-ui,sans-serif;line-height:1.5;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
h1{font-size:1.8rem}h2{margin-top:2.5rem;border-bottom:2px solid #1a1a1a}
dl{display:grid;grid-template-columns:minmax(10rem,14rem) 1fr;gap:.25rem 1rem;margin:0}
dt{font-weight:600}dd{margin:0}.tekst{white-space:pre-wrap}.leeg{color:#555}
.record{border:1px solid #bbb;border-radius:4px;padding:.75rem;margin:.75rem 0;break-inside:avoid}
ol{margin:0;padding-left:1.25rem}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}}
`;

/** The whole readable document, one section per kind, with a table of contents. */
export function personalDataHtml(data: {
  exportedAt: Date;
  person: { name: string; email: string };
  kinds: Kind[];
}): string {
  const toc = data.kinds
    .map((kind) => `<li><a href="#${kind.key}">${escapeHtml(kind.title)}</a> (${kind.records.length})</li>`)
    .join("");
  const sections = data.kinds
    .map((kind) => {
      const records = kind.records.length
        ? kind.records.map((record) => `<div class="record">${renderRecord(record)}</div>`).join("")
        : "<p>Hierover bewaren we niets van je.</p>";
      return `<section id="${kind.key}" aria-labelledby="${kind.key}-kop"><h2 id="${kind.key}-kop">${escapeHtml(kind.title)}</h2><p>${escapeHtml(kind.description)}</p>${records}</section>`;
    })
    .join("\n");
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Mijn gegevens in Leernetwerk — ${escapeHtml(data.person.name)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>Mijn gegevens in Leernetwerk</h1>
<p>Alles wat Leernetwerk over <strong>${escapeHtml(data.person.name)}</strong> (${escapeHtml(data.person.email)}) bewaart,
gedownload op <time datetime="${data.exportedAt.toISOString()}">${escapeHtml(formatDateTime(data.exportedAt))}</time>
(tijden in Nederlandse tijd). Hetzelfde staat in <code>gegevens.json</code>, zodat een ander programma het kan lezen.</p>
<nav aria-label="Inhoud"><h2>Inhoud</h2><ol>${toc}</ol></nav>
${sections}
</main>
</body>
</html>
`;
}

// "Wat hebben we met uw ervaringen gedaan?": one policy topic of the impact trail as a document for the
// council and for the residents who took part — the feedback step made concrete. The same content for the
// printable page and the Word file (.docx, the `docx` package; real headings, document language nl-NL).
// Internal links (plan, self-scan, session) are left out: the readers cannot open them.
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import { formatDate, formatShortDate } from "~/utils/dates.ts";
import { calendarDate } from "~/utils/dates.ts";
import { phaseOf, type TrailPhaseId, trailFieldText } from "./impact-trail-phases.ts";

type Step = {
  round: number;
  phase: TrailPhaseId;
  title: string;
  happenedOn: string;
  content: Record<string, string>;
  linkUrl: string | null;
  linkLabel: string;
};

export type FeedbackLine = { label?: string; text: string };
export type FeedbackItem = { heading: string; lines: FeedbackLine[] };
export type FeedbackSection = { id: string; heading: string; items: FeedbackItem[] };
export type FeedbackDocument = {
  title: string;
  topic: string;
  municipality: string;
  status: string;
  intro: string[];
  rounds: { number: number; heading: string; sections: FeedbackSection[] }[];
  closing: string;
};

const dateText = (date: string) => formatDate(calendarDate(date));

function field(step: Step, id: string): string {
  const definition = phaseOf(step.phase)!.fields.find((candidate) => candidate.id === id)!;
  return trailFieldText(definition, step.content[id], dateText);
}

function stepHeading(step: Step): string {
  return `${step.title} (${dateText(step.happenedOn)})`;
}

function withLink(step: Step, lines: FeedbackLine[]): FeedbackLine[] {
  if (step.linkUrl)
    lines.push({ label: "Meer lezen", text: step.linkLabel ? `${step.linkLabel}: ${step.linkUrl}` : step.linkUrl });
  return lines;
}

function present(lines: FeedbackLine[]): FeedbackLine[] {
  return lines.filter((line) => line.text.trim() !== "");
}

/** The sections of one round, in the order a reader asks: what did you do with what I told you? */
function roundSections(steps: Step[]): FeedbackSection[] {
  const of = (phase: TrailPhaseId) => steps.filter((step) => step.phase === phase);
  const sections: FeedbackSection[] = [
    {
      id: "opgehaald",
      heading: "Hoe we ervaringen hebben opgehaald",
      items: of("GATHER").map((step) => ({
        heading: stepHeading(step),
        lines: withLink(
          step,
          present([
            { label: "Manier", text: field(step, "methods") },
            { label: "Met wie", text: field(step, "fromWhom") },
            { label: "Toestemming", text: field(step, "consent") },
            { label: "Wat we hoorden", text: field(step, "heard") },
          ]),
        ),
      })),
    },
    {
      id: "geleerd",
      heading: "Wat we daaruit hebben geleerd",
      items: of("TRANSLATE").map((step) => ({
        heading: stepHeading(step),
        lines: withLink(
          step,
          present([
            { label: "De oorzaken die we zien", text: field(step, "causes") },
            { label: "Samen bekeken met", text: field(step, "withWhom") },
          ]),
        ),
      })),
    },
    {
      id: "veranderd",
      heading: "Wat er verandert",
      items: of("CHANGE").map((step) => ({
        heading: stepHeading(step),
        lines: withLink(
          step,
          present([
            { text: field(step, "change") },
            { label: "Besloten door", text: field(step, "decidedBy") },
            { label: "Besloten op", text: field(step, "decidedOn") },
            { label: "Stand van zaken", text: field(step, "status") },
          ]),
        ),
      })),
    },
    {
      id: "teruggekoppeld",
      heading: "Wat we met uw ervaringen hebben gedaan, en wat niet",
      items: of("FEEDBACK").map((step) => ({
        heading: stepHeading(step),
        lines: withLink(
          step,
          present([
            { label: "Wat we hebben gedaan", text: field(step, "done") },
            { label: "Wat we niet hebben overgenomen, en waarom", text: field(step, "notDone") },
            { label: "Hoe we het hebben laten weten", text: field(step, "how") },
            { label: "Wanneer", text: field(step, "toldOn") },
          ]),
        ),
      })),
    },
  ];
  return sections.filter((section) => section.items.length > 0);
}

export function feedbackDocument(input: {
  municipality: string;
  topic: { title: string; description: string; updatedAt: Date };
  steps: Step[];
  now?: Date;
}): FeedbackDocument {
  const rounds = [...new Set(input.steps.map((step) => step.round))].sort((a, b) => a - b);
  const now = (input.now ?? new Date()).getTime();
  // The latest step's date (or the last edit), never later than today.
  const latest = Math.min(
    now,
    Math.max(input.topic.updatedAt.getTime(), ...input.steps.map((step) => calendarDate(step.happenedOn).getTime())),
  );
  const intro = [
    `De gemeente ${input.municipality} wil beleid maken dat past bij wat inwoners meemaken. Daarom hebben we mensen gevraagd naar hun ervaringen met: ${input.topic.title.toLowerCase()}.`,
    "Hier leest u wat we met die ervaringen hebben gedaan. U leest ook wat we (nog) niet hebben gedaan, en waarom niet.",
  ];
  if (input.topic.description.trim()) intro.push(input.topic.description.trim());
  return {
    title: "Wat hebben we met uw ervaringen gedaan?",
    topic: input.topic.title,
    municipality: input.municipality,
    status: `Stand van ${formatShortDate(new Date(latest))}.`,
    intro,
    rounds: rounds.map((number) => ({
      number,
      heading: rounds.length > 1 ? `Ronde ${number}` : "Wat er is gebeurd",
      sections: roundSections(input.steps.filter((step) => step.round === number)),
    })),
    closing: `Heeft u een vraag of wilt u reageren? Neem dan contact op met de gemeente ${input.municipality}. Uw reactie helpt ons bij de volgende ronde.`,
  };
}

const DUTCH = { value: "nl-NL" };

function text(value: string, options: { bold?: boolean; italics?: boolean } = {}) {
  return new TextRun({ text: value, language: DUTCH, ...options });
}

function paragraphsOf(value: string): Paragraph[] {
  return value.split(/\n/).map((line) => new Paragraph({ children: [text(line)], spacing: { after: 80 } }));
}

export async function feedbackDocx(doc: FeedbackDocument): Promise<Buffer> {
  const children: Paragraph[] = [
    new Paragraph({ children: [text(doc.title)], heading: HeadingLevel.TITLE }),
    new Paragraph({ children: [text(`${doc.topic} — gemeente ${doc.municipality}`, { bold: true })] }),
    new Paragraph({ children: [text(doc.status, { italics: true })], spacing: { after: 240 } }),
    ...doc.intro.flatMap(paragraphsOf),
  ];
  if (!doc.rounds.length)
    children.push(new Paragraph({ children: [text("Er is nog niets vastgelegd.", { italics: true })] }));
  for (const round of doc.rounds) {
    children.push(new Paragraph({ children: [text(round.heading)], heading: HeadingLevel.HEADING_1 }));
    for (const section of round.sections) {
      children.push(new Paragraph({ children: [text(section.heading)], heading: HeadingLevel.HEADING_2 }));
      for (const item of section.items) {
        children.push(new Paragraph({ children: [text(item.heading)], heading: HeadingLevel.HEADING_3 }));
        for (const line of item.lines) {
          if (line.label)
            children.push(new Paragraph({ children: [text(line.label, { bold: true })], spacing: { before: 80 } }));
          children.push(...paragraphsOf(line.text));
        }
      }
    }
  }
  children.push(
    new Paragraph({ children: [text(doc.closing)], spacing: { before: 240 }, alignment: AlignmentType.LEFT }),
  );
  const document = new Document({
    creator: "Leernetwerk",
    title: `${doc.title} ${doc.topic}`,
    description: `Terugkoppeling van de gemeente ${doc.municipality}`,
    styles: { default: { document: { run: { font: "Calibri", size: 22, language: DUTCH } } } },
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}

/** "terugkoppeling-zwolle-toegang-tot-de-schuldhulpverlening.docx" */
export function feedbackFileName(municipality: string, topic: string): string {
  const slug = `${municipality} ${topic}`
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 80)
    .replace(/-$/, "");
  return `terugkoppeling-${slug || "onderwerp"}.docx`;
}

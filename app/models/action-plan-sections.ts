// The aanpak canvas as one fixed, typed structure. This list drives everything: the editor's fields, the
// stored JSON, the changes between versions, the printable page, the .docx export, the comment threads (one
// per section) and the sections a duo can publish in the knowledge base. Pure: no database, no React.
import { phaseInfo } from "~/content/lemniscaat-figure.tsx";
import { lemniscaatPhases, type LemniscaatPhase } from "~/content/tags/lemniscaat.ts";
import { type FormValues, textValue } from "~/utils/forms.ts";

export type FieldKind = "text" | "status";

export type CanvasField = {
  id: string;
  label: string;
  kind: FieldKind;
  hint?: string;
  /** A heading that groups fields (the randvoorwaarden: one group per precondition). */
  group?: string;
  rows?: number;
};

export type CanvasSection = {
  id: string;
  title: string;
  intro: string;
  fields: CanvasField[];
};

/** How far a precondition is arranged. */
export const conditionStatuses = ["", "niet-geregeld", "mee-bezig", "geregeld"] as const;
export type ConditionStatus = (typeof conditionStatuses)[number];
export const conditionStatusLabels: Record<ConditionStatus, string> = {
  "": "Nog niet ingevuld",
  "niet-geregeld": "Nog niet geregeld",
  "mee-bezig": "We zijn ermee bezig",
  geregeld: "Geregeld",
};

const phaseFields: CanvasField[] = [
  { id: "nu", label: "Wat we nu doen", kind: "text" },
  { id: "gaan", label: "Wat we gaan doen", kind: "text" },
  {
    id: "betrekken",
    label: "Wie we betrekken",
    kind: "text",
    hint: "Welke ervaringsdeskundigen, inwoners, collega's en bondgenoten?",
  },
  { id: "wanneer", label: "Wanneer", kind: "text", rows: 2 },
  {
    id: "indicatoren",
    label: "Hoe we merken dat het werkt",
    kind: "text",
    hint: "Indicatoren: waaraan zie je dat het verschil maakt?",
  },
];

const conditions = [
  { id: "beloning", title: "Beloning en betaling van ervaringsdeskundigen" },
  { id: "ondersteuning", title: "Ondersteuning van ervaringsdeskundigen" },
  { id: "intervisie", title: "Intervisie voor ervaringsdeskundigen" },
  { id: "twee-ervaringsdeskundigen", title: "Minstens twee ervaringsdeskundigen" },
] as const;

export const phaseSectionId = (phase: LemniscaatPhase) => `fase-${phase}`;

export const canvasSections: CanvasSection[] = [
  {
    id: "vraagstuk",
    title: "Ons vraagstuk",
    intro: "Welke vraag brengt jullie gemeente mee? Scherp hem aan als jullie verder komen.",
    fields: [{ id: "tekst", label: "Het vraagstuk van onze gemeente", kind: "text", rows: 4 }],
  },
  ...lemniscaatPhases.map((phase) => ({
    id: phaseSectionId(phase),
    title: `Fase ${phaseInfo[phase].number}: ${phaseInfo[phase].label}`,
    intro: "Wat doen jullie in deze fase van de lemniscaat, met wie en wanneer?",
    fields: phaseFields,
  })),
  {
    id: "randvoorwaarden",
    title: "Randvoorwaarden",
    intro: "Wat moet geregeld zijn om goed met ervaringsdeskundigen te werken? Geef per punt aan hoe ver het is.",
    fields: conditions.flatMap((condition) => [
      { id: `${condition.id}-status`, label: "Hoe ver is het?", kind: "status" as const, group: condition.title },
      {
        id: `${condition.id}-toelichting`,
        label: "Toelichting",
        kind: "text" as const,
        group: condition.title,
        rows: 2,
      },
    ]),
  },
  {
    id: "eerste-stappen",
    title: "Eerste stappen vóór de volgende bijeenkomst",
    intro: "Wat gaan jullie concreet doen, en wie doet wat?",
    fields: [{ id: "tekst", label: "Onze eerste stappen", kind: "text", rows: 5 }],
  },
];

export const sectionIds = canvasSections.map((section) => section.id);

export function findSection(sectionId: string): CanvasSection | undefined {
  return canvasSections.find((section) => section.id === sectionId);
}

/** The filled-in canvas: per section, per field, the text (or the status value). */
export type CanvasContent = Record<string, Record<string, string>>;

export const MAX_FIELD_LENGTH = 10_000;

/** The form name of a field: "<section>.<field>". */
export const fieldName = (section: CanvasSection, field: CanvasField) => `${section.id}.${field.id}`;

/**
 * Reads stored (or posted) content into the canvas shape: only known sections and fields, strings only,
 * statuses from the list. Whatever else is in the JSON is dropped, so old or tampered data cannot break a page.
 */
export function normalizeContent(raw: unknown): CanvasContent {
  const source = raw && typeof raw === "object" && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const content: CanvasContent = {};
  for (const section of canvasSections) {
    const values = source[section.id];
    const record =
      values && typeof values === "object" && !Array.isArray(values) ? (values as Record<string, unknown>) : {};
    content[section.id] = {};
    for (const field of section.fields) {
      const value = record[field.id];
      let text = typeof value === "string" ? value.slice(0, MAX_FIELD_LENGTH) : "";
      if (field.kind === "status" && !(conditionStatuses as readonly string[]).includes(text)) text = "";
      content[section.id]![field.id] = text;
    }
  }
  return content;
}

/** A new canvas, with the vraagstuk the municipality brought to the intake. */
export function emptyContent(vraagstuk = ""): CanvasContent {
  return normalizeContent({ vraagstuk: { tekst: vraagstuk } });
}

/** The canvas from a posted form (fields named "<section>.<field>"). */
export function contentFromForm(values: FormValues): CanvasContent {
  const raw: Record<string, Record<string, string>> = {};
  for (const section of canvasSections) {
    raw[section.id] = {};
    for (const field of section.fields) raw[section.id]![field.id] = textValue(values, fieldName(section, field)) ?? "";
  }
  return normalizeContent(raw);
}

/** Fields that are too long (the form says which). */
export function tooLongFields(values: FormValues): string[] {
  const names: string[] = [];
  for (const section of canvasSections) {
    for (const field of section.fields) {
      if ((textValue(values, fieldName(section, field))?.length ?? 0) > MAX_FIELD_LENGTH)
        names.push(fieldName(section, field));
    }
  }
  return names;
}

/** The label of a field as read outside the form, e.g. "Beloning en betaling …: hoe ver is het?". */
export function fieldTitle(field: CanvasField): string {
  return field.group ? `${field.group} — ${field.label.charAt(0).toLowerCase()}${field.label.slice(1)}` : field.label;
}

/** The value of a field as text (a status as its label). */
export function fieldText(field: CanvasField, value: string | undefined): string {
  if (field.kind === "status") return value ? (conditionStatusLabels[value as ConditionStatus] ?? "") : "";
  return (value ?? "").trim();
}

/** One section as readable lines ("Label: text"), the form used by the diff, the export and publishing. */
export function sectionAsText(section: CanvasSection, content: CanvasContent): string {
  const values = content[section.id] ?? {};
  const blocks: string[] = [];
  for (const field of section.fields) {
    const text = fieldText(field, values[field.id]);
    if (!text) continue;
    blocks.push(section.fields.length === 1 ? text : `${fieldTitle(field)}: ${text}`);
  }
  return blocks.join("\n\n");
}

export function isSectionEmpty(section: CanvasSection, content: CanvasContent): boolean {
  return section.fields.every((field) => !fieldText(field, content[section.id]?.[field.id]));
}

/** The sections whose text differs between two canvases. */
export function changedSectionIds(before: CanvasContent, after: CanvasContent): string[] {
  return canvasSections
    .filter((section) =>
      section.fields.some((field) => (before[section.id]?.[field.id] ?? "") !== (after[section.id]?.[field.id] ?? "")),
    )
    .map((section) => section.id);
}

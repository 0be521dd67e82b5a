// The four lemniscaat phases of the impact trail and the fields of a step in each phase: the one list that
// drives the step form, the timeline, the printable feedback page and the Word file. Pure (browser-safe).
//
// Nothing here asks for residents' personal data: who took part is written "in general terms", and the
// form's help text says so.

export const TRAIL_PHASES = ["GATHER", "TRANSLATE", "CHANGE", "FEEDBACK"] as const;
export type TrailPhaseId = (typeof TRAIL_PHASES)[number];

export type TrailField = {
  id: string;
  label: string;
  hint?: string;
  kind: "text" | "textarea" | "date" | "select" | "checks";
  options?: { value: string; label: string }[];
};

export type TrailPhaseDefinition = {
  id: TrailPhaseId;
  number: number;
  /** The phase as the lemniscaat names it. */
  title: string;
  /** Short, for badges and the timeline. */
  short: string;
  /** One B1 sentence: what this step records. */
  intro: string;
  fields: TrailField[];
};

export const GATHER_METHODS = [
  { value: "groep", label: "Gesprek in een groep" },
  { value: "persona", label: "Persona" },
  { value: "klantreis", label: "Klantreis" },
  { value: "bronnen", label: "Gepubliceerde bronnen" },
  { value: "collegas", label: "Ervaringsdeskundige collega's" },
  { value: "anders", label: "Anders" },
];

export const CHANGE_STATUSES = [
  { value: "voorgesteld", label: "Voorgesteld" },
  { value: "besloten", label: "Besloten" },
  { value: "in-uitvoering", label: "In uitvoering" },
  { value: "uitgevoerd", label: "Uitgevoerd" },
  { value: "niet-doorgegaan", label: "Niet doorgegaan" },
];

export const PERSONAL_DATA_HINT =
  "Schrijf hier nooit namen, adressen of andere gegevens waaraan een inwoner te herkennen is. Beschrijf mensen in algemene termen.";

export const trailPhases: TrailPhaseDefinition[] = [
  {
    id: "GATHER",
    number: 1,
    title: "Ervaringskennis ontsluiten",
    short: "Ervaringen ophalen",
    intro: "Hoe en bij wie jullie ervaringen hebben opgehaald, en wat jullie hoorden.",
    fields: [
      { id: "methods", label: "Hoe hebben jullie de ervaringen opgehaald?", kind: "checks", options: GATHER_METHODS },
      {
        id: "fromWhom",
        label: "Van wie (in algemene termen)",
        hint: `Bijvoorbeeld: "tien inwoners met schulden, via het buurtteam". ${PERSONAL_DATA_HINT}`,
        kind: "textarea",
      },
      {
        id: "consent",
        label: "Toestemming",
        hint: "Hoe gaven de mensen toestemming om hun ervaringen te gebruiken, en waarvoor? Noteer alleen dát en hoe het is vastgelegd, geen namen.",
        kind: "textarea",
      },
      { id: "heard", label: "Wat hoorden jullie?", hint: PERSONAL_DATA_HINT, kind: "textarea" },
    ],
  },
  {
    id: "TRANSLATE",
    number: 2,
    title: "Ervaringskennis vertalen",
    short: "Vertalen",
    intro: "Welke onderliggende oorzaken jullie in de ervaringen zien, en met wie jullie dat bespraken.",
    fields: [
      {
        id: "causes",
        label: "Onderliggende oorzaken",
        hint: 'Bijvoorbeeld: de ervaring "ik durfde niet te bellen" wordt de oorzaak "de drempel naar hulp is te hoog".',
        kind: "textarea",
      },
      {
        id: "withWhom",
        label: "Met wie hebben jullie dit vertaald?",
        hint: "Bijvoorbeeld: met twee ervaringsdeskundigen en een medewerker van het wijkteam.",
        kind: "textarea",
      },
    ],
  },
  {
    id: "CHANGE",
    number: 3,
    title: "Beleid en uitvoering aanpassen",
    short: "Aanpassen",
    intro: "Wat er in beleid of uitvoering verandert, wie dat besliste, wanneer, en hoe ver het is.",
    fields: [
      { id: "change", label: "Wat verandert er?", kind: "textarea" },
      {
        id: "decidedBy",
        label: "Besloten door",
        hint: "Een functie of orgaan, bijvoorbeeld: het college, de gemeenteraad, de teamleider schuldhulp.",
        kind: "text",
      },
      { id: "decidedOn", label: "Besloten op", kind: "date" },
      { id: "status", label: "Stand van zaken", kind: "select", options: CHANGE_STATUSES },
    ],
  },
  {
    id: "FEEDBACK",
    number: 4,
    title: "Evalueren en terugkoppelen",
    short: "Terugkoppelen",
    intro: "Wat jullie de mensen hebben laten weten: wat er met hun ervaringen is gedaan, wat niet en waarom.",
    fields: [
      { id: "done", label: "Wat hebben jullie met de ervaringen gedaan?", kind: "textarea" },
      { id: "notDone", label: "Wat hebben jullie niet overgenomen, en waarom niet?", kind: "textarea" },
      {
        id: "how",
        label: "Hoe hebben jullie het laten weten?",
        hint: "Bijvoorbeeld: een bijeenkomst in de wijk, een brief via het buurtteam, een bericht op de website.",
        kind: "textarea",
      },
      { id: "toldOn", label: "Wanneer?", kind: "date" },
    ],
  },
];

export const MAX_TRAIL_FIELD = 5000;

export function phaseOf(id: string): TrailPhaseDefinition | undefined {
  return trailPhases.find((phase) => phase.id === id);
}

export function isTrailPhase(value: string): value is TrailPhaseId {
  return (TRAIL_PHASES as readonly string[]).includes(value);
}

/** The form field name of a phase field ("veld-fromWhom"); kept apart from the step's own fields. */
export function trailFieldName(field: TrailField): string {
  return `veld-${field.id}`;
}

export type StepContent = Record<string, string>;

/** A step as the editor submits it (checked by the step form and the model). */
export type StepInput = {
  round: number;
  phase: TrailPhaseId;
  title: string;
  happenedOn: string;
  content: StepContent;
  linkTarget: string;
  linkUrl: string;
  linkLabel: string;
};

/** Reads a stored content object: only the phase's fields, as strings ("" when missing). */
export function normalizeStepContent(phase: TrailPhaseId, stored: unknown): StepContent {
  const source =
    stored && typeof stored === "object" && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
  const content: StepContent = {};
  for (const field of phaseOf(phase)!.fields) {
    const value = source[field.id];
    content[field.id] = typeof value === "string" ? value : "";
  }
  return content;
}

/**
 * The phase's fields from submitted form values, checked: texts at most MAX_TRAIL_FIELD characters, dates
 * as yyyy-mm-dd, choices from their list. Returns the content or the field errors (by form field name).
 */
export function stepContentFromForm(
  phase: TrailPhaseId,
  values: Record<string, string | string[] | undefined>,
): { ok: true; content: StepContent } | { ok: false; fieldErrors: Record<string, string[]> } {
  const content: StepContent = {};
  const fieldErrors: Record<string, string[]> = {};
  for (const field of phaseOf(phase)!.fields) {
    const name = trailFieldName(field);
    const raw = values[name];
    const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
    if (field.kind === "checks") {
      const allowed = new Set(field.options!.map((option) => option.value));
      const chosen = list.filter((value) => allowed.has(value));
      if (chosen.length !== list.length) fieldErrors[name] = ["Kies uit de lijst."];
      content[field.id] = [...new Set(chosen)].join(",");
      continue;
    }
    const value = (list[0] ?? "").trim();
    if (field.kind === "select" && value && !field.options!.some((option) => option.value === value)) {
      fieldErrors[name] = ["Kies uit de lijst."];
    } else if (field.kind === "date" && value && !isDateString(value)) {
      fieldErrors[name] = ["Vul een datum in, bijvoorbeeld 14-03-2027."];
    } else if (value.length > MAX_TRAIL_FIELD) {
      fieldErrors[name] = [`Dit veld mag maximaal ${MAX_TRAIL_FIELD.toLocaleString("nl-NL")} tekens hebben.`];
    }
    content[field.id] = value;
  }
  return Object.keys(fieldErrors).length ? { ok: false, fieldErrors } : { ok: true, content };
}

export function isDateString(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** A field's value as readable text: labels of chosen options, dates in Dutch. */
export function trailFieldText(field: TrailField, value: string | undefined, formatDate: (date: string) => string) {
  if (!value) return "";
  if (field.kind === "checks")
    return value
      .split(",")
      .map((item) => field.options!.find((option) => option.value === item)?.label ?? item)
      .join(", ");
  if (field.kind === "select") return field.options!.find((option) => option.value === value)?.label ?? value;
  if (field.kind === "date") return isDateString(value) ? formatDate(value) : value;
  return value;
}

/** Phase progress of a topic: per round, which phases have at least one step. */
export function phaseProgress(steps: { round: number; phase: string }[]) {
  const rounds = new Map<number, Set<string>>();
  for (const step of steps) {
    if (!rounds.has(step.round)) rounds.set(step.round, new Set());
    rounds.get(step.round)!.add(step.phase);
  }
  const current = Math.max(1, ...rounds.keys());
  const done = rounds.get(current) ?? new Set<string>();
  return {
    round: current,
    rounds: rounds.size,
    phases: trailPhases.map((phase) => ({
      id: phase.id,
      short: phase.short,
      number: phase.number,
      done: done.has(phase.id),
    })),
    doneCount: trailPhases.filter((phase) => done.has(phase.id)).length,
  };
}

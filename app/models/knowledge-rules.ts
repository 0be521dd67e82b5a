// Rules for the knowledge base, pure so they can be unit-tested: when a duo may publish, the fixed list of
// themes, and the checks that keep a published summary anonymous.
import { phaseInfo } from "~/content/lemniscaat-figure.tsx";
import { type LemniscaatPhase, lemniscaatPhases } from "~/content/tags/lemniscaat.ts";

export const knowledgeThemes = {
  armoede: "Armoede",
  dakloosheid: "Dakloosheid",
  participatiewet: "Participatiewet",
  schulden: "Schulden",
  jeugd: "Jeugd",
  wonen: "Wonen",
  "werk-en-inkomen": "Werk en inkomen",
  "zorg-en-welzijn": "Zorg en welzijn",
  eenzaamheid: "Eenzaamheid",
  "inclusie-en-toegankelijkheid": "Inclusie en toegankelijkheid",
  "ggz-en-verslaving": "GGZ en verslaving",
} as const;

export type KnowledgeTheme = keyof typeof knowledgeThemes;
export const knowledgeThemeIds = Object.keys(knowledgeThemes) as KnowledgeTheme[];

export function isKnowledgeTheme(value: string): value is KnowledgeTheme {
  return Object.hasOwn(knowledgeThemes, value);
}

type CohortForRule = {
  status: "CONCEPT" | "APPLICATIONS_OPEN" | "RUNNING" | "CLOSED";
  /** Calendar date (UTC midnight) of the last day of the cohort. */
  endsOn: Date;
  sessions: { startsAt: Date; endsAt: Date; cancelledAt: Date | null }[];
};

/**
 * A duo may publish once its cohort is over: the coordinator closed it, or its last session (not counting
 * cancelled ones) has ended, or — for a cohort without sessions — its last day has passed. The sessions are
 * the real rhythm of a cohort (the end date is often set generously), so the last session counts first.
 */
export function publishWindow(cohort: CohortForRule, now: Date): { open: boolean; reason: string } {
  if (cohort.status === "CLOSED") return { open: true, reason: "Het leernetwerk is afgesloten." };
  // A cohort still in preparation has nothing to share yet. One left on "Aanmelding open" while its sessions
  // were held follows the sessions like a running one (the status is not always kept up to date).
  if (cohort.status === "CONCEPT") return { open: false, reason: "Het leernetwerk is nog niet begonnen." };
  const held = cohort.sessions.filter((session) => !session.cancelledAt);
  if (held.length) {
    const lastEnd = Math.max(...held.map((session) => session.endsAt.getTime()));
    return lastEnd <= now.getTime()
      ? { open: true, reason: "De laatste bijeenkomst is geweest." }
      : { open: false, reason: "Je kunt delen na de laatste bijeenkomst van je leernetwerk." };
  }
  // The day after endsOn, from midnight UTC (a calendar date).
  const dayAfter = cohort.endsOn.getTime() + 86_400_000;
  return dayAfter <= now.getTime()
    ? { open: true, reason: "De einddatum van het leernetwerk is voorbij." }
    : { open: false, reason: "Je kunt delen als het leernetwerk is afgelopen." };
}

// Short words that are part of Dutch (and other) surnames but are not names by themselves.
const NAME_PARTICLES = new Set([
  "van",
  "de",
  "der",
  "den",
  "het",
  "ter",
  "ten",
  "te",
  "in",
  "op",
  "el",
  "al",
  "la",
  "le",
  "da",
  "di",
  "du",
  "von",
  "'t",
]);

/** The parts of people's names worth looking for: full names, and first and last names of 3+ letters. */
export function nameParts(names: string[]): string[] {
  const parts = new Set<string>();
  for (const name of names) {
    const full = name.trim().replace(/\s+/g, " ");
    if (!full) continue;
    parts.add(full);
    for (const word of full.split(" ")) {
      if (word.length >= 3 && !NAME_PARTICLES.has(word.toLowerCase())) parts.add(word);
    }
  }
  return [...parts];
}

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export type AnonymityProblem = { kind: "name" | "email" | "phone" | "municipality"; found: string };

/**
 * What in a text could identify people: names of the people around the duo (whole words, with the capital
 * as written, so "Wil" as a name is found but "wil" as a verb is not), e-mail addresses, phone numbers, and —
 * when the duo chose not to show it — the municipality's name.
 */
export function anonymityProblems(
  text: string,
  context: { names: string[]; municipality?: string | null },
): AnonymityProblem[] {
  const problems: AnonymityProblem[] = [];
  const seen = new Set<string>();
  const add = (problem: AnonymityProblem) => {
    const id = `${problem.kind}:${problem.found.toLowerCase()}`;
    if (!seen.has(id)) {
      seen.add(id);
      problems.push(problem);
    }
  };
  for (const part of nameParts(context.names)) {
    if (new RegExp(`(^|[^\\p{L}])${escapeRegExp(part)}(?![\\p{L}])`, "u").test(text))
      add({ kind: "name", found: part });
  }
  for (const match of text.matchAll(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g)) add({ kind: "email", found: match[0] });
  for (const match of text.matchAll(/(?<![\w+])(\+31|0)[\s-]?\d(?:[\s-]?\d){7,9}/g))
    add({ kind: "phone", found: match[0].trim() });
  if (context.municipality) {
    const bare = context.municipality.replace(/^gemeente\s+/i, "").trim();
    if (bare && new RegExp(`(^|[^\\p{L}])${escapeRegExp(bare)}(?![\\p{L}])`, "iu").test(text)) {
      add({ kind: "municipality", found: bare });
    }
  }
  return problems;
}

/** One Dutch sentence per problem, for the form. */
export function describeProblem(problem: AnonymityProblem): string {
  switch (problem.kind) {
    case "name":
      return `Er staat een naam in: “${problem.found}”. Haal namen van mensen weg.`;
    case "email":
      return `Er staat een e-mailadres in: ${problem.found}. Haal het weg.`;
    case "phone":
      return `Er staat een telefoonnummer in: ${problem.found}. Haal het weg.`;
    case "municipality":
      return `De naam van jullie gemeente (“${problem.found}”) staat erin, maar jullie kozen ervoor die niet te tonen. Haal hem weg of vink aan dat de gemeente genoemd mag worden.`;
  }
}

// ---------------------------------------------------------------------------------------------------------
// The public knowledge base's filters (issue 16): phase of the lemniscaat and kind of municipality.

export const municipalitySizes = {
  SMALL: "Kleine gemeente (tot 20.000 inwoners)",
  MEDIUM: "Middelgrote gemeente (20.000 tot 50.000 inwoners)",
  LARGE: "Grote gemeente (50.000 tot 100.000 inwoners)",
  VERY_LARGE: "Zeer grote gemeente (meer dan 100.000 inwoners)",
} as const;

export type MunicipalitySizeId = keyof typeof municipalitySizes;
export const municipalitySizeIds = Object.keys(municipalitySizes) as MunicipalitySizeId[];

export function isMunicipalitySize(value: string): value is MunicipalitySizeId {
  return Object.hasOwn(municipalitySizes, value);
}

export type KnowledgePhase = LemniscaatPhase;
export const knowledgePhaseIds: readonly KnowledgePhase[] = lemniscaatPhases;
export const knowledgePhases = Object.fromEntries(
  lemniscaatPhases.map((phase) => [phase, `Fase ${phaseInfo[phase].number}: ${phaseInfo[phase].label}`]),
) as Record<KnowledgePhase, string>;

export function isKnowledgePhase(value: string): value is KnowledgePhase {
  return Object.hasOwn(knowledgePhases, value);
}

/** The lemniscaat phases a duo's summary is about: the phase sections it shares (`fase-<phase>`). */
export function phasesOfSections(sectionIds: string[]): KnowledgePhase[] {
  return knowledgePhaseIds.filter((phase) => sectionIds.includes(`fase-${phase}`));
}

/** "Gemeente Zwolle", or "Een gemeente" when the duo chose not to name it. */
export function municipalityLabel(municipality: string | null): string {
  return municipality ? `Gemeente ${municipality.replace(/^gemeente\s+/i, "")}` : "Een gemeente";
}

export type ArticleSection = { sectionId: string; title: string; text: string };

/** The stored sections of a summary ([{ sectionId, title, text }]); anything else is left out. */
export function parseArticleSections(raw: unknown): ArticleSection[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item) => {
    if (!item || typeof item !== "object") return [];
    const { sectionId, title, text } = item as Record<string, unknown>;
    return typeof sectionId === "string" && typeof title === "string" && typeof text === "string"
      ? [{ sectionId, title, text }]
      : [];
  });
}

/** The longest cohort synthesis (characters). */
export const SYNTHESIS_MAX_LENGTH = 20_000;

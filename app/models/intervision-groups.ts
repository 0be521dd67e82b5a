// The rules for forming intervisie groups, as pure functions (no database): a suggestion that mixes
// municipalities and splits each duo, and the limits every saved arrangement must meet (4–8 members drawn
// from the cohort's active participants, each in one group at most, 1–2 facilitators of the cohort).
import { aantal } from "../utils/plural.ts";
export const MIN_GROUP_SIZE = 4;
export const MAX_GROUP_SIZE = 8;
export const MAX_GROUP_FACILITATORS = 2;

export type GroupCandidate = { id: string; name: string; enrollmentId: string; municipality: string };

/** How many groups the suggestion makes: as few as possible with at most 8 each (null below 4 people). */
export function suggestedGroupCount(participants: number): number | null {
  if (participants < MIN_GROUP_SIZE) return null;
  return Math.ceil(participants / MAX_GROUP_SIZE);
}

/**
 * The most groups the forming page accepts in its URL: 20, or more when the cohort is large enough for
 * more (or already has more). Within it, groupCountProblem explains what does not fit; beyond it the number
 * is refused, since it sizes the page (one block per group).
 */
export function maxGroupCount(participants: number, existingGroups: number): number {
  return Math.max(20, existingGroups, Math.ceil(participants / MIN_GROUP_SIZE));
}

/** Why `count` groups cannot hold `participants` people within the limits, or null when they can. */
export function groupCountProblem(participants: number, count: number): string | null {
  if (!Number.isInteger(count) || count < 1) return "Kies minstens één groep.";
  if (participants < MIN_GROUP_SIZE) {
    return `Er zijn ${participants} deelnemers; voor een intervisiegroep zijn er minstens ${MIN_GROUP_SIZE} nodig.`;
  }
  if (participants < count * MIN_GROUP_SIZE) {
    return `Met ${participants} deelnemers passen er hoogstens ${Math.floor(participants / MIN_GROUP_SIZE)} groepen van minstens ${MIN_GROUP_SIZE}.`;
  }
  if (participants > count * MAX_GROUP_SIZE) {
    return `${participants} deelnemers passen niet in ${aantal(count, "groep", "groepen")} van hoogstens ${MAX_GROUP_SIZE}; kies minstens ${Math.ceil(participants / MAX_GROUP_SIZE)} groepen.`;
  }
  return null;
}

/**
 * A suggestion: `count` groups (index 0…count-1) of nearly equal size. People are dealt out like cards,
 * municipality by municipality (the largest enrolments first), so the members of one duo land in different
 * groups and every group gets people from as many municipalities as possible. Deterministic for the same input.
 */
export function suggestGroups<T extends GroupCandidate>(participants: T[], count: number): T[][] {
  const problem = groupCountProblem(participants.length, count);
  if (problem) throw new Error(problem);
  const byEnrollment = new Map<string, T[]>();
  for (const person of participants) {
    const list = byEnrollment.get(person.enrollmentId) ?? [];
    list.push(person);
    byEnrollment.set(person.enrollmentId, list);
  }
  const enrollments = [...byEnrollment.values()]
    .map((members) => members.sort((a, b) => a.name.localeCompare(b.name, "nl")))
    .sort((a, b) => b.length - a.length || a[0]!.municipality.localeCompare(b[0]!.municipality, "nl"));
  const groups: T[][] = Array.from({ length: count }, () => []);
  let next = 0;
  for (const members of enrollments) {
    for (const person of members) {
      groups[next % count]!.push(person);
      next++;
    }
  }
  return groups;
}

export type ArrangementGroup = { key: string; name: string; memberIds: string[]; facilitatorIds: string[] };

export type ArrangementCheck = {
  /** Refusals: the arrangement is not saved. Keyed by group key, or "form". */
  errors: { key: string; message: string }[];
  /** Allowed, but worth knowing (the coordinator overrides the suggestion). */
  warnings: string[];
};

/**
 * Checks an arrangement the coordinator wants to save. Groups without members are left out (they are not
 * created, or removed) and need no facilitator.
 */
export function checkArrangement(input: {
  groups: ArrangementGroup[];
  participants: GroupCandidate[];
  facilitatorIds: string[];
}): ArrangementCheck {
  const errors: ArrangementCheck["errors"] = [];
  const warnings: string[] = [];
  const byId = new Map(input.participants.map((person) => [person.id, person]));
  const cohortFacilitators = new Set(input.facilitatorIds);
  const placed = new Map<string, string>();
  const names = new Set<string>();
  for (const group of input.groups) {
    const name = group.name.trim();
    if (group.memberIds.length === 0) continue;
    if (!name) errors.push({ key: group.key, message: "Geef de groep een naam." });
    else if (names.has(name.toLocaleLowerCase("nl")))
      errors.push({ key: group.key, message: `Er is al een groep met de naam ${name}.` });
    names.add(name.toLocaleLowerCase("nl"));
    const label = name || "Deze groep";
    if (group.memberIds.length < MIN_GROUP_SIZE) {
      errors.push({
        key: group.key,
        message: `${label} heeft ${aantal(group.memberIds.length, "deelnemer", "deelnemers")}; een intervisiegroep heeft er minstens ${MIN_GROUP_SIZE}.`,
      });
    }
    if (group.memberIds.length > MAX_GROUP_SIZE) {
      errors.push({
        key: group.key,
        message: `${label} heeft ${group.memberIds.length} deelnemers; een intervisiegroep heeft er hoogstens ${MAX_GROUP_SIZE}.`,
      });
    }
    for (const memberId of group.memberIds) {
      const person = byId.get(memberId);
      if (!person) {
        errors.push({
          key: group.key,
          message: `${label}: iemand in deze groep is geen actieve deelnemer van dit leernetwerk.`,
        });
        continue;
      }
      const earlier = placed.get(memberId);
      if (earlier)
        errors.push({ key: group.key, message: `${person.name} staat al in ${earlier}; iemand zit in één groep.` });
      placed.set(memberId, label);
    }
    const facilitators = [...new Set(group.facilitatorIds.filter(Boolean))];
    if (facilitators.length === 0) errors.push({ key: group.key, message: `Kies een begeleider voor ${label}.` });
    if (facilitators.length > MAX_GROUP_FACILITATORS) {
      errors.push({
        key: group.key,
        message: `${label} heeft ${facilitators.length} begeleiders; het zijn er hoogstens ${MAX_GROUP_FACILITATORS}.`,
      });
    }
    if (facilitators.some((id) => !cohortFacilitators.has(id))) {
      errors.push({ key: group.key, message: `Kies voor ${label} begeleiders van dit leernetwerk.` });
    }
    // A duo in one group: allowed (the coordinator decides), but not what the suggestion would do.
    const enrollments = new Map<string, string[]>();
    for (const memberId of group.memberIds) {
      const person = byId.get(memberId);
      if (person) enrollments.set(person.enrollmentId, [...(enrollments.get(person.enrollmentId) ?? []), person.name]);
    }
    for (const together of enrollments.values()) {
      if (together.length > 1) warnings.push(`${together.join(" en ")} (zelfde gemeente) zitten samen in ${label}.`);
    }
  }
  const unplaced = input.participants.filter((person) => !placed.has(person.id));
  if (unplaced.length) warnings.push(`Nog niet in een groep: ${unplaced.map((person) => person.name).join(", ")}.`);
  return { errors, warnings };
}

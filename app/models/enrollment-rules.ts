// The rules for applying and enrolling, as pure functions (no database), so they are easy to test and the
// same wording is used everywhere: the public application form, the intake decision and direct enrolment.
import { z } from "zod";
import type { ApplicationStatus, DuoFunction } from "~/generated/prisma/enums.ts";
import { emailField } from "~/utils/forms.ts";

/** "  gemeente  Zwolle " → "Zwolle": the name as shown, without the word "gemeente" in front. */
export function cleanMunicipalityName(name: string): string {
  const collapsed = name.trim().replace(/\s+/g, " ");
  return collapsed.replace(/^gemeente\s+/i, "");
}

/** The key two spellings of one municipality share ("Gemeente Súdwest-Fryslân" = "súdwest-fryslân"). */
export function municipalityKey(name: string): string {
  return cleanMunicipalityName(name).toLocaleLowerCase("nl-NL");
}

/** A message when the cohort has no place left for another municipality, otherwise null. */
export function capacityProblem(input: { capacity: number; activeEnrollments: number }): string | null {
  if (input.activeEnrollments < input.capacity) return null;
  return `Dit leernetwerk zit vol: alle ${input.capacity} plaatsen voor gemeenten zijn bezet.`;
}

/** How many places are left (never below zero). */
export function placesLeft(input: { capacity: number; activeEnrollments: number }): number {
  return Math.max(0, input.capacity - input.activeEnrollments);
}

/**
 * A message when this municipality already applied for, or already takes part in, the cohort. The keys
 * are municipalityKey() values.
 */
export function duplicateMunicipalityProblem(input: {
  name: string;
  appliedKeys: Iterable<string>;
  enrolledKeys: Iterable<string>;
}): string | null {
  const key = municipalityKey(input.name);
  const shown = cleanMunicipalityName(input.name);
  if (new Set(input.enrolledKeys).has(key)) return `De gemeente ${shown} doet al mee aan dit leernetwerk.`;
  if (new Set(input.appliedKeys).has(key)) {
    return `De gemeente ${shown} heeft zich al aangemeld voor dit leernetwerk. Een gemeente kan zich één keer aanmelden; neem contact op met de coördinator als er iets moet veranderen.`;
  }
  return null;
}

export type CohortPerson = { email: string; municipality: string; kind: "member" | "invited" };

/** A message when this person is already in (or invited into) a duo of the cohort, otherwise null. */
export function alreadyInCohortProblem(email: string, people: CohortPerson[]): string | null {
  const wanted = email.trim().toLowerCase();
  const found = people.find((person) => person.email.toLowerCase() === wanted);
  if (!found) return null;
  return found.kind === "member"
    ? `${wanted} doet al mee aan dit leernetwerk, in het duo van de gemeente ${found.municipality}.`
    : `${wanted} is al uitgenodigd voor dit leernetwerk, in het duo van de gemeente ${found.municipality}.`;
}

// --- The duo in a form -----------------------------------------------------------------------------------

/** Functions a duo member can have; the municipality's own ervaringsdeskundige is asked for separately. */
export const duoMemberFunctions = ["BELEIDSMEDEWERKER", "LEIDINGGEVENDE", "STRATEGISCH_BELEIDSADVISEUR"] as const;
export const allDuoFunctions = [...duoMemberFunctions, "ERVARINGSDESKUNDIGE"] as const satisfies readonly DuoFunction[];

export type DuoSlot = "member1" | "member2" | "expert";
export type DuoMemberInput = { slot: DuoSlot; name: string; email: string; function: DuoFunction };

/**
 * Seed 002: the duo is a beleidsmedewerker together with a leidinggevende or a strategisch
 * beleidsadviseur, so that the change is carried at two levels of the organisation. Returns the field
 * errors (by form field name), empty when the duo is complete.
 */
export function duoProblems(members: DuoMemberInput[]): Record<string, string> {
  const problems: Record<string, string> = {};
  const first = members.find((member) => member.slot === "member1");
  const second = members.find((member) => member.slot === "member2");
  const functions = [first?.function, second?.function];
  const hasPolicyOfficer = functions.includes("BELEIDSMEDEWERKER");
  const hasSecondLevel = functions.includes("LEIDINGGEVENDE") || functions.includes("STRATEGISCH_BELEIDSADVISEUR");
  if (first && second && !(hasPolicyOfficer && hasSecondLevel)) {
    problems.member2Function =
      "Een duo bestaat uit een beleidsmedewerker en een leidinggevende of strategisch beleidsadviseur.";
  }
  const seen = new Map<string, DuoSlot>();
  for (const member of members) {
    const email = member.email.toLowerCase();
    if (seen.has(email)) problems[`${member.slot}Email`] = "Iedereen in het duo heeft een eigen e-mailadres nodig.";
    else seen.set(email, member.slot);
  }
  return problems;
}

const personName = z
  .string({ required_error: "Vul de naam in." })
  .trim()
  .min(2, "Vul de naam in (minstens 2 tekens).")
  .max(120, "Een naam mag maximaal 120 tekens hebben.");
const duoFunction = z.enum(duoMemberFunctions, { errorMap: () => ({ message: "Kies de functie." }) });
const optionalText = z
  .string()
  .optional()
  .transform((value) => value?.trim() ?? "");

/** The form fields of the duo (two members and, optionally, the municipality's own ervaringsdeskundige). */
export const duoFields = {
  member1Name: personName,
  member1Email: emailField,
  member1Function: duoFunction,
  member2Name: personName,
  member2Email: emailField,
  member2Function: duoFunction,
  expertName: optionalText,
  expertEmail: optionalText,
};

type DuoFieldValues = {
  member1Name: string;
  member1Email: string;
  member1Function: DuoFunction;
  member2Name: string;
  member2Email: string;
  member2Function: DuoFunction;
  expertName: string;
  expertEmail: string;
};

/** Turns the duo fields into the list of members, adding an issue per field that is wrong. */
export function duoMembersFrom(data: DuoFieldValues, ctx: z.RefinementCtx): DuoMemberInput[] {
  const members: DuoMemberInput[] = [
    { slot: "member1", name: data.member1Name, email: data.member1Email, function: data.member1Function },
    { slot: "member2", name: data.member2Name, email: data.member2Email, function: data.member2Function },
  ];
  if (data.expertName || data.expertEmail) {
    const email = emailField.safeParse(data.expertEmail);
    if (data.expertName.length < 2) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["expertName"],
        message: "Vul de naam van de ervaringsdeskundige in, of laat beide velden leeg.",
      });
    }
    if (!email.success) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["expertEmail"],
        message: data.expertEmail
          ? email.error.issues[0]!.message
          : "Vul het e-mailadres van de ervaringsdeskundige in, of laat beide velden leeg.",
      });
    } else {
      members.push({ slot: "expert", name: data.expertName, email: email.data, function: "ERVARINGSDESKUNDIGE" });
    }
  }
  for (const [path, message] of Object.entries(duoProblems(members))) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path], message });
  }
  return members;
}

export const municipalityField = z
  .string({ required_error: "Vul de naam van de gemeente in." })
  .transform(cleanMunicipalityName)
  .pipe(z.string().min(2, "Vul de naam van de gemeente in.").max(80, "De naam mag maximaal 80 tekens hebben."));

export const vraagstukField = z
  .string({ required_error: "Beschrijf het vraagstuk." })
  .trim()
  .min(20, "Beschrijf het vraagstuk in een paar zinnen (minstens 20 tekens).")
  .max(2000, "Het vraagstuk mag maximaal 2000 tekens hebben.");

export const phoneField = z
  .string({ required_error: "Vul een telefoonnummer in." })
  .trim()
  .min(1, "Vul een telefoonnummer in.")
  .refine(
    (value) => /^\+?[0-9(][0-9 ()-]{7,18}$/.test(value) && value.replace(/\D/g, "").length >= 9,
    "Vul een geldig telefoonnummer in, bijvoorbeeld 038 498 2000 of +31 6 1234 5678.",
  );

// --- Intake decisions ------------------------------------------------------------------------------------

export const intakeDecisions = ["ADMITTED", "WAITLISTED", "REJECTED"] as const;
export type IntakeDecision = (typeof intakeDecisions)[number];

/** A message when this decision may not be taken now (or lacks its reason), otherwise null. */
export function decisionProblem(input: {
  current: ApplicationStatus;
  decision: IntakeDecision | null;
  reason: string;
}): { field: "decision" | "reason"; message: string } | null {
  if (input.current === "ADMITTED") {
    return {
      field: "decision",
      message: "Deze gemeente is al toegelaten. Wil je dat terugdraaien, schrijf de gemeente dan uit bij Deelnemers.",
    };
  }
  if ((input.decision === "WAITLISTED" || input.decision === "REJECTED") && input.reason.trim().length < 5) {
    return { field: "reason", message: "Geef een reden voor de wachtlijst of de afwijzing (minstens 5 tekens)." };
  }
  return null;
}

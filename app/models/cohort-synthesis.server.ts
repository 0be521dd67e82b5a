// The cohort synthesis (issue 16): what a cohort learned across its duos, in the facilitators' own words. One
// per cohort, written by its facilitators (or a coordinator). Saving sends it to the coordinator's review
// (knowledge-review.server.ts); once approved it is public in the knowledge base without any author's name.
// A changed text waits for review again. The same anonymity rules as for a duo's summary apply, and no
// municipality may be named (not every duo chose to be recognisable).
import type { User } from "lucia";
import { prisma } from "~/utils/db.server.ts";
import { notifyCoordinators } from "./coordinator-notices.server.ts";
import { DomainError } from "~/utils/domain-error.ts";
import { forgetPublishedKnowledge } from "./knowledge-public.server.ts";
import {
  anonymityProblems,
  describeProblem,
  isKnowledgePhase,
  isKnowledgeTheme,
  type KnowledgePhase,
  type KnowledgeTheme,
  SYNTHESIS_MAX_LENGTH,
} from "./knowledge-rules.ts";

/** The cohort's synthesis (null: none yet), and the names and municipalities it may not mention. */
export async function synthesisContext(cohortId: string) {
  const cohort = await prisma.cohort.findUnique({
    where: { id: cohortId },
    select: {
      name: true,
      synthesis: {
        select: {
          id: true,
          title: true,
          body: true,
          themes: true,
          phases: true,
          reviewStatus: true,
          reviewNote: true,
          reviewedAt: true,
          publishedAt: true,
          updatedAt: true,
        },
      },
      facilitators: { select: { user: { select: { name: true } } } },
      enrollments: {
        select: { municipality: { select: { name: true } }, members: { select: { user: { select: { name: true } } } } },
      },
    },
  });
  if (!cohort) return null;
  return {
    cohortName: cohort.name,
    synthesis: cohort.synthesis,
    names: [
      ...cohort.facilitators.map((facilitator) => facilitator.user.name),
      ...cohort.enrollments.flatMap((enrollment) => enrollment.members.map((member) => member.user.name)),
    ],
    municipalities: cohort.enrollments.map((enrollment) => enrollment.municipality.name),
  };
}

export type SynthesisInput = { title: string; body: string; themes: string[]; phases: string[] };

/** Field errors in Dutch; empty when the text may go to review. */
export function checkSynthesis(
  context: { names: string[]; municipalities: string[] },
  input: SynthesisInput,
): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const add = (field: string, message: string) => {
    errors[field] ??= [];
    if (!errors[field]!.includes(message)) errors[field]!.push(message);
  };
  if (input.title.trim().length < 5) add("title", "Geef de synthese een titel van minstens 5 tekens.");
  if (input.title.length > 150) add("title", "De titel mag maximaal 150 tekens hebben.");
  if (input.body.trim().length < 50) add("body", "Schrijf minstens een paar zinnen (50 tekens).");
  if (input.body.length > SYNTHESIS_MAX_LENGTH) add("body", "De tekst mag maximaal 20.000 tekens hebben.");
  if (!input.themes.length) add("themes", "Kies minstens één thema.");
  if (input.themes.some((theme) => !isKnowledgeTheme(theme))) add("themes", "Kies thema's uit de lijst.");
  if (input.phases.some((phase) => !isKnowledgePhase(phase))) add("phases", "Kies fasen uit de lijst.");
  for (const [field, text] of [
    ["title", input.title],
    ["body", input.body],
  ] as const) {
    for (const problem of anonymityProblems(text, { names: context.names })) add(field, describeProblem(problem));
    for (const municipality of context.municipalities) {
      for (const problem of anonymityProblems(text, { names: [], municipality })) {
        add(
          field,
          `Er staat een gemeente in: “${problem.found}”. Noem geen gemeenten: niet elk duo wil herkenbaar zijn.`,
        );
      }
    }
  }
  return errors;
}

/** Saves the synthesis and sends it to review (again); what was public stays offline until approved. */
export async function saveSynthesis(viewer: Pick<User, "id">, cohortId: string, input: SynthesisInput) {
  const context = await synthesisContext(cohortId);
  if (!context) throw new DomainError("Dit leernetwerk bestaat niet.");
  const errors = checkSynthesis(context, input);
  if (Object.keys(errors).length) throw DomainError.fields(errors);
  const data = {
    title: input.title.trim(),
    body: input.body.trim(),
    themes: input.themes as KnowledgeTheme[],
    phases: input.phases as KnowledgePhase[],
    authorId: viewer.id,
    reviewStatus: "PENDING" as const,
    reviewNote: null,
    reviewedAt: null,
    reviewedById: null,
    publishedAt: null,
  };
  const synthesis = await prisma.cohortSynthesis.upsert({
    where: { cohortId },
    create: { ...data, cohortId },
    update: data,
    select: { id: true },
  });
  if (context.synthesis?.reviewStatus === "APPROVED") forgetPublishedKnowledge();
  await notifyCoordinators({
    kind: "knowledge-review",
    key: `knowledge-review:synthese:${synthesis.id}:${Date.now()}`,
    title: `De synthese van ${context.cohortName} wacht op beoordeling`,
    path: "/beheer/kennisbank",
    lines: [
      `De begeleiders van ${context.cohortName} bieden hun synthese aan voor de kennisbank.`,
      "Controleer of er niets in staat waaraan mensen te herkennen zijn, en keur hem goed of stuur hem terug.",
    ],
    actionLabel: "Naar de beoordeling",
  });
  return synthesis;
}

/** Deletes the cohort's synthesis (also from the public knowledge base). */
export async function deleteSynthesis(cohortId: string): Promise<boolean> {
  const deleted = await prisma.cohortSynthesis.deleteMany({ where: { cohortId } });
  if (deleted.count) forgetPublishedKnowledge();
  return deleted.count > 0;
}

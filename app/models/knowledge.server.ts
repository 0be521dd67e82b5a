// The knowledge base: anonymised summaries of duos' approaches, published with the duo's consent at the end
// of their cohort and, once a coordinator approved them (issue 16, knowledge-review.server.ts), readable by
// anyone (knowledge-public.server.ts). Withdrawing consent deletes the article itself; what
// stays is the duo's record of when consent was given and withdrawn (KnowledgeConsentEvent).
// Consent of the whole duo (issue 15): one member proposes a text with their consent (KnowledgeProposal); it
// is published only once every member of the duo consented to exactly that text. Either member may withdraw.
import type { User } from "lucia";
import type { Prisma } from "~/generated/prisma/client.ts";
import { prisma } from "~/utils/db.server.ts";
import { notifyCoordinators } from "./coordinator-notices.server.ts";
import { canvasSections, findSection, normalizeContent, sectionAsText } from "./action-plan-sections.ts";
import {
  anonymityProblems,
  type ArticleSection,
  describeProblem,
  isKnowledgeTheme,
  parseArticleSections,
  publishWindow,
  type KnowledgeTheme,
} from "./knowledge-rules.ts";
import { forgetPublishedKnowledge } from "./knowledge-public.server.ts";
import { DomainError } from "~/utils/domain-error.ts";

/** The participant's duo as it can publish: its canvas, its publication, the consent history and the rule. */
export async function publishContext(viewer: Pick<User, "id">, now = new Date()) {
  const membership = await prisma.duoMember.findFirst({
    where: { userId: viewer.id, enrollment: { status: "ACTIVE" } },
    orderBy: { enrollment: { cohort: { startsOn: "desc" } } },
    select: {
      enrollment: {
        select: {
          id: true,
          vraagstuk: true,
          municipality: { select: { name: true } },
          actionPlan: { select: { content: true } },
          knowledgeArticle: {
            select: {
              id: true,
              title: true,
              themes: true,
              sections: true,
              municipality: true,
              publishedAt: true,
              updatedAt: true,
              reviewStatus: true,
              reviewNote: true,
              reviewedAt: true,
            },
          },
          members: { orderBy: { createdAt: "asc" }, select: { user: { select: { id: true, name: true } } } },
          knowledgeProposal: {
            select: {
              title: true,
              themes: true,
              sections: true,
              municipality: true,
              updatedAt: true,
              consents: { select: { userId: true, createdAt: true } },
            },
          },
          knowledgeConsents: {
            orderBy: { createdAt: "desc" },
            select: { id: true, action: true, title: true, createdAt: true, user: { select: { name: true } } },
          },
          cohort: {
            select: {
              id: true,
              name: true,
              status: true,
              endsOn: true,
              sessions: { select: { startsAt: true, endsAt: true, cancelledAt: true } },
              facilitators: { select: { user: { select: { name: true } } } },
              enrollments: { select: { members: { select: { user: { select: { name: true } } } } } },
            },
          },
        },
      },
    },
  });
  if (!membership) return null;
  const { enrollment } = membership;
  const content = normalizeContent(enrollment.actionPlan?.content ?? { vraagstuk: { tekst: enrollment.vraagstuk } });
  // Everyone around the duo whose name must not appear in a published text.
  const names = [
    ...enrollment.cohort.facilitators.map((facilitator) => facilitator.user.name),
    ...enrollment.cohort.enrollments.flatMap((other) => other.members.map((member) => member.user.name)),
  ];
  return {
    enrollmentId: enrollment.id,
    municipality: enrollment.municipality.name,
    cohort: { id: enrollment.cohort.id, name: enrollment.cohort.name },
    hasPlan: Boolean(enrollment.actionPlan),
    window: publishWindow(enrollment.cohort, now),
    sections: canvasSections.map((section) => ({
      id: section.id,
      title: section.title,
      text: sectionAsText(section, content),
    })),
    article: enrollment.knowledgeArticle
      ? { ...enrollment.knowledgeArticle, sections: parseArticleSections(enrollment.knowledgeArticle.sections) }
      : null,
    consents: enrollment.knowledgeConsents,
    proposal: proposalState(enrollment.knowledgeProposal, enrollment.members),
    names,
  };
}

/** A pending proposal with, per duo member, whether (and when) they consented to its current text. */
function proposalState(
  proposal: {
    title: string;
    themes: string[];
    sections: Prisma.JsonValue;
    municipality: string | null;
    updatedAt: Date;
    consents: { userId: string; createdAt: Date }[];
  } | null,
  members: { user: { id: string; name: string } }[],
) {
  if (!proposal) return null;
  const { consents, sections, ...rest } = proposal;
  const perMember = members.map(({ user }) => ({
    user,
    consentedAt: consents.find((consent) => consent.userId === user.id)?.createdAt ?? null,
  }));
  return {
    ...rest,
    sections: parseArticleSections(sections),
    members: perMember,
    missing: perMember.filter((member) => !member.consentedAt).map((member) => member.user.name),
  };
}

export type PublishContext = NonNullable<Awaited<ReturnType<typeof publishContext>>>;

export type PublishInput = {
  /** The consent of the one who publishes (one of the duo); without it nothing is published. */
  consent: boolean;
  title: string;
  themes: string[];
  showMunicipality: boolean;
  sections: { sectionId: string; text: string }[];
};

/** Field errors for a publication, in Dutch; empty when it may be published. */
export function checkPublication(
  context: Pick<PublishContext, "names" | "municipality">,
  input: PublishInput,
): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const add = (field: string, message: string) => {
    errors[field] ??= [];
    errors[field]!.push(message);
  };
  if (input.title.trim().length < 5) add("title", "Geef de samenvatting een titel van minstens 5 tekens.");
  if (input.title.length > 150) add("title", "De titel mag maximaal 150 tekens hebben.");
  if (!input.themes.length) add("themes", "Kies minstens één thema.");
  if (input.themes.some((theme) => !isKnowledgeTheme(theme))) add("themes", "Kies thema's uit de lijst.");
  if (!input.sections.length) add("sections", "Kies minstens één onderdeel van jullie aanpak.");
  const context2 = { names: context.names, municipality: input.showMunicipality ? null : context.municipality };
  for (const problem of anonymityProblems(input.title, context2)) add("title", describeProblem(problem));
  for (const section of input.sections) {
    if (!findSection(section.sectionId)) {
      add("sections", "Dit onderdeel bestaat niet.");
      continue;
    }
    const field = `text:${section.sectionId}`;
    if (!section.text.trim()) add(field, "Dit onderdeel is leeg. Schrijf iets of vink het uit.");
    if (section.text.length > 10_000) add(field, "Dit onderdeel mag maximaal 10.000 tekens hebben.");
    for (const problem of anonymityProblems(section.text, context2)) add(field, describeProblem(problem));
  }
  return errors;
}

/**
 * Gives `viewer`'s consent to this text of the duo's summary (one of the duo). Checked again here: the
 * consent, the cohort must be over, and the texts must pass the anonymity checks (DomainError with every
 * problem at its field). The text becomes the duo's proposal; a different text than the one the others
 * consented to drops their consent. Published (or the published one replaced) only when every member of the
 * duo consented to this text: then `article` is set; otherwise `waitingFor` names who has not yet.
 */
export async function publishArticle(viewer: Pick<User, "id">, input: PublishInput, now = new Date()) {
  const context = await publishContext(viewer, now);
  if (!context) throw new DomainError("Je doet niet mee aan een leernetwerk.");
  if (!context.window.open) throw new DomainError(context.window.reason);
  const errors = checkPublication(context, input);
  if (!input.consent) errors.consent = ["Geef toestemming om de samenvatting te delen, of deel hem (nog) niet."];
  if (Object.keys(errors).length) throw DomainError.fields(errors);
  const sections: ArticleSection[] = canvasSections
    .filter((section) => input.sections.some((chosen) => chosen.sectionId === section.id))
    .map((section) => ({
      sectionId: section.id,
      title: section.title,
      text: input.sections.find((chosen) => chosen.sectionId === section.id)!.text.trim(),
    }));
  const title = input.title.trim();
  const proposed = {
    title,
    themes: input.themes as KnowledgeTheme[],
    sections: sections as unknown as Prisma.InputJsonArray,
    municipality: input.showMunicipality ? context.municipality : null,
  };
  const sameText = (other: typeof context.proposal) =>
    other !== null &&
    JSON.stringify([other.title, [...other.themes].sort(), other.sections, other.municipality]) ===
      JSON.stringify([title, [...proposed.themes].sort(), sections, proposed.municipality]);
  const { enrollmentId } = context;
  return prisma
    .$transaction(async (tx): Promise<{ article: { id: string } | null; waitingFor: string[] }> => {
      // Another text than the one consented to: the others' consent no longer applies.
      if (!sameText(context.proposal)) await tx.knowledgeProposalConsent.deleteMany({ where: { enrollmentId } });
      await tx.knowledgeProposal.upsert({
        where: { enrollmentId },
        create: { ...proposed, enrollmentId },
        update: proposed,
      });
      await tx.knowledgeProposalConsent.upsert({
        where: { enrollmentId_userId: { enrollmentId, userId: viewer.id } },
        create: { enrollmentId, userId: viewer.id },
        update: {},
      });
      await tx.knowledgeConsentEvent.create({ data: { enrollmentId, userId: viewer.id, action: "GIVEN", title } });
      // Every current member of the duo (read again inside the transaction).
      const members = await tx.duoMember.findMany({
        where: { enrollmentId },
        select: { userId: true, user: { select: { name: true } } },
      });
      const consented = new Set(
        (await tx.knowledgeProposalConsent.findMany({ where: { enrollmentId }, select: { userId: true } })).map(
          (consent) => consent.userId,
        ),
      );
      const waitingFor = members.filter((member) => !consented.has(member.userId)).map((member) => member.user.name);
      if (waitingFor.length) return { article: null, waitingFor };
      // A new or changed text waits for a coordinator's review before it is public again (issue 16).
      const data = {
        ...proposed,
        searchText: [title, ...sections.map((section) => `${section.title}\n${section.text}`)].join("\n").toLowerCase(),
        reviewStatus: "PENDING" as const,
        reviewNote: null,
        reviewedAt: null,
        reviewedById: null,
      };
      const article = await tx.knowledgeArticle.upsert({
        where: { enrollmentId },
        create: { ...data, enrollmentId },
        update: data,
        select: { id: true },
      });
      await tx.knowledgeProposal.delete({ where: { enrollmentId } });
      return { article, waitingFor: [] };
    })
    .then(async (result) => {
      if (result.article) {
        forgetPublishedKnowledge();
        // The coordinators hear that a text waits for them (not what it says).
        await notifyCoordinators({
          kind: "knowledge-review",
          key: `knowledge-review:samenvatting:${result.article.id}:${now.getTime()}`,
          title: `Een samenvatting voor de kennisbank wacht op beoordeling (${context.municipality})`,
          path: "/beheer/kennisbank",
          lines: [
            `Het duo van ${context.municipality} biedt een samenvatting aan voor de kennisbank.`,
            "Controleer of er niets in staat waaraan mensen te herkennen zijn, en keur hem goed of stuur hem terug.",
          ],
          actionLabel: "Naar de beoordeling",
        });
      }
      return result;
    });
}

/**
 * Withdraws consent (either member of the duo): the published summary and a pending proposal are deleted for
 * good; the withdrawal is recorded.
 */
export async function withdrawArticle(viewer: Pick<User, "id">): Promise<boolean> {
  const context = await publishContext(viewer);
  if (!context?.article && !context?.proposal) return false;
  const { enrollmentId } = context;
  const title = context.article?.title ?? context.proposal!.title;
  return prisma
    .$transaction(async (tx) => {
      const deleted = await tx.knowledgeArticle.deleteMany({ where: { enrollmentId } });
      const dropped = await tx.knowledgeProposal.deleteMany({ where: { enrollmentId } });
      if (deleted.count + dropped.count === 0) return false;
      await tx.knowledgeConsentEvent.create({
        data: { enrollmentId, userId: viewer.id, action: "WITHDRAWN", title },
      });
      return true;
    })
    .then((withdrawn) => {
      if (withdrawn) forgetPublishedKnowledge();
      return withdrawn;
    });
}

// The coordinator's review of the knowledge base (issue 16): a duo's summary (after both members consented)
// and a cohort synthesis are public only once a coordinator approved them. Sending one back needs a reason,
// which the duo (or the facilitators) see. Every decision is in the audit log; the public list's in-memory
// copy is dropped after each one.
import type { User } from "lucia";
import { prisma } from "~/utils/db.server.ts";
import { DomainError } from "~/utils/domain-error.ts";
import { recordAudit } from "./audit.server.ts";
import { forgetPublishedKnowledge } from "./knowledge-public.server.ts";
import {
  isKnowledgePhase,
  isKnowledgeTheme,
  type MunicipalitySizeId,
  parseArticleSections,
  phasesOfSections,
} from "./knowledge-rules.ts";

export type ReviewKind = "samenvatting" | "synthese";

/** What waits for review (oldest first), the last decisions, and what is public now (to take offline). */
export async function reviewQueue() {
  const [articles, syntheses, reviewedArticles, reviewedSyntheses, publicArticles, publicSyntheses] = await Promise.all(
    [
      prisma.knowledgeArticle.findMany({
        where: { reviewStatus: "PENDING" },
        orderBy: { updatedAt: "asc" },
        select: {
          id: true,
          title: true,
          themes: true,
          municipality: true,
          sections: true,
          updatedAt: true,
          enrollment: {
            select: {
              cohort: { select: { name: true } },
              municipality: { select: { name: true, sizeClass: true } },
            },
          },
        },
      }),
      prisma.cohortSynthesis.findMany({
        where: { reviewStatus: "PENDING" },
        orderBy: { updatedAt: "asc" },
        select: {
          id: true,
          title: true,
          body: true,
          themes: true,
          phases: true,
          updatedAt: true,
          cohort: { select: { name: true } },
        },
      }),
      prisma.knowledgeArticle.findMany({
        where: { reviewStatus: { not: "PENDING" }, reviewedAt: { not: null } },
        orderBy: { reviewedAt: "desc" },
        take: 10,
        select: { id: true, title: true, reviewStatus: true, reviewNote: true, reviewedAt: true },
      }),
      prisma.cohortSynthesis.findMany({
        where: { reviewStatus: { not: "PENDING" }, reviewedAt: { not: null } },
        orderBy: { reviewedAt: "desc" },
        take: 10,
        select: { id: true, title: true, reviewStatus: true, reviewNote: true, reviewedAt: true },
      }),
      prisma.knowledgeArticle.findMany({
        where: { reviewStatus: "APPROVED" },
        orderBy: { reviewedAt: "desc" },
        select: {
          id: true,
          title: true,
          reviewedAt: true,
          enrollment: { select: { cohort: { select: { name: true } } } },
        },
      }),
      prisma.cohortSynthesis.findMany({
        where: { reviewStatus: "APPROVED" },
        orderBy: { reviewedAt: "desc" },
        select: { id: true, title: true, reviewedAt: true, cohort: { select: { name: true } } },
      }),
    ],
  );
  const published = [
    ...publicArticles.map((item) => ({
      kind: "samenvatting" as const,
      id: item.id,
      title: item.title,
      cohort: item.enrollment.cohort.name,
      approvedAt: item.reviewedAt,
    })),
    ...publicSyntheses.map((item) => ({
      kind: "synthese" as const,
      id: item.id,
      title: item.title,
      cohort: item.cohort.name,
      approvedAt: item.reviewedAt,
    })),
  ].sort((a, b) => (b.approvedAt?.getTime() ?? 0) - (a.approvedAt?.getTime() ?? 0));
  const pending = [
    ...articles.map((article) => {
      const sections = parseArticleSections(article.sections);
      return {
        kind: "samenvatting" as const,
        id: article.id,
        title: article.title,
        themes: article.themes.filter(isKnowledgeTheme),
        phases: phasesOfSections(sections.map((section) => section.sectionId)),
        cohort: article.enrollment.cohort.name,
        // The coordinator sees which municipality it is, and whether the duo chose to show its name.
        municipality: article.enrollment.municipality.name,
        municipalityShown: article.municipality !== null,
        sizeClass: article.enrollment.municipality.sizeClass,
        submittedAt: article.updatedAt,
        sections,
        body: null,
      };
    }),
    ...syntheses.map((synthesis) => ({
      kind: "synthese" as const,
      id: synthesis.id,
      title: synthesis.title,
      themes: synthesis.themes.filter(isKnowledgeTheme),
      phases: synthesis.phases.filter(isKnowledgePhase),
      cohort: synthesis.cohort.name,
      municipality: null,
      municipalityShown: false,
      sizeClass: null,
      submittedAt: synthesis.updatedAt,
      sections: [],
      body: synthesis.body,
    })),
  ].sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
  const reviewed = [
    ...reviewedArticles.map((item) => ({ ...item, kind: "samenvatting" as const })),
    ...reviewedSyntheses.map((item) => ({ ...item, kind: "synthese" as const })),
  ]
    .sort((a, b) => b.reviewedAt!.getTime() - a.reviewedAt!.getTime())
    .slice(0, 10);
  return { pending, reviewed, published };
}

/** Whether anything waits for review (for the coordinator's start page and menu). */
export async function pendingReviewCount() {
  const [articles, syntheses] = await Promise.all([
    prisma.knowledgeArticle.count({ where: { reviewStatus: "PENDING" } }),
    prisma.cohortSynthesis.count({ where: { reviewStatus: "PENDING" } }),
  ]);
  return articles + syntheses;
}

const ALREADY_REVIEWED = "Deze tekst is al beoordeeld of is intussen aangepast. Bekijk de lijst opnieuw.";

/**
 * Approves a pending text: it is public from now on. For a summary the coordinator may set the kind of
 * municipality (the public filter) at the same time. False when there is no such text.
 */
export async function approveForPublication(
  viewer: Pick<User, "id">,
  input: { kind: ReviewKind; id: string; note: string; sizeClass: MunicipalitySizeId | null },
  now = new Date(),
): Promise<boolean> {
  const note = input.note.trim() || null;
  const review = {
    reviewStatus: "APPROVED" as const,
    reviewNote: note,
    reviewedAt: now,
    reviewedById: viewer.id,
    publishedAt: now,
  };
  const done = await prisma.$transaction(async (tx) => {
    if (input.kind === "samenvatting") {
      const article = await tx.knowledgeArticle.findUnique({
        where: { id: input.id },
        select: { title: true, reviewStatus: true, enrollment: { select: { municipalityId: true } } },
      });
      if (!article) return false;
      if (article.reviewStatus !== "PENDING") throw new DomainError(ALREADY_REVIEWED);
      // Only a pending row is changed, so two coordinators approving at once do not both succeed.
      const updated = await tx.knowledgeArticle.updateMany({
        where: { id: input.id, reviewStatus: "PENDING" },
        data: review,
      });
      if (!updated.count) throw new DomainError(ALREADY_REVIEWED);
      if (input.sizeClass) {
        await tx.municipality.update({
          where: { id: article.enrollment.municipalityId },
          data: { sizeClass: input.sizeClass },
        });
      }
      await recordAudit(
        {
          actorId: viewer.id,
          action: "knowledge.approve",
          entityType: "KnowledgeArticle",
          entityId: input.id,
          details: { title: article.title, note, sizeClass: input.sizeClass },
        },
        tx,
      );
      return true;
    }
    const synthesis = await tx.cohortSynthesis.findUnique({
      where: { id: input.id },
      select: { title: true, reviewStatus: true },
    });
    if (!synthesis) return false;
    const updated = await tx.cohortSynthesis.updateMany({
      where: { id: input.id, reviewStatus: "PENDING" },
      data: review,
    });
    if (!updated.count) throw new DomainError(ALREADY_REVIEWED);
    await recordAudit(
      {
        actorId: viewer.id,
        action: "knowledge.approve",
        entityType: "CohortSynthesis",
        entityId: input.id,
        details: { title: synthesis.title, note },
      },
      tx,
    );
    return true;
  });
  if (done) forgetPublishedKnowledge();
  return done;
}

/**
 * Sends a text back with a reason (pending, or already public: then it is taken offline). The duo or the
 * facilitators see the reason and can change the text, which then waits for review again.
 */
export async function sendBack(
  viewer: Pick<User, "id">,
  input: { kind: ReviewKind; id: string; reason: string },
  now = new Date(),
): Promise<boolean> {
  const reason = input.reason.trim();
  if (reason.length < 5) throw DomainError.fields({ reason: ["Schrijf op waarom de tekst terug gaat."] });
  const review = { reviewStatus: "RETURNED" as const, reviewNote: reason, reviewedAt: now, reviewedById: viewer.id };
  const done = await prisma.$transaction(async (tx) => {
    const found =
      input.kind === "samenvatting"
        ? await tx.knowledgeArticle.findUnique({ where: { id: input.id }, select: { title: true, reviewStatus: true } })
        : await tx.cohortSynthesis.findUnique({ where: { id: input.id }, select: { title: true, reviewStatus: true } });
    if (!found) return false;
    if (found.reviewStatus === "RETURNED") throw new DomainError(ALREADY_REVIEWED);
    const where = { id: input.id, reviewStatus: found.reviewStatus };
    const updated =
      input.kind === "samenvatting"
        ? await tx.knowledgeArticle.updateMany({ where, data: review })
        : await tx.cohortSynthesis.updateMany({ where, data: review });
    if (!updated.count) throw new DomainError(ALREADY_REVIEWED);
    await recordAudit(
      {
        actorId: viewer.id,
        action: "knowledge.return",
        entityType: input.kind === "samenvatting" ? "KnowledgeArticle" : "CohortSynthesis",
        entityId: input.id,
        details: { title: found.title, reason, wasPublic: found.reviewStatus === "APPROVED" },
      },
      tx,
    );
    return true;
  });
  if (done) forgetPublishedKnowledge();
  return done;
}

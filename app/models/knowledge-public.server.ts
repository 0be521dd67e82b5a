// The public knowledge base (issue 16): what anyone may read without an account — duo summaries and cohort
// syntheses that a coordinator approved. Nothing here carries a person: no names, e-mail addresses or user
// ids; a municipality only when its duo chose to show it.
//
// The list of everything published is small (a few summaries per cohort) and read far more often than it
// changes, so it is kept in memory per process and filtered there: a list page costs no query while the copy
// is fresh. Every change that makes something (un)published in this process drops the copy at once
// (`forgetPublishedKnowledge`: approve, send back, withdraw, a new text for review); a change made by another
// web process is picked up within PUBLIC_LIST_TTL_MS. Single pages (an article, a synthesis) are always read
// from the database, so a withdrawn text is gone from its own page at once on every process.
import { prisma } from "~/utils/db.server.ts";
import {
  isKnowledgePhase,
  isKnowledgeTheme,
  type KnowledgePhase,
  type KnowledgeTheme,
  type MunicipalitySizeId,
  parseArticleSections,
  phasesOfSections,
} from "./knowledge-rules.ts";

export const PUBLIC_LIST_TTL_MS = 60_000;

export type PublicItem = {
  kind: "samenvatting" | "synthese";
  id: string;
  href: string;
  title: string;
  themes: KnowledgeTheme[];
  phases: KnowledgePhase[];
  /** Only for a summary whose duo chose to show it. */
  municipality: string | null;
  /** The kind of municipality of a summary's duo (null: not known, or a synthesis). */
  sizeClass: MunicipalitySizeId | null;
  cohort: string;
  publishedAt: Date;
  excerpt: string;
  searchText: string;
};

let cached: { items: PublicItem[]; loadedAt: number } | null = null;
let generation = 0;

/** Drops the in-memory copy: call after anything that publishes or unpublishes. */
export function forgetPublishedKnowledge() {
  cached = null;
  generation += 1;
}

/** Everything published, newest first (from memory when fresh). Two queries when not. */
export async function publishedKnowledge(now = Date.now()): Promise<PublicItem[]> {
  if (cached && now - cached.loadedAt < PUBLIC_LIST_TTL_MS) return cached.items;
  const started = generation;
  const [articles, syntheses] = await Promise.all([
    prisma.knowledgeArticle.findMany({
      where: { reviewStatus: "APPROVED" },
      select: {
        id: true,
        title: true,
        themes: true,
        municipality: true,
        publishedAt: true,
        sections: true,
        searchText: true,
        enrollment: {
          select: { cohort: { select: { name: true } }, municipality: { select: { sizeClass: true } } },
        },
      },
    }),
    prisma.cohortSynthesis.findMany({
      where: { reviewStatus: "APPROVED", publishedAt: { not: null } },
      select: {
        id: true,
        title: true,
        body: true,
        themes: true,
        phases: true,
        publishedAt: true,
        cohort: { select: { name: true } },
      },
    }),
  ]);
  const items: PublicItem[] = [
    ...articles.map((article): PublicItem => {
      const sections = parseArticleSections(article.sections);
      return {
        kind: "samenvatting",
        id: article.id,
        href: `/kennisbank/${article.id}`,
        title: article.title,
        themes: article.themes.filter(isKnowledgeTheme),
        phases: phasesOfSections(sections.map((section) => section.sectionId)),
        municipality: article.municipality,
        sizeClass: article.enrollment.municipality.sizeClass,
        cohort: article.enrollment.cohort.name,
        publishedAt: article.publishedAt,
        excerpt: sections[0]?.text ?? "",
        searchText: article.searchText,
      };
    }),
    ...syntheses.map(
      (synthesis): PublicItem => ({
        kind: "synthese",
        id: synthesis.id,
        href: `/kennisbank/synthese/${synthesis.id}`,
        title: synthesis.title,
        themes: synthesis.themes.filter(isKnowledgeTheme),
        phases: synthesis.phases.filter(isKnowledgePhase),
        municipality: null,
        sizeClass: null,
        cohort: synthesis.cohort.name,
        publishedAt: synthesis.publishedAt!,
        excerpt: synthesis.body,
        searchText: `${synthesis.title}\n${synthesis.body}`.toLowerCase(),
      }),
    ),
  ].sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime());
  // A publish or unpublish during the queries: this copy may be older than it; do not keep it.
  if (started === generation) cached = { items, loadedAt: now };
  return items;
}

export type PublicFilter = {
  q?: string;
  theme?: KnowledgeTheme | "";
  phase?: KnowledgePhase | "";
  size?: MunicipalitySizeId | "";
  kind?: PublicItem["kind"] | "";
};

/** Every word of `q` must occur; theme, phase, kind of municipality and kind of text narrow it down. */
export function filterKnowledge(items: PublicItem[], filter: PublicFilter): PublicItem[] {
  const words = (filter.q ?? "").trim().toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
  return items.filter(
    (item) =>
      words.every((word) => item.searchText.includes(word)) &&
      (!filter.theme || item.themes.includes(filter.theme)) &&
      (!filter.phase || item.phases.includes(filter.phase)) &&
      (!filter.size || item.sizeClass === filter.size) &&
      (!filter.kind || item.kind === filter.kind),
  );
}

export async function searchPublishedKnowledge(filter: PublicFilter) {
  return filterKnowledge(await publishedKnowledge(), filter);
}

/** One approved summary, for anyone; null when it does not exist or is not (yet, or no longer) approved. */
export async function getPublicArticle(id: string) {
  const article = await prisma.knowledgeArticle.findFirst({
    where: { id, reviewStatus: "APPROVED" },
    select: {
      id: true,
      title: true,
      themes: true,
      municipality: true,
      publishedAt: true,
      sections: true,
      enrollment: { select: { cohort: { select: { name: true } }, municipality: { select: { sizeClass: true } } } },
    },
  });
  if (!article) return null;
  const { enrollment, sections, ...rest } = article;
  const parsed = parseArticleSections(sections);
  return {
    ...rest,
    themes: rest.themes.filter(isKnowledgeTheme),
    phases: phasesOfSections(parsed.map((section) => section.sectionId)),
    sizeClass: enrollment.municipality.sizeClass,
    cohort: enrollment.cohort.name,
    sections: parsed,
  };
}

/** One approved cohort synthesis, for anyone (no author: it is the facilitators' shared text). */
export async function getPublicSynthesis(id: string) {
  const synthesis = await prisma.cohortSynthesis.findFirst({
    where: { id, reviewStatus: "APPROVED", publishedAt: { not: null } },
    select: {
      id: true,
      title: true,
      body: true,
      themes: true,
      phases: true,
      publishedAt: true,
      cohort: { select: { name: true } },
    },
  });
  if (!synthesis) return null;
  const { cohort, ...rest } = synthesis;
  return {
    ...rest,
    publishedAt: rest.publishedAt!,
    themes: rest.themes.filter(isKnowledgeTheme),
    phases: rest.phases.filter(isKnowledgePhase),
    cohort: cohort.name,
  };
}

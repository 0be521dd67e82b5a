// Demo data for the public knowledge base (issue 16): the kind of municipality of the demo municipalities,
// Zutphen's summary approved by the coordinator (public), Heerenveen's still waiting in the review queue, and
// an approved synthesis of the closed cohort "voorjaar 2026" written by its facilitator.
import type { PrismaClient } from "../app/generated/prisma/client.ts";
import { PAST_COHORT_SLUG } from "./demo-aanpak.ts";

const SIZES = {
  Zutphen: "MEDIUM",
  Heerenveen: "MEDIUM",
  Helmond: "LARGE",
  Zwolle: "VERY_LARGE",
  Amersfoort: "VERY_LARGE",
  Deventer: "LARGE",
  Leeuwarden: "LARGE",
  Tilburg: "VERY_LARGE",
  Zaanstad: "VERY_LARGE",
  Almere: "VERY_LARGE",
  Emmen: "LARGE",
} as const;

export async function seedKnowledgeBase(prisma: PrismaClient, emails: { coordinator: string; facilitator: string }) {
  for (const [name, sizeClass] of Object.entries(SIZES)) {
    await prisma.municipality.updateMany({ where: { name }, data: { sizeClass } });
  }
  const coordinator = await prisma.user.findUniqueOrThrow({ where: { email: emails.coordinator } });
  const facilitator = await prisma.user.findUniqueOrThrow({ where: { email: emails.facilitator } });
  const reviewedAt = new Date("2026-07-02T09:00:00Z");
  await prisma.knowledgeArticle.updateMany({
    where: { enrollment: { municipality: { name: "Zutphen" } } },
    data: {
      reviewStatus: "APPROVED",
      reviewedAt,
      reviewedById: coordinator.id,
      publishedAt: reviewedAt,
      reviewNote: "Mooi concreet. Goedgekeurd.",
    },
  });
  const cohort = await prisma.cohort.findUniqueOrThrow({ where: { slug: PAST_COHORT_SLUG } });
  await prisma.cohortSynthesis.create({
    data: {
      cohortId: cohort.id,
      authorId: facilitator.id,
      title: "Wat dit leernetwerk leerde: begin bij wie het raakt, en betaal voor hun tijd",
      body: [
        "Drie gemeenten werkten een half jaar aan hun vraagstuk. Over de duo's heen zagen we hetzelfde: de eerste gesprekken met inwoners leverden meer op dan de analyses vooraf, juist als die gesprekken plaatsvonden op plekken waar mensen al kwamen.",
        "De duo's die vroeg vastlegden hoe ervaringsdeskundigen betaald worden, kwamen sneller tot afspraken met hun organisatie. Waar dat uitbleef, bleef het bij één keer meedenken.",
        "Terugkoppelen bleek het lastigst. Wie vooraf afsprak wanneer en hoe mensen horen wat er met hun verhaal is gedaan, hield ze betrokken in de volgende ronde.",
      ].join("\n\n"),
      themes: ["dakloosheid", "participatiewet", "werk-en-inkomen"],
      phases: ["ontsluiten", "evalueren"],
      reviewStatus: "APPROVED",
      reviewedAt,
      reviewedById: coordinator.id,
      publishedAt: reviewedAt,
    },
  });
}

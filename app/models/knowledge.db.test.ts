// Publishing a summary in the knowledge base, in the model: only after the cohort's last session, and only
// without names, contact details or (unless it is to be shown) the municipality. (Through the pages:
// tests/routes/kennisbank.db.test.ts.)
import { describe, expect, it } from "vitest";
import { goodInput, knowledgeWorld } from "../../tests/support/knowledge-world.ts";
import { prisma } from "~/utils/db.server.ts";
import { DomainError } from "~/utils/domain-error.ts";
import { publishArticle, publishContext } from "./knowledge.server.ts";

describe("publishing a summary", () => {
  it("waits until the last session is over", async () => {
    const world = await knowledgeWorld("2099-06-01");
    const context = await publishContext(world.noor);
    expect(context!.window).toEqual({
      open: false,
      reason: "Je kunt delen na de laatste bijeenkomst van je leernetwerk.",
    });
    await expect(publishArticle(world.noor, goodInput)).rejects.toBeInstanceOf(DomainError);
    expect(await prisma.knowledgeArticle.count({ where: { enrollmentId: world.duo.enrollment.id } })).toBe(0);
  });

  it("refuses names of people, contact details and the municipality when it is not to be shown", async () => {
    const world = await knowledgeWorld("2026-01-10");
    const attempt = (overrides: Partial<typeof goodInput>) =>
      publishArticle(world.noor, { ...goodInput, ...overrides }).then(
        () => null,
        (error: unknown) => (error as DomainError).fieldErrors,
      );
    expect(
      await attempt({ sections: [{ sectionId: "fase-ontsluiten", text: "Bram belde met Fatima over de planning." }] }),
    ).toEqual({
      "text:fase-ontsluiten": [
        "Er staat een naam in: “Fatima”. Haal namen van mensen weg.",
        "Er staat een naam in: “Bram”. Haal namen van mensen weg.",
      ],
    });
    expect(await attempt({ title: "Wat Joost Peters leerde" })).toHaveProperty("title");
    expect(
      await attempt({ sections: [{ sectionId: "fase-ontsluiten", text: "Mail ons: team@kampen.test" }] }),
    ).toHaveProperty(["text:fase-ontsluiten"]);
    expect(
      await attempt({
        sections: [{ sectionId: "fase-ontsluiten", text: `In ${world.municipality} praten we met inwoners.` }],
      }),
    ).toHaveProperty(["text:fase-ontsluiten"]);
    expect(await attempt({ themes: [] })).toEqual({ themes: ["Kies minstens één thema."] });
    expect(await attempt({ themes: ["geheim"] })).toEqual({ themes: ["Kies thema's uit de lijst."] });
    expect(await attempt({ sections: [] })).toEqual({ sections: ["Kies minstens één onderdeel van jullie aanpak."] });
    // With the municipality shown, its name may appear (published once the partner consents as well).
    const shown = {
      ...goodInput,
      showMunicipality: true,
      sections: [{ sectionId: "fase-ontsluiten", text: `In ${world.municipality} praten we met inwoners.` }],
    };
    expect(await attempt(shown)).toBeNull();
    expect(await publishArticle(world.bram, shown)).toMatchObject({ waitingFor: [] });
    const article = await prisma.knowledgeArticle.findUniqueOrThrow({
      where: { enrollmentId: world.duo.enrollment.id },
    });
    expect(article.municipality).toBe(world.municipality);
  });
});

// The knowledge base: publishing only after the cohort, the anonymity checks, search by theme and text,
// reading for every role, and withdrawing consent (the article is deleted, the consent record stays).
import { describe, expect, it } from "vitest";
import { addFacilitator, createCohort, createEnrollment, createUser } from "../../prisma/factories.ts";
import { cookiePair, requestWithCookie, thrownResponse } from "../../tests/support/requests.ts";
import { createUserSession } from "~/auth/session.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { action as publishAction, loader as publishLoader } from "~/routes/aanpak+/delen/route.tsx";
import { loader as articleLoader } from "~/routes/kennisbank+/$articleId.tsx";
import { loader as listLoader } from "~/routes/kennisbank+/_index.tsx";
import { normalizeContent } from "./action-plan-sections.ts";
import { savePlan } from "./action-plan.server.ts";
import { publishArticle, PublishError, publishContext, searchArticles, withdrawArticle } from "./knowledge.server.ts";

async function requestAs(userId: string, url: string, init: RequestInit = {}) {
  return requestWithCookie(cookiePair(await createUserSession(requestWithCookie(null), userId)), url, init);
}
const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: { cspNonce: "test" } });
function statusOf(result: unknown) {
  if (result instanceof Response) return result.status;
  return (result as { init?: { status?: number } }).init?.status ?? 200;
}
function dataOf<T>(result: unknown): T {
  return (result as { data: T }).data;
}

async function setup(lastSession: string) {
  const cohort = await createCohort(prisma, {
    status: "RUNNING",
    sessions: [{ number: 1, title: "Slot", date: lastSession, start: "12:00", end: "15:00", format: "ONLINE" }],
  });
  const unique = cohort.id.slice(0, 6);
  const municipality = `Kampen${unique.replace(/[0-9]/g, "")}`;
  const duo = await createEnrollment(prisma, {
    cohortId: cohort.id,
    municipality,
    members: [
      { name: "Noor Hendriks", function: "BELEIDSMEDEWERKER" },
      { name: "Bram Aerts", function: "LEIDINGGEVENDE" },
    ],
  });
  const other = await createEnrollment(prisma, { cohortId: cohort.id, members: [{ name: "Joost Peters", function: "BELEIDSMEDEWERKER" }] });
  const fatima = await createUser(prisma, { name: "Fatima El Amrani", role: "FACILITATOR" });
  await addFacilitator(prisma, cohort.id, fatima.id);
  const [noor, bram] = duo.members as [typeof fatima, typeof fatima];
  await savePlan(noor, duo.enrollment.id, normalizeContent({ "fase-ontsluiten": { gaan: "Gesprekken in eenvoudige taal" } }), 0);
  return { cohort, duo, noor, bram, joost: other.members[0]!, fatima, municipality };
}

const goodInput = {
  title: "Gesprekken in eenvoudige taal over schulden",
  themes: ["schulden", "armoede"],
  showMunicipality: false,
  sections: [{ sectionId: "fase-ontsluiten", text: "We voerden gesprekken in eenvoudige taal op plekken waar mensen al komen." }],
};

describe("publishing a summary", () => {
  it("waits until the last session is over", async () => {
    const world = await setup("2099-06-01");
    const context = await publishContext(world.noor);
    expect(context!.window).toEqual({ open: false, reason: "Je kunt delen na de laatste bijeenkomst van je leernetwerk." });
    await expect(publishArticle(world.noor, goodInput)).rejects.toBeInstanceOf(PublishError);
    expect(await prisma.knowledgeArticle.count({ where: { enrollmentId: world.duo.enrollment.id } })).toBe(0);
  });

  it("refuses names of people, contact details and the municipality when it is not to be shown", async () => {
    const world = await setup("2026-01-10");
    const attempt = (overrides: Partial<typeof goodInput>) =>
      publishArticle(world.noor, { ...goodInput, ...overrides }).then(
        () => null,
        (error: unknown) => (error as PublishError).errors,
      );
    expect(await attempt({ sections: [{ sectionId: "fase-ontsluiten", text: "Bram belde met Fatima over de planning." }] })).toEqual({
      "text:fase-ontsluiten": [
        "Er staat een naam in: “Fatima”. Haal namen van mensen weg.",
        "Er staat een naam in: “Bram”. Haal namen van mensen weg.",
      ],
    });
    expect(await attempt({ title: "Wat Joost Peters leerde" })).toHaveProperty("title");
    expect(await attempt({ sections: [{ sectionId: "fase-ontsluiten", text: "Mail ons: team@kampen.test" }] })).toHaveProperty(["text:fase-ontsluiten"]);
    expect(await attempt({ sections: [{ sectionId: "fase-ontsluiten", text: `In ${world.municipality} praten we met inwoners.` }] })).toHaveProperty([
      "text:fase-ontsluiten",
    ]);
    expect(await attempt({ themes: [] })).toEqual({ themes: ["Kies minstens één thema."] });
    expect(await attempt({ themes: ["geheim"] })).toEqual({ themes: ["Kies thema's uit de lijst."] });
    expect(await attempt({ sections: [] })).toEqual({ sections: ["Kies minstens één onderdeel van jullie aanpak."] });
    // With the municipality shown, its name may appear.
    expect(
      await attempt({ showMunicipality: true, sections: [{ sectionId: "fase-ontsluiten", text: `In ${world.municipality} praten we met inwoners.` }] }),
    ).toBeNull();
    const article = await prisma.knowledgeArticle.findUniqueOrThrow({ where: { enrollmentId: world.duo.enrollment.id } });
    expect(article.municipality).toBe(world.municipality);
  });

  it("publishes through the page, is found by theme and text, readable by every role; the partner withdraws it", async () => {
    const world = await setup("2026-01-10");
    // Without consent: refused, what was typed comes back.
    const body = new URLSearchParams({ intent: "publish", title: goodInput.title, "include:fase-ontsluiten": "on", "text:fase-ontsluiten": goodInput.sections[0]!.text });
    body.append("themes", "schulden");
    body.append("themes", "armoede");
    const refused = await publishAction(args(await requestAs(world.noor.id, "http://localhost/aanpak/delen", { method: "POST", body })));
    expect(statusOf(refused)).toBe(400);
    const refusedData = dataOf<{ errors: Record<string, string[]>; values: { title: string; themes: string[] } }>(refused);
    expect(refusedData.errors.consent).toBeDefined();
    expect(refusedData.values.title).toBe(goodInput.title);
    expect(refusedData.values.themes).toEqual(["schulden", "armoede"]);

    body.set("consent", "on");
    const published = await publishAction(args(await requestAs(world.noor.id, "http://localhost/aanpak/delen", { method: "POST", body })));
    expect(statusOf(published)).toBe(302);
    const article = await prisma.knowledgeArticle.findUniqueOrThrow({ where: { enrollmentId: world.duo.enrollment.id } });
    expect((published as Response).headers.get("Location")).toBe(`/kennisbank/${article.id}`);
    expect(article.municipality).toBeNull();

    expect((await searchArticles({ theme: "schulden" })).map((found) => found.id)).toContain(article.id);
    expect((await searchArticles({ theme: "jeugd" })).map((found) => found.id)).not.toContain(article.id);
    expect((await searchArticles({ q: "EENVOUDIGE taal" })).map((found) => found.id)).toContain(article.id);
    expect((await searchArticles({ q: "eenvoudige fietsen" })).map((found) => found.id)).not.toContain(article.id);

    for (const user of [world.joost, world.fatima, await createUser(prisma, { role: "COORDINATOR" })]) {
      const list = await listLoader(args(await requestAs(user.id, "http://localhost/kennisbank?thema=armoede")));
      expect(list.articles.map((found) => found.id)).toContain(article.id);
      const page = await articleLoader(args(await requestAs(user.id, `http://localhost/kennisbank/${article.id}`), { articleId: article.id }));
      expect(page.article.sections[0]!.text).toBe(goodInput.sections[0]!.text);
      expect(page.article.municipality).toBeNull();
    }

    // The partner sees the publication and withdraws it.
    const state = await publishLoader(args(await requestAs(world.bram.id, "http://localhost/aanpak/delen")));
    expect(state.context!.article!.id).toBe(article.id);
    expect(state.context).not.toHaveProperty("names");
    const unconfirmed = await publishAction(args(await requestAs(world.bram.id, "http://localhost/aanpak/delen", { method: "POST", body: new URLSearchParams({ intent: "withdraw" }) })));
    expect(statusOf(unconfirmed)).toBe(400);
    const withdrawn = await publishAction(
      args(await requestAs(world.bram.id, "http://localhost/aanpak/delen", { method: "POST", body: new URLSearchParams({ intent: "withdraw", confirm: "on" }) })),
    );
    expect(statusOf(withdrawn)).toBe(302);
    expect(await prisma.knowledgeArticle.count({ where: { id: article.id } })).toBe(0);
    expect((await thrownResponse(async () => articleLoader(args(await requestAs(world.joost.id, "http://localhost/kennisbank/x"), { articleId: article.id }))))?.status).toBe(404);
    const events = await prisma.knowledgeConsentEvent.findMany({ where: { enrollmentId: world.duo.enrollment.id }, orderBy: { createdAt: "asc" }, select: { action: true, userId: true } });
    expect(events).toEqual([
      { action: "GIVEN", userId: world.noor.id },
      { action: "WITHDRAWN", userId: world.bram.id },
    ]);
    expect(await withdrawArticle(world.noor)).toBe(false);
  });

  it("the publish page is for participants only; a bad article id is a 404", async () => {
    const world = await setup("2026-01-10");
    expect((await thrownResponse(async () => publishLoader(args(await requestAs(world.fatima.id, "http://localhost/aanpak/delen")))))?.status).toBe(403);
    expect((await thrownResponse(async () => articleLoader(args(await requestAs(world.fatima.id, "http://localhost/kennisbank/abc"), { articleId: "abc" }))))?.status).toBe(404);
  });
});

// The knowledge base through its pages: publishing with both partners' consent, a coordinator's approval
// (issue 16; the review itself: kennisbank-review.db.test.ts), search by theme and text, reading for every
// role and without an account, and withdrawing consent (the article is deleted, the consent record stays).
// (The publishing rules alone: app/models/knowledge.db.test.ts.)
import { describe, expect, it } from "vitest";
import { createUser } from "../../prisma/factories.ts";
import { goodInput, knowledgeWorld } from "../support/knowledge-world.ts";
import { requestAs, args, statusOf, dataOf, thrownResponse } from "../support/requests.ts";
import { prisma } from "~/utils/db.server.ts";
import { action as publishAction, loader as publishLoader } from "~/routes/aanpak+/delen/route.tsx";
import { loader as articleLoader } from "~/routes/kennisbank+/$articleId.tsx";
import { loader as listLoader } from "~/routes/kennisbank+/_index.tsx";

import { withdrawArticle } from "~/models/knowledge.server.ts";
import { approveForPublication } from "~/models/knowledge-review.server.ts";
import { searchPublishedKnowledge as searchArticles } from "~/models/knowledge-public.server.ts";

describe("publishing a summary", () => {
  it("publishes through the page, is found by theme and text, readable by every role; the partner withdraws it", async () => {
    const world = await knowledgeWorld("2026-01-10");
    // Without consent: refused, what was typed comes back.
    const body = new URLSearchParams({
      intent: "publish",
      title: goodInput.title,
      "include:fase-ontsluiten": "on",
      "text:fase-ontsluiten": goodInput.sections[0]!.text,
    });
    body.append("themes", "schulden");
    body.append("themes", "armoede");
    const refused = await publishAction(
      args(await requestAs(world.noor.id, "http://localhost/aanpak/delen", { method: "POST", body })),
    );
    expect(statusOf(refused)).toBe(400);
    const refusedData = dataOf<{ fieldErrors: Record<string, string[]>; values: { title: string; themes: string[] } }>(
      refused,
    );
    expect(refusedData.fieldErrors.consent).toBeDefined();
    expect(refusedData.values.title).toBe(goodInput.title);
    expect(refusedData.values.themes).toEqual(["schulden", "armoede"]);

    body.set("consent", "on");
    // Noor's consent alone does not publish (issue 15): the page tells Bram his consent is missing.
    const proposed = await publishAction(
      args(await requestAs(world.noor.id, "http://localhost/aanpak/delen", { method: "POST", body })),
    );
    expect((proposed as Response).headers.get("Location")).toBe("/aanpak/delen");
    expect(await prisma.knowledgeArticle.count({ where: { enrollmentId: world.duo.enrollment.id } })).toBe(0);
    const waiting = await publishLoader(args(await requestAs(world.bram.id, "http://localhost/aanpak/delen")));
    expect(waiting.context!.proposal!.missing).toEqual([world.bram.name]);
    expect(waiting.context!.proposal!.title).toBe(goodInput.title);
    // Bram changes the text: Noor's consent no longer applies, now hers is missing.
    const changed = new URLSearchParams(body);
    changed.set("title", `${goodInput.title} (bijgewerkt)`);
    await publishAction(
      args(await requestAs(world.bram.id, "http://localhost/aanpak/delen", { method: "POST", body: changed })),
    );
    const again = await publishLoader(args(await requestAs(world.noor.id, "http://localhost/aanpak/delen")));
    expect(again.context!.proposal!.missing).toEqual([world.noor.name]);
    expect(await prisma.knowledgeArticle.count({ where: { enrollmentId: world.duo.enrollment.id } })).toBe(0);
    // Noor consents to Bram's text: now both consented to the same text, and it is published.
    const published = await publishAction(
      args(await requestAs(world.noor.id, "http://localhost/aanpak/delen", { method: "POST", body: changed })),
    );
    expect(statusOf(published)).toBe(302);
    const article = await prisma.knowledgeArticle.findUniqueOrThrow({
      where: { enrollmentId: world.duo.enrollment.id },
    });
    expect((published as Response).headers.get("Location")).toBe("/aanpak/delen");
    expect(article.municipality).toBeNull();
    expect(article.reviewStatus).toBe("PENDING");
    // Public only after a coordinator approved it.
    expect((await searchArticles({ theme: "schulden" })).map((found) => found.id)).not.toContain(article.id);
    const coordinator = await createUser(prisma, { role: "COORDINATOR" });
    expect(
      await approveForPublication(coordinator, { kind: "samenvatting", id: article.id, note: "", sizeClass: null }),
    ).toBe(true);

    expect((await searchArticles({ theme: "schulden" })).map((found) => found.id)).toContain(article.id);
    expect((await searchArticles({ theme: "jeugd" })).map((found) => found.id)).not.toContain(article.id);
    expect((await searchArticles({ q: "EENVOUDIGE taal" })).map((found) => found.id)).toContain(article.id);
    expect((await searchArticles({ q: "eenvoudige fietsen" })).map((found) => found.id)).not.toContain(article.id);

    const anonymously = (url: string) => Promise.resolve(new Request(url));
    for (const as of [
      anonymously,
      ...[world.joost, world.fatima, coordinator].map((user) => (url: string) => requestAs(user.id, url)),
    ]) {
      const list = dataOf<{ items: { id: string }[] }>(
        await listLoader(args(await as("http://localhost/kennisbank?thema=armoede"))),
      );
      expect(list.items.map((found) => found.id)).toContain(article.id);
      const page = dataOf<{ article: { sections: { text: string }[]; municipality: string | null } }>(
        await articleLoader(args(await as(`http://localhost/kennisbank/${article.id}`), { articleId: article.id })),
      );
      expect(page.article.sections[0]!.text).toBe(goodInput.sections[0]!.text);
      expect(page.article.municipality).toBeNull();
    }

    // The partner sees the publication and withdraws it.
    const state = await publishLoader(args(await requestAs(world.bram.id, "http://localhost/aanpak/delen")));
    expect(state.context!.article!.id).toBe(article.id);
    expect(state.context).not.toHaveProperty("names");
    const unconfirmed = await publishAction(
      args(
        await requestAs(world.bram.id, "http://localhost/aanpak/delen", {
          method: "POST",
          body: new URLSearchParams({ intent: "withdraw" }),
        }),
      ),
    );
    expect(statusOf(unconfirmed)).toBe(400);
    const withdrawn = await publishAction(
      args(
        await requestAs(world.bram.id, "http://localhost/aanpak/delen", {
          method: "POST",
          body: new URLSearchParams({ intent: "withdraw", confirm: "on" }),
        }),
      ),
    );
    expect(statusOf(withdrawn)).toBe(302);
    expect(await prisma.knowledgeArticle.count({ where: { id: article.id } })).toBe(0);
    expect(
      (
        await thrownResponse(async () =>
          articleLoader(
            args(await requestAs(world.joost.id, "http://localhost/kennisbank/x"), { articleId: article.id }),
          ),
        )
      )?.status,
    ).toBe(404);
    const events = await prisma.knowledgeConsentEvent.findMany({
      where: { enrollmentId: world.duo.enrollment.id },
      orderBy: { createdAt: "asc" },
      select: { action: true, userId: true },
    });
    expect(events).toEqual([
      { action: "GIVEN", userId: world.noor.id },
      { action: "GIVEN", userId: world.bram.id },
      { action: "GIVEN", userId: world.noor.id },
      { action: "WITHDRAWN", userId: world.bram.id },
    ]);
    expect(await withdrawArticle(world.noor)).toBe(false);
  });

  it("the publish page is for participants only; a bad article id is a 404", async () => {
    const world = await knowledgeWorld("2026-01-10");
    expect(
      (
        await thrownResponse(async () =>
          publishLoader(args(await requestAs(world.fatima.id, "http://localhost/aanpak/delen"))),
        )
      )?.status,
    ).toBe(403);
    expect(
      (
        await thrownResponse(async () =>
          articleLoader(
            args(await requestAs(world.fatima.id, "http://localhost/kennisbank/abc"), { articleId: "abc" }),
          ),
        )
      )?.status,
    ).toBe(404);
  });
});

// The public knowledge base (issue 16) through its pages: a coordinator reviews every summary and cohort
// synthesis before it is public (not visible to anyone before, visible to everyone after, a returned text
// shows its reason to the duo, only coordinators review), the facilitators' synthesis, the public pages
// rendered without an account show no personal data and may be cached, and the search filters.
import { describe, expect, it } from "vitest";
import { createUser } from "../../prisma/factories.ts";
import { appRequest } from "../support/app-requests.ts";
import { goodInput, knowledgeWorld } from "../support/knowledge-world.ts";
import { args, dataOf, requestAs, statusOf, thrownResponse } from "../support/requests.ts";
import { publishArticle } from "~/models/knowledge.server.ts";
import { forgetPublishedKnowledge, publishedKnowledge } from "~/models/knowledge-public.server.ts";
import { loader as publishLoader } from "~/routes/aanpak+/delen/route.tsx";
import { action as reviewAction, loader as reviewLoader } from "~/routes/beheer+/kennisbank.tsx";
import { loader as articleLoader } from "~/routes/kennisbank+/$articleId.tsx";
import { loader as listLoader } from "~/routes/kennisbank+/_index.tsx";
import { loader as synthesisPublicLoader } from "~/routes/kennisbank+/synthese.$synthesisId.tsx";
import { action as synthesisAction, loader as synthesisLoader } from "~/routes/leernetwerken+/$cohortId+/synthese.tsx";
import { prisma } from "~/utils/db.server.ts";

type ListData = { items: { id: string; kind: string; title: string }[] };

const anonymous = (url: string) => new Request(`http://localhost${url}`);

async function listAnonymously(query = "") {
  return dataOf<ListData>(await listLoader(args(anonymous(`/kennisbank${query}`)))).items.map((item) => item.id);
}

async function statusOfArticle(request: Request, articleId: string) {
  const thrown = await thrownResponse(() => articleLoader(args(request, { articleId })));
  return thrown ? thrown.status : 200;
}

/** The duo of the world publishes with both members' consent: a pending article. */
async function publishedByDuo(world: Awaited<ReturnType<typeof knowledgeWorld>>, input = goodInput) {
  await publishArticle(world.noor, input);
  const { article } = await publishArticle(world.bram, input);
  return article!.id;
}

function review(userId: string, fields: Record<string, string>) {
  return requestAs(userId, "http://localhost/beheer/kennisbank", { method: "POST", body: new URLSearchParams(fields) });
}

describe("review before publication", () => {
  it("keeps a consented summary out of sight until a coordinator approves it; only coordinators review", async () => {
    const world = await knowledgeWorld("2026-01-10");
    const coordinator = await createUser(prisma, { role: "COORDINATOR" });
    const articleId = await publishedByDuo(world);
    // The coordinators hear that it waits (in their inbox, and by e-mail by default); nobody else does.
    const told = await prisma.notification.findMany({
      where: { kind: "knowledge-review", key: { contains: articleId } },
    });
    expect(told.map((row) => row.userId)).toContain(coordinator.id);
    const people = [world.noor.id, world.bram.id, world.joost.id, world.fatima.id];
    expect(told.filter((row) => people.includes(row.userId))).toEqual([]);
    expect(told[0]!.url).toMatch(/\/beheer\/kennisbank$/);
    expect(told[0]!.title).toContain(world.municipality);
    expect(told[0]!.title).not.toContain(goodInput.title);

    // Waiting: not in the public list, its page a 404 for anyone, the participants and the duo included.
    expect(await listAnonymously()).not.toContain(articleId);
    for (const request of [
      anonymous(`/kennisbank/${articleId}`),
      await requestAs(world.joost.id, `http://localhost/kennisbank/${articleId}`),
      await requestAs(world.noor.id, `http://localhost/kennisbank/${articleId}`),
    ]) {
      expect(await statusOfArticle(request, articleId)).toBe(404);
    }
    const state = await publishLoader(args(await requestAs(world.bram.id, "http://localhost/aanpak/delen")));
    expect(state.context!.article).toMatchObject({ id: articleId, reviewStatus: "PENDING" });

    // Only coordinators see the queue and decide: facilitators and participants 403, nothing changes.
    for (const user of [world.fatima, world.noor, world.joost]) {
      expect(
        (
          await thrownResponse(async () =>
            reviewLoader(args(await requestAs(user.id, "http://localhost/beheer/kennisbank"))),
          )
        )?.status,
      ).toBe(403);
      expect(
        (
          await thrownResponse(async () =>
            reviewAction(args(await review(user.id, { intent: "approve", kind: "samenvatting", id: articleId }))),
          )
        )?.status,
      ).toBe(403);
    }
    expect((await prisma.knowledgeArticle.findUniqueOrThrow({ where: { id: articleId } })).reviewStatus).toBe(
      "PENDING",
    );
    const queue = await reviewLoader(args(await requestAs(coordinator.id, "http://localhost/beheer/kennisbank")));
    const waiting = queue.pending.find((item) => item.id === articleId)!;
    expect(waiting).toMatchObject({ kind: "samenvatting", municipality: world.municipality, municipalityShown: false });
    expect(waiting.sections[0]!.text).toBe(goodInput.sections[0]!.text);

    // Approved, with a note and the kind of municipality: public for everyone, audited.
    const approved = await reviewAction(
      args(
        await review(coordinator.id, {
          intent: "approve",
          kind: "samenvatting",
          id: articleId,
          note: "Helder geschreven.",
          sizeClass: "SMALL",
        }),
      ),
    );
    expect(statusOf(approved)).toBe(302);
    expect(await listAnonymously("?gemeente=SMALL")).toContain(articleId);
    expect(await statusOfArticle(anonymous(`/kennisbank/${articleId}`), articleId)).toBe(200);
    expect(
      await statusOfArticle(await requestAs(world.joost.id, `http://localhost/kennisbank/${articleId}`), articleId),
    ).toBe(200);
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { action: "knowledge.approve", entityId: articleId },
    });
    expect(audit.actorId).toBe(coordinator.id);
    // Approving twice is refused with a message, not a 500.
    const again = await reviewAction(
      args(await review(coordinator.id, { intent: "approve", kind: "samenvatting", id: articleId })),
    );
    expect(statusOf(again)).toBe(400);
    // A wrong id is a 404.
    const missing = await thrownResponse(async () =>
      reviewAction(
        args(
          await review(coordinator.id, {
            intent: "approve",
            kind: "samenvatting",
            id: "00000000-0000-4000-8000-000000000000",
          }),
        ),
      ),
    );
    expect(missing?.status).toBe(404);
  });

  it("sends a summary back with a reason the duo sees; a changed text waits for review again", async () => {
    const world = await knowledgeWorld("2026-01-10");
    const coordinator = await createUser(prisma, { role: "COORDINATOR" });
    const articleId = await publishedByDuo(world);
    // A reason is required; what was typed is kept.
    const noReason = await reviewAction(
      args(await review(coordinator.id, { intent: "return", kind: "samenvatting", id: articleId, reason: "" })),
    );
    expect(statusOf(noReason)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string[]> }>(noReason).fieldErrors.reason).toBeDefined();
    const reason = "De naam van de wijk maakt mensen herkenbaar. Wilt u die weghalen?";
    expect(
      statusOf(
        await reviewAction(
          args(await review(coordinator.id, { intent: "return", kind: "samenvatting", id: articleId, reason })),
        ),
      ),
    ).toBe(302);
    const seen = await publishLoader(args(await requestAs(world.noor.id, "http://localhost/aanpak/delen")));
    expect(seen.context!.article).toMatchObject({ reviewStatus: "RETURNED", reviewNote: reason });
    expect(await listAnonymously()).not.toContain(articleId);
    expect(await prisma.auditLog.count({ where: { action: "knowledge.return", entityId: articleId } })).toBe(1);
    // The duo changes the text (both consent again): back in the queue, still not public.
    const changed = { ...goodInput, title: `${goodInput.title} (aangepast)` };
    await publishedByDuo(world, changed);
    const after = await prisma.knowledgeArticle.findUniqueOrThrow({ where: { id: articleId } });
    expect(after).toMatchObject({ reviewStatus: "PENDING", reviewNote: null, title: changed.title });
    expect(await statusOfArticle(anonymous(`/kennisbank/${articleId}`), articleId)).toBe(404);
  });
});

describe("taking an approved text offline", () => {
  it("lists what is public; with a reason it leaves the knowledge base and goes back to the duo", async () => {
    const world = await knowledgeWorld("2026-01-10");
    const coordinator = await createUser(prisma, { role: "COORDINATOR" });
    const articleId = await publishedByDuo(world);
    await reviewAction(args(await review(coordinator.id, { intent: "approve", kind: "samenvatting", id: articleId })));
    const queue = async () => reviewLoader(args(await requestAs(coordinator.id, "http://localhost/beheer/kennisbank")));
    expect((await queue()).published.map((item) => item.id)).toContain(articleId);
    expect(await listAnonymously()).toContain(articleId);

    // Only a coordinator: a member of the duo cannot take it offline.
    const byDuo = await thrownResponse(async () =>
      reviewAction(
        args(
          await review(world.noor.id, { intent: "offline", kind: "samenvatting", id: articleId, reason: "Weg ermee." }),
        ),
      ),
    );
    expect(byDuo?.status).toBe(403);
    // Without a reason: a Dutch message on the field, nothing changes.
    const noReason = await reviewAction(
      args(await review(coordinator.id, { intent: "offline", kind: "samenvatting", id: articleId, reason: "" })),
    );
    expect(statusOf(noReason)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string[]> }>(noReason).fieldErrors.reason).toBeDefined();
    expect(await listAnonymously()).toContain(articleId);

    const reason = "Een lezer herkende de wijk en de persoon. Wilt u de plaatsnaam weghalen?";
    const done = await reviewAction(
      args(await review(coordinator.id, { intent: "offline", kind: "samenvatting", id: articleId, reason })),
    );
    expect(statusOf(done)).toBe(302);
    expect(await listAnonymously()).not.toContain(articleId);
    expect(await statusOfArticle(anonymous(`/kennisbank/${articleId}`), articleId)).toBe(404);
    expect((await queue()).published.map((item) => item.id)).not.toContain(articleId);
    const seen = await publishLoader(args(await requestAs(world.noor.id, "http://localhost/aanpak/delen")));
    expect(seen.context!.article).toMatchObject({ reviewStatus: "RETURNED", reviewNote: reason });
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { action: "knowledge.return", entityId: articleId },
    });
    expect(audit).toMatchObject({ actorId: coordinator.id, details: { reason, wasPublic: true } });
  });
});

describe("the cohort synthesis", () => {
  it("is written by the cohort's facilitators, checked for names, reviewed and then public without a name", async () => {
    const world = await knowledgeWorld("2026-01-10");
    const coordinator = await createUser(prisma, { role: "COORDINATOR" });
    const url = `http://localhost/leernetwerken/${world.cohort.id}/synthese`;
    const params = { cohortId: world.cohort.id };
    // Participants: 403.
    expect(
      (await thrownResponse(async () => synthesisLoader(args(await requestAs(world.noor.id, url), params))))?.status,
    ).toBe(403);
    const body = (fields: Record<string, string>) => {
      const form = new URLSearchParams({ intent: "save", ...fields });
      form.append("themes", "schulden");
      form.append("phases", "ontsluiten");
      return form;
    };
    const text =
      "Over de duo's heen zagen we dat gesprekken op plekken waar mensen al komen meer opleverden dan enquêtes.";
    // Names of people in the cohort and its municipalities are refused; what was typed comes back.
    const refused = await synthesisAction(
      args(
        await requestAs(world.fatima.id, url, {
          method: "POST",
          body: body({ title: "Wat we leerden", body: `${text} Noor vertelde hoe het in ${world.municipality} ging.` }),
        }),
        params,
      ),
    );
    expect(statusOf(refused)).toBe(400);
    const refusedData = dataOf<{ fieldErrors: Record<string, string[]>; values: Record<string, unknown> }>(refused);
    expect(refusedData.fieldErrors.body!.join(" ")).toContain("Noor");
    expect(refusedData.fieldErrors.body!.join(" ")).toContain(world.municipality);
    expect(refusedData.values.title).toBe("Wat we leerden");

    const saved = await synthesisAction(
      args(
        await requestAs(world.fatima.id, url, { method: "POST", body: body({ title: "Wat we leerden", body: text }) }),
        params,
      ),
    );
    expect(statusOf(saved)).toBe(302);
    const synthesis = await prisma.cohortSynthesis.findUniqueOrThrow({ where: { cohortId: world.cohort.id } });
    expect(synthesis).toMatchObject({ reviewStatus: "PENDING", authorId: world.fatima.id, phases: ["ontsluiten"] });
    // Only the saved (not the refused) text reached the coordinator, as one notification.
    const told = await prisma.notification.findMany({ where: { kind: "knowledge-review", userId: coordinator.id } });
    expect(told.map((row) => row.title)).toEqual([`De synthese van ${world.cohort.name} wacht op beoordeling`]);
    const publicPage = async () =>
      (
        await thrownResponse(() =>
          synthesisPublicLoader(args(anonymous(`/kennisbank/synthese/${synthesis.id}`), { synthesisId: synthesis.id })),
        )
      )?.status ?? 200;
    expect(await publicPage()).toBe(404);

    // Returned with a reason the facilitators see, then approved.
    await reviewAction(
      args(
        await review(coordinator.id, {
          intent: "return",
          kind: "synthese",
          id: synthesis.id,
          reason: "Graag één voorbeeld uit fase 4 erbij.",
        }),
      ),
    );
    const returned = await synthesisLoader(args(await requestAs(world.fatima.id, url), params));
    expect(returned.synthesis).toMatchObject({
      reviewStatus: "RETURNED",
      reviewNote: "Graag één voorbeeld uit fase 4 erbij.",
    });
    await synthesisAction(
      args(
        await requestAs(world.fatima.id, url, {
          method: "POST",
          body: body({ title: "Wat we leerden", body: `${text} Ook terugkoppelen hielp.` }),
        }),
        params,
      ),
    );
    expect(
      statusOf(
        await reviewAction(
          args(await review(coordinator.id, { intent: "approve", kind: "synthese", id: synthesis.id })),
        ),
      ),
    ).toBe(302);
    expect(await publicPage()).toBe(200);
    const shown = dataOf<{ synthesis: Record<string, unknown> }>(
      await synthesisPublicLoader(
        args(anonymous(`/kennisbank/synthese/${synthesis.id}`), { synthesisId: synthesis.id }),
      ),
    ).synthesis;
    expect(shown).not.toHaveProperty("authorId");
    expect(JSON.stringify(shown)).not.toContain(world.fatima.name);
    expect(await listAnonymously("?soort=synthese")).toEqual([synthesis.id]);
  });
});

describe("the public pages", () => {
  it("show no personal data, are cacheable for a signed-out visitor only, and filter by theme, phase and kind of municipality", async () => {
    const world = await knowledgeWorld("2026-01-10");
    const coordinator = await createUser(prisma, { role: "COORDINATOR" });
    const articleId = await publishedByDuo(world, {
      ...goodInput,
      themes: ["jeugd"],
      sections: [
        { sectionId: "fase-vertalen", text: "Samen met jongeren vertaalden we verhalen naar drie knelpunten." },
      ],
    });
    await approveAs(coordinator.id, articleId, "LARGE");

    // The whole page as a signed-out visitor gets it: no names or e-mail addresses of participants.
    const page = await appRequest(anonymous(`/kennisbank/${articleId}`));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(goodInput.title);
    for (const person of [world.noor, world.bram, world.joost, world.fatima, coordinator]) {
      expect(html).not.toContain(person.name);
      expect(html).not.toContain(person.email);
      expect(html).not.toContain(person.id);
    }
    expect(html).not.toContain(world.municipality);
    expect(html).toContain('property="og:title"');
    expect(html).toMatch(/<meta name="description" content="Een gemeente deelt/);
    expect(page.headers.get("Cache-Control")).toMatch(/^public, max-age=60/);
    expect(page.headers.get("Vary")).toBe("Cookie");
    const list = await appRequest(anonymous("/kennisbank?thema=jeugd"));
    const listHtml = await list.text();
    expect(listHtml).toContain(goodInput.title);
    for (const person of [world.noor, world.bram]) expect(listHtml).not.toContain(person.name);
    // Signed in: never stored.
    const signedIn = await appRequest(await requestAs(world.joost.id, `http://localhost/kennisbank/${articleId}`));
    expect(signedIn.headers.get("Cache-Control")).toBe("private, no-store");
    // A page that does not exist is not cached.
    const missing = await appRequest(anonymous("/kennisbank/00000000-0000-4000-8000-000000000000"));
    expect(missing.status).toBe(404);
    expect(missing.headers.get("Cache-Control")).toBe("no-store");

    // The filters.
    expect(await listAnonymously("?thema=jeugd")).toContain(articleId);
    expect(await listAnonymously("?thema=schulden")).not.toContain(articleId);
    expect(await listAnonymously("?fase=vertalen")).toContain(articleId);
    expect(await listAnonymously("?fase=ontsluiten")).not.toContain(articleId);
    expect(await listAnonymously("?gemeente=LARGE")).toContain(articleId);
    expect(await listAnonymously("?gemeente=SMALL")).not.toContain(articleId);
    expect(await listAnonymously("?q=KNELPUNTEN+jongeren")).toContain(articleId);
    expect(await listAnonymously("?q=knelpunten+fietsen")).not.toContain(articleId);
    expect(await listAnonymously("?soort=synthese")).not.toContain(articleId);
    expect(await listAnonymously("?thema=onzin&fase=onzin&gemeente=onzin")).toContain(articleId);
  });

  it("keeps the published list in memory until something is (un)published", async () => {
    const world = await knowledgeWorld("2026-01-10");
    const coordinator = await createUser(prisma, { role: "COORDINATOR" });
    forgetPublishedKnowledge();
    const first = await publishedKnowledge();
    expect(await publishedKnowledge()).toBe(first);
    const articleId = await publishedByDuo(world);
    await approveAs(coordinator.id, articleId, "");
    const second = await publishedKnowledge();
    expect(second).not.toBe(first);
    expect(second.map((item) => item.id)).toContain(articleId);
    // Past its lifetime the copy is read again (another process may have published).
    expect(await publishedKnowledge(Date.now() + 61_000)).not.toBe(second);
  });
});

async function approveAs(coordinatorId: string, id: string, sizeClass: string) {
  const answer = await reviewAction(
    args(await review(coordinatorId, { intent: "approve", kind: "samenvatting", id, sizeClass })),
  );
  expect(statusOf(answer)).toBe(302);
}

// The aanpak canvas through its loaders and actions (guards included) and its model: who may read, edit and
// comment; the version check between the two duo members; numbered versions; notifications; the overview
// without content for coordinators; the printable page and the .docx.
import { unzipSync, strFromU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { addFacilitator, createCohort, createEnrollment, createUser } from "../../prisma/factories.ts";
import { requestAs, form, args, statusOf, dataOf, thrownResponse } from "../support/requests.ts";
import { prisma } from "~/utils/db.server.ts";
import {
  action as planAction,
  loader as planLoader,
} from "~/routes/leernetwerken+/$cohortId+/aanpak+/$enrollmentId._index/route.tsx";
import { loader as overviewLoader } from "~/routes/leernetwerken+/$cohortId+/aanpak+/_index.tsx";
import { loader as printLoader } from "~/routes/leernetwerken+/$cohortId+/aanpak+/$enrollmentId.afdrukken.tsx";
import { loader as docxLoader } from "~/routes/leernetwerken+/$cohortId+/aanpak+/$enrollmentId.aanpak[.docx].ts";
import { loader as versionLoader } from "~/routes/leernetwerken+/$cohortId+/aanpak+/$enrollmentId.versies.$number.tsx";
import { loader as menuLoader } from "~/routes/aanpak+/_index.tsx";
import { emptyContent, normalizeContent } from "~/models/action-plan-sections.ts";
import { requirePlanAccess } from "~/auth/guards.server.ts";
import { addComment, cohortPlanOverview, getPlan, savePlan, saveVersion } from "~/models/action-plan.server.ts";
import { DomainError } from "~/utils/domain-error.ts";

async function setup() {
  const cohort = await createCohort(prisma, {
    sessions: [
      { number: 1, title: "Start", date: "2026-03-10", start: "10:00", end: "13:00", format: "ONLINE" },
      { number: 2, title: "Vervolg", date: "2099-03-10", start: "10:00", end: "13:00", format: "ONLINE" },
    ],
  });
  const otherCohort = await createCohort(prisma, {
    sessions: [{ number: 1, title: "Elders", date: "2099-01-10", start: "10:00", end: "13:00", format: "ONLINE" }],
  });
  const unique = cohort.id.slice(0, 6);
  const zwolle = await createEnrollment(prisma, {
    cohortId: cohort.id,
    municipality: `Zwolle ${unique}`,
    vraagstuk: "Hoe betrekken we inwoners met schulden?",
    members: [
      { name: "Lisa", function: "BELEIDSMEDEWERKER" },
      { name: "Erik", function: "LEIDINGGEVENDE" },
    ],
  });
  const almere = await createEnrollment(prisma, {
    cohortId: cohort.id,
    municipality: `Almere ${unique}`,
    members: [{ name: "Joost", function: "BELEIDSMEDEWERKER" }],
  });
  const marco = await createUser(prisma, { name: "Marco", role: "FACILITATOR" });
  const anouk = await createUser(prisma, { name: "Anouk", role: "FACILITATOR" });
  const sanne = await createUser(prisma, { name: "Sanne", role: "COORDINATOR" });
  await addFacilitator(prisma, cohort.id, marco.id);
  await addFacilitator(prisma, otherCohort.id, anouk.id);
  const [lisa, erik] = zwolle.members as [typeof marco, typeof marco];
  const url = `http://localhost/leernetwerken/${cohort.id}/aanpak/${zwolle.enrollment.id}`;
  const params = { cohortId: cohort.id, enrollmentId: zwolle.enrollment.id };
  const sessions = await prisma.cohortSession.findMany({ where: { cohortId: cohort.id }, orderBy: { number: "asc" } });
  const otherSession = await prisma.cohortSession.findFirstOrThrow({ where: { cohortId: otherCohort.id } });
  return {
    cohort,
    zwolle,
    almere,
    lisa,
    erik,
    joost: almere.members[0]!,
    marco,
    anouk,
    sanne,
    url,
    params,
    sessions,
    otherSession,
  };
}

describe("who may open a duo's canvas", () => {
  it("the duo edits, the cohort's facilitator reads, the coordinator gets 403, everyone else 404", async () => {
    const world = await setup();
    for (const [who, user, expected] of [
      ["duo member", world.lisa, "duo"],
      ["duo partner", world.erik, "duo"],
      ["facilitator of the cohort", world.marco, "facilitator"],
    ] as const) {
      const loaded = await planLoader(args(await requestAs(user.id, world.url), world.params));
      expect(loaded.mode, who).toBe(expected);
      expect(loaded.content.vraagstuk!.tekst, who).toBe("Hoe betrekken we inwoners met schulden?");
    }
    const loaders = [planLoader, printLoader, docxLoader, versionLoader];
    for (const [who, user, status] of [
      ["other duo of the same cohort", world.joost, 404],
      ["facilitator of another cohort", world.anouk, 404],
      ["coordinator", world.sanne, 403],
    ] as const) {
      for (const loader of loaders) {
        const response = await thrownResponse(async () =>
          loader(args(await requestAs(user.id, world.url), { ...world.params, number: "1" })),
        );
        expect(response?.status, `${who} ${loader.name}`).toBe(status);
      }
      const posted = await thrownResponse(async () =>
        planAction(
          args(
            await requestAs(user.id, world.url, form({ intent: "comment", sectionId: "vraagstuk", body: "x" })),
            world.params,
          ),
        ),
      );
      expect(posted?.status, `${who} comment`).toBe(status);
    }
    // A wrong id, or an enrolment of this cohort under another cohort's id: 404.
    expect(
      (
        await thrownResponse(async () =>
          planLoader(args(await requestAs(world.lisa.id, world.url), { ...world.params, enrollmentId: "nope" })),
        )
      )?.status,
    ).toBe(404);
    expect(await prisma.actionPlanComment.count()).toBe(0);
  });

  it("the facilitator cannot change the canvas; the participant's menu item leads to the own canvas", async () => {
    const world = await setup();
    const response = await thrownResponse(async () =>
      planAction(
        args(
          await requestAs(
            world.marco.id,
            world.url,
            form({ intent: "autosave", version: "0", "vraagstuk.tekst": "Overschreven" }),
          ),
          world.params,
        ),
      ),
    );
    expect(response?.status).toBe(403);
    expect(await prisma.actionPlan.count({ where: { enrollmentId: world.zwolle.enrollment.id } })).toBe(0);
    const menu = await thrownResponse(async () =>
      menuLoader(args(await requestAs(world.erik.id, "http://localhost/aanpak"))),
    );
    expect(menu?.headers.get("Location")).toBe(
      `/leernetwerken/${world.cohort.id}/aanpak/${world.zwolle.enrollment.id}`,
    );
    const overview = await thrownResponse(async () =>
      overviewLoader(
        args(await requestAs(world.lisa.id, `http://localhost/leernetwerken/${world.cohort.id}/aanpak`), {
          cohortId: world.cohort.id,
        }),
      ),
    );
    expect(overview?.headers.get("Location")).toBe(
      `/leernetwerken/${world.cohort.id}/aanpak/${world.zwolle.enrollment.id}`,
    );
  });
});

describe("two duo members editing", () => {
  it("a save based on an older version is refused and returns what the partner saved", async () => {
    const world = await setup();
    const first = await planAction(
      args(
        await requestAs(
          world.lisa.id,
          world.url,
          form({
            intent: "autosave",
            version: "0",
            "vraagstuk.tekst": "Lisa's vraag",
            "eerste-stappen.tekst": "Bellen",
          }),
        ),
        world.params,
      ),
    );
    expect(dataOf<{ status: string; version: number }>(first)).toMatchObject({ status: "saved", version: 1 });
    // Erik's window still has version 0 (he opened the page before Lisa saved).
    const stale = await planAction(
      args(
        await requestAs(
          world.erik.id,
          world.url,
          form({ intent: "autosave", version: "0", "vraagstuk.tekst": "Eriks vraag" }),
        ),
        world.params,
      ),
    );
    expect(statusOf(stale)).toBe(409);
    const conflict = dataOf<{ status: string; version: number; current: Record<string, string> }>(stale);
    expect(conflict.status).toBe("conflict");
    expect(conflict.version).toBe(1);
    expect(conflict.current["vraagstuk.tekst"]).toBe("Lisa's vraag");
    expect(conflict.current["eerste-stappen.tekst"]).toBe("Bellen");
    // Nothing was overwritten.
    expect((await getPlan(world.zwolle.enrollment)).content.vraagstuk!.tekst).toBe("Lisa's vraag");
    // Erik chooses to keep his version: the save names version 1 now.
    const kept = await planAction(
      args(
        await requestAs(
          world.erik.id,
          world.url,
          form({ intent: "autosave", version: "1", "vraagstuk.tekst": "Eriks vraag" }),
        ),
        world.params,
      ),
    );
    expect(dataOf<{ version: number }>(kept).version).toBe(2);
    const plan = await prisma.actionPlan.findUniqueOrThrow({
      where: { enrollmentId: world.zwolle.enrollment.id },
      select: { updatedById: true, version: true },
    });
    expect(plan).toEqual({ updatedById: world.erik.id, version: 2 });
  });

  it("an autosave without changes keeps the version; too long text is refused with the field named", async () => {
    const world = await setup();
    const content = normalizeContent({ vraagstuk: { tekst: "V" } });
    expect(await savePlan(world.lisa, world.zwolle.enrollment.id, content, 0)).toEqual({ status: "saved", version: 1 });
    expect(await savePlan(world.erik, world.zwolle.enrollment.id, content, 1)).toEqual({ status: "saved", version: 1 });
    const tooLong = await planAction(
      args(
        await requestAs(
          world.lisa.id,
          world.url,
          form({ intent: "autosave", version: "1", "fase-vertalen.nu": "x".repeat(10_001) }),
        ),
        world.params,
      ),
    );
    expect(statusOf(tooLong)).toBe(400);
    expect(Object.keys(dataOf<{ fieldErrors: Record<string, string[]> }>(tooLong).fieldErrors)).toEqual([
      "fase-vertalen.nu",
    ]);
  });
});

describe("versions", () => {
  it("numbers versions per canvas, links them to a session, refuses an unchanged canvas or a foreign session", async () => {
    const world = await setup();
    const access = await requirePlanAccess(
      await requestAs(world.lisa.id, world.url),
      world.cohort.id,
      world.zwolle.enrollment.id,
    );
    await expect(saveVersion(world.lisa, access.enrollment, null)).rejects.toThrow("Vul eerst iets in");
    // "Versie opslaan" saves the canvas and the version in one go.
    const saved = await planAction(
      args(
        await requestAs(
          world.lisa.id,
          world.url,
          form({
            intent: "version",
            version: "0",
            sessionId: world.sessions[0]!.id,
            "vraagstuk.tekst": "Eerste versie",
          }),
        ),
        world.params,
      ),
    );
    expect(statusOf(saved)).toBe(302);
    await expect(saveVersion(world.erik, access.enrollment, null)).rejects.toThrow(
      "Er is niets veranderd sinds versie 1.",
    );
    await expect(saveVersion(world.erik, access.enrollment, world.otherSession.id)).rejects.toBeInstanceOf(DomainError);
    await savePlan(
      world.erik,
      world.zwolle.enrollment.id,
      normalizeContent({ vraagstuk: { tekst: "Tweede versie, scherper" } }),
      1,
    );
    const second = await saveVersion(world.erik, access.enrollment, world.sessions[1]!.id);
    expect(second.number).toBe(2);

    // The canvas page shows what changed since the last version; the version page what changed before it.
    await savePlan(
      world.erik,
      world.zwolle.enrollment.id,
      normalizeContent({ vraagstuk: { tekst: "Tweede versie, scherper" }, "eerste-stappen": { tekst: "Nieuw" } }),
      2,
    );
    const page = await planLoader(args(await requestAs(world.lisa.id, world.url), world.params));
    expect(page.versions.map((version) => version.number)).toEqual([2, 1]);
    expect(page.versions[0]!.label).toMatch(/^Versie 2 · bijeenkomst 2 \(10 maart 2099\)$/);
    expect(page.diffs).toEqual([
      {
        sectionId: "eerste-stappen",
        title: "Eerste stappen vóór de volgende bijeenkomst",
        parts: [{ type: "added", text: "Nieuw" }],
      },
    ]);
    const version = await versionLoader(
      args(await requestAs(world.marco.id, `${world.url}/versies/2`), { ...world.params, number: "2" }),
    );
    expect(version.content.vraagstuk!.tekst).toBe("Tweede versie, scherper");
    expect(version.diffs).toEqual([
      {
        sectionId: "vraagstuk",
        title: "Ons vraagstuk",
        parts: [
          { type: "removed", text: "Eerste versie" },
          { type: "added", text: "Tweede versie, scherper" },
        ],
      },
    ]);
    expect(
      (
        await thrownResponse(async () =>
          versionLoader(args(await requestAs(world.lisa.id, world.url), { ...world.params, number: "3" })),
        )
      )?.status,
    ).toBe(404);
  });
});

describe("comments", () => {
  it("a facilitator's comment notifies both duo members; a duo member's reply notifies the partner only", async () => {
    const world = await setup();
    const posted = await planAction(
      args(
        await requestAs(
          world.marco.id,
          world.url,
          form({ intent: "comment", sectionId: "fase-ontsluiten", body: "Wie kan een brug slaan?" }),
        ),
        world.params,
      ),
    );
    expect(statusOf(posted)).toBe(302);
    const notified = await prisma.notification.findMany({
      where: { kind: "action-plan-comment" },
      select: { userId: true, title: true, url: true },
    });
    expect(notified.map((row) => row.userId).sort()).toEqual([world.lisa.id, world.erik.id].sort());
    expect(notified[0]!.title).toBe("Marco reageerde op “Fase 1: Ervaringskennis ontsluiten” in jullie aanpak");
    expect(notified[0]!.url).toMatch(
      new RegExp(`/leernetwerken/${world.cohort.id}/aanpak/${world.zwolle.enrollment.id}#reacties-fase-ontsluiten$`),
    );
    // The e-mail names who and where, never the comment itself.
    const emails = await prisma.emailMessage.findMany({
      where: { kind: "action-plan-comment" },
      select: { subject: true, text: true },
    });
    expect(emails).toHaveLength(2);
    expect(emails[0]!.subject).toBe("Er is een reactie op jullie aanpak");
    expect(emails[0]!.text).not.toContain("brug");

    const access = await requirePlanAccess(
      await requestAs(world.lisa.id, world.url),
      world.cohort.id,
      world.zwolle.enrollment.id,
    );
    await addComment(world.lisa, access.enrollment, "fase-ontsluiten", "We vragen het buurtteam.");
    expect(await prisma.notification.count({ where: { kind: "action-plan-comment", userId: world.erik.id } })).toBe(2);
    expect(await prisma.notification.count({ where: { kind: "action-plan-comment", userId: world.lisa.id } })).toBe(1);

    const page = await planLoader(args(await requestAs(world.erik.id, world.url), world.params));
    expect(page.comments.map((comment) => [comment.sectionId, comment.author?.name, comment.body])).toEqual([
      ["fase-ontsluiten", "Marco", "Wie kan een brug slaan?"],
      ["fase-ontsluiten", "Lisa", "We vragen het buurtteam."],
    ]);
    // Empty comment or unknown section: 400, nothing stored.
    const empty = await planAction(
      args(
        await requestAs(world.marco.id, world.url, form({ intent: "comment", sectionId: "vraagstuk", body: "  " })),
        world.params,
      ),
    );
    expect(statusOf(empty)).toBe(400);
    const unknown = await planAction(
      args(
        await requestAs(world.marco.id, world.url, form({ intent: "comment", sectionId: "geheim", body: "x" })),
        world.params,
      ),
    );
    expect(statusOf(unknown)).toBe(400);
    expect(await prisma.actionPlanComment.count()).toBe(2);
  });
});

describe("overview and export", () => {
  it("coordinators see per duo whether a canvas exists and its versions, without content", async () => {
    const world = await setup();
    await savePlan(
      world.lisa,
      world.zwolle.enrollment.id,
      normalizeContent({ vraagstuk: { tekst: "Geheim plan" } }),
      0,
    );
    const access = await requirePlanAccess(
      await requestAs(world.lisa.id, world.url),
      world.cohort.id,
      world.zwolle.enrollment.id,
    );
    await saveVersion(world.lisa, access.enrollment, null);
    const overview = await overviewLoader(
      args(await requestAs(world.sanne.id, `http://localhost/leernetwerken/${world.cohort.id}/aanpak`), {
        cohortId: world.cohort.id,
      }),
    );
    expect(overview.canRead).toBe(false);
    const rows = overview.duos.map(({ municipality, started, versionCount, published }) => ({
      municipality: municipality.split(" ")[0],
      started,
      versionCount,
      published,
    }));
    expect(rows).toEqual([
      { municipality: "Almere", started: false, versionCount: 0, published: false },
      { municipality: "Zwolle", started: true, versionCount: 1, published: false },
    ]);
    expect(JSON.stringify(overview)).not.toContain("Geheim plan");
    expect(JSON.stringify(await cohortPlanOverview(world.cohort.id))).not.toContain("Geheim plan");

    // A summary the duo shared waits for the coordinator's review: not "Gedeeld" until it is approved.
    const article = await prisma.knowledgeArticle.create({
      data: {
        enrollmentId: world.zwolle.enrollment.id,
        title: "Wat we leerden",
        themes: [],
        sections: [],
        searchText: "",
      },
    });
    const statusOfZwolle = async () => {
      const { duos } = await overviewLoader(
        args(await requestAs(world.sanne.id, `http://localhost/leernetwerken/${world.cohort.id}/aanpak`), {
          cohortId: world.cohort.id,
        }),
      );
      const zwolle = duos.find((duo) => duo.municipality.startsWith("Zwolle"));
      return { knowledge: zwolle?.knowledge, published: zwolle?.published };
    };
    expect(await statusOfZwolle()).toEqual({ knowledge: "Wacht op beoordeling", published: false });
    await prisma.knowledgeArticle.update({ where: { id: article.id }, data: { reviewStatus: "RETURNED" } });
    expect(await statusOfZwolle()).toEqual({ knowledge: "Teruggestuurd aan het duo", published: false });
    await prisma.knowledgeArticle.update({ where: { id: article.id }, data: { reviewStatus: "APPROVED" } });
    expect(await statusOfZwolle()).toEqual({ knowledge: "Gedeeld", published: true });
  });

  it("the printable page and the .docx carry the title, municipality and sections", async () => {
    const world = await setup();
    const content = emptyContent("Hoe betrekken we inwoners met schulden?");
    content["fase-ontsluiten"]!.gaan = "Drie gesprekstafels";
    content.randvoorwaarden!["beloning-status"] = "geregeld";
    await savePlan(world.lisa, world.zwolle.enrollment.id, content, 0);
    const printed = await printLoader(args(await requestAs(world.marco.id, `${world.url}/afdrukken`), world.params));
    expect(printed.document.title).toBe(`Aanpak ervaringskennis — ${world.zwolle.municipality.name}`);
    expect(printed.document.sections).toHaveLength(7);
    expect(printed.document.status).toMatch(/^Stand van \d+ \w+ \d{4}\.$/);

    const response = await docxLoader(args(await requestAs(world.erik.id, `${world.url}/aanpak.docx`), world.params));
    expect(response.headers.get("Content-Type")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(response.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="aanpak-zwolle-[a-z0-9]+\.docx"$/,
    );
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const xml = strFromU8(files["word/document.xml"]!);
    for (const text of [
      "Aanpak ervaringskennis",
      "Hoe betrekken we inwoners met schulden?",
      "Drie gesprekstafels",
      "Fase 4: Evalueren en terugkoppelen",
      "Geregeld",
    ]) {
      expect(xml, text).toContain(text);
    }
  });
});

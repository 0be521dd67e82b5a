// The impact trail through its loaders and actions (guards included) and its model, on PGlite and (in
// `npm test`) PostgreSQL: every access rule (the duo, the cohort's facilitators while it runs and after it
// closed, an invited facilitator, other duos, a colleague a coordinator gave access, the coordinator), the
// version check of topics and steps (a conflicting save never overwrites, both texts come back), rounds and
// links, the printable page and the Word file.
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { addFacilitator, createCohort, createEnrollment, createUser } from "../../prisma/factories.ts";
import { args, dataOf, form, requestAs, statusOf, statusOfCall } from "../support/requests.ts";
import { prisma } from "~/utils/db.server.ts";
import { loader as indexLoader } from "~/routes/impactspoor+/_index.tsx";
import { loader as trailLoader } from "~/routes/impactspoor+/$municipalityId._index/route.tsx";
import { action as accessAction, loader as accessLoader } from "~/routes/impactspoor+/$municipalityId.toegang.tsx";
import {
  action as topicAction,
  loader as topicLoader,
} from "~/routes/impactspoor+/$municipalityId.onderwerpen.$topicId._index/route.tsx";
import {
  action as newStepAction,
  loader as newStepLoader,
} from "~/routes/impactspoor+/$municipalityId.onderwerpen.$topicId.stappen.nieuw.tsx";
import {
  action as stepAction,
  loader as stepLoader,
} from "~/routes/impactspoor+/$municipalityId.onderwerpen.$topicId.stappen.$stepId.tsx";
import { loader as printLoader } from "~/routes/impactspoor+/$municipalityId.onderwerpen.$topicId.terugkoppeling.tsx";
import { loader as docxLoader } from "~/routes/impactspoor+/$municipalityId.onderwerpen.$topicId.terugkoppeling[.docx].ts";
import { createStep, createTopic, saveStep, saveTopic, trailRole } from "~/models/impact-trail.server.ts";
import type { StepInput } from "~/models/impact-trail-phases.ts";
import { DomainError } from "~/utils/domain-error.ts";

async function setup() {
  const cohort = await createCohort(prisma, {
    status: "RUNNING",
    sessions: [{ number: 1, title: "Start", date: "2026-03-10", start: "10:00", end: "13:00", format: "ONLINE" }],
  });
  const unique = cohort.id.slice(0, 6);
  const zwolle = await createEnrollment(prisma, {
    cohortId: cohort.id,
    municipality: `Zwolle ${unique}`,
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
  const nieuw = await createUser(prisma, { name: "Nieuwe Collega", role: "PARTICIPANT" });
  await addFacilitator(prisma, cohort.id, marco.id);
  const otherCohort = await createCohort(prisma, { status: "RUNNING", sessions: [] });
  await addFacilitator(prisma, otherCohort.id, anouk.id);
  const [lisa, erik] = zwolle.members as [typeof marco, typeof marco];
  const municipalityId = zwolle.municipality.id;
  const topic = await createTopic(lisa, municipalityId, {
    title: "Toegang tot de schuldhulpverlening",
    description: "Inwoners vinden de weg naar hulp niet.",
  });
  const base = `http://localhost/impactspoor/${municipalityId}`;
  const topicUrl = `${base}/onderwerpen/${topic.id}`;
  const params = { municipalityId, topicId: topic.id };
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
    nieuw,
    municipalityId,
    topic,
    base,
    topicUrl,
    params,
  };
}

function step(overrides: Partial<StepInput> = {}): StepInput {
  return {
    round: 1,
    phase: "GATHER",
    title: "Groepsgesprek in de wijk",
    happenedOn: "2027-03-14",
    content: {
      methods: "groep,klantreis",
      fromWhom: "Twaalf inwoners met schulden, via het buurtteam",
      consent: "Mondeling, vastgelegd in het verslag",
      heard: "De brief is moeilijk.",
    },
    linkTarget: "",
    linkUrl: "",
    linkLabel: "",
    ...overrides,
  };
}

type World = Awaited<ReturnType<typeof setup>>;

/** The status each read (all topic pages) and the comment give this user. */
async function topicStatuses(world: World, userId: string) {
  const stepId = (
    await prisma.policyTopicStep.create({
      data: {
        topicId: world.topic.id,
        round: 1,
        phase: "GATHER",
        title: "Gesprek",
        happenedOn: new Date("2027-03-14"),
      },
    })
  ).id;
  const params = { ...world.params, stepId };
  const reads = {
    trail: await statusOfCall(async () => trailLoader(args(await requestAs(userId, world.base), params))),
    topic: await statusOfCall(async () => topicLoader(args(await requestAs(userId, world.topicUrl), params))),
    print: await statusOfCall(async () =>
      printLoader(args(await requestAs(userId, `${world.topicUrl}/terugkoppeling`), params)),
    ),
    docx: await statusOfCall(async () =>
      docxLoader(args(await requestAs(userId, `${world.topicUrl}/terugkoppeling.docx`), params)),
    ),
    newStep: await statusOfCall(async () =>
      newStepLoader(args(await requestAs(userId, `${world.topicUrl}/stappen/nieuw`), params)),
    ),
    editStep: await statusOfCall(async () =>
      stepLoader(args(await requestAs(userId, `${world.topicUrl}/stappen/${stepId}`), params)),
    ),
    comment: await statusOfCall(async () =>
      topicAction(
        args(
          await requestAs(userId, world.topicUrl, form({ intent: "comment", stepId, body: "Mooi gedaan." })),
          params,
        ),
      ),
    ),
    rename: await statusOfCall(async () =>
      topicAction(
        args(
          await requestAs(
            userId,
            world.topicUrl,
            form({ intent: "topic", title: "Overschreven", description: "", version: "1" }),
          ),
          params,
        ),
      ),
    ),
  };
  return reads;
}

const EDITOR = {
  trail: 200,
  topic: 200,
  print: 200,
  docx: 200,
  newStep: 200,
  editStep: 200,
  comment: 302,
  rename: 302,
};
const READER = {
  trail: 200,
  topic: 200,
  print: 200,
  docx: 200,
  newStep: 403,
  editStep: 403,
  comment: 302,
  rename: 403,
};
const NOBODY = {
  trail: 404,
  topic: 404,
  print: 404,
  docx: 404,
  newStep: 404,
  editStep: 404,
  comment: 404,
  rename: 404,
};

describe("who may open a municipality's impact trail", () => {
  it("both duo members edit", async () => {
    const world = await setup();
    expect(await topicStatuses(world, world.erik.id)).toEqual(EDITOR);
    expect(await trailRole(world.lisa, world.municipalityId)).toBe("editor");
  });

  it("the facilitator of the running cohort reads and comments, but does not edit", async () => {
    const world = await setup();
    expect(await topicStatuses(world, world.marco.id)).toEqual(READER);
    expect(await prisma.policyTopic.findUniqueOrThrow({ where: { id: world.topic.id } })).toMatchObject({
      title: "Toegang tot de schuldhulpverlening",
    });
    expect(await prisma.policyTopicComment.count({ where: { topicId: world.topic.id } })).toBe(1);
  });

  it("after the cohort closed the duo keeps access, the facilitator only when the duo invites them", async () => {
    const world = await setup();
    await prisma.cohort.update({ where: { id: world.cohort.id }, data: { status: "CLOSED" } });
    expect(await topicStatuses(world, world.lisa.id)).toEqual(EDITOR);
    expect(await topicStatuses(world, world.marco.id)).toEqual(NOBODY);

    // The duo invites Marco (a facilitator of its cohort) on the access page.
    const accessUrl = `${world.base}/toegang`;
    const page = await accessLoader(args(await requestAs(world.erik.id, accessUrl), world.params));
    expect(page.candidates.map((candidate) => candidate.name)).toEqual(["Marco"]);
    const invited = await accessAction(
      args(await requestAs(world.erik.id, accessUrl, form({ intent: "invite", userId: world.marco.id })), world.params),
    );
    expect(statusOf(invited)).toBe(302);
    expect(await topicStatuses(world, world.marco.id)).toEqual(READER);
    // A facilitator who never ran one of the municipality's cohorts cannot be invited.
    const refused = await accessAction(
      args(await requestAs(world.erik.id, accessUrl, form({ intent: "invite", userId: world.anouk.id })), world.params),
    );
    expect(statusOf(refused)).toBe(400);

    // Ending the invitation ends the access.
    const grant = await prisma.impactTrailAccess.findFirstOrThrow({ where: { userId: world.marco.id } });
    await accessAction(
      args(await requestAs(world.lisa.id, accessUrl, form({ intent: "uninvite", accessId: grant.id })), world.params),
    );
    expect(await topicStatuses(world, world.marco.id)).toEqual(NOBODY);
  });

  it("other duos, a facilitator of another cohort and a withdrawn duo get a 404", async () => {
    const world = await setup();
    expect(await topicStatuses(world, world.joost.id)).toEqual(NOBODY);
    expect(await topicStatuses(world, world.anouk.id)).toEqual(NOBODY);
    await prisma.enrollment.update({ where: { id: world.zwolle.enrollment.id }, data: { status: "WITHDRAWN" } });
    expect(await topicStatuses(world, world.lisa.id)).toEqual(NOBODY);
    // A topic of another municipality under this municipality's id: 404, also for the duo that owns it.
    const almereTopic = await createTopic(world.joost, world.almere.municipality.id, {
      title: "Armoede",
      description: "",
    });
    expect(
      await statusOfCall(async () =>
        topicLoader(
          args(await requestAs(world.joost.id, world.topicUrl), { ...world.params, topicId: almereTopic.id }),
        ),
      ),
    ).toBe(404);
    expect(await prisma.policyTopic.count({ where: { id: world.topic.id, title: "Overschreven" } })).toBe(0);
  });

  it("the coordinator sees only who has access, and gives a new colleague of the municipality access", async () => {
    const world = await setup();
    const coordinator = await topicStatuses(world, world.sanne.id);
    expect(coordinator).toEqual({
      ...NOBODY,
      trail: 200,
      topic: 403,
      print: 403,
      docx: 403,
      newStep: 403,
      editStep: 403,
      comment: 403,
      rename: 403,
    });
    const overview = await trailLoader(args(await requestAs(world.sanne.id, world.base), world.params));
    expect(overview.topicCount).toBe(1);
    expect(JSON.stringify(overview)).not.toContain("schuldhulpverlening");

    expect(await topicStatuses(world, world.nieuw.id)).toEqual(NOBODY);
    const accessUrl = `${world.base}/toegang`;
    // Only an existing participant account; the typed address comes back with the message.
    const unknown = await accessAction(
      args(
        await requestAs(world.sanne.id, accessUrl, form({ intent: "grant", email: "onbekend@zwolle.test" })),
        world.params,
      ),
    );
    expect(statusOf(unknown)).toBe(400);
    expect(dataOf<{ values: Record<string, string> }>(unknown).values.email).toBe("onbekend@zwolle.test");
    const granted = await accessAction(
      args(
        await requestAs(world.sanne.id, accessUrl, form({ intent: "grant", email: world.nieuw.email })),
        world.params,
      ),
    );
    expect(statusOf(granted)).toBe(302);
    expect(await topicStatuses(world, world.nieuw.id)).toEqual(EDITOR);
    expect(
      await prisma.auditLog.count({ where: { action: "impact-trail.colleague-added", actorId: world.sanne.id } }),
    ).toBe(1);
    // The duo cannot give colleagues access, the coordinator cannot invite facilitators.
    expect(
      await statusOfCall(async () =>
        accessAction(
          args(
            await requestAs(world.lisa.id, accessUrl, form({ intent: "grant", email: world.joost.email })),
            world.params,
          ),
        ),
      ),
    ).toBe(403);
    expect(
      await statusOfCall(async () =>
        accessAction(
          args(
            await requestAs(world.sanne.id, accessUrl, form({ intent: "invite", userId: world.marco.id })),
            world.params,
          ),
        ),
      ),
    ).toBe(403);
    // The facilitator does not see the access page.
    expect(
      await statusOfCall(async () => accessLoader(args(await requestAs(world.marco.id, accessUrl), world.params))),
    ).toBe(403);
    // Ending the colleague's access.
    const grant = await prisma.impactTrailAccess.findFirstOrThrow({ where: { userId: world.nieuw.id } });
    await accessAction(
      args(await requestAs(world.sanne.id, accessUrl, form({ intent: "revoke", accessId: grant.id })), world.params),
    );
    expect(await topicStatuses(world, world.nieuw.id)).toEqual(NOBODY);
  });

  it("/impactspoor lists the trails the viewer may open", async () => {
    const world = await setup();
    const names = async (userId: string) =>
      (await indexLoader(args(await requestAs(userId, "http://localhost/impactspoor")))).trails.map(
        (trail) => trail.name,
      );
    expect(await names(world.lisa.id)).toEqual([world.zwolle.municipality.name]);
    expect(await names(world.marco.id)).toEqual(
      [world.almere.municipality.name, world.zwolle.municipality.name].sort((a, b) => a.localeCompare(b)),
    );
    expect(await names(world.anouk.id)).toEqual([]);
    expect(await names(world.sanne.id)).toContain(world.zwolle.municipality.name);
  });
});

describe("versions, conflicts, rounds and links", () => {
  it("a step saved by the duo partner in between is not overwritten: both versions come back, the typed text stays", async () => {
    const world = await setup();
    const created = await createStep(world.lisa, world.municipalityId, world.topic.id, step());
    const params = { ...world.params, stepId: created.id };
    const url = `${world.topicUrl}/stappen/${created.id}`;
    const body = (title: string, version: string) =>
      form({
        intent: "save",
        version,
        round: "1",
        title,
        happenedOn: "2027-03-14",
        "veld-methods": "groep",
        "veld-fromWhom": "Inwoners met schulden",
        "veld-consent": "Mondeling",
        "veld-heard": title,
        linkTarget: "",
        linkUrl: "",
        linkLabel: "",
      });
    // Erik saves first (version 1 → 2).
    expect(
      statusOf(await stepAction(args(await requestAs(world.erik.id, url, body("Eriks versie", "1")), params))),
    ).toBe(302);
    // Lisa's save is still based on version 1: refused, nothing overwritten.
    const conflict = await stepAction(args(await requestAs(world.lisa.id, url, body("Lisa's versie", "1")), params));
    expect(statusOf(conflict)).toBe(409);
    const answer = dataOf<{
      status: string;
      current: { title: string; version: number; updatedBy: string };
      values: Record<string, string>;
    }>(conflict);
    expect(answer.status).toBe("conflict");
    expect(answer.current).toMatchObject({ title: "Eriks versie", version: 2, updatedBy: "Erik" });
    expect(answer.values.title).toBe("Lisa's versie");
    expect((await prisma.policyTopicStep.findUniqueOrThrow({ where: { id: created.id } })).title).toBe("Eriks versie");
    // Saving again on the version shown keeps Lisa's text.
    expect(
      statusOf(await stepAction(args(await requestAs(world.lisa.id, url, body("Lisa's versie", "2")), params))),
    ).toBe(302);
    const stored = await prisma.policyTopicStep.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored).toMatchObject({ title: "Lisa's versie", version: 3 });
    expect(stored.content).toMatchObject({ methods: "groep", heard: "Lisa's versie" });
  });

  it("the topic's name is version-checked the same way", async () => {
    const world = await setup();
    expect(
      await saveTopic(world.erik, world.municipalityId, world.topic.id, { title: "Schulden", description: "" }, 1),
    ).toEqual({
      status: "saved",
      version: 2,
    });
    const result = await saveTopic(
      world.lisa,
      world.municipalityId,
      world.topic.id,
      { title: "Andere naam", description: "" },
      1,
    );
    expect(result).toMatchObject({ status: "conflict", current: { title: "Schulden", version: 2, updatedBy: "Erik" } });
    const viaRoute = await topicAction(
      args(
        await requestAs(
          world.lisa.id,
          world.topicUrl,
          form({ intent: "topic", title: "Andere naam", description: "", version: "1" }),
        ),
        world.params,
      ),
    );
    expect(statusOf(viaRoute)).toBe(409);
    expect((await prisma.policyTopic.findUniqueOrThrow({ where: { id: world.topic.id } })).title).toBe("Schulden");
  });

  it("steps go through the four phases and on to a next round; links are checked against the list", async () => {
    const world = await setup();
    const newUrl = `${world.topicUrl}/stappen/nieuw?fase=TRANSLATE`;
    const page = await newStepLoader(args(await requestAs(world.lisa.id, newUrl), world.params));
    expect(page.phase.id).toBe("TRANSLATE");
    expect(page.rounds).toEqual([1]);
    const plan = page.linkOptions.find((option) => option.value.startsWith("plan:"))!;
    expect(plan.label).toContain("Aanpak");
    const session = page.linkOptions.find((option) => option.value.startsWith("session:"))!;
    const posted = await newStepAction(
      args(
        await requestAs(
          world.lisa.id,
          newUrl,
          form({
            phase: "TRANSLATE",
            round: "1",
            title: "Duiden met ervaringsdeskundigen",
            happenedOn: "2027-04-02",
            "veld-causes": "De drempel naar hulp is te hoog.",
            "veld-withWhom": "Twee ervaringsdeskundigen",
            linkTarget: session.value,
            linkUrl: "",
            linkLabel: "",
          }),
        ),
        world.params,
      ),
    );
    expect(statusOf(posted)).toBe(302);
    // Another municipality's plan, a javascript: address, both at once, a round too far: refused, input kept.
    const almerePlan = `plan:${world.almere.enrollment.id}`;
    for (const [fields, field] of [
      [{ linkTarget: almerePlan }, "linkTarget"],
      [{ linkUrl: "javascript:alert(1)" }, "linkUrl"],
      [{ linkTarget: plan.value, linkUrl: "https://zwolle.nl/brief" }, "linkUrl"],
      [{ round: "3" }, "round"],
      [{ "veld-status": "misschien" }, "veld-status"],
    ] as const) {
      const refused = await newStepAction(
        args(
          await requestAs(
            world.lisa.id,
            `${world.topicUrl}/stappen/nieuw`,
            form({
              phase: "CHANGE",
              round: "1",
              title: "Besluit",
              happenedOn: "2027-05-01",
              "veld-change": "Eén loket",
              ...fields,
            }),
          ),
          world.params,
        ),
      );
      expect(statusOf(refused), JSON.stringify(fields)).toBe(400);
      const answer = dataOf<{ fieldErrors: Record<string, string[]>; values: Record<string, string> }>(refused);
      expect(answer.fieldErrors[field], JSON.stringify(fields)).toBeTruthy();
      expect(answer.values["veld-change"]).toBe("Eén loket");
    }
    await createStep(world.lisa, world.municipalityId, world.topic.id, step());
    await createStep(
      world.lisa,
      world.municipalityId,
      world.topic.id,
      step({
        phase: "CHANGE",
        title: "Besluit college",
        content: { change: "Eén loket", decidedBy: "Het college", decidedOn: "2027-05-10", status: "besloten" },
      }),
    );
    await createStep(
      world.lisa,
      world.municipalityId,
      world.topic.id,
      step({
        phase: "FEEDBACK",
        title: "Terugkoppeling in de wijk",
        content: {
          done: "Eén loket",
          notDone: "Geen avondopening: geen budget.",
          how: "Bijeenkomst",
          toldOn: "2027-06-01",
        },
      }),
    );
    const topicPage = await topicLoader(args(await requestAs(world.marco.id, world.topicUrl), world.params));
    expect(topicPage.progress).toMatchObject({ round: 1, doneCount: 4 });
    const linked = topicPage.rounds[0]!.steps.find((item) => item.title === "Duiden met ervaringsdeskundigen")!;
    expect(linked.link).toMatchObject({
      href: `/leernetwerken/${world.cohort.id}/bijeenkomsten/${session.value.slice(8)}`,
      external: false,
    });
    // Round 2 may start now; round 3 not yet.
    await createStep(world.erik, world.municipalityId, world.topic.id, step({ round: 2, title: "Nieuwe ronde" }));
    await expect(createStep(world.erik, world.municipalityId, world.topic.id, step({ round: 4 }))).rejects.toThrow(
      DomainError,
    );
    const later = await topicLoader(args(await requestAs(world.lisa.id, world.topicUrl), world.params));
    expect(later.progress).toMatchObject({ round: 2, doneCount: 1, rounds: 2 });
    // A facilitator cannot save a step, even through the model.
    const stepId = linked.id;
    await expect(saveStep(world.marco, world.municipalityId, world.topic.id, stepId, step(), 1)).rejects.toThrow(
      DomainError,
    );
  });

  it("the feedback page and the Word file say what was done, what not and why, in Dutch, with real headings", async () => {
    const world = await setup();
    await createStep(
      world.lisa,
      world.municipalityId,
      world.topic.id,
      step({ linkUrl: "https://zwolle.nl/verslag", linkLabel: "Verslag" }),
    );
    await createStep(
      world.lisa,
      world.municipalityId,
      world.topic.id,
      step({
        phase: "FEEDBACK",
        title: "Brief aan de deelnemers",
        content: {
          done: "Eén loket voor schulden",
          notDone: "Geen avondopening: daar is geen budget voor.",
          how: "Een brief via het buurtteam",
          toldOn: "2027-06-01",
        },
      }),
    );
    const printed = await printLoader(
      args(await requestAs(world.marco.id, `${world.topicUrl}/terugkoppeling`), world.params),
    );
    expect(printed.document.title).toBe("Wat hebben we met uw ervaringen gedaan?");
    const text = JSON.stringify(printed.document);
    for (const expected of [
      "Geen avondopening: daar is geen budget voor.",
      "Gesprek in een groep, Klantreis",
      "Verslag: https://zwolle.nl/verslag",
      "1 juni 2027",
    ])
      expect(text, expected).toContain(expected);

    const response = await docxLoader(
      args(await requestAs(world.erik.id, `${world.topicUrl}/terugkoppeling.docx`), world.params),
    );
    expect(response.headers.get("Content-Type")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(response.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="terugkoppeling-zwolle-[a-z0-9-]+\.docx"$/,
    );
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const xml = strFromU8(files["word/document.xml"]!);
    expect(xml).toContain("Wat hebben we met uw ervaringen gedaan?");
    expect(xml).toContain("Geen avondopening: daar is geen budget voor.");
    expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/>/);
    expect(xml).toMatch(/<w:pStyle w:val="Heading2"\/>/);
    expect(xml).toContain('w:lang w:val="nl-NL"');
    expect(strFromU8(files["word/styles.xml"]!)).toContain('w:val="nl-NL"');
  });
});

// The intervisie pages through their loaders and actions (guards included): who gets a 403 or 404, what
// the actions refuse, and that bad input keeps what was typed.
import { describe, expect, it } from "vitest";
import { addFacilitator, createCohort, createEnrollment, createUser } from "../../prisma/factories.ts";
import { requestAs, form, args, statusOf, dataOf, statusOfCall } from "../support/requests.ts";
import { planMeeting, proposeCase, saveArrangement } from "~/models/intervision.server.ts";
import { getEntryForViewer, saveEntry, setAudiences } from "~/models/journal.server.ts";
import { prisma } from "~/utils/db.server.ts";
import {
  action as formingAction,
  loader as formingLoader,
} from "~/routes/leernetwerken+/$cohortId+/intervisiegroepen/route.tsx";
import { action as groupAction, loader as groupLoader } from "~/routes/intervisie+/groepen.$groupId/route.tsx";
import {
  action as meetingAction,
  loader as meetingLoader,
} from "~/routes/intervisie+/bijeenkomsten.$meetingId/route.tsx";
import {
  action as liveAction,
  loader as liveLoader,
} from "~/routes/intervisie+/bijeenkomsten.$meetingId_.live/route.tsx";
import { loader as standLoader } from "~/routes/intervisie+/bijeenkomsten.$meetingId_.live_.stand.ts";
import { action as caseAction, loader as caseLoader } from "~/routes/intervisie+/casussen.$caseId.tsx";
import { loader as methodLoader } from "~/routes/intervisie+/methoden.$method.tsx";

async function setup() {
  const cohort = await createCohort(prisma, { sessions: [] });
  const names = [
    ["Lisa", "Erik"],
    ["Noor", "Hans"],
    ["Sophie", "Ahmed"],
    ["Mirjam", "Bas"],
  ];
  const duos = [];
  for (const [index, pair] of names.entries()) {
    duos.push(
      await createEnrollment(prisma, {
        cohortId: cohort.id,
        municipality: `Gemeente ${index} ${cohort.id.slice(0, 6)}`,
        members: pair.map((name, position) => ({
          name,
          function: position === 0 ? ("BELEIDSMEDEWERKER" as const) : ("LEIDINGGEVENDE" as const),
        })),
      }),
    );
  }
  const [lisa, erik] = duos[0]!.members;
  const marco = await createUser(prisma, { name: "Marco", role: "FACILITATOR" });
  const fatima = await createUser(prisma, { name: "Fatima", role: "FACILITATOR" });
  const sanne = await createUser(prisma, { name: "Sanne", role: "COORDINATOR" });
  await addFacilitator(prisma, cohort.id, marco.id);
  await addFacilitator(prisma, cohort.id, fatima.id);
  const result = await saveArrangement(
    cohort.id,
    [
      { key: "nieuw-1", name: "Groep 1", memberIds: duos.map((duo) => duo.members[0]!.id), facilitatorIds: [marco.id] },
      {
        key: "nieuw-2",
        name: "Groep 2",
        memberIds: duos.map((duo) => duo.members[1]!.id),
        facilitatorIds: [fatima.id],
      },
    ],
    sanne,
  );
  expect(result.ok).toBe(true);
  const group = await prisma.intervisionGroup.findFirstOrThrow({ where: { cohortId: cohort.id, name: "Groep 1" } });
  const meeting = await planMeeting(marco, group.id, {
    sessionId: null,
    startsAt: new Date("2099-01-01T13:00:00Z"),
    endsAt: new Date("2099-01-01T14:00:00Z"),
    location: "Utrecht",
    meetingUrl: null,
    methodSlug: "incidentmethode",
  });
  const item = await proposeCase(lisa!, meeting!.id, {
    title: "Casus van Lisa",
    situation: "Iets vertrouwelijks.",
    question: "Wat nu?",
    wish: "",
  });
  return {
    cohort,
    lisa: lisa!,
    erik: erik!,
    marco,
    fatima,
    sanne,
    groupId: group.id,
    meetingId: meeting!.id,
    caseId: item!.id,
    duos,
  };
}

describe("intervisie pages", () => {
  it("the group, meeting, live view and case are a 404 for the coordinator and for another group", async () => {
    const { erik, fatima, sanne, lisa, marco, groupId, meetingId, caseId } = await setup();
    const pages: {
      url: string;
      load: (a: ReturnType<typeof args>) => Promise<unknown>;
      params: Record<string, string>;
    }[] = [
      { url: `/intervisie/groepen/${groupId}`, load: groupLoader, params: { groupId } },
      { url: `/intervisie/bijeenkomsten/${meetingId}`, load: meetingLoader, params: { meetingId } },
      { url: `/intervisie/bijeenkomsten/${meetingId}/live`, load: liveLoader, params: { meetingId } },
      { url: `/intervisie/bijeenkomsten/${meetingId}/live/stand`, load: standLoader, params: { meetingId } },
      { url: `/intervisie/casussen/${caseId}`, load: caseLoader, params: { caseId } },
    ];
    for (const page of pages) {
      for (const outsider of [sanne, erik, fatima]) {
        const status = await statusOfCall(async () =>
          page.load(args(await requestAs(outsider.id, `http://localhost${page.url}`), page.params)),
        );
        expect(status, `${outsider.name} ${page.url}`).toBe(404);
      }
      for (const insider of [lisa, marco]) {
        const status = await statusOfCall(async () =>
          page.load(args(await requestAs(insider.id, `http://localhost${page.url}`), page.params)),
        );
        expect(status, `${insider.name} ${page.url}`).toBe(200);
      }
    }
    // The live view's poll: the stamp the page was loaded with answers 204 (nothing changed), another one 200.
    const live = (await liveLoader(
      args(await requestAs(lisa.id, `http://localhost/intervisie/bijeenkomsten/${meetingId}/live`), { meetingId }),
    )) as { stamp: string };
    const poll = async (since: string) =>
      (await standLoader(
        args(
          await requestAs(lisa.id, `http://localhost/intervisie/bijeenkomsten/${meetingId}/live/stand?sinds=${since}`),
          { meetingId },
        ),
      )) as Response;
    expect((await poll(live.stamp)).status).toBe(204);
    const changed = await poll("ouder");
    expect(changed.status).toBe(200);
    expect(await changed.json()).toEqual({ stamp: live.stamp });
    // Not a uuid: the same 404.
    expect(
      await statusOfCall(async () =>
        standLoader(
          args(await requestAs(lisa.id, "http://localhost/intervisie/bijeenkomsten/abc/live/stand"), {
            meetingId: "abc",
          }),
        ),
      ),
    ).toBe(404);
    expect(
      await statusOfCall(async () =>
        caseLoader(args(await requestAs(lisa.id, "http://localhost/intervisie/casussen/abc"), { caseId: "abc" })),
      ),
    ).toBe(404);
    expect(
      await statusOfCall(async () =>
        methodLoader(
          args(await requestAs(lisa.id, "http://localhost/intervisie/methoden/x"), { method: "bestaat-niet" }),
        ),
      ),
    ).toBe(404);
  });

  it("actions: members cannot steer the meeting, choose cases or edit the agreements; outsiders cannot delete", async () => {
    const { lisa, sanne, erik, groupId, meetingId, caseId } = await setup();
    const meetingUrl = `http://localhost/intervisie/bijeenkomsten/${meetingId}`;
    expect(
      await statusOfCall(async () =>
        meetingAction(args(await requestAs(lisa.id, meetingUrl, form({ intent: "choose", caseId })), { meetingId })),
      ),
    ).toBe(403);
    expect(
      await statusOfCall(async () =>
        liveAction(
          args(await requestAs(lisa.id, `${meetingUrl}/live`, form({ intent: "start", fromStep: "" })), { meetingId }),
        ),
      ),
    ).toBe(403);
    expect(
      await statusOfCall(async () =>
        groupAction(
          args(
            await requestAs(
              lisa.id,
              `http://localhost/intervisie/groepen/${groupId}`,
              form({ intent: "agreements", agreements: "Nieuw!!!!!!!" }),
            ),
            { groupId },
          ),
        ),
      ),
    ).toBe(403);
    for (const outsider of [sanne, erik]) {
      expect(
        await statusOfCall(async () =>
          caseAction(
            args(
              await requestAs(
                outsider.id,
                `http://localhost/intervisie/casussen/${caseId}`,
                form({ intent: "delete", confirm: "ja" }),
              ),
              { caseId },
            ),
          ),
        ),
      ).toBe(404);
    }
    expect(await prisma.intervisionCase.count({ where: { id: caseId } })).toBe(1);
    expect(await prisma.intervisionMeeting.findUniqueOrThrow({ where: { id: meetingId } })).toMatchObject({
      startedAt: null,
    });
  });

  it("bad input is refused in Dutch and keeps what was typed", async () => {
    const { lisa, marco, groupId, meetingId } = await setup();
    const proposal = await meetingAction(
      args(
        await requestAs(
          lisa.id,
          `http://localhost/intervisie/bijeenkomsten/${meetingId}`,
          form({ intent: "propose", title: "Mijn titel", situation: "kort", question: "" }),
        ),
        { meetingId },
      ),
    );
    expect(statusOf(proposal)).toBe(400);
    const proposalData = dataOf<{ fieldErrors: Record<string, string[]>; values: Record<string, string> }>(proposal);
    expect(proposalData.fieldErrors.situation).toEqual(["Beschrijf de situatie (minstens 10 tekens)."]);
    expect(proposalData.values.title).toBe("Mijn titel");
    const plan = await groupAction(
      args(
        await requestAs(
          marco.id,
          `http://localhost/intervisie/groepen/${groupId}`,
          form({ intent: "plan", date: "2099-02-30", start: "14:00", end: "13:00", location: "" }),
        ),
        { groupId },
      ),
    );
    expect(statusOf(plan)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string[]> }>(plan).fieldErrors).toMatchObject({
      date: ["Vul een geldige datum in."],
    });
  });

  it("group forming is for coordinators only; the facilitator and participants get a 403", async () => {
    const { cohort, lisa, marco, sanne } = await setup();
    const url = `http://localhost/leernetwerken/${cohort.id}/intervisiegroepen`;
    for (const user of [lisa, marco]) {
      expect(
        await statusOfCall(async () => formingLoader(args(await requestAs(user.id, url), { cohortId: cohort.id }))),
      ).toBe(403);
      expect(
        await statusOfCall(async () =>
          formingAction(args(await requestAs(user.id, url, form({ slot: "nieuw-1" })), { cohortId: cohort.id })),
        ),
      ).toBe(403);
    }
    const page = await formingLoader(args(await requestAs(sanne.id, url), { cohortId: cohort.id }));
    expect(page.groups.map((group) => group.name)).toEqual(["Groep 1", "Groep 2"]);
    // The coordinator's page carries no case.
    expect(JSON.stringify(page)).not.toContain("Casus van Lisa");
  });

  it("bounds the number of groups asked for in the URL (a huge `aantal` sized the page): a Dutch message, answered fast", async () => {
    const { cohort, sanne } = await setup();
    const page = (query: string) =>
      requestAs(sanne.id, `http://localhost/leernetwerken/${cohort.id}/intervisiegroepen?voorstel=1&${query}`).then(
        (request) => formingLoader(args(request, { cohortId: cohort.id })),
      );
    // 8 participants in 2 groups: the page takes 1 to 20; within that, what does not fit is explained.
    const fine = await page("aantal=2");
    expect(fine).toMatchObject({ count: 2, maxCount: 20, countProblem: null, suggested: true });
    expect(await page("aantal=3")).toMatchObject({
      countProblem: "Met 8 deelnemers passen er hoogstens 2 groepen van minstens 4.",
      suggested: false,
    });
    for (const asked of ["1000000000", "1e9", "21", "0", "-1", "2.5", "twee", "Infinity"]) {
      const started = performance.now();
      const answer = await page(`aantal=${asked}`);
      expect(performance.now() - started, asked).toBeLessThan(2_000);
      expect(answer.countProblem, asked).toBe("Vul bij Aantal groepen een heel getal van 1 tot en met 20 in.");
      expect(answer.slots, asked).toHaveLength(2);
      expect(answer.suggested, asked).toBe(false);
    }
  });

  it("a case is read by the group as it was when the case was brought: a joiner reads nothing earlier, a leaver loses it (also when added back), on the loader and the action", async () => {
    const { cohort, lisa, marco, fatima, sanne, duos, meetingId, caseId } = await setup();
    const noor = duos[1]!.members[0]!;
    // A participant who enrols later (a fifth municipality) and joins group 1.
    const late = await createEnrollment(prisma, {
      cohortId: cohort.id,
      municipality: `Later ${cohort.id.slice(0, 6)}`,
      members: [{ name: "Hans", function: "BELEIDSMEDEWERKER" }],
    });
    const hans = late.members[0]!;
    const caseLoad = async (user: { id: string }, id = caseId) =>
      statusOfCall(async () =>
        caseLoader(args(await requestAs(user.id, `http://localhost/intervisie/casussen/${id}`), { caseId: id })),
      );
    const caseAct = async (user: { id: string }, id = caseId) =>
      statusOfCall(async () =>
        caseAction(
          args(
            await requestAs(
              user.id,
              `http://localhost/intervisie/casussen/${id}`,
              form({ intent: "delete", confirm: "on" }),
            ),
            { caseId: id },
          ),
        ),
      );
    const meetingCases = async (user: { id: string }) =>
      (
        (await meetingLoader(
          args(await requestAs(user.id, `http://localhost/intervisie/bijeenkomsten/${meetingId}`), { meetingId }),
        )) as { meeting: { cases: { id: string }[] } }
      ).meeting.cases.map((item) => item.id);
    const arrange = async (group1: string[], group1Facilitators: string[], group2: string[]) => {
      const groups = await prisma.intervisionGroup.findMany({
        where: { cohortId: cohort.id },
        orderBy: { name: "asc" },
      });
      const result = await saveArrangement(
        cohort.id,
        [
          { key: groups[0]!.id, name: "Groep 1", memberIds: group1, facilitatorIds: group1Facilitators },
          { key: groups[1]!.id, name: "Groep 2", memberIds: group2, facilitatorIds: [fatima.id] },
        ],
        sanne,
      );
      expect(result.ok).toBe(true);
    };
    const group1 = duos.map((duo) => duo.members[0]!.id);
    const group2 = duos.map((duo) => duo.members[1]!.id);
    expect(await caseLoad(noor)).toBe(200);
    // Lisa also shares a journal entry with her group: the same rule (JournalEntryReader).
    const saved = await saveEntry(lisa, {
      title: "",
      body: "Voor de groep",
      writtenOn: "2099-01-02",
      tags: [],
      sessionId: null,
      reflectieId: null,
      promptId: null,
    });
    if (saved.status !== "saved") throw new Error("not saved");
    await setAudiences(lisa, saved.id, ["GROUP"]);
    const canReadEntry = async (user: { id: string }) => (await getEntryForViewer(user, saved.id)) !== null;
    expect(await canReadEntry(noor)).toBe(true);
    // Hans joins group 1 and Fatima co-facilitates it, after Lisa brought her case: neither reads it.
    await arrange([...group1, hans.id], [marco.id, fatima.id], group2);
    for (const joiner of [hans, fatima]) {
      expect(await caseLoad(joiner)).toBe(404);
      expect(await caseAct(joiner)).toBe(404);
      expect(await meetingCases(joiner)).toEqual([]);
    }
    expect(await meetingCases(noor)).toEqual([caseId]);
    // A case brought after they joined: they read it.
    const later = await proposeCase(lisa, meetingId, { title: "Later", situation: "S", question: "V", wish: "" });
    expect(await caseLoad(hans, later!.id)).toBe(200);
    expect(await caseLoad(fatima, later!.id)).toBe(200);
    expect(await meetingCases(hans)).toEqual([later!.id]);
    // Noor leaves group 1: she loses both cases at once, on the loader and the action.
    await arrange([...group1.filter((id) => id !== noor.id), hans.id], [marco.id, fatima.id], [...group2, noor.id]);
    expect(await caseLoad(noor)).toBe(404);
    expect(await caseAct(noor)).toBe(404);
    expect(await caseLoad(noor, later!.id)).toBe(404);
    expect(await prisma.intervisionCaseReader.count({ where: { userId: noor.id } })).toBe(0);
    expect(await canReadEntry(noor)).toBe(false);
    // Back in group 1: what was brought before she left stays closed to her.
    await arrange([...group1, hans.id], [marco.id, fatima.id], group2);
    expect(await caseLoad(noor)).toBe(404);
    expect(await caseLoad(noor, later!.id)).toBe(404);
    expect(await meetingCases(noor)).toEqual([]);
    expect(await canReadEntry(noor)).toBe(false);
    expect(await canReadEntry(hans)).toBe(false);
    // The inbrenger still sees who it was brought to; the case survived all of this.
    const readers = await prisma.intervisionCaseReader.findMany({ where: { caseId }, select: { userId: true } });
    expect(readers.map((reader) => reader.userId).sort()).toEqual(
      [...group1.filter((id) => id !== lisa.id && id !== noor.id), marco.id].sort(),
    );
  });
});

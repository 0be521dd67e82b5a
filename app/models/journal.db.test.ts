// The journal's privacy matrix and rules, on PGlite and (in `npm test`) on PostgreSQL.
//
// Relations to the author (Lisa, Zwolle, in cohort A):
// - author: Lisa herself;
// - duo partner: Erik, the other member of Lisa's enrolment;
// - facilitator of the cohort: Marco, facilitator of cohort A;
// - facilitator of another cohort: Anouk, facilitator of cohort B only;
// - group member: Joost, a participant of the same cohort A in another municipality, in Lisa's intervisie
//   group (facilitated by Marco);
// - other group member: Noor, a participant of cohort A in the other intervisie group (with Erik);
// - other group's facilitator: Pieter, a facilitator of cohort A who runs only the other group;
// - other participant: Karin, a participant of cohort B;
// - coordinator: Sanne.
// For each sharing state the test asserts who can read the entry, answer it, and find it in a list.
import { describe, expect, it } from "vitest";
import { addFacilitator, createCohort, createEnrollment, createUser } from "../../prisma/factories.ts";
import type { JournalAudience } from "~/generated/prisma/enums.ts";
import type { Prisma } from "~/generated/prisma/client.ts";
import { getLibrary } from "~/content/library.server.ts";
import { prisma } from "~/utils/db.server.ts";
import {
  addReply,
  countAwaitingAnswer,
  countSharedWithMe,
  createPrompt,
  deleteEntry,
  deleteReply,
  exportEntries,
  getEntryForViewer,
  journalAccessWhere,
  listOwnEntries,
  ownFilterChoices,
  ownJournal,
  listSharedWithMe,
  promptsForParticipant,
  readersDescription,
  recordEntryRead,
  saveEntry,
  setAudiences,
  sharedEntryCountsForDigest,
} from "./journal.server.ts";
import { facilitatorStart } from "./start-page.server.ts";
import {
  addDuoMember,
  assignFacilitator,
  removeDuoMember,
  reinstateEnrollment,
  removeFacilitator,
  withdrawEnrollment,
} from "./enrollment.server.ts";
import { digestTimeOfWeek, sendWeeklyDigests } from "~/notifications/digest.server.ts";

async function setup() {
  const cohortA = await createCohort(prisma, {
    name: "Journaal A",
    sessions: [{ number: 1, title: "Start", date: "2099-03-10", start: "10:00", end: "13:00", format: "ONLINE" }],
  });
  const cohortB = await createCohort(prisma, { name: "Journaal B", sessions: [] });
  const zwolle = await createEnrollment(prisma, {
    cohortId: cohortA.id,
    municipality: `Zwolle ${cohortA.id.slice(0, 6)}`,
    members: [
      { name: "Lisa", function: "BELEIDSMEDEWERKER" },
      { name: "Erik", function: "LEIDINGGEVENDE" },
    ],
  });
  const almere = await createEnrollment(prisma, {
    cohortId: cohortA.id,
    municipality: `Almere ${cohortA.id.slice(0, 6)}`,
    members: [{ name: "Joost", function: "BELEIDSMEDEWERKER" }],
  });
  const amersfoort = await createEnrollment(prisma, {
    cohortId: cohortA.id,
    municipality: `Amersfoort ${cohortA.id.slice(0, 6)}`,
    members: [{ name: "Noor", function: "BELEIDSMEDEWERKER" }],
  });
  const emmen = await createEnrollment(prisma, {
    cohortId: cohortB.id,
    municipality: `Emmen ${cohortA.id.slice(0, 6)}`,
    members: [{ name: "Karin", function: "BELEIDSMEDEWERKER" }],
  });
  const marco = await createUser(prisma, { name: "Marco", role: "FACILITATOR" });
  const anouk = await createUser(prisma, { name: "Anouk", role: "FACILITATOR" });
  const sanne = await createUser(prisma, { name: "Sanne", role: "COORDINATOR" });
  const pieter = await createUser(prisma, { name: "Pieter", role: "FACILITATOR" });
  await addFacilitator(prisma, cohortA.id, marco.id);
  await addFacilitator(prisma, cohortA.id, pieter.id);
  // Intervisie groups (issue 7): Lisa with Joost (Marco), her duo partner Erik with Noor (Pieter).
  const lisaGroup = await prisma.intervisionGroup.create({
    data: {
      cohortId: cohortA.id,
      name: "Groep 1",
      members: { create: [{ userId: zwolle.members[0]!.id }, { userId: almere.members[0]!.id }] },
      facilitators: { create: [{ userId: marco.id }] },
    },
  });
  await prisma.intervisionGroup.create({
    data: {
      cohortId: cohortA.id,
      name: "Groep 2",
      members: { create: [{ userId: zwolle.members[1]!.id }, { userId: amersfoort.members[0]!.id }] },
      facilitators: { create: [{ userId: pieter.id }] },
    },
  });
  await addFacilitator(prisma, cohortB.id, anouk.id);
  const session = await prisma.cohortSession.findFirstOrThrow({ where: { cohortId: cohortA.id } });
  return {
    cohortA,
    cohortB,
    session,
    zwolle,
    lisaGroup,
    people: {
      author: zwolle.members[0]!,
      duoPartner: zwolle.members[1]!,
      facilitatorOfCohort: marco,
      facilitatorOfOtherCohort: anouk,
      groupMember: almere.members[0]!,
      otherGroupMember: amersfoort.members[0]!,
      otherGroupFacilitator: pieter,
      otherParticipant: emmen.members[0]!,
      coordinator: sanne,
    },
  };
}

function entryInput(body: string, extra: Partial<Parameters<typeof saveEntry>[1]> = {}) {
  return {
    title: "",
    body,
    writtenOn: "2099-03-11",
    tags: [],
    sessionId: null,
    reflectieId: null,
    promptId: null,
    ...extra,
  };
}

async function writeEntry(author: { id: string }, body: string, audience: JournalAudience | JournalAudience[]) {
  const saved = await saveEntry(author, entryInput(body));
  if (saved.status !== "saved") throw new Error("not saved");
  await setAudiences(author, saved.id, Array.isArray(audience) ? audience : audience === "PRIVATE" ? [] : [audience]);
  return saved.id;
}

type Relation =
  | "author"
  | "duoPartner"
  | "facilitatorOfCohort"
  | "facilitatorOfOtherCohort"
  | "groupMember"
  | "otherGroupMember"
  | "otherGroupFacilitator"
  | "otherParticipant"
  | "coordinator";
const relations: Relation[] = [
  "author",
  "duoPartner",
  "facilitatorOfCohort",
  "facilitatorOfOtherCohort",
  "groupMember",
  "otherGroupMember",
  "otherGroupFacilitator",
  "otherParticipant",
  "coordinator",
];

/** Who may read, answer and list an entry in each sharing state (read = answer = list). */
const expected: Record<JournalAudience, Relation[]> = {
  PRIVATE: ["author"],
  DUO: ["author", "duoPartner"],
  FACILITATORS: ["author", "facilitatorOfCohort", "otherGroupFacilitator"],
  // The author's intervisie group: its other members and its facilitator (Marco), not the duo partner in
  // another group, nor that group's members or facilitator.
  GROUP: ["author", "facilitatorOfCohort", "groupMember"],
};

/**
 * The facilitator's start page counts the shared entries waiting for an answer in its own statement
 * (awaitingAnswerCountSql): for every person it must say what countAwaitingAnswer (journalAccessWhere's rule
 * through Prisma) says, and the journal page's count of shared entries (sharedWithMeCountSql) what
 * countSharedWithMe says. Returns the awaiting counts, per relation.
 */
async function expectAwaitingCountsAgree(people: Record<Relation, { id: string }>) {
  const counts: Record<string, number> = {};
  for (const relation of relations) {
    const viewer = { id: people[relation].id, role: "FACILITATOR" as const };
    const onStartPage = (await facilitatorStart(viewer)).journalsAwaitingAnswer;
    expect(onStartPage, relation).toBe(await countAwaitingAnswer(viewer));
    // The journal page's count of entries shared with the viewer (sharedWithMeCountSql in its one
    // statement) is countSharedWithMe's, filtered or not.
    const shared = await countSharedWithMe(viewer);
    expect((await ownJournal(viewer)).sharedCount, `${relation}: shared with me`).toBe(shared);
    expect((await ownJournal(viewer, { q: "geen-treffer-hier" })).sharedCount, relation).toBe(shared);
    counts[relation] = onStartPage;
  }
  return counts;
}

describe("journal privacy matrix", () => {
  for (const audience of ["PRIVATE", "DUO", "FACILITATORS", "GROUP"] as const) {
    it(`shared ${audience}: only ${expected[audience].join(", ")} can read, answer and list it`, async () => {
      const { people } = await setup();
      const entryId = await writeEntry(people.author, `Geheim ${audience}`, audience);
      // Waiting for an answer from everyone it was shared with (the author's own entry is not counted).
      expect(await expectAwaitingCountsAgree(people)).toEqual(
        Object.fromEntries(
          relations.map((relation) => [
            relation,
            relation !== "author" && expected[audience].includes(relation) ? 1 : 0,
          ]),
        ),
      );
      const outcome: Record<string, { read: boolean; answer: boolean; list: boolean; rawQuery: boolean }> = {};
      for (const relation of relations) {
        const viewer = people[relation];
        const read = (await getEntryForViewer(viewer, entryId)) !== null;
        const answer =
          (await addReply({ id: viewer.id, name: viewer.name }, entryId, `Antwoord van ${relation}`)) !== null;
        const own = await listOwnEntries(viewer);
        const shared = await listSharedWithMe(viewer);
        const list =
          own.some((entry) => entry.id === entryId) ||
          shared.some((group) => group.entries.some((entry) => entry.id === entryId));
        const rawQuery =
          (await prisma.journalEntry.count({ where: { AND: [{ id: entryId }, journalAccessWhere(viewer)] } })) === 1;
        outcome[relation] = { read, answer, list, rawQuery };
      }
      const allowed = expected[audience];
      expect(outcome).toEqual(
        Object.fromEntries(
          relations.map((relation) => {
            const yes = allowed.includes(relation);
            return [relation, { read: yes, answer: yes, list: yes, rawQuery: yes }];
          }),
        ),
      );
      // Answered last by someone else than the author: waiting for nobody (the author writes again below).
      expect(Object.values(await expectAwaitingCountsAgree(people)).every((count) => count === 0)).toBe(true);
      // The refused answers left nothing behind.
      const replies = await prisma.journalReply.findMany({ where: { entryId }, select: { authorId: true } });
      expect(replies.map((reply) => reply.authorId).sort()).toEqual(
        allowed.map((relation) => people[relation].id).sort(),
      );
      await addReply({ id: people.author.id, name: people.author.name }, entryId, "Nog een vraag");
      await expectAwaitingCountsAgree(people);
    });
  }

  it("withdrawing the sharing takes the access away again, and the author keeps the history", async () => {
    const { people } = await setup();
    const entryId = await writeEntry(people.author, "Eerst gedeeld", "FACILITATORS");
    expect(await getEntryForViewer(people.facilitatorOfCohort, entryId)).not.toBeNull();
    await setAudiences(people.author, entryId, []);
    expect(await getEntryForViewer(people.facilitatorOfCohort, entryId)).toBeNull();
    expect(await listSharedWithMe(people.facilitatorOfCohort)).toEqual([]);
    const mine = await getEntryForViewer(people.author, entryId);
    expect(mine!.shareChanges.map((change) => [change.from, change.to])).toEqual([
      [["FACILITATORS"], []],
      [[], ["FACILITATORS"]],
    ]);
    expect(mine!.readers).toEqual([]);
    expect(await prisma.journalEntryReader.count({ where: { entryId } })).toBe(0);
  });

  it("sharing with the intervisie group needs a group, and leaving the group takes the access away", async () => {
    const { people, lisaGroup } = await setup();
    const saved = await saveEntry(people.otherParticipant, entryInput("Geen groep"));
    if (saved.status !== "saved") throw new Error("not saved");
    await expect(setAudiences(people.otherParticipant, saved.id, ["GROUP"])).rejects.toThrow(
      "Je zit (nog) niet in een intervisiegroep.",
    );
    const entryId = await writeEntry(people.author, "Voor de groep", "GROUP");
    expect(await getEntryForViewer(people.groupMember, entryId)).not.toBeNull();
    await prisma.intervisionMember.delete({
      where: { groupId_userId: { groupId: lisaGroup.id, userId: people.groupMember.id } },
    });
    expect(await getEntryForViewer(people.groupMember, entryId)).toBeNull();
    expect(await getEntryForViewer(people.facilitatorOfCohort, entryId)).not.toBeNull();
  });

  it("a duo partner and facilitators lose access when the enrolment is withdrawn", async () => {
    const { people, zwolle } = await setup();
    const duoEntry = await writeEntry(people.author, "Voor Erik", "DUO");
    const staffEntry = await writeEntry(people.author, "Voor de begeleiding", "FACILITATORS");
    await prisma.enrollment.update({ where: { id: zwolle.enrollment.id }, data: { status: "WITHDRAWN" } });
    expect(await getEntryForViewer(people.duoPartner, duoEntry)).toBeNull();
    expect(await getEntryForViewer(people.facilitatorOfCohort, staffEntry)).toBeNull();
    expect(await getEntryForViewer(people.author, staffEntry)).not.toBeNull();
  });

  it("the author sees who can read it, by name", async () => {
    const { people } = await setup();
    const duoEntry = await writeEntry(people.author, "Voor Erik", "DUO");
    const staffEntry = await writeEntry(people.author, "Voor Marco", "FACILITATORS");
    const names = async (entryId: string) =>
      (await getEntryForViewer(people.author, entryId))!.readers.map((reader) => [reader.via, reader.user.name]);
    expect(await names(duoEntry)).toEqual([["DUO", "Erik"]]);
    expect(await names(staffEntry)).toEqual([
      ["FACILITATORS", "Marco"],
      ["FACILITATORS", "Pieter"],
    ]);
    const groupEntry = await writeEntry(people.author, "Voor de groep", "GROUP");
    expect(await names(groupEntry)).toEqual([
      ["GROUP", "Joost"],
      ["GROUP", "Marco"],
    ]);
    // Before sharing, the form names the same people.
    const page = (await getEntryForViewer(people.author, groupEntry))!;
    expect(readersDescription("GROUP", page.enrollment, page.authorGroups)).toBe("Jij en Groep 1: Joost, Marco.");
    expect(readersDescription("DUO", page.enrollment, page.authorGroups)).toBe("Jij en je duo: Erik.");
    // Readers are the author's to see, not the readers'.
    expect((await getEntryForViewer(people.facilitatorOfCohort, staffEntry))!.readers).toEqual([]);
    // The sharing history is for the author only.
    expect((await getEntryForViewer(people.facilitatorOfCohort, staffEntry))!.shareChanges).toEqual([]);
  });
});

// Issue 15: readers are fixed when the author shares; whoever joins later reads nothing shared before, and
// whoever leaves (by any path) loses access at once. An entry can go to more than one audience.
describe("readers fixed at share time, and leaving", () => {
  async function canRead(viewer: { id: string }, entryId: string) {
    return (await getEntryForViewer(viewer, entryId)) !== null;
  }

  it("a duo member who joins later (replacing the partner) does not read earlier entries; the partner who left loses them", async () => {
    const { people, cohortA, zwolle } = await setup();
    const earlier = await writeEntry(people.author, "Voor Erik", "DUO");
    const newcomer = await createUser(prisma, { name: "Nieuw Duolid" });
    const erik = await prisma.duoMember.findFirstOrThrow({
      where: { enrollmentId: zwolle.enrollment.id, userId: people.duoPartner.id },
    });
    await addDuoMember(
      {
        cohortId: cohortA.id,
        enrollmentId: zwolle.enrollment.id,
        name: newcomer.name,
        email: newcomer.email,
        function: "LEIDINGGEVENDE",
        replacesMemberId: erik.id,
      },
      people.coordinator,
    );
    expect(await canRead(newcomer, earlier)).toBe(false);
    expect(await listSharedWithMe(newcomer)).toEqual([]);
    expect(await canRead(people.duoPartner, earlier)).toBe(false);
    // Shared after joining: the newcomer reads it, and is named to the author.
    const later = await writeEntry(people.author, "Voor het nieuwe duo", "DUO");
    expect(await canRead(newcomer, later)).toBe(true);
    expect((await getEntryForViewer(people.author, later))!.readers.map((r) => r.user.name)).toEqual(["Nieuw Duolid"]);
  });

  it("a duo member removed from the duo loses access at once", async () => {
    const { people, cohortA, zwolle } = await setup();
    const entryId = await writeEntry(people.author, "Voor Erik", "DUO");
    const erik = await prisma.duoMember.findFirstOrThrow({
      where: { enrollmentId: zwolle.enrollment.id, userId: people.duoPartner.id },
    });
    expect(await canRead(people.duoPartner, entryId)).toBe(true);
    await removeDuoMember(
      { cohortId: cohortA.id, enrollmentId: zwolle.enrollment.id, memberId: erik.id },
      people.coordinator,
    );
    expect(await canRead(people.duoPartner, entryId)).toBe(false);
    expect(await addReply(people.duoPartner, entryId, "Toch nog")).toBeNull();
  });

  it("a facilitator added to the cohort later does not read earlier entries; one taken off loses access (facilitators and group)", async () => {
    const { people, cohortA } = await setup();
    const staffEntry = await writeEntry(people.author, "Voor de begeleiding", "FACILITATORS");
    const groupEntry = await writeEntry(people.author, "Voor de groep", "GROUP");
    const later = await createUser(prisma, { name: "Latere Begeleider", role: "FACILITATOR" });
    await assignFacilitator({ cohortId: cohortA.id, userId: later.id }, people.coordinator);
    expect(await canRead(later, staffEntry)).toBe(false);
    expect((await sharedEntryCountsForDigest(new Date(Date.now() - 60_000))).has(later.id)).toBe(false);
    expect(await canRead(people.facilitatorOfCohort, staffEntry)).toBe(true);
    expect(await canRead(people.facilitatorOfCohort, groupEntry)).toBe(true);
    await removeFacilitator({ cohortId: cohortA.id, userId: people.facilitatorOfCohort.id }, people.coordinator);
    expect(await canRead(people.facilitatorOfCohort, staffEntry)).toBe(false);
    // Still listed as the group's facilitator, but no longer of the cohort: no access to the group's entries.
    expect(await canRead(people.facilitatorOfCohort, groupEntry)).toBe(false);
    expect(await canRead(people.otherGroupFacilitator, staffEntry)).toBe(true);
    await expectAwaitingCountsAgree(people);
  });

  it("someone who joins the intervisie group later does not read earlier group entries; a member who leaves loses them", async () => {
    const { people, lisaGroup } = await setup();
    const entryId = await writeEntry(people.author, "Voor de groep", "GROUP");
    await prisma.intervisionMember.create({ data: { groupId: lisaGroup.id, userId: people.otherGroupMember.id } });
    expect(await canRead(people.otherGroupMember, entryId)).toBe(false);
    expect(await canRead(people.groupMember, entryId)).toBe(true);
    await prisma.intervisionMember.delete({
      where: { groupId_userId: { groupId: lisaGroup.id, userId: people.groupMember.id } },
    });
    expect(await canRead(people.groupMember, entryId)).toBe(false);
    await expectAwaitingCountsAgree(people);
  });

  it("a group member whose municipality is withdrawn loses the group's entries; the author's withdrawn municipality closes all", async () => {
    const { people, cohortA, zwolle } = await setup();
    const groupEntry = await writeEntry(people.author, "Voor de groep", "GROUP");
    const almere = await prisma.duoMember.findFirstOrThrow({ where: { userId: people.groupMember.id } });
    expect(await canRead(people.groupMember, groupEntry)).toBe(true);
    await withdrawEnrollment({ cohortId: cohortA.id, enrollmentId: almere.enrollmentId }, people.coordinator);
    expect(await canRead(people.groupMember, groupEntry)).toBe(false);
    const both = await writeEntry(people.author, "Voor Erik en de begeleiders", ["DUO", "FACILITATORS"]);
    await withdrawEnrollment({ cohortId: cohortA.id, enrollmentId: zwolle.enrollment.id }, people.coordinator);
    for (const reader of [people.duoPartner, people.facilitatorOfCohort, people.otherGroupFacilitator]) {
      expect(await canRead(reader, both)).toBe(false);
    }
    expect(await canRead(people.author, both)).toBe(true);
    await expectAwaitingCountsAgree(people);
  });

  it("someone removed and added back does not read again what was shared before they left (every leave path)", async () => {
    const { people, cohortA, zwolle } = await setup();
    const duoEntry = await writeEntry(people.author, "Voor Erik", "DUO");
    const staffEntry = await writeEntry(people.author, "Voor de begeleiding", "FACILITATORS");
    const groupEntry = await writeEntry(people.author, "Voor de groep", "GROUP");
    // Duo member removed, then added back.
    const erik = await prisma.duoMember.findFirstOrThrow({
      where: { enrollmentId: zwolle.enrollment.id, userId: people.duoPartner.id },
    });
    await removeDuoMember(
      { cohortId: cohortA.id, enrollmentId: zwolle.enrollment.id, memberId: erik.id },
      people.coordinator,
    );
    expect(await prisma.journalEntryReader.count({ where: { userId: people.duoPartner.id } })).toBe(0);
    await addDuoMember(
      {
        cohortId: cohortA.id,
        enrollmentId: zwolle.enrollment.id,
        name: people.duoPartner.name,
        email: people.duoPartner.email,
        function: "LEIDINGGEVENDE",
      },
      people.coordinator,
    );
    expect(await canRead(people.duoPartner, duoEntry)).toBe(false);
    // Facilitator taken off the cohort, then assigned again.
    await removeFacilitator({ cohortId: cohortA.id, userId: people.facilitatorOfCohort.id }, people.coordinator);
    await assignFacilitator({ cohortId: cohortA.id, userId: people.facilitatorOfCohort.id }, people.coordinator);
    expect(await canRead(people.facilitatorOfCohort, staffEntry)).toBe(false);
    expect(await canRead(people.facilitatorOfCohort, groupEntry)).toBe(false);
    expect(await canRead(people.otherGroupFacilitator, staffEntry)).toBe(true);
    // A group member's municipality withdrawn, then reinstated.
    const almere = await prisma.duoMember.findFirstOrThrow({ where: { userId: people.groupMember.id } });
    expect(await canRead(people.groupMember, groupEntry)).toBe(true);
    await withdrawEnrollment({ cohortId: cohortA.id, enrollmentId: almere.enrollmentId }, people.coordinator);
    await reinstateEnrollment({ cohortId: cohortA.id, enrollmentId: almere.enrollmentId }, people.coordinator);
    expect(await canRead(people.groupMember, groupEntry)).toBe(false);
    // Leaving an intervisie group and coming back: tests/routes/intervisie.db.test.ts (with the group's cases).
    // The author's own entries stay theirs throughout.
    for (const entryId of [duoEntry, staffEntry, groupEntry]) expect(await canRead(people.author, entryId)).toBe(true);
    await expectAwaitingCountsAgree(people);
  });

  it("shares with two audiences at once; withdrawing one keeps the other's readers", async () => {
    const { people } = await setup();
    const entryId = await writeEntry(people.author, "Voor Erik en de begeleiders", ["FACILITATORS", "DUO"]);
    const readable = async () =>
      Object.fromEntries(await Promise.all(relations.map(async (r) => [r, await canRead(people[r], entryId)])));
    expect(await readable()).toEqual(
      Object.fromEntries(
        relations.map((r) => [r, ["author", "duoPartner", "facilitatorOfCohort", "otherGroupFacilitator"].includes(r)]),
      ),
    );
    expect((await prisma.journalEntry.findUniqueOrThrow({ where: { id: entryId } })).audiences).toEqual([
      "DUO",
      "FACILITATORS",
    ]);
    await setAudiences(people.author, entryId, ["FACILITATORS"]);
    expect(await canRead(people.duoPartner, entryId)).toBe(false);
    expect(await canRead(people.facilitatorOfCohort, entryId)).toBe(true);
    const mine = (await getEntryForViewer(people.author, entryId))!;
    expect(mine.shareChanges.map((change) => [change.from, change.to])).toEqual([
      [["DUO", "FACILITATORS"], ["FACILITATORS"]],
      [[], ["DUO", "FACILITATORS"]],
    ]);
    // Someone else cannot change the sharing.
    expect(await setAudiences(people.duoPartner, entryId, ["DUO"])).toBeNull();
  });

  it("a reply can be deleted by its writer only", async () => {
    const { people } = await setup();
    const entryId = await writeEntry(people.author, "Voor Erik", "DUO");
    const answer = (await addReply(people.duoPartner, entryId, "Antwoord van Erik"))!;
    const own = (await addReply(people.author, entryId, "Mijn reactie"))!;
    expect(await deleteReply(people.author, entryId, answer.id)).toBe(false);
    expect(await deleteReply(people.facilitatorOfCohort, entryId, answer.id)).toBe(false);
    expect(await deleteReply(people.duoPartner, entryId, answer.id)).toBe(true);
    expect(await deleteReply(people.author, entryId, own.id)).toBe(true);
    expect(await prisma.journalReply.count({ where: { entryId } })).toBe(0);
    expect(await prisma.journalEntry.count({ where: { id: entryId } })).toBe(1);
  });

  it("reads by others are recorded and shown to the author only, per reader", async () => {
    const { people } = await setup();
    const entryId = await writeEntry(people.author, "Voor Erik en de begeleiders", ["DUO", "FACILITATORS"]);
    await recordEntryRead(people.duoPartner, entryId);
    await recordEntryRead(people.duoPartner, entryId);
    await recordEntryRead(people.facilitatorOfCohort, entryId);
    const mine = (await getEntryForViewer(people.author, entryId))!;
    expect(mine.readBy.map((read) => [read.reader.name, read.count]).sort()).toEqual([
      ["Erik", 2],
      ["Marco", 1],
    ]);
    expect((await getEntryForViewer(people.duoPartner, entryId))!.readBy).toEqual([]);
    // Deleting the entry deletes the record of its reads.
    await deleteEntry(people.author, entryId);
    expect(await prisma.recordRead.count({ where: { journalEntryId: entryId } })).toBe(0);
  });
});

describe("journal entries", () => {
  it("refuses a save based on an old version (another tab) and returns the current text", async () => {
    const { people } = await setup();
    const created = await saveEntry(people.author, entryInput("Eerste versie"));
    expect(created).toMatchObject({ status: "saved", version: 1 });
    const id = created.status === "saved" ? created.id : "";
    expect(await saveEntry(people.author, entryInput("Tab 1"), { id, version: 1 })).toMatchObject({
      status: "saved",
      version: 2,
    });
    const stale = await saveEntry(people.author, entryInput("Tab 2"), { id, version: 1 });
    expect(stale).toMatchObject({ status: "conflict", current: { body: "Tab 1", version: 2 } });
    expect((await prisma.journalEntry.findUniqueOrThrow({ where: { id } })).body).toBe("Tab 1");
    // Choosing to keep one's own text: save again based on the current version.
    expect(await saveEntry(people.author, entryInput("Tab 2"), { id, version: 2 })).toMatchObject({
      status: "saved",
      version: 3,
    });
    // Someone else cannot save it at all.
    expect(await saveEntry(people.duoPartner, entryInput("Overschreven"), { id, version: 3 })).toEqual({
      status: "not-found",
    });
  });

  it("links a session of the author's own cohort only, and a lesson prompt that exists", async () => {
    const { people, session } = await setup();
    const reflectie = [...getLibrary().lessons.values()].flatMap((lesson) => lesson.reflecties)[0]!;
    const saved = await saveEntry(
      people.author,
      entryInput("Over de les", { sessionId: session.id, reflectieId: reflectie.id, tags: ["leefwereld"] }),
    );
    expect(saved.status).toBe("saved");
    await expect(
      saveEntry(people.otherParticipant, entryInput("Niet mijn sessie", { sessionId: session.id })),
    ).rejects.toThrow(/eigen leernetwerk/);
    await expect(saveEntry(people.author, entryInput("Onbekend", { reflectieId: "bestaat-niet" }))).rejects.toThrow(
      /bestaat niet/,
    );
    expect((await listOwnEntries(people.author, { prompt: `reflectie:${reflectie.id}` })).length).toBe(1);
    expect((await listOwnEntries(people.author, { tag: "leefwereld" })).length).toBe(1);
    expect((await listOwnEntries(people.author, { tag: "anders" })).length).toBe(0);
    // The journal page makes its filter menus from the unfiltered list: the same menus as their own query.
    const page = await ownJournal(people.author);
    expect(page.choices).toEqual(await ownFilterChoices(people.author));
    expect(page.choices.prompts.map((prompt) => prompt.value)).toEqual([`reflectie:${reflectie.id}`, "sessie"]);
    expect((await ownJournal(people.author, { tag: "leefwereld" })).choices).toEqual(page.choices);
  });

  it("searches the author's own entries in title and text", async () => {
    const { people } = await setup();
    await saveEntry(people.author, entryInput("Over de klantreis", { title: "Dinsdag" }));
    await saveEntry(people.author, entryInput("Iets anders", { title: "Klantreis gepland" }));
    await saveEntry(people.duoPartner, entryInput("Ook over de klantreis"));
    expect((await listOwnEntries(people.author, { q: "KLANTREIS" })).length).toBe(2);
    expect((await listOwnEntries(people.author, { q: "dinsdag" })).map((entry) => entry.title)).toEqual(["Dinsdag"]);
  });

  it("lists the same entries, in the same order, as Prisma's select, with every filter", async () => {
    const { people, session, cohortA } = await setup();
    const reflectie = [...getLibrary().lessons.values()].flatMap((lesson) => lesson.reflecties)[0]!;
    const prompt = await createPrompt(people.facilitatorOfCohort, {
      cohortId: cohortA.id,
      sessionId: null,
      text: "Wat merkte je?",
    });
    await saveEntry(people.author, entryInput("Over de klantreis", { title: "Dinsdag", tags: ["leefwereld", "a"] }));
    await saveEntry(people.author, entryInput("Bij de les", { sessionId: session.id, reflectieId: reflectie.id }));
    await saveEntry(people.author, entryInput("Antwoord: 50% klaar", { promptId: prompt.id, writtenOn: "2099-03-12" }));
    await saveEntry(people.author, entryInput("Later", { writtenOn: "2099-03-13", tags: ["leefwereld"] }));
    const shared = await writeEntry(people.author, "Gedeeld met de begeleiders", ["FACILITATORS", "DUO"]);
    await addReply(people.facilitatorOfCohort, shared, "Mooi");
    await addReply(people.author, shared, "Dank je");
    await writeEntry(people.duoPartner, "Van Erik over de klantreis", "DUO");
    const filters = [
      {},
      { q: "KLANTREIS" },
      { q: "dinsdag" },
      { tag: "leefwereld" },
      { tag: "onbekend" },
      { prompt: `reflectie:${reflectie.id}` },
      { prompt: `vraag:${prompt.id}` },
      { prompt: "sessie" },
      { q: "klantreis", tag: "a" },
    ];
    for (const viewer of [people.author, people.duoPartner, people.facilitatorOfCohort]) {
      for (const filter of filters) {
        const plain = await plainOwnEntries(viewer, filter);
        expect(await listOwnEntries(viewer, filter)).toEqual(plain);
        // The journal page's statement (with the shared count) lists the same, in the same order.
        expect((await ownJournal(viewer, filter)).entries).toEqual(plain);
      }
    }
    expect((await listOwnEntries(people.author)).map((entry) => entry._count.replies)).toContain(2);
    // The search text is taken literally, and an odd prompt value finds nothing (no error).
    expect((await listOwnEntries(people.author, { q: "50%" })).length).toBe(1);
    expect((await listOwnEntries(people.author, { q: "5_%" })).length).toBe(0);
    expect(await listOwnEntries(people.author, { prompt: "vraag:geen-id" })).toEqual([]);
  });

  it("deletes an entry with its replies for real, and only for its author", async () => {
    const { people } = await setup();
    const entryId = await writeEntry(people.author, "Weg ermee", "FACILITATORS");
    await addReply(people.facilitatorOfCohort, entryId, "Mooi geschreven");
    expect(await deleteEntry(people.facilitatorOfCohort, entryId)).toBe(false);
    expect(await deleteEntry(people.author, entryId)).toBe(true);
    expect(await prisma.journalEntry.count({ where: { id: entryId } })).toBe(0);
    expect(await prisma.journalReply.count({ where: { entryId } })).toBe(0);
    expect(await prisma.journalShareChange.count({ where: { entryId } })).toBe(0);
  });

  it("tells the author about an answer from someone else (without the text), not about their own reply", async () => {
    const { people } = await setup();
    const entryId = await writeEntry(people.author, "Zeer persoonlijk", "FACILITATORS");
    await addReply(people.author, entryId, "Nog een gedachte");
    expect(await prisma.notification.count({ where: { userId: people.author.id } })).toBe(0);
    await addReply(people.facilitatorOfCohort, entryId, "Herkenbaar, dank je");
    const notification = await prisma.notification.findFirstOrThrow({
      where: { userId: people.author.id, kind: "journal-answered" },
    });
    expect(notification.url).toMatch(new RegExp(`/journaal/${entryId}$`));
    const email = await prisma.emailMessage.findFirstOrThrow({ where: { notificationId: notification.id } });
    expect(email.text).toContain("Marco");
    expect(email.text).not.toContain("Herkenbaar");
    expect(email.text).not.toContain("persoonlijk");
    // E-mail switched off: recorded for the inbox only (issue 19), without an e-mail.
    await prisma.notificationPreference.create({
      data: { userId: people.author.id, kind: "journal-answered", mode: "OFF" },
    });
    await addReply(people.facilitatorOfCohort, entryId, "Nog iets");
    expect(await prisma.notification.count({ where: { userId: people.author.id } })).toBe(2);
    expect(await prisma.notification.count({ where: { userId: people.author.id, status: "INBOX" } })).toBe(1);
    expect(await prisma.emailMessage.count({ where: { to: people.author.email, kind: "journal-answered" } })).toBe(1);
  });

  it("exports the author's entries with their replies, and nobody else's", async () => {
    const { people } = await setup();
    const entryId = await writeEntry(people.author, "Voor de export", "FACILITATORS");
    await addReply(people.facilitatorOfCohort, entryId, "Een antwoord");
    await saveEntry(people.duoPartner, entryInput("Van Erik"));
    const exported = await exportEntries(people.author);
    expect(exported.map((entry) => entry.body)).toEqual(["Voor de export"]);
    expect(exported[0]!.replies.map((reply) => reply.body)).toEqual(["Een antwoord"]);
  });
});

describe("facilitators' prompts and the digest", () => {
  it("a facilitator posts a prompt to their own cohort only; it shows to that cohort's participants", async () => {
    const { people, cohortA, cohortB } = await setup();
    await expect(
      createPrompt(people.facilitatorOfCohort, { cohortId: cohortB.id, sessionId: null, text: "Niet mijn groep" }),
    ).rejects.toThrow();
    const prompt = await createPrompt(people.facilitatorOfCohort, {
      cohortId: cohortA.id,
      sessionId: null,
      text: "Wat merkte je van de leefwereld?",
    });
    expect((await promptsForParticipant(people.author)).map((p) => p.text)).toEqual([
      "Wat merkte je van de leefwereld?",
    ]);
    expect(await promptsForParticipant(people.otherParticipant)).toEqual([]);
    await saveEntry(people.author, entryInput("Antwoord op de vraag", { promptId: prompt.id }));
    expect((await promptsForParticipant(people.author))[0]!.myEntryId).not.toBeNull();
    // Another participant's entry for the same prompt stays theirs.
    expect((await promptsForParticipant(people.groupMember))[0]!.myEntryId).toBeNull();
  });

  it("a facilitator asks only their intervisie group; the rest of the cohort does not see it", async () => {
    const { people, cohortA, lisaGroup } = await setup();
    await expect(
      createPrompt(people.otherGroupFacilitator, {
        cohortId: cohortA.id,
        sessionId: null,
        groupId: lisaGroup.id,
        text: "Niet mijn groep",
      }),
    ).rejects.toThrow(/die jij begeleidt/);
    await createPrompt(people.facilitatorOfCohort, {
      cohortId: cohortA.id,
      sessionId: null,
      groupId: lisaGroup.id,
      text: "Wat nam je mee uit de intervisie?",
    });
    for (const relation of ["author", "groupMember"] as const) {
      expect(
        (await promptsForParticipant(people[relation])).map((p) => p.text),
        relation,
      ).toEqual(["Wat nam je mee uit de intervisie?"]);
    }
    for (const relation of ["duoPartner", "otherGroupMember", "otherParticipant"] as const) {
      expect(await promptsForParticipant(people[relation]), relation).toEqual([]);
    }
  });

  it("counts entries shared with facilitators per cohort for the digest and the start page, not private ones", async () => {
    const { people, cohortA } = await setup();
    const since = new Date(Date.now() - 60_000);
    await writeEntry(people.author, "Gedeeld", "FACILITATORS");
    await writeEntry(people.author, "Privé", "PRIVATE");
    await writeEntry(people.author, "Voor Erik", "DUO");
    const counts = await sharedEntryCountsForDigest(since);
    const forMarco = counts.get(people.facilitatorOfCohort.id);
    expect(forMarco && [...forMarco.cohorts.entries()]).toEqual([[cohortA.id, { name: "Journaal A", count: 1 }]]);
    expect(counts.has(people.facilitatorOfOtherCohort.id)).toBe(false);
    expect((await facilitatorStart(people.facilitatorOfCohort)).journalsAwaitingAnswer).toBe(1);
    expect((await facilitatorStart(people.facilitatorOfOtherCohort)).journalsAwaitingAnswer).toBe(0);
  });

  it("the facilitator's weekly digest counts newly shared entries, without titles or text", async () => {
    const { people } = await setup();
    const entryId = await writeEntry(people.author, "Tekst die niet in een e-mail hoort", "FACILITATORS");
    await prisma.journalEntry.update({ where: { id: entryId }, data: { title: "Titel die niet in een e-mail hoort" } });
    // The next Monday 08:30 (Amsterdam) from now: the digest is due then and covers the entry just shared
    // (using the real clock here made the test fail on Monday nights before 08:00).
    let monday = digestTimeOfWeek(new Date());
    if (monday.getTime() <= Date.now()) monday = new Date(monday.getTime() + 7 * 24 * 60 * 60_000);
    await sendWeeklyDigests(new Date(monday.getTime() + 30 * 60_000));
    const digest = await prisma.emailMessage.findFirstOrThrow({
      where: { kind: "weekly-digest", to: people.facilitatorOfCohort.email },
    });
    expect(digest.text).toContain("Nieuw gedeelde journaalstukken");
    expect(digest.text).toContain("Journaal A: 1 stuk");
    expect(digest.text).not.toContain("niet in een e-mail");
    expect(
      await prisma.emailMessage.count({ where: { kind: "weekly-digest", to: people.facilitatorOfOtherCohort.email } }),
    ).toBe(0);
  });
});

/** The author's entries through Prisma's select (as the journal page read them before): for the comparison. */
function plainOwnEntries(viewer: { id: string }, filter: { q?: string; tag?: string; prompt?: string }) {
  const conditions: Prisma.JournalEntryWhereInput[] = [{ authorId: viewer.id }];
  const q = filter.q?.trim();
  if (q) {
    conditions.push({
      OR: [{ title: { contains: q, mode: "insensitive" } }, { body: { contains: q, mode: "insensitive" } }],
    });
  }
  if (filter.tag) conditions.push({ tags: { has: filter.tag } });
  if (filter.prompt?.startsWith("reflectie:"))
    conditions.push({ reflectieId: filter.prompt.slice("reflectie:".length) });
  if (filter.prompt?.startsWith("vraag:")) conditions.push({ promptId: filter.prompt.slice("vraag:".length) });
  if (filter.prompt === "sessie") conditions.push({ sessionId: { not: null } });
  return prisma.journalEntry.findMany({
    where: { AND: conditions },
    orderBy: [{ writtenOn: "desc" }, { createdAt: "desc" }],
    select: {
      id: true,
      title: true,
      body: true,
      writtenOn: true,
      tags: true,
      audiences: true,
      reflectieId: true,
      updatedAt: true,
      createdAt: true,
      prompt: { select: { id: true, text: true } },
      session: { select: { id: true, number: true, title: true } },
      _count: { select: { replies: true } },
    },
  });
}

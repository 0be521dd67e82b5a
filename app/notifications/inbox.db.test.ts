// Issue 19 ("Telling the cohort something") and issue 16's trail comments: announcements reach exactly their
// audience; the coordinators' own kinds, a participant's reply in a feedback thread and a comment in the
// impact trail are recorded for the right people and nobody else; the inbox's read/unread (and the header's
// count, which comes with the session query); the digest at a person's chosen day and hour.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addFacilitator, createCohort, createEnrollment, createUser } from "../../prisma/factories.ts";
import { requestAs } from "../../tests/support/requests.ts";
import { getAuth } from "~/auth/session.server.ts";
import { createAnnouncement, findAnnouncement, listAnnouncements } from "~/models/announcement.server.ts";
import { submitApplication } from "~/models/application.server.ts";
import { addSubmissionMessage, saveSubmissionBody, submitSubmission } from "~/models/assignment.server.ts";
import { signOff } from "~/models/attendance.server.ts";
import { addTopicComment, createTopic } from "~/models/impact-trail.server.ts";
import { amsterdamTime } from "~/utils/dates.ts";
import { prisma } from "~/utils/db.server.ts";
import { clearEnvCache } from "~/utils/env.server.ts";
import { digestMoment, sendWeeklyDigests } from "./digest.server.ts";
import { announceFailedEmail } from "./failed-email.server.ts";
import { listInbox, markAllRead, openNotification } from "./inbox.server.ts";
import { saveDigestSchedule, savePreferences } from "./preferences.server.ts";

beforeAll(() => {
  process.env.APP_URL = "https://leernetwerk.example";
  clearEnvCache();
});
afterAll(() => {
  delete process.env.APP_URL;
  clearEnvCache();
});

const kindOf = async (kind: string) =>
  (await prisma.notification.findMany({ where: { kind }, select: { userId: true, url: true, title: true } })).sort(
    (a, b) => a.userId.localeCompare(b.userId),
  );
const usersOf = async (kind: string, key?: string) =>
  (
    await prisma.notification.findMany({
      where: { kind, ...(key ? { key: { startsWith: key } } : {}) },
      select: { userId: true },
    })
  )
    .map((row) => row.userId)
    .sort();
const ids = (...people: { id: string }[]) => people.map((person) => person.id).sort();

async function world() {
  const cohort = await createCohort(prisma, {
    status: "RUNNING",
    sessions: [
      { number: 1, title: "Kennismaken", date: "2040-03-10", start: "13:00", end: "16:00", format: "ONLINE" },
      { number: 2, title: "Ophalen", date: "2040-04-10", start: "13:00", end: "16:00", format: "ONLINE" },
    ],
  });
  const sessions = await prisma.cohortSession.findMany({ where: { cohortId: cohort.id }, orderBy: { number: "asc" } });
  const a = await createEnrollment(prisma, {
    cohortId: cohort.id,
    members: [{ function: "BELEIDSMEDEWERKER" }, { function: "ERVARINGSDESKUNDIGE" }],
  });
  const b = await createEnrollment(prisma, {
    cohortId: cohort.id,
    members: [{ function: "BELEIDSMEDEWERKER" }, { function: "ERVARINGSDESKUNDIGE" }],
  });
  const facilitator = await createUser(prisma, { role: "FACILITATOR", name: "Fenna Begeleider" });
  await addFacilitator(prisma, cohort.id, facilitator.id);
  const coordinator = await createUser(prisma, { role: "COORDINATOR", name: "Cor Coördinator" });
  // Someone elsewhere: another cohort's duo and facilitator.
  const other = await createCohort(prisma, { status: "RUNNING" });
  const outsider = (
    await createEnrollment(prisma, { cohortId: other.id, members: [{ function: "BELEIDSMEDEWERKER" }] })
  ).members[0]!;
  const otherFacilitator = await createUser(prisma, { role: "FACILITATOR" });
  await addFacilitator(prisma, other.id, otherFacilitator.id);
  return { cohort, sessions, a, b, facilitator, coordinator, outsider, otherFacilitator };
}

describe("announcements", () => {
  it("reach the whole cohort, the duos of one session (not who signed off), or one intervisie group only", async () => {
    const w = await world();
    const [p1, p2] = [w.a.members[0]!, w.a.members[1]!];
    const [p3, p4] = [w.b.members[0]!, w.b.members[1]!];

    // The whole cohort: both duos and the facilitator; not the coordinator who wrote it, not the outsiders.
    const all = await createAnnouncement(w.coordinator, w.cohort, {
      title: "Welkom",
      body: "Fijn dat jullie er zijn.",
      audience: { kind: "cohort" },
    });
    expect(await usersOf("announcement", `announcement:${all.id}`)).toEqual(ids(p1, p2, p3, p4, w.facilitator));
    const mail = await prisma.emailMessage.findFirstOrThrow({
      where: { kind: "announcement", to: w.a.members[0]!.email },
    });
    expect(mail.subject).toBe("Mededeling: Welkom");
    expect(mail.text).toContain("Fijn dat jullie er zijn.");

    // One session: p4 signed off for it, so p4 is not told.
    await signOff(w.cohort.id, w.sessions[0]!.id, p4.id, "Ziek", new Date("2040-03-01T10:00:00Z"));
    const session = await createAnnouncement(w.facilitator, w.cohort, {
      title: "Neem je vraag mee",
      body: "Voor de eerste bijeenkomst.",
      audience: { kind: "session", sessionId: w.sessions[0]!.id },
    });
    expect(await usersOf("announcement", `announcement:${session.id}`)).toEqual(ids(p1, p2, p3));

    // One intervisie group: its members and its facilitator only; the other duo cannot even read it.
    const group = await prisma.intervisionGroup.create({
      data: {
        cohortId: w.cohort.id,
        name: "Groep Noord",
        members: { create: [{ userId: p1.id }, { userId: p3.id }] },
        facilitators: { create: [{ userId: w.facilitator.id }] },
      },
    });
    const forGroup = await createAnnouncement(w.coordinator, w.cohort, {
      title: "Intervisie verzet",
      body: "We beginnen een uur later.",
      audience: { kind: "group", groupId: group.id },
    });
    expect(await usersOf("announcement", `announcement:${forGroup.id}`)).toEqual(ids(p1, p3, w.facilitator));
    expect(await findAnnouncement(w.cohort.id, forGroup.id, { id: p2.id, relation: "participant" })).toBeNull();
    expect(await findAnnouncement(w.cohort.id, forGroup.id, { id: p3.id, relation: "participant" })).not.toBeNull();
    expect(
      (await listAnnouncements(w.cohort.id, { id: p2.id, relation: "participant" })).map((row) => row.title),
    ).toEqual(["Neem je vraag mee", "Welkom"]);

    // Nobody outside the cohort heard anything; a session or group of another cohort is refused.
    expect(await prisma.notification.count({ where: { userId: { in: [w.outsider.id, w.otherFacilitator.id] } } })).toBe(
      0,
    );
    const otherGroup = await prisma.intervisionGroup.create({
      data: { cohortId: (await createCohort(prisma)).id, name: "X" },
    });
    await expect(
      createAnnouncement(w.coordinator, w.cohort, {
        title: "Mis",
        body: "Mis",
        audience: { kind: "group", groupId: otherGroup.id },
      }),
    ).rejects.toThrow("Kies een intervisiegroep van dit leernetwerk.");
  });
});

describe("the inbox", () => {
  it("lists what someone received, also with e-mail off; opening marks one read; 'alles gelezen' the rest", async () => {
    const w = await world();
    const reader = w.a.members[0]!;
    await savePreferences(reader.id, [{ kind: "announcement", mode: "OFF" }]);
    const first = await createAnnouncement(w.facilitator, w.cohort, {
      title: "Eerste",
      body: "Een",
      audience: { kind: "cohort" },
    });
    await createAnnouncement(w.facilitator, w.cohort, { title: "Tweede", body: "Twee", audience: { kind: "cohort" } });
    // E-mail off: no e-mail, but both are in the inbox.
    expect(await prisma.emailMessage.count({ where: { to: reader.email, kind: "announcement" } })).toBe(0);
    const inbox = await listInbox(reader.id);
    expect(inbox.map((item) => [item.title, item.readAt])).toEqual([
      ["Mededeling van Fenna Begeleider: Tweede", null],
      ["Mededeling van Fenna Begeleider: Eerste", null],
    ]);
    // The header's count comes with the session (no query of its own).
    const unread = async () => (await getAuth(await requestAs(reader.id)))!.user.unreadNotifications;
    expect(await unread()).toBe(2);

    const target = await openNotification(reader.id, inbox[1]!.id);
    expect(target).toBe(`/leernetwerken/${w.cohort.id}/mededelingen/${first.id}`);
    expect(await unread()).toBe(1);
    // Someone else's notification: not opened, not marked.
    expect(await openNotification(w.a.members[1]!.id, inbox[0]!.id)).toBeNull();
    expect(await unread()).toBe(1);
    expect(await markAllRead(reader.id)).toBe(1);
    expect(await unread()).toBe(0);
    expect((await listInbox(reader.id)).every((item) => item.readAt !== null)).toBe(true);
  });
});

describe("the coordinators' own kinds", () => {
  it("a new application, a sign-off, late work and failed e-mail reach every coordinator, nobody else", async () => {
    const w = await world();
    await createUser(prisma, { role: "COORDINATOR" });
    // Coordinators run every cohort: all of them (with an account; one still invited is left out).
    await createUser(prisma, { role: "COORDINATOR", password: null });
    const coordinators = (
      await prisma.user.findMany({ where: { role: "COORDINATOR", passwordHash: { not: null } }, select: { id: true } })
    )
      .map((user) => user.id)
      .sort();
    expect(coordinators).toContain(w.coordinator.id);
    const open = await createCohort(prisma, { status: "APPLICATIONS_OPEN" });
    const application = await submitApplication(open.slug, {
      municipality: "Zwolle",
      contactName: "Anna",
      contactEmail: "anna@zwolle.example",
      contactPhone: "0612345678",
      vraagstuk: "Hoe halen we ervaringen op?",
      members: [
        { slot: "member1", name: "Anna", email: "anna@zwolle.example", function: "BELEIDSMEDEWERKER" },
        { slot: "member2", name: "Bert", email: "bert@zwolle.example", function: "ERVARINGSDESKUNDIGE" },
      ],
    });
    const applications = await kindOf("application-new");
    expect(applications.map((row) => row.userId).sort()).toEqual(coordinators);
    expect(applications[0]!.url).toBe(
      `https://leernetwerk.example/leernetwerken/${open.id}/aanmeldingen/${application.id}`,
    );

    const participant = w.a.members[0]!;
    await signOff(w.cohort.id, w.sessions[1]!.id, participant.id, "Vakantie", new Date("2040-03-01T10:00:00Z"));
    // Changing the reason is not news again.
    await signOff(w.cohort.id, w.sessions[1]!.id, participant.id, "Op vakantie", new Date("2040-03-02T10:00:00Z"));
    expect(await usersOf("session-signoff", `session-signoff:${w.sessions[1]!.id}`)).toEqual(coordinators);
    const signoffMail = await prisma.notification.findFirstOrThrow({
      where: { kind: "session-signoff", key: { startsWith: `session-signoff:${w.sessions[1]!.id}` } },
    });
    expect(signoffMail.title).not.toContain("Vakantie");

    const assignment = await prisma.assignment.create({
      data: { sessionId: w.sessions[0]!.id, title: "Het vraagstuk", dueAt: new Date("2040-03-01T12:00:00Z") },
    });
    const viewer = { id: participant.id, role: "PARTICIPANT" as const, name: participant.name };
    await saveSubmissionBody(viewer, assignment.id, "Ons vraagstuk", 0);
    expect(await submitSubmission(viewer, assignment.id, new Date("2040-03-05T12:00:00Z"))).toEqual({ late: true });
    expect(await usersOf("submission-late")).toEqual(coordinators);

    // A failed e-mail, told once per message (the scan runs every few minutes); a failed "email-failed" is not.
    const failed = await prisma.emailMessage.create({
      data: {
        idempotencyKey: "x-1",
        kind: "invitation",
        to: "weg@example.test",
        subject: "Uitnodiging",
        html: "",
        text: "",
        status: "FAILED",
      },
    });
    await prisma.emailMessage.create({
      data: {
        idempotencyKey: "x-2",
        kind: "email-failed",
        to: "c@example.test",
        subject: "Niet afgeleverd",
        html: "",
        text: "",
        status: "FAILED",
      },
    });
    expect(await announceFailedEmail()).toEqual({ failed: 1 });
    expect(await announceFailedEmail()).toEqual({ failed: 0 });
    const failures = await kindOf("email-failed");
    expect(failures.map((row) => row.userId).sort()).toEqual(coordinators);
    expect(failures[0]!.url).toBe(`https://leernetwerk.example/beheer/e-mail/${failed.id}`);

    // None of these reached a participant or a facilitator.
    const kinds = ["application-new", "session-signoff", "submission-late", "email-failed"];
    expect(await prisma.notification.count({ where: { kind: { in: kinds }, userId: { notIn: coordinators } } })).toBe(
      0,
    );
  });
});

describe("a participant's reply in a feedback thread", () => {
  it("notifies the facilitator who gave feedback, not the other facilitator or the writer", async () => {
    const w = await world();
    const quiet = await createUser(prisma, { role: "FACILITATOR" });
    await addFacilitator(prisma, w.cohort.id, quiet.id);
    const assignment = await prisma.assignment.create({
      data: { sessionId: w.sessions[1]!.id, title: "Plan", dueAt: new Date("2040-05-01T12:00:00Z") },
    });
    const [writer, partner] = w.a.members as [typeof w.facilitator, typeof w.facilitator];
    const viewer = { id: writer.id, role: "PARTICIPANT" as const, name: writer.name };
    await saveSubmissionBody(viewer, assignment.id, "Ons plan", 0);
    await submitSubmission(viewer, assignment.id, new Date("2040-04-01T12:00:00Z"));
    const submission = await prisma.assignmentSubmission.findFirstOrThrow({ where: { assignmentId: assignment.id } });
    await addSubmissionMessage(w.facilitator, submission.id, "Mooi begin.");
    expect(await usersOf("submission-reply")).toEqual([]);
    await addSubmissionMessage(viewer, submission.id, "Dank je, we passen het aan.");
    const replies = await kindOf("submission-reply");
    expect(replies.map((row) => row.userId)).toEqual([w.facilitator.id]);
    expect(replies[0]!.url).toBe(
      `https://leernetwerk.example/leernetwerken/${w.cohort.id}/opdrachten/${assignment.id}/inzendingen/${submission.id}`,
    );
    const email = await prisma.emailMessage.findFirstOrThrow({ where: { kind: "submission-reply" } });
    expect(email.text).not.toContain("passen het aan");
    expect(await usersOf("submission-reply")).not.toContain(partner.id);
  });
});

describe("a comment in the impact trail (issue 16)", () => {
  it("tells the municipality's duo; a duo member's comment also the facilitator who commented; never the writer", async () => {
    const w = await world();
    const [editor, partner] = w.a.members as [typeof w.facilitator, typeof w.facilitator];
    const municipalityId = w.a.municipality.id;
    const topic = await createTopic(editor, municipalityId, { title: "Armoedebeleid", description: "" });
    await addTopicComment(w.facilitator, municipalityId, topic.id, null, "Goede eerste stap.");
    expect(await usersOf("impact-trail-comment")).toEqual(ids(editor, partner));
    await prisma.notification.deleteMany({ where: { kind: "impact-trail-comment" } });
    await addTopicComment(editor, municipalityId, topic.id, null, "Dank, we gaan verder.");
    expect(await usersOf("impact-trail-comment")).toEqual(ids(partner, w.facilitator));
    // The other duo of the cohort hears nothing of this municipality's trail.
    expect(
      await prisma.notification.count({
        where: { kind: "impact-trail-comment", userId: { in: w.b.members.map((m) => m.id) } },
      }),
    ).toBe(0);
  });
});

describe("the digest at a chosen moment", () => {
  it("weekly on the chosen day and hour (Amsterdam), daily at the chosen hour, once per period", async () => {
    const weekly = { frequency: "WEEKLY" as const, weekday: 3, hour: 18 };
    // Wednesday 18:00 Amsterdam of the week of Monday 7 January 2041 (winter time: 17:00 UTC).
    expect(digestMoment(weekly, new Date("2041-01-08T12:00:00Z")).toISOString()).toBe("2041-01-09T17:00:00.000Z");
    expect(
      digestMoment({ frequency: "DAILY", weekday: 1, hour: 7 }, new Date("2041-07-08T12:00:00Z")).toISOString(),
    ).toBe("2041-07-08T05:00:00.000Z");

    const w = await world();
    const person = w.a.members[0]!;
    await savePreferences(person.id, [{ kind: "announcement", mode: "DIGEST" }]);
    await saveDigestSchedule(person.id, weekly);
    await createAnnouncement(w.facilitator, w.cohort, {
      title: "Voor later",
      body: "Tekst",
      audience: { kind: "cohort" },
    });
    const digests = () => prisma.emailMessage.findMany({ where: { to: person.email, kind: "weekly-digest" } });
    // Monday 10:00 (the default moment): not this person's moment yet.
    await sendWeeklyDigests(new Date("2041-01-07T09:00:00Z"));
    expect(await digests()).toHaveLength(0);
    // Wednesday 17:30 Amsterdam: still not.
    await sendWeeklyDigests(new Date("2041-01-09T16:30:00Z"));
    expect(await digests()).toHaveLength(0);
    // Wednesday 18:05: sent, with the announcement; the next hour nothing again.
    await sendWeeklyDigests(new Date("2041-01-09T17:05:00Z"));
    await sendWeeklyDigests(new Date("2041-01-09T18:05:00Z"));
    const sent = await digests();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.subject).toBe("Je wekelijkse samenvatting, week van woensdag 9 januari 2041");
    expect(sent[0]!.text).toContain("Mededeling in je leernetwerk:\n- Mededeling van Fenna Begeleider: Voor later");

    // Daily at 07:00: the next item goes the next morning.
    await saveDigestSchedule(person.id, { frequency: "DAILY", weekday: 1, hour: 7 });
    await createAnnouncement(w.facilitator, w.cohort, { title: "Morgen", body: "Tekst", audience: { kind: "cohort" } });
    await sendWeeklyDigests(new Date(amsterdamTime("2041-01-10", "06:30")));
    expect(await digests()).toHaveLength(1);
    await sendWeeklyDigests(new Date(amsterdamTime("2041-01-10", "07:10")));
    const daily = (await digests()).find((message) => message.subject.startsWith("Je dagelijkse"));
    expect(daily?.subject).toBe("Je dagelijkse samenvatting van donderdag 10 januari 2041");
    expect(daily?.text).toContain("Morgen");
  });
});

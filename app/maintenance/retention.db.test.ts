// Retention (issue 15): the dry run, the notice sent once, the deletion of a closed cohort's personal work
// when its clock runs out (idempotent: run twice), another cohort untouched, and the purge of records past
// their term. PGlite and PostgreSQL.
import { describe, expect, it } from "vitest";
import { createCohort, createEnrollment, createUser } from "../../prisma/factories.ts";
import { setClosingStep } from "~/models/cohort-closing.server.ts";
import { keepJournalEntry, keepSubmission } from "~/models/impact-trail-keep.server.ts";
import { fileStorage, newStorageKey } from "~/storage/files.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { allJobs } from "../../jobs/registry.ts";
import {
  countRetention,
  listRetentionPlan,
  purgeStaleRecords,
  REMOVED_BODY,
  recordTerms,
  runRetention,
} from "./retention.server.ts";

const DAY = 24 * 60 * 60_000;

/** A cohort with one duo and personal work of every kind that retention deletes. */
async function cohortWithWork(label: string) {
  const cohort = await createCohort(prisma, {
    name: `Leernetwerk ${label}`,
    status: "RUNNING",
    startsOn: "2025-01-01",
    endsOn: "2025-06-30",
    sessions: [{ number: 1, title: "Eerste", date: "2025-02-01", start: "13:00", end: "16:00", format: "ONLINE" }],
  });
  const { enrollment, members } = await createEnrollment(prisma, {
    cohortId: cohort.id,
    municipality: `${label} ${cohort.id.slice(0, 6)}`,
    members: [
      { name: `${label} Een`, function: "BELEIDSMEDEWERKER" },
      { name: `${label} Twee`, function: "LEIDINGGEVENDE" },
    ],
  });
  const [author, partner] = members as [(typeof members)[0], (typeof members)[0]];
  const session = await prisma.cohortSession.findFirstOrThrow({ where: { cohortId: cohort.id } });
  await prisma.journalEntry.create({
    data: { authorId: author.id, enrollmentId: enrollment.id, writtenOn: new Date("2025-02-02"), body: "Privé" },
  });
  const group = await prisma.intervisionGroup.create({ data: { cohortId: cohort.id, name: "Groep 1" } });
  const meeting = await prisma.intervisionMeeting.create({
    data: { groupId: group.id, startsAt: session.startsAt, endsAt: session.endsAt },
  });
  const item = await prisma.intervisionCase.create({
    data: { meetingId: meeting.id, authorId: author.id, title: "Casus", situation: "Situatie", question: "Vraag" },
  });
  await prisma.intervisionNote.create({ data: { caseId: item.id, step: 1, kind: "QUESTION", body: "Notitie" } });
  await prisma.selfScanResponse.create({
    data: {
      enrollmentId: enrollment.id,
      scanId: "verkenning",
      moment: "END",
      respondentKey: "duo",
      answers: { a: { value: 4, remark: "Gevoelig" }, b: { value: 2 }, c: { choice: "go", reasons: "Omdat" } },
    },
  });
  const assignment = await prisma.assignment.create({
    data: { sessionId: session.id, title: "Opdracht", dueAt: session.startsAt },
  });
  const submission = await prisma.assignmentSubmission.create({
    data: { assignmentId: assignment.id, enrollmentId: enrollment.id, ownerKey: enrollment.id, body: "Onze tekst" },
  });
  const storageKey = newStorageKey("submissions", submission.id);
  await prisma.submissionAttachment.create({
    data: { submissionId: submission.id, storageKey, fileName: "plan.pdf", contentType: "application/pdf", size: 13 },
  });
  await fileStorage().put(storageKey, new TextEncoder().encode("%PDF-1.4 test"));
  await prisma.submissionMessage.create({
    data: { submissionId: submission.id, authorId: partner.id, body: "Feedback" },
  });
  return { cohort, enrollment, author, partner, storageKey };
}

const everything = {
  journalEntries: 1,
  intervisionCases: 1,
  intervisionNotes: 1,
  selfScanRemarks: 1,
  assignmentTexts: 1,
  assignmentMessages: 1,
  uploads: 1,
};

describe("retention of a closed cohort", () => {
  it("is a daily job in the registry (in-process without Redis, on Bull with it)", () => {
    const job = allJobs.find((candidate) => candidate.name === "retention");
    expect(job?.everyMs).toBe(DAY);
  });

  it("shows a dry run, notifies once, deletes the work when the clock runs out, and running it twice changes nothing", async () => {
    const coordinator = await createUser(prisma, { role: "COORDINATOR" });
    const closed = await cohortWithWork("Gesloten");
    const other = await cohortWithWork("Lopend");
    const startedAt = new Date("2025-07-01T10:00:00Z");
    await setClosingStep({ cohortId: closed.cohort.id, step: "retention", done: true }, coordinator, startedAt);
    const endsAt = new Date("2026-07-01T10:00:00Z");
    // The other cohort's clock started later: it runs out after this test's last run.
    await setClosingStep(
      { cohortId: other.cohort.id, step: "retention", done: true },
      coordinator,
      new Date("2025-10-01T10:00:00Z"),
    );

    // The dry run: counts per kind (one statement for all cohorts, the same as the per-cohort count), the dates.
    const plan = await listRetentionPlan();
    expect(plan.map((row) => row.cohort.id)).toEqual([closed.cohort.id, other.cohort.id]);
    expect(plan[1]!.counts).toEqual(everything);
    expect(plan[0]!.counts).toEqual(await countRetention(closed.cohort.id));
    expect(plan[0]).toMatchObject({
      cohort: { id: closed.cohort.id },
      endsAt,
      noticeAt: new Date(endsAt.getTime() - 28 * DAY),
      counts: everything,
    });
    expect(await prisma.journalEntry.count()).toBe(2);

    // Before the notice period: nothing happens.
    const early = await runRetention(new Date(endsAt.getTime() - 40 * DAY));
    expect(early.notices).toBe(0);
    expect(await prisma.emailMessage.count({ where: { kind: "retention-notice" } })).toBe(0);

    // In the notice period: one e-mail per participant with the download link, once.
    const noticeTime = new Date(endsAt.getTime() - 20 * DAY);
    expect((await runRetention(noticeTime)).notices).toBe(2);
    expect((await runRetention(noticeTime)).notices).toBe(0);
    const notices = await prisma.emailMessage.findMany({ where: { kind: "retention-notice" } });
    expect(notices.map((m) => m.to).sort()).toEqual([closed.author.email, closed.partner.email].sort());
    expect(notices[0]!.text).toContain("/account/mijn-gegevens");
    expect(notices[0]!.text).toContain("1 juli 2026");
    expect(notices[0]!.text).toContain("Bewaren in het impactspoor");
    expect(await prisma.journalEntry.count()).toBe(2);

    // The clock has run out: the closed cohort's work is deleted, the other cohort's stays.
    const after = new Date(endsAt.getTime() + DAY);
    const first = await runRetention(after);
    expect(first.cohorts).toEqual({ [closed.cohort.id]: everything });
    const inCohort = (cohortId: string) => ({ enrollment: { cohortId } });
    expect(await prisma.journalEntry.count({ where: inCohort(closed.cohort.id) })).toBe(0);
    expect(await prisma.intervisionCase.count({ where: { meeting: { group: { cohortId: closed.cohort.id } } } })).toBe(
      0,
    );
    expect(
      await prisma.intervisionNote.count({ where: { case: { meeting: { group: { cohortId: closed.cohort.id } } } } }),
    ).toBe(0);
    const response = await prisma.selfScanResponse.findFirstOrThrow({ where: inCohort(closed.cohort.id) });
    expect(response.answers).toEqual({ a: { value: 4 }, b: { value: 2 }, c: { choice: "go" } });
    const submission = await prisma.assignmentSubmission.findFirstOrThrow({ where: inCohort(closed.cohort.id) });
    expect(submission.body).toBe("");
    expect(await prisma.submissionMessage.count({ where: { submissionId: submission.id } })).toBe(0);
    expect(await prisma.submissionAttachment.count({ where: { submissionId: submission.id } })).toBe(0);
    expect(await fileStorage().get(closed.storageKey)).toBeNull();

    expect(await prisma.journalEntry.count({ where: inCohort(other.cohort.id) })).toBe(1);
    expect(await prisma.submissionAttachment.count({ where: { submission: inCohort(other.cohort.id) } })).toBe(1);
    expect(await fileStorage().get(other.storageKey)).not.toBeNull();

    // Twice: nothing more, no second audit entry; the dry run says it was done.
    const second = await runRetention(new Date(after.getTime() + DAY));
    expect(second).toMatchObject({ notices: 0, cohorts: {} });
    expect(await prisma.auditLog.count({ where: { action: "retention.applied", entityId: closed.cohort.id } })).toBe(1);
    expect(await prisma.auditLog.count({ where: { action: "retention.notice", entityId: closed.cohort.id } })).toBe(1);
    const applied = await prisma.auditLog.findFirstOrThrow({ where: { action: "retention.applied" } });
    expect(applied.details).toEqual(everything);
    const planAfter = await listRetentionPlan();
    expect(planAfter[0]).toMatchObject({ appliedAt: after, counts: null });
    expect(planAfter[1]!.counts).toEqual(everything);
    await fileStorage().delete(other.storageKey);
  });
});

describe("purge of records past their term", () => {
  it("what the duo kept in the impact trail (a submission with its file, a journal entry) stays; the originals go", async () => {
    const coordinator = await createUser(prisma, { role: "COORDINATOR" });
    const closed = await cohortWithWork("Bewaard");
    const submission = await prisma.assignmentSubmission.findFirstOrThrow({
      where: { enrollmentId: closed.enrollment.id },
    });
    const entry = await prisma.journalEntry.findFirstOrThrow({ where: { enrollmentId: closed.enrollment.id } });
    // The partner keeps the duo's submission under a new topic; the author keeps their own journal entry there.
    const keptSubmission = await keepSubmission(closed.partner, submission.id, { newTopicTitle: "Wat we leerden" });
    expect(keptSubmission).not.toBeNull();
    const keptEntry = await keepJournalEntry(closed.author, entry.id, { topicId: keptSubmission!.topicId });
    expect(keptEntry?.topicId).toBe(keptSubmission!.topicId);
    // Only the author keeps a journal entry; a wrong target is refused in Dutch.
    expect(await keepJournalEntry(closed.partner, entry.id, { topicId: keptSubmission!.topicId })).toBeNull();
    await expect(keepJournalEntry(closed.author, entry.id, { newTopicTitle: " " })).rejects.toThrow(
      "Geef het nieuwe onderwerp een titel.",
    );

    await setClosingStep(
      { cohortId: closed.cohort.id, step: "retention", done: true },
      coordinator,
      new Date("2025-07-01T10:00:00Z"),
    );
    await runRetention(new Date("2026-07-02T10:00:00Z"));
    expect(await prisma.journalEntry.count({ where: { id: entry.id } })).toBe(0);
    expect(await prisma.submissionAttachment.count({ where: { submissionId: submission.id } })).toBe(0);
    expect(await prisma.storedFile.count({ where: { key: closed.storageKey } })).toBe(0);
    const kept = await prisma.policyTopicDocument.findMany({
      where: { topic: { municipalityId: closed.enrollment.municipalityId } },
      orderBy: { createdAt: "asc" },
      select: { body: true, source: true, keptById: true, files: { select: { fileName: true, bytes: true } } },
    });
    expect(kept).toHaveLength(2);
    expect(kept[0]).toMatchObject({ body: "Onze tekst", keptById: closed.partner.id });
    expect(kept[0]!.source).toContain("Opdracht");
    expect(kept[0]!.files.map((file) => file.fileName)).toEqual(["plan.pdf"]);
    expect(new TextDecoder().decode(kept[0]!.files[0]!.bytes)).toBe("%PDF-1.4 test");
    expect(kept[1]).toMatchObject({ keptById: closed.author.id });
    expect(kept[1]!.source).toContain("Journaal");
  });

  it("empties delivered e-mail, removes rejected applications, sent notifications and old audit entries; keeps the rest", async () => {
    // Now: the audit entries the first test wrote are recent and stay.
    const now = new Date();
    const ago = (days: number) => new Date(now.getTime() - days * DAY);
    const user = await createUser(prisma);
    const cohort = await createCohort(prisma);
    const mail = (key: string, status: "SENT" | "STORED", sentAt: Date | null) =>
      prisma.emailMessage.create({
        data: {
          idempotencyKey: key,
          kind: "test",
          to: user.email,
          subject: "Onderwerp",
          html: "<p>Hallo</p>",
          text: "Hallo",
          status,
          sentAt,
        },
      });
    const oldMail = await mail("old", "SENT", ago(recordTerms.emailBodyDays + 1));
    const recentMail = await mail("recent", "SENT", ago(recordTerms.emailBodyDays - 1));
    const stored = await mail("stored", "STORED", null);
    const application = (key: string, status: "REJECTED" | "ADMITTED", decidedAt: Date) =>
      prisma.application.create({
        data: {
          cohortId: cohort.id,
          municipalityName: key,
          municipalityKey: key,
          contactName: "Contact",
          contactEmail: `${key}@voorbeeld.test`,
          contactPhone: "0612345678",
          vraagstuk: "Vraag",
          status,
          decidedAt,
          members: {
            create: [{ position: 1, name: "Lid", email: `lid-${key}@voorbeeld.test`, function: "BELEIDSMEDEWERKER" }],
          },
        },
      });
    await application("oud-afgewezen", "REJECTED", ago(recordTerms.rejectedApplicationDays + 1));
    const recentRejected = await application("recent-afgewezen", "REJECTED", ago(10));
    const admitted = await application("oud-toegelaten", "ADMITTED", ago(1000));
    const notification = (key: string, status: "EMAILED" | "DIGESTED" | "PENDING", processedAt: Date | null) =>
      prisma.notification.create({
        data: {
          key,
          userId: user.id,
          kind: "session-reminder",
          mode: "IMMEDIATE",
          status,
          title: "t",
          url: "/",
          processedAt,
        },
      });
    await notification("n-old", "EMAILED", ago(recordTerms.sentNotificationDays + 1));
    await notification("n-old-digest", "DIGESTED", ago(recordTerms.sentNotificationDays + 5));
    await notification("n-recent", "EMAILED", ago(1));
    await notification("n-pending", "PENDING", null);
    await prisma.auditLog.createMany({
      data: [
        { action: "old", entityType: "Test", createdAt: ago(recordTerms.auditDays + 1) },
        { action: "recent", entityType: "Test", createdAt: ago(10) },
      ],
    });

    expect(await purgeStaleRecords(now)).toEqual({
      emailBodies: 1,
      rejectedApplications: 1,
      notifications: 2,
      auditEntries: 1,
    });
    const emptied = await prisma.emailMessage.findUniqueOrThrow({ where: { id: oldMail.id } });
    expect(emptied).toMatchObject({ text: REMOVED_BODY, subject: "Onderwerp", to: user.email, status: "SENT" });
    expect(emptied.html).not.toContain("Hallo");
    expect((await prisma.emailMessage.findUniqueOrThrow({ where: { id: recentMail.id } })).text).toBe("Hallo");
    expect((await prisma.emailMessage.findUniqueOrThrow({ where: { id: stored.id } })).text).toBe("Hallo");
    expect(
      (await prisma.application.findMany({ orderBy: { municipalityKey: "asc" } })).map((a) => a.id).sort(),
    ).toEqual([recentRejected.id, admitted.id].sort());
    expect(await prisma.applicationMember.count({ where: { email: "lid-oud-afgewezen@voorbeeld.test" } })).toBe(0);
    expect((await prisma.notification.findMany()).map((n) => n.key).sort()).toEqual(["n-pending", "n-recent"]);
    expect((await prisma.auditLog.findMany({ where: { entityType: "Test" } })).map((a) => a.action)).toEqual([
      "recent",
    ]);
    expect(await prisma.auditLog.count({ where: { action: "retention.purged" } })).toBe(1);

    // Idempotent: a second run finds nothing, and records no audit entry for nothing.
    expect(await purgeStaleRecords(now)).toEqual({
      emailBodies: 0,
      rejectedApplications: 0,
      notifications: 0,
      auditEntries: 0,
    });
    expect(await prisma.auditLog.count({ where: { action: "retention.purged" } })).toBe(1);
  });
});

// The coordinator's and the facilitator's start pages load in a few queries (the cohorts with their
// sessions and open applications nested, the invitation and e-mail counts in one statement); they must say
// what the plain query per part says. Its own file, so its own database: the exact counts below are this
// test's data only.
import { describe, expect, it } from "vitest";
import { addFacilitator, createCohort, createUser } from "../../prisma/factories.ts";
import { createCohortWorld } from "../../tests/support/cohort-world.ts";
import { prisma } from "~/utils/db.server.ts";
import { listCohortsForUser, sessionSummarySelect } from "./cohort.server.ts";
import { countAwaitingAnswer } from "./journal.server.ts";
import { coordinatorStart, facilitatorStart, facilitatorStartRows } from "./start-page.server.ts";

describe("the coordinator's and the facilitator's start pages in a few queries", () => {
  const DAY = 24 * 60 * 60_000;
  const sessionSelect = { ...sessionSummarySelect, cohort: { select: { id: true, name: true } } } as const;

  it("show the cohorts, sessions, open applications, invitations and failed e-mails the plain queries find", async () => {
    const now = new Date();
    const first = await createCohortWorld(prisma, { duos: 2, now });
    // The second cohort a day later, so that no two sessions start at the same moment.
    const second = await createCohortWorld(prisma, { duos: 2, now: new Date(now.getTime() + DAY) });
    // A cohort without sessions or applications, a cancelled session, the facilitator in both cohorts.
    await createCohort(prisma, { status: "APPLICATIONS_OPEN", capacity: 4 });
    await prisma.cohortSession.update({ where: { id: second.sessions[2]!.id }, data: { cancelledAt: now } });
    await addFacilitator(prisma, second.cohort.id, first.facilitator.id);
    // An expired, a revoked and an accepted invitation; a failed and a sent e-mail.
    const invitation = { email: "iemand@voorbeeld.test", role: "PARTICIPANT" as const };
    await prisma.invitation.createMany({
      data: [
        { ...invitation, tokenHash: "verlopen", expiresAt: new Date(now.getTime() - DAY) },
        { ...invitation, tokenHash: "ingetrokken", expiresAt: new Date(now.getTime() + DAY), revokedAt: now },
        { ...invitation, tokenHash: "aangenomen", expiresAt: new Date(now.getTime() + DAY), acceptedAt: now },
      ],
    });
    const email = { kind: "test", to: "iemand@voorbeeld.test", subject: "Test", html: "", text: "" };
    await prisma.emailMessage.createMany({
      data: [
        { ...email, idempotencyKey: "mislukt", status: "FAILED" },
        { ...email, idempotencyKey: "verstuurd", status: "SENT" },
      ],
    });

    const coordinator = await coordinatorStart(now);
    const open = { acceptedAt: null, revokedAt: null };
    expect(coordinator.cohorts).toEqual(await listCohortsForUser({ id: "", role: "COORDINATOR" }));
    expect(coordinator.openInvitations).toBe(
      await prisma.invitation.count({ where: { ...open, expiresAt: { gt: now } } }),
    );
    expect(coordinator.expiredInvitations).toBe(
      await prisma.invitation.count({ where: { ...open, expiresAt: { lte: now } } }),
    );
    expect([coordinator.openInvitations, coordinator.expiredInvitations, coordinator.failedEmails]).toEqual([2, 1, 1]);
    const upcoming = await prisma.cohortSession.findMany({
      where: { startsAt: { gte: now, lte: new Date(now.getTime() + 14 * DAY) } },
      orderBy: { startsAt: "asc" },
      select: sessionSelect,
    });
    expect(coordinator.upcomingSessions).toEqual(upcoming);
    expect(upcoming.length).toBe(2);
    const openApplications = await prisma.cohort.findMany({
      where: { applications: { some: { status: { in: ["SUBMITTED", "INTAKE_PLANNED"] } } } },
      orderBy: { startsOn: "asc" },
      select: {
        id: true,
        name: true,
        _count: { select: { applications: { where: { status: { in: ["SUBMITTED", "INTAKE_PLANNED"] } } } } },
      },
    });
    expect(coordinator.openApplications).toEqual(openApplications);
    expect(openApplications.map((cohort) => cohort._count.applications)).toEqual([3, 3]);
    expect(coordinator.cohortsWithRoom.map((cohort) => cohort.status)).toEqual(["APPLICATIONS_OPEN"]);

    const user = { id: first.facilitator.id, role: "FACILITATOR" as const };
    const facilitator = await facilitatorStart(user, now);
    expect(facilitator.cohorts).toEqual(await listCohortsForUser(user));
    expect(facilitator.cohorts.length).toBe(2);
    const next = await prisma.cohortSession.findMany({
      where: { startsAt: { gte: now }, cancelledAt: null, cohort: { facilitators: { some: { userId: user.id } } } },
      orderBy: { startsAt: "asc" },
      take: 5,
      select: sessionSelect,
    });
    expect(facilitator.nextSessions).toEqual(next);
    expect(next.length).toBe(5);
    // The other facilitator of the second cohort sees only its sessions.
    const other = await createUser(prisma, { role: "FACILITATOR" });
    await addFacilitator(prisma, second.cohort.id, other.id);
    const theirs = await facilitatorStart({ id: other.id, role: "FACILITATOR" }, now);
    expect(theirs.nextSessions.map((session) => session.cohort.id)).toEqual([second.cohort.id, second.cohort.id]);
  });

  it("counts invitations expiring within the current minute by the exact moment", async () => {
    // Half-way through a minute; invitations at the minute's edges and just around the moment itself.
    const minute = Math.floor(Date.now() / 60_000) * 60_000;
    const now = new Date(minute + 30_000);
    const invitation = { email: "later@voorbeeld.test", role: "PARTICIPANT" as const };
    await prisma.invitation.createMany({
      data: [minute, minute + 29_999, minute + 30_000, minute + 30_001, minute + 60_000].map((moment) => ({
        ...invitation,
        tokenHash: `rand-${moment}`,
        expiresAt: new Date(moment),
      })),
    });
    const open = { acceptedAt: null, revokedAt: null };
    const coordinator = await coordinatorStart(now);
    const plainOpen = await prisma.invitation.count({ where: { ...open, expiresAt: { gt: now } } });
    const plainExpired = await prisma.invitation.count({ where: { ...open, expiresAt: { lte: now } } });
    expect([coordinator.openInvitations, coordinator.expiredInvitations]).toEqual([plainOpen, plainExpired]);
    // A moment later in the same minute, one more has expired.
    const later = await coordinatorStart(new Date(minute + 30_001));
    expect([later.openInvitations, later.expiredInvitations]).toEqual([plainOpen - 1, plainExpired + 1]);
  });

  it("reads the facilitator's rows in one statement exactly as the nested select through Prisma did", async () => {
    const now = new Date();
    const world = await createCohortWorld(prisma, { duos: 3, now });
    const [first, second, third] = world.duos;
    // Work waiting: one handed in without feedback, one draft asking for early feedback (by one person),
    // one whose early feedback was answered; a session led by the facilitator; a meeting still to come.
    const open = await prisma.assignmentSubmission.findFirstOrThrow({
      where: { enrollmentId: first!.enrollment.id, submittedAt: null },
    });
    await prisma.assignmentSubmission.update({ where: { id: open.id }, data: { submittedAt: now } });
    await prisma.assignmentSubmission.updateMany({
      where: { enrollmentId: second!.enrollment.id, submittedAt: null },
      data: { earlyFeedbackRequestedAt: now, userId: second!.members[0]!.id },
    });
    await prisma.assignmentSubmission.updateMany({
      where: { enrollmentId: third!.enrollment.id, submittedAt: null },
      data: { earlyFeedbackRequestedAt: now, earlyFeedbackAnsweredAt: now },
    });
    await prisma.cohortSession.update({
      where: { id: world.sessions[2]!.id },
      data: { leaderId: world.facilitator.id },
    });
    const group = await prisma.intervisionGroup.findFirstOrThrow({ where: { cohortId: world.cohort.id } });
    await prisma.intervisionMeeting.create({
      data: {
        groupId: group.id,
        startsAt: new Date(now.getTime() + DAY),
        endsAt: new Date(now.getTime() + DAY + 60 * 60_000),
        methodSlug: "incidentmethode",
      },
    });
    const from = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
    const facilitators = await prisma.cohortFacilitator.findMany({ select: { userId: true } });
    const nobody = await createUser(prisma, { role: "FACILITATOR" });
    for (const userId of [...new Set(facilitators.map((row) => row.userId)), nobody.id]) {
      const plain = await plainFacilitatorRows(userId, from);
      const rows = await facilitatorStartRows(userId, from);
      expect(sorted(rows)).toEqual(sorted(plain));
    }
    const mine = await facilitatorStartRows(world.facilitator.id, from);
    const waiting = mine.facilitatedCohorts.flatMap(({ cohort }) =>
      cohort.enrollments.flatMap((enrollment) => enrollment.assignmentSubmissions),
    );
    expect(waiting.length).toBeGreaterThanOrEqual(2);
    expect(waiting.some((submission) => submission.user)).toBe(true);
    expect(mine.ledSessions.length).toBe(1);
    const groupFacilitator = await prisma.intervisionFacilitator.findFirstOrThrow({ where: { groupId: group.id } });
    const theirs = await facilitatorStartRows(groupFacilitator.userId, from);
    expect(theirs.intervisionFacilitated.find((row) => row.group.id === group.id)?.group.meetings.length).toBe(1);
  });
});

/** The same rows as facilitatorStartRows, through Prisma's nested select and countAwaitingAnswer (as the page read them before). */
async function plainFacilitatorRows(userId: string, from: Date) {
  const me = await prisma.user.findUnique({
    where: { id: userId },
    select: {
      facilitatedCohorts: {
        orderBy: { cohort: { startsOn: "desc" } },
        select: {
          cohort: {
            select: {
              id: true,
              name: true,
              theme: true,
              status: true,
              startsOn: true,
              endsOn: true,
              capacity: true,
              _count: { select: { enrollments: { where: { status: "ACTIVE" } }, sessions: true } },
              sessions: {
                where: { startsAt: { gte: from }, cancelledAt: null },
                orderBy: { startsAt: "asc" },
                take: 5,
                select: sessionSummarySelect,
              },
              enrollments: {
                where: { status: "ACTIVE" },
                select: {
                  municipality: { select: { name: true } },
                  assignmentSubmissions: {
                    where: {
                      feedbackAt: null,
                      OR: [
                        { submittedAt: { not: null } },
                        { earlyFeedbackRequestedAt: { not: null }, earlyFeedbackAnsweredAt: null },
                      ],
                    },
                    select: {
                      id: true,
                      submittedAt: true,
                      earlyFeedbackRequestedAt: true,
                      user: { select: { name: true } },
                      assignment: { select: { id: true, title: true } },
                    },
                  },
                },
              },
            },
          },
        },
      },
      ledSessions: {
        where: { startsAt: { gte: from }, cancelledAt: null },
        orderBy: { startsAt: "asc" },
        take: 5,
        select: { ...sessionSummarySelect, cohort: { select: { id: true, name: true } } },
      },
      intervisionFacilitated: {
        orderBy: { group: { name: "asc" } },
        select: {
          group: {
            select: {
              id: true,
              name: true,
              cohort: { select: { name: true } },
              meetings: {
                where: { startsAt: { gte: from }, finishedAt: null },
                orderBy: { startsAt: "asc" },
                take: 1,
                select: { id: true, startsAt: true, endsAt: true },
              },
            },
          },
        },
      },
    },
  });
  // The shared journal entries waiting for an answer: the definition through journalAccessWhere's rule.
  const journalsAwaitingAnswer = await countAwaitingAnswer({ id: userId });
  return { ...(me ?? { facilitatedCohorts: [], ledSessions: [], intervisionFacilitated: [] }), journalsAwaitingAnswer };
}

/** The lists in an order of their own where the query sets none (duos and their submissions). */
function sorted(rows: Awaited<ReturnType<typeof plainFacilitatorRows>>) {
  const byKey = <T>(items: T[], key: (item: T) => string) => [...items].sort((a, b) => key(a).localeCompare(key(b)));
  return {
    ...rows,
    facilitatedCohorts: rows.facilitatedCohorts.map(({ cohort }) => ({
      cohort: {
        ...cohort,
        enrollments: byKey(
          cohort.enrollments.map((enrollment) => ({
            ...enrollment,
            assignmentSubmissions: byKey(enrollment.assignmentSubmissions, (submission) => submission.id),
          })),
          (enrollment) => enrollment.municipality.name,
        ),
      },
    })),
  };
}

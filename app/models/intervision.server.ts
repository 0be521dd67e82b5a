// Intervisie: groups, agreements, meetings, case intake, running a meeting, notes and takeaways.
//
// Confidentiality is decided in the queries: every read or change of a group's inner life (cases, notes,
// takeaways, agreements) goes through groupAccessWhere()/caseAccessWhere(), which only match for the group's
// members and its facilitators. No role has access of its own: a coordinator forms the groups and sees only
// which meetings took place and who attended (cohortGroupsOverview), never a case. Someone outside the group
// gets null from these functions, which the routes turn into a 404.
import { createHash } from "node:crypto";
import type { User } from "lucia";
import type { IntervisionNoteKind, Prisma } from "~/generated/prisma/client.ts";
import { findMethod } from "~/content/methods.server.ts";
import { intervisionCaseChosenEmail, intervisionMeetingEmail } from "~/notifications/templates.server.ts";
import { notify } from "~/notifications/notify.server.ts";
import { modesFor } from "~/notifications/preferences.server.ts";
import { getEnv } from "~/utils/env.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { amsterdamDate, calendarDate } from "~/utils/dates.ts";
import { recordAudit } from "./audit.server.ts";
import { readBy, readsSelect } from "./record-read.server.ts";
import { forgetReadersWhoLeft, groupAccessWhere } from "./reader-access.server.ts";
import { checkArrangement, type ArrangementGroup, type GroupCandidate } from "./intervision-groups.ts";
import { phaseOf, transition, type StepAction } from "./intervision-steps.ts";
import { DomainError } from "~/utils/domain-error.ts";

type Viewer = Pick<User, "id">;

// ---------------------------------------------------------------------------------------------------------
// Access rules

// The groups the viewer belongs to (as a member or a facilitator) live in reader-access.server.ts, with the
// other relations a shared record is read through.
export { groupAccessWhere };

/** Groups the viewer facilitates. */
export function groupStaffWhere(viewer: Viewer): Prisma.IntervisionGroupWhereInput {
  return { facilitators: { some: { userId: viewer.id } } };
}

/**
 * Cases (with their notes and takeaway) the viewer may read: their own, and those brought to them — they were
 * in the group when the case was brought (an IntervisionCaseReader row, fixed then) AND are still in the group
 * now (groupAccessWhere). Someone who joins later reads nothing from before; someone who leaves loses access at
 * once (and their rows are deleted, so coming back gives no access to what came before).
 */
export function caseAccessWhere(viewer: Viewer): Prisma.IntervisionCaseWhereInput {
  // The inbrenger keeps their own case (to read or delete it) even after leaving the cohort.
  return {
    OR: [
      { authorId: viewer.id },
      { readers: { some: { userId: viewer.id } }, meeting: { group: groupAccessWhere(viewer) } },
    ],
  };
}

/** The people a case is brought to: the group's members and facilitators now, the inbrenger excluded. */
function caseReaderIds(
  group: { members: { userId: string }[]; facilitators: { userId: string }[] },
  authorId: string,
): string[] {
  const ids = [...group.members, ...group.facilitators].map((person) => person.userId);
  return [...new Set(ids)].filter((id) => id !== authorId);
}

/**
 * Fixes the readers of cases stored without going through proposeCase (demo data, test worlds): the group's
 * members and facilitators now, as bringing the case would have. Cases with readers already are left alone.
 */
export async function fixReadersOfCases(
  where: Prisma.IntervisionCaseWhereInput,
  db: Prisma.TransactionClient = prisma,
) {
  const cases = await db.intervisionCase.findMany({
    where: { AND: [where, { readers: { none: {} } }] },
    select: {
      id: true,
      authorId: true,
      meeting: {
        select: {
          group: { select: { members: { select: { userId: true } }, facilitators: { select: { userId: true } } } },
        },
      },
    },
  });
  const rows = cases.flatMap((item) =>
    caseReaderIds(item.meeting.group, item.authorId).map((userId) => ({ caseId: item.id, userId })),
  );
  if (rows.length) await db.intervisionCaseReader.createMany({ data: rows, skipDuplicates: true });
}

// ---------------------------------------------------------------------------------------------------------
// Forming groups (coordinator)

/** The cohort's active participants, facilitators and current groups, for the coordinator's page. No cases. */
export async function cohortGroupsOverview(cohortId: string) {
  const [enrollments, facilitators, groups] = await Promise.all([
    prisma.enrollment.findMany({
      where: { cohortId, status: "ACTIVE" },
      orderBy: { municipality: { name: "asc" } },
      select: {
        id: true,
        municipality: { select: { name: true } },
        members: { orderBy: { createdAt: "asc" }, select: { user: { select: { id: true, name: true } } } },
      },
    }),
    prisma.cohortFacilitator.findMany({
      where: { cohortId },
      orderBy: { createdAt: "asc" },
      select: { user: { select: { id: true, name: true, title: true } } },
    }),
    prisma.intervisionGroup.findMany({
      where: { cohortId },
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        members: { orderBy: { user: { name: "asc" } }, select: { userId: true, user: { select: { name: true } } } },
        facilitators: { orderBy: { createdAt: "asc" }, select: { userId: true, user: { select: { name: true } } } },
        // Only that a meeting took place and who attended: no method, no cases, no notes.
        meetings: {
          orderBy: { startsAt: "asc" },
          select: {
            id: true,
            startsAt: true,
            finishedAt: true,
            attendances: {
              where: { present: true },
              orderBy: { user: { name: "asc" } },
              select: { user: { select: { name: true } } },
            },
          },
        },
      },
    }),
  ]);
  const participants: GroupCandidate[] = enrollments.flatMap((enrollment) =>
    enrollment.members.map(({ user }) => ({
      id: user.id,
      name: user.name,
      enrollmentId: enrollment.id,
      municipality: enrollment.municipality.name,
    })),
  );
  return { participants, facilitators: facilitators.map(({ user }) => user), groups };
}

/**
 * Saves the coordinator's arrangement of a cohort's groups (keys are existing group ids or "nieuw-N").
 * Refused with the messages of checkArrangement(); a group with meetings cannot be emptied. Members who stay
 * keep their acceptance of the agreements. Audit-logged.
 */
export async function saveArrangement(cohortId: string, groups: ArrangementGroup[], actor: Viewer) {
  const overview = await cohortGroupsOverview(cohortId);
  const check = checkArrangement({
    groups,
    participants: overview.participants,
    facilitatorIds: overview.facilitators.map((f) => f.id),
  });
  for (const group of groups) {
    const existing = overview.groups.find((candidate) => candidate.id === group.key);
    if (group.key.startsWith("nieuw-") || existing) continue;
    check.errors.push({ key: group.key, message: "Deze groep bestaat niet (meer). Laad de pagina opnieuw." });
  }
  for (const existing of overview.groups) {
    const group = groups.find((candidate) => candidate.key === existing.id);
    if ((!group || group.memberIds.length === 0) && existing.meetings.length > 0) {
      check.errors.push({
        key: existing.id,
        message: `${existing.name} heeft al bijeenkomsten gehad of gepland; een groep met bijeenkomsten kun je niet leegmaken.`,
      });
    }
  }
  if (check.errors.length) return { ok: false as const, ...check };

  await prisma.$transaction(async (tx) => {
    const kept = groups.filter((group) => group.memberIds.length > 0);
    const removed = overview.groups.filter((existing) => !kept.some((group) => group.key === existing.id));
    if (removed.length)
      await tx.intervisionGroup.deleteMany({ where: { cohortId, id: { in: removed.map((group) => group.id) } } });
    // Names are unique per cohort: move kept groups to a temporary name first, so two groups can swap names.
    for (const group of kept) {
      if (!group.key.startsWith("nieuw-"))
        await tx.intervisionGroup.update({ where: { id: group.key }, data: { name: `tijdelijk-${group.key}` } });
    }
    for (const group of kept) {
      const facilitatorIds = [...new Set(group.facilitatorIds.filter(Boolean))];
      let groupId = group.key;
      if (group.key.startsWith("nieuw-")) {
        const created = await tx.intervisionGroup.create({
          data: { cohortId, name: group.name.trim(), agreements: DEFAULT_AGREEMENTS },
          select: { id: true },
        });
        groupId = created.id;
      } else {
        await tx.intervisionGroup.update({ where: { id: groupId }, data: { name: group.name.trim() } });
      }
      await tx.intervisionMember.deleteMany({ where: { groupId, userId: { notIn: group.memberIds } } });
      // Someone moved from another group leaves that group first.
      await tx.intervisionMember.deleteMany({
        where: { group: { cohortId }, groupId: { not: groupId }, userId: { in: group.memberIds } },
      });
      await tx.intervisionMember.createMany({
        data: group.memberIds.map((userId) => ({ groupId, userId })),
        skipDuplicates: true,
      });
      await tx.intervisionFacilitator.deleteMany({ where: { groupId, userId: { notIn: facilitatorIds } } });
      await tx.intervisionFacilitator.createMany({
        data: facilitatorIds.map((userId) => ({ groupId, userId })),
        skipDuplicates: true,
      });
    }
    // Whoever left a group (or moved to another) loses what was brought or shared there before.
    await forgetReadersWhoLeft(tx, [
      ...overview.groups.flatMap((group) => [...group.members, ...group.facilitators].map((person) => person.userId)),
    ]);
    const names = new Map(overview.participants.map((person) => [person.id, person.name]));
    const facilitatorNames = new Map(overview.facilitators.map((person) => [person.id, person.name]));
    await recordAudit(
      {
        actorId: actor.id,
        action: "intervision.groups.saved",
        entityType: "Cohort",
        entityId: cohortId,
        details: {
          groups: kept.map((group) => ({
            name: group.name.trim(),
            members: group.memberIds.map((id) => names.get(id) ?? id),
            facilitators: group.facilitatorIds.filter(Boolean).map((id) => facilitatorNames.get(id) ?? id),
          })),
          removed: removed.map((group) => group.name),
        },
      },
      tx,
    );
  });
  return { ok: true as const, warnings: check.warnings };
}

export const DEFAULT_AGREEMENTS = [
  "- Wat in de groep gezegd wordt, blijft in de groep. Je vertelt buiten de groep niets over de casus van een ander.",
  "- We stellen eerst open vragen en geven pas advies als de methode daar ruimte voor geeft.",
  "- De inbrenger bepaalt wat zij of hij deelt en kan een casus altijd weer verwijderen.",
  "- Ben je verhinderd, meld je dan af bij de begeleider.",
].join("\n");

// ---------------------------------------------------------------------------------------------------------
// Groups (members and facilitators)

/** What the group sees of a case: the case itself, its inbrenger, and the notes in the order they were made. */
const caseSelect = {
  id: true,
  title: true,
  situation: true,
  question: true,
  wish: true,
  status: true,
  takeaway: true,
  takeawayAt: true,
  createdAt: true,
  author: { select: { id: true, name: true } },
  notes: {
    orderBy: { createdAt: "asc" },
    select: { id: true, step: true, kind: true, body: true, createdAt: true, author: { select: { name: true } } },
  },
} satisfies Prisma.IntervisionCaseSelect;

const meetingSummarySelect = {
  id: true,
  startsAt: true,
  endsAt: true,
  location: true,
  meetingUrl: true,
  methodSlug: true,
  startedAt: true,
  finishedAt: true,
  session: { select: { number: true, title: true } },
} satisfies Prisma.IntervisionMeetingSelect;

/** The viewer's groups (as member or facilitator), with the next meeting of each. */
export async function listMyGroups(viewer: Viewer, now = new Date()) {
  const groups = await prisma.intervisionGroup.findMany({
    where: groupAccessWhere(viewer),
    orderBy: [{ cohort: { startsOn: "desc" } }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      cohort: { select: { id: true, name: true } },
      _count: { select: { members: true } },
      facilitators: { select: { userId: true, user: { select: { name: true } } } },
      meetings: {
        where: { finishedAt: null, endsAt: { gte: now } },
        orderBy: { startsAt: "asc" },
        take: 1,
        select: meetingSummarySelect,
      },
    },
  });
  return groups.map(({ meetings, ...group }) => ({
    ...group,
    isFacilitator: group.facilitators.some((facilitator) => facilitator.userId === viewer.id),
    nextMeeting: meetings[0] ?? null,
  }));
}

/** One group as its member or facilitator sees it; null for everyone else. */
export async function getGroupForViewer(viewer: Viewer, groupId: string) {
  const group = await prisma.intervisionGroup.findFirst({
    where: { AND: [{ id: groupId }, groupAccessWhere(viewer)] },
    select: {
      id: true,
      name: true,
      agreements: true,
      agreementsVersion: true,
      updatedAt: true,
      cohort: {
        select: {
          id: true,
          name: true,
          archivedAt: true,
          sessions: {
            where: { cancelledAt: null },
            orderBy: { number: "asc" },
            select: {
              id: true,
              number: true,
              title: true,
              startsAt: true,
              endsAt: true,
              location: true,
              meetingUrl: true,
            },
          },
        },
      },
      members: {
        orderBy: { user: { name: "asc" } },
        select: {
          userId: true,
          acceptedAgreementsVersion: true,
          acceptedAgreementsAt: true,
          user: {
            select: {
              name: true,
              duoMemberships: {
                where: { enrollment: { status: "ACTIVE" } },
                select: { enrollment: { select: { municipality: { select: { name: true } } } } },
              },
            },
          },
        },
      },
      facilitators: {
        orderBy: { createdAt: "asc" },
        select: { userId: true, user: { select: { name: true, title: true } } },
      },
      meetings: {
        orderBy: { startsAt: "asc" },
        select: { ...meetingSummarySelect, _count: { select: { cases: true } } },
      },
    },
  });
  if (!group) return null;
  const me = group.members.find((member) => member.userId === viewer.id) ?? null;
  return {
    ...group,
    members: group.members.map(({ user, ...member }) => ({
      ...member,
      name: user.name,
      municipality: user.duoMemberships[0]?.enrollment.municipality.name ?? null,
      acceptedCurrent: member.acceptedAgreementsVersion === group.agreementsVersion,
    })),
    isFacilitator: group.facilitators.some((facilitator) => facilitator.userId === viewer.id),
    isMember: me !== null,
    acceptedCurrent: me ? me.acceptedAgreementsVersion === group.agreementsVersion : false,
  };
}

/** The facilitator edits the agreements; a new version asks every member to accept again. */
export async function updateAgreements(viewer: Viewer, groupId: string, text: string) {
  const updated = await prisma.intervisionGroup.updateMany({
    where: { AND: [{ id: groupId }, groupStaffWhere(viewer)] },
    data: { agreements: text, agreementsVersion: { increment: 1 } },
  });
  return updated.count === 1;
}

/** A member accepts the current version of the agreements (once per version). */
export async function acceptAgreements(viewer: Viewer, groupId: string) {
  const group = await prisma.intervisionGroup.findFirst({
    where: { id: groupId, members: { some: { userId: viewer.id } } },
    select: { agreementsVersion: true },
  });
  if (!group) return false;
  await prisma.intervisionMember.updateMany({
    where: {
      groupId,
      userId: viewer.id,
      OR: [{ acceptedAgreementsVersion: null }, { acceptedAgreementsVersion: { lt: group.agreementsVersion } }],
    },
    data: { acceptedAgreementsVersion: group.agreementsVersion, acceptedAgreementsAt: new Date() },
  });
  return true;
}

export type MeetingInput = {
  sessionId: string | null;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  meetingUrl: string | null;
  methodSlug: string | null;
};

/** A facilitator plans a meeting for their group (during a session of the cohort, or on its own). */
export async function planMeeting(viewer: Viewer, groupId: string, input: MeetingInput) {
  const group = await prisma.intervisionGroup.findFirst({
    where: { AND: [{ id: groupId }, groupStaffWhere(viewer)] },
    select: {
      id: true,
      name: true,
      cohort: { select: { sessions: { select: { id: true } } } },
      members: { select: { user: { select: { id: true, name: true, email: true } } } },
    },
  });
  if (!group) return null;
  if (input.sessionId && !group.cohort.sessions.some((session) => session.id === input.sessionId)) {
    throw new DomainError("Kies een bijeenkomst van dit leernetwerk.", "sessionId");
  }
  if (input.methodSlug && !findMethod(input.methodSlug))
    throw new DomainError("Kies een methode uit de lijst.", "methodSlug");
  const meeting = await prisma.intervisionMeeting.create({ data: { groupId, ...input }, select: { id: true } });
  // Each member hears about it as they chose (kind intervision-meeting).
  const modes = await modesFor(
    group.members.map((member) => member.user.id),
    "intervision-meeting",
  );
  const appUrl = getEnv().APP_URL;
  const url = `${appUrl}/intervisie/bijeenkomsten/${meeting.id}`;
  for (const { user } of group.members) {
    await notify({
      key: `intervision-meeting:${meeting.id}:${user.id}`,
      kind: "intervision-meeting",
      user,
      mode: modes.get(user.id)!,
      title: `Intervisie ${group.name}: nieuwe bijeenkomst`,
      url,
      email: () =>
        intervisionMeetingEmail({
          appUrl,
          user,
          groupName: group.name,
          startsAt: input.startsAt,
          endsAt: input.endsAt,
          url,
        }),
    });
  }
  return meeting;
}

// ---------------------------------------------------------------------------------------------------------
// Meetings

/** One meeting with its group, cases (for the group only) and attendance; null for anyone outside the group. */
export async function getMeetingForViewer(viewer: Viewer, meetingId: string) {
  const meeting = await prisma.intervisionMeeting.findFirst({
    where: { id: meetingId, group: groupAccessWhere(viewer) },
    select: {
      ...meetingSummarySelect,
      currentStep: true,
      stepStartedAt: true,
      group: {
        select: {
          id: true,
          name: true,
          cohort: { select: { id: true, name: true, archivedAt: true } },
          members: { orderBy: { user: { name: "asc" } }, select: { userId: true, user: { select: { name: true } } } },
          facilitators: { orderBy: { createdAt: "asc" }, select: { userId: true, user: { select: { name: true } } } },
        },
      },
      attendances: { select: { userId: true, present: true } },
      cases: {
        where: caseAccessWhere(viewer),
        orderBy: { createdAt: "asc" },
        select: {
          ...caseSelect,
        },
      },
    },
  });
  if (!meeting) return null;
  const method = findMethod(meeting.methodSlug);
  return {
    ...meeting,
    method: method ? { slug: method.slug, title: method.title, minutes: method.minutes, steps: method.steps } : null,
    isFacilitator: meeting.group.facilitators.some((facilitator) => facilitator.userId === viewer.id),
    isMember: meeting.group.members.some((member) => member.userId === viewer.id),
    phase: phaseOf(meeting),
  };
}

export type MeetingForViewer = NonNullable<Awaited<ReturnType<typeof getMeetingForViewer>>>;

/**
 * A short stamp of everything the live view of a meeting shows (its state, the group, the cases and how
 * many notes each has), or null for anyone outside the group. The live view polls it every few seconds and
 * reloads only when it changed: one indexed query, nothing rendered. Notes are only ever added (or removed
 * with their case), so their number tells when one was added.
 */
export async function liveStamp(viewer: Viewer, meetingId: string): Promise<string | null> {
  const meeting = await prisma.intervisionMeeting.findFirst({
    where: { id: meetingId, group: groupAccessWhere(viewer) },
    select: {
      updatedAt: true,
      // The live state itself too, so two changes within one millisecond still move the stamp.
      currentStep: true,
      methodSlug: true,
      finishedAt: true,
      group: { select: { updatedAt: true } },
      cases: { orderBy: { id: "asc" }, select: { id: true, updatedAt: true, _count: { select: { notes: true } } } },
    },
  });
  if (!meeting) return null;
  const parts = [
    meeting.updatedAt.getTime(),
    meeting.currentStep,
    meeting.methodSlug,
    meeting.finishedAt?.getTime(),
    meeting.group.updatedAt.getTime(),
    ...meeting.cases.map((item) => `${item.id}:${item.updatedAt.getTime()}:${item._count.notes}`),
  ];
  return createHash("sha256").update(parts.join("|")).digest("base64url").slice(0, 22);
}

/** The facilitator chooses the method (before the meeting starts). */
export async function setMethod(viewer: Viewer, meetingId: string, methodSlug: string) {
  if (!findMethod(methodSlug)) throw new DomainError("Kies een methode uit de lijst.", "methodSlug");
  const meeting = await prisma.intervisionMeeting.findFirst({
    where: { id: meetingId, group: groupStaffWhere(viewer) },
    select: { startedAt: true },
  });
  if (!meeting) return false;
  if (meeting.startedAt) throw new DomainError("De bijeenkomst is al begonnen; de methode ligt vast.", "methodSlug");
  await prisma.intervisionMeeting.update({ where: { id: meetingId }, data: { methodSlug } });
  return true;
}

/** A member proposes a case for a meeting that has not finished. */
export async function proposeCase(
  viewer: Viewer,
  meetingId: string,
  input: { title: string; situation: string; question: string; wish: string },
) {
  const meeting = await prisma.intervisionMeeting.findFirst({
    where: { id: meetingId, group: { members: { some: { userId: viewer.id } } } },
    select: {
      id: true,
      finishedAt: true,
      group: { select: { members: { select: { userId: true } }, facilitators: { select: { userId: true } } } },
    },
  });
  if (!meeting) return null;
  if (meeting.finishedAt)
    throw new DomainError("Deze bijeenkomst is al afgerond. Breng je casus in bij een volgende bijeenkomst.");
  // The readers are fixed now: the group as it is at this moment (issue 15).
  const readers = caseReaderIds(meeting.group, viewer.id).map((userId) => ({ userId }));
  return prisma.intervisionCase.create({
    data: { meetingId, authorId: viewer.id, ...input, readers: { create: readers } },
    select: { id: true },
  });
}

/** The facilitator chooses a proposed case for the meeting, or puts it back. */
export async function setCaseChosen(viewer: Viewer, meetingId: string, caseId: string, chosen: boolean) {
  const updated = await prisma.intervisionCase.updateMany({
    where: { id: caseId, meetingId, meeting: { finishedAt: null, group: groupStaffWhere(viewer) } },
    data: { status: chosen ? "CHOSEN" : "PROPOSED" },
  });
  if (updated.count !== 1) return false;
  if (chosen) {
    const found = await prisma.intervisionCase.findUniqueOrThrow({
      where: { id: caseId },
      select: {
        author: { select: { id: true, name: true, email: true } },
        meeting: { select: { startsAt: true, group: { select: { name: true } } } },
      },
    });
    const { author, meeting } = found;
    const mode = (await modesFor([author.id], "intervision-case-chosen")).get(author.id)!;
    const appUrl = getEnv().APP_URL;
    const url = `${appUrl}/intervisie/bijeenkomsten/${meetingId}`;
    // Once per case: choosing it again after putting it back sends nothing new.
    await notify({
      key: `intervision-case-chosen:${caseId}`,
      kind: "intervision-case-chosen",
      user: author,
      mode,
      title: `Intervisie ${meeting.group.name}: je casus is gekozen`,
      url,
      email: () =>
        intervisionCaseChosenEmail({
          appUrl,
          user: author,
          groupName: meeting.group.name,
          startsAt: meeting.startsAt,
          url,
        }),
    });
  }
  return true;
}

/** The facilitator records who was there (members not listed are absent). */
export async function recordAttendance(viewer: Viewer, meetingId: string, presentIds: string[]) {
  const meeting = await prisma.intervisionMeeting.findFirst({
    where: { id: meetingId, group: groupStaffWhere(viewer) },
    select: { group: { select: { members: { select: { userId: true } } } } },
  });
  if (!meeting) return false;
  const present = new Set(presentIds);
  await prisma.$transaction(
    meeting.group.members.map(({ userId }) =>
      prisma.intervisionAttendance.upsert({
        where: { meetingId_userId: { meetingId, userId } },
        create: { meetingId, userId, present: present.has(userId) },
        update: { present: present.has(userId) },
      }),
    ),
  );
  return true;
}

/**
 * Moves the live meeting (facilitator only). `fromStep` is the step the facilitator's screen showed: when
 * another screen moved the meeting in the meantime, nothing changes and the caller says so.
 */
export async function stepMeeting(
  viewer: Viewer,
  meetingId: string,
  action: StepAction,
  fromStep: number | null,
  now = new Date(),
) {
  const meeting = await prisma.intervisionMeeting.findFirst({
    where: { id: meetingId, group: groupStaffWhere(viewer) },
    select: {
      currentStep: true,
      stepStartedAt: true,
      startedAt: true,
      finishedAt: true,
      methodSlug: true,
      _count: { select: { cases: { where: { status: "CHOSEN" } } } },
    },
  });
  if (!meeting) return null;
  const method = findMethod(meeting.methodSlug);
  if (!method) throw new DomainError("Kies eerst een methode.");
  if (action === "start" && meeting._count.cases === 0 && method.slug !== "open-ronde") {
    throw new DomainError("Kies eerst een casus (of kies de open ronde).");
  }
  if (meeting.currentStep !== fromStep)
    throw new DomainError("De bijeenkomst is intussen op een ander scherm verder gezet. Kijk of de stap klopt.");
  const { currentStep, stepStartedAt, startedAt, finishedAt } = meeting;
  const next = transition({ currentStep, stepStartedAt, startedAt, finishedAt }, action, method.steps.length, now);
  const updated = await prisma.intervisionMeeting.updateMany({
    where: { id: meetingId, currentStep: meeting.currentStep, finishedAt: null },
    data: {
      currentStep: next.currentStep,
      stepStartedAt: next.stepStartedAt,
      startedAt: next.startedAt,
      finishedAt: next.finishedAt,
    },
  });
  if (updated.count !== 1)
    throw new DomainError("De bijeenkomst is intussen op een ander scherm verder gezet. Kijk of de stap klopt.");
  return next;
}

/**
 * An open question or insight, noted during the running meeting by the facilitator or a member (scribe), on
 * a chosen case of that meeting (null for any other case).
 */
export async function addNote(
  viewer: Viewer,
  meetingId: string,
  caseId: string,
  kind: IntervisionNoteKind,
  body: string,
) {
  const found = await prisma.intervisionCase.findFirst({
    where: { AND: [{ id: caseId, meetingId, status: "CHOSEN" }, caseAccessWhere(viewer)] },
    select: { meeting: { select: { currentStep: true, startedAt: true, finishedAt: true } } },
  });
  if (!found) return null;
  const { meeting } = found;
  if (!meeting.startedAt || meeting.finishedAt || meeting.currentStep === null) {
    throw new DomainError("Je kunt alleen notities maken terwijl de bijeenkomst loopt.");
  }
  return prisma.intervisionNote.create({
    data: { caseId, authorId: viewer.id, step: meeting.currentStep, kind, body },
    select: { id: true },
  });
}

// ---------------------------------------------------------------------------------------------------------
// Cases

/** One case with its notes, for the group only (null for anyone else, coordinators included). */
export async function getCaseForViewer(viewer: Viewer, caseId: string) {
  const found = await prisma.intervisionCase.findFirst({
    where: { AND: [{ id: caseId }, caseAccessWhere(viewer)] },
    select: {
      ...caseSelect,
      meeting: {
        select: {
          id: true,
          startsAt: true,
          finishedAt: true,
          methodSlug: true,
          group: { select: { id: true, name: true, cohort: { select: { archivedAt: true } } } },
          journalEntries: { where: { authorId: viewer.id }, select: { id: true, title: true } },
        },
      },
      reads: readsSelect,
      readers: { orderBy: { user: { name: "asc" } }, select: { user: { select: { id: true, name: true } } } },
    },
  });
  if (!found) return null;
  const method = findMethod(found.meeting.methodSlug);
  const { reads, readers, ...rest } = found;
  const isAuthor = found.author.id === viewer.id;
  return {
    ...rest,
    isAuthor,
    // Who read the case, and who it was brought to: for the inbrenger only (issue 15).
    readBy: isAuthor ? readBy(reads) : [],
    readers: isAuthor ? readers.map((reader) => reader.user) : [],
    stepNames: method?.steps.map((step) => step.name) ?? [],
    methodTitle: method?.title ?? null,
  };
}

/**
 * The inbrenger writes down what they take away; optionally also as a private entry in their journal,
 * linked to the meeting.
 */
export async function saveTakeaway(
  viewer: Viewer,
  caseId: string,
  takeaway: string,
  toJournal: boolean,
  now = new Date(),
) {
  return prisma.$transaction(async (tx) => {
    const found = await tx.intervisionCase.findFirst({
      where: { AND: [{ id: caseId, authorId: viewer.id }, caseAccessWhere(viewer)] },
      select: { title: true, meetingId: true },
    });
    if (!found) return null;
    await tx.intervisionCase.update({ where: { id: caseId }, data: { takeaway, takeawayAt: now } });
    if (!toJournal) return { journalEntryId: null };
    const membership = await tx.duoMember.findFirst({
      where: { userId: viewer.id, enrollment: { status: "ACTIVE" } },
      orderBy: { enrollment: { cohort: { startsOn: "desc" } } },
      select: { enrollmentId: true },
    });
    const entry = await tx.journalEntry.create({
      data: {
        authorId: viewer.id,
        enrollmentId: membership?.enrollmentId ?? null,
        title: `Wat ik meeneem uit intervisie: ${found.title}`,
        body: takeaway,
        writtenOn: calendarDate(amsterdamDate(now)),
        tags: ["intervisie"],
        intervisionMeetingId: found.meetingId,
      },
      select: { id: true },
    });
    return { journalEntryId: entry.id };
  });
}

/** The inbrenger deletes their case, with its notes and takeaway (really deleted). */
export async function deleteCase(viewer: Viewer, caseId: string) {
  const found = await prisma.intervisionCase.findFirst({
    where: { AND: [{ id: caseId, authorId: viewer.id }, caseAccessWhere(viewer)] },
    select: { meetingId: true },
  });
  if (!found) return null;
  await prisma.intervisionCase.delete({ where: { id: caseId } });
  return found;
}

/** The groups of the author (for the journal's "mijn intervisiegroep" choice): names and who is in them. */
export function authorGroups(userId: string) {
  return prisma.intervisionGroup.findMany({
    where: { members: { some: { userId } } },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      members: { where: { userId: { not: userId } }, select: { user: { select: { name: true } } } },
      facilitators: { select: { user: { select: { name: true } } } },
    },
  });
}

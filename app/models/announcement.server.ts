// Announcements (mededelingen, issue 19): a coordinator or a facilitator of the cohort tells the whole
// cohort, the duos of one session, or one intervisie group something. Stored once; every recipient gets a
// notification (kind "announcement") in their inbox, and by e-mail as their preference says.
//
// Who receives it:
// - the cohort: the members of its active duos and its facilitators;
// - one session: the members of the active duos who have not signed off for it, and the facilitators;
// - one intervisie group: its members and its facilitators.
// Who reads it on the platform: the cohort's staff all of them; a participant those for the cohort and its
// sessions, and those for an intervisie group they are in (a group's business stays in the group).
import type { Prisma } from "~/generated/prisma/client.ts";
import { prisma } from "~/utils/db.server.ts";
import { getEnv } from "~/utils/env.server.ts";
import { DomainError } from "~/utils/domain-error.ts";
import { noticeEmail } from "~/notifications/notice-email.server.ts";
import { notifyMany, type Recipient } from "~/notifications/notify-many.server.ts";
import type { CohortRelation } from "./cohort.server.ts";

export type AnnouncementAudience =
  | { kind: "cohort" }
  | { kind: "session"; sessionId: string }
  | { kind: "group"; groupId: string };

export type AnnouncementInput = { title: string; body: string; audience: AnnouncementAudience };

/** Which announcements of a cohort a viewer may read (the cohort itself is checked by the guard). */
export function announcementVisibleWhere(
  cohortId: string,
  viewer: { id: string; relation: CohortRelation },
): Prisma.AnnouncementWhereInput {
  if (viewer.relation !== "participant") return { cohortId };
  return { cohortId, OR: [{ groupId: null }, { group: { members: { some: { userId: viewer.id } } } }] };
}

const announcementSelect = {
  id: true,
  title: true,
  body: true,
  createdAt: true,
  author: { select: { name: true } },
  session: { select: { id: true, number: true, title: true } },
  group: { select: { id: true, name: true } },
} satisfies Prisma.AnnouncementSelect;

type Selected = Prisma.AnnouncementGetPayload<{ select: typeof announcementSelect }>;

export function audienceLabel(announcement: Pick<Selected, "session" | "group">): string {
  if (announcement.session)
    return `Voor de deelnemers van bijeenkomst ${announcement.session.number}: ${announcement.session.title}`;
  if (announcement.group) return `Voor intervisiegroep ${announcement.group.name}`;
  return "Voor het hele leernetwerk";
}

export function listAnnouncements(cohortId: string, viewer: { id: string; relation: CohortRelation }) {
  return prisma.announcement.findMany({
    where: announcementVisibleWhere(cohortId, viewer),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
    select: announcementSelect,
  });
}

export function findAnnouncement(
  cohortId: string,
  announcementId: string,
  viewer: { id: string; relation: CohortRelation },
) {
  return prisma.announcement.findFirst({
    where: { id: announcementId, ...announcementVisibleWhere(cohortId, viewer) },
    select: announcementSelect,
  });
}

/** The sessions and intervisie groups an announcement can be addressed to. */
export async function announcementAudiences(cohortId: string) {
  const [sessions, groups] = await prisma.$transaction([
    prisma.cohortSession.findMany({
      where: { cohortId, cancelledAt: null },
      orderBy: { number: "asc" },
      select: { id: true, number: true, title: true },
    }),
    prisma.intervisionGroup.findMany({
      where: { cohortId },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  return { sessions, groups };
}

const person = { select: { id: true, name: true, email: true } } as const;

/** Who an announcement (or another message to that audience, e.g. a new handout) reaches. */
export async function recipientsOf(
  cohortId: string,
  audience: AnnouncementAudience,
): Promise<{ people: Recipient[]; label: string }> {
  if (audience.kind === "group") {
    const group = await prisma.intervisionGroup.findFirst({
      where: { id: audience.groupId, cohortId },
      select: { name: true, members: { select: { user: person } }, facilitators: { select: { user: person } } },
    });
    if (!group) throw new DomainError("Kies een intervisiegroep van dit leernetwerk.", "groupId");
    return {
      people: [...group.members, ...group.facilitators].map((row) => row.user),
      label: `intervisiegroep ${group.name}`,
    };
  }
  const session =
    audience.kind === "session"
      ? await prisma.cohortSession.findFirst({
          where: { id: audience.sessionId, cohortId },
          select: { number: true, attendances: { where: { status: "SIGNED_OFF" }, select: { userId: true } } },
        })
      : null;
  if (audience.kind === "session" && !session)
    throw new DomainError("Kies een bijeenkomst van dit leernetwerk.", "sessionId");
  const cohort = await prisma.cohort.findUniqueOrThrow({
    where: { id: cohortId },
    select: {
      facilitators: { select: { user: person } },
      enrollments: { where: { status: "ACTIVE" }, select: { members: { select: { user: person } } } },
    },
  });
  const signedOff = new Set(session?.attendances.map((row) => row.userId) ?? []);
  const participants = cohort.enrollments
    .flatMap((enrollment) => enrollment.members.map((member) => member.user))
    .filter((user) => !signedOff.has(user.id));
  return {
    people: [...participants, ...cohort.facilitators.map((row) => row.user)],
    label: session ? `de deelnemers van bijeenkomst ${session.number}` : "het hele leernetwerk",
  };
}

/** Stores the announcement and tells its audience (the author excepted). Returns its id. */
export async function createAnnouncement(
  author: { id: string; name: string },
  cohort: { id: string; name: string },
  input: AnnouncementInput,
): Promise<{ id: string; recipients: number }> {
  const { people, label } = await recipientsOf(cohort.id, input.audience);
  const announcement = await prisma.announcement.create({
    data: {
      cohortId: cohort.id,
      authorId: author.id,
      title: input.title,
      body: input.body,
      sessionId: input.audience.kind === "session" ? input.audience.sessionId : null,
      groupId: input.audience.kind === "group" ? input.audience.groupId : null,
    },
    select: { id: true },
  });
  const url = `${getEnv().APP_URL}/leernetwerken/${cohort.id}/mededelingen/${announcement.id}`;
  const totals = await notifyMany({
    kind: "announcement",
    people,
    except: author.id,
    key: (user) => `announcement:${announcement.id}:${user.id}`,
    title: `Mededeling van ${author.name}: ${input.title}`,
    url,
    email: (user) =>
      noticeEmail({
        kind: "announcement",
        user,
        subject: `Mededeling: ${input.title}`,
        lines: [`${author.name} schreef aan ${label} van ${cohort.name}:`, input.body],
        action: { label: "Lees de mededeling", url },
        reason: `Je krijgt dit bericht omdat je meedoet aan ${cohort.name}.`,
      }),
  });
  const recipients = Object.values(totals).reduce((sum, n) => sum + n, 0);
  return { id: announcement.id, recipients };
}

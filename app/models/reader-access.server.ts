// The relations a shared record is read through, as they stand now (issue 15), and what happens to the
// readers when someone leaves. Reading a shared journal entry or an intervisie case needs a reader row (fixed
// when it was shared) AND the relation now. When someone leaves — a duo member removed or replaced, a
// facilitator taken off a cohort, a municipality withdrawn, a member moved out of an intervisie group — their
// reader rows whose relation is gone are deleted too (forgetReadersWhoLeft), so being added back later does
// not give access again to what was shared before they left.
import type { User } from "lucia";
import type { JournalAudience, Prisma } from "~/generated/prisma/client.ts";
import type { prisma } from "~/utils/db.server.ts";

type Viewer = Pick<User, "id">;
type SharedVia = Exclude<JournalAudience, "PRIVATE">;
const sharedVias: SharedVia[] = ["DUO", "FACILITATORS", "GROUP"];

/** Groups the viewer belongs to, as a member or as one of its facilitators. */
export function groupAccessWhere(viewer: Viewer): Prisma.IntervisionGroupWhereInput {
  return {
    OR: [
      // A member only while still actively enrolled in the group's cohort: whoever withdraws loses access at
      // once, even before the coordinator rearranges the groups.
      {
        members: { some: { userId: viewer.id } },
        cohort: { enrollments: { some: { status: "ACTIVE", members: { some: { userId: viewer.id } } } } },
      },
      // A facilitator only while still a facilitator of the cohort.
      { facilitators: { some: { userId: viewer.id } }, cohort: { facilitators: { some: { userId: viewer.id } } } },
    ],
  };
}

/**
 * The relation through which `viewer` reads an entry shared with `via`, as it stands now: a member of the
 * author's active enrolment (DUO), a facilitator of the author's active cohort (FACILITATORS), or a member or
 * facilitator of an intervisie group the author is in (GROUP). Reading needs it (journalAccessWhere), and a
 * reader row without it is deleted when someone leaves (forgetReadersWhoLeft).
 */
export function journalRelationWhere(viewer: Viewer, via: SharedVia): Prisma.JournalEntryWhereInput {
  switch (via) {
    case "DUO":
      return { enrollment: { status: "ACTIVE", members: { some: { userId: viewer.id } } } };
    case "FACILITATORS":
      return { enrollment: { status: "ACTIVE", cohort: { facilitators: { some: { userId: viewer.id } } } } };
    case "GROUP":
      return {
        enrollment: { status: "ACTIVE" },
        author: { intervisionMemberships: { some: { group: groupAccessWhere(viewer) } } },
      };
  }
}

/**
 * Deletes the reader rows (journal entries and intervisie cases) of `userIds` whose relation is gone: two
 * statements, whatever the number of people. Call it inside the transaction that makes them leave.
 */
export async function forgetReadersWhoLeft(db: Prisma.TransactionClient | typeof prisma, userIds: readonly string[]) {
  const people = [...new Set(userIds)];
  if (people.length === 0) return;
  await db.journalEntryReader.deleteMany({
    where: {
      OR: people.flatMap((userId) =>
        sharedVias.map((via) => ({ userId, via, NOT: { entry: journalRelationWhere({ id: userId }, via) } })),
      ),
    },
  });
  await db.intervisionCaseReader.deleteMany({
    where: {
      OR: people.map((userId) => ({ userId, NOT: { case: { meeting: { group: groupAccessWhere({ id: userId }) } } } })),
    },
  });
}

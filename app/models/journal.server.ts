// The reflection journal. Entries are private by default; the author may share one with the duo partner,
// the cohort's facilitators and/or their intervisie group, and withdraw that again.
//
// Readers are fixed at share time (issue 15): sharing writes one JournalEntryReader row per person who is in
// the chosen audience at that moment, and only they read it — someone who joins later does not. A reader
// reads only while still in the relation they were shared through, so whoever leaves loses access at once.
//
// Privacy rule: every query that reads entries (one entry, a list, the export, a save, a delete) goes through
// journalAccessWhere(), so access is decided by the database query itself, not by the page. Two exceptions
// read no content and only count: the facilitators' digest count (sharedEntryCountsForDigest), which applies
// the FACILITATORS branch of the same rule for all facilitators at once, and the start page's count of
// entries waiting for an answer (awaitingAnswerCountSql: the same rule in SQL, held equal to
// countAwaitingAnswer by the privacy tests), and the journal page's count of entries shared with the viewer
// (sharedWithMeCountSql, held equal to countSharedWithMe the same way). No role has
// access of its own — a coordinator reads nothing that was not shared with them, and nothing can be shared
// with a coordinator.
import type { User } from "lucia";
import type { JournalAudience, Prisma } from "~/generated/prisma/client.ts";
import { findReflectie } from "~/content/library.server.ts";
import { journalAnsweredEmail } from "~/notifications/templates.server.ts";
import { notify } from "~/notifications/notify.server.ts";
import { modesFor } from "~/notifications/preferences.server.ts";
import { calendarDate } from "~/utils/dates.ts";
import { prisma, readRows } from "~/utils/db.server.ts";
import { shorten } from "~/utils/text.ts";
import { saveIfUnchanged } from "~/utils/versioned.ts";
import { getEnv } from "~/utils/env.server.ts";
import { DomainError } from "~/utils/domain-error.ts";
import { journalRelationWhere } from "./reader-access.server.ts";
import { readBy, readsSelect, recordRead } from "./record-read.server.ts";

type Viewer = Pick<User, "id">;

/** The audiences an author can share with (any combination; none is private). GROUP only for a group member. */
export const offeredAudiences = ["DUO", "FACILITATORS", "GROUP"] as const satisfies readonly JournalAudience[];
export type SharedAudience = (typeof offeredAudiences)[number];

/** Puts audiences in the fixed order of the choices, without doubles or PRIVATE. */
export function normalizeAudiences(audiences: readonly JournalAudience[]): SharedAudience[] {
  return offeredAudiences.filter((audience) => audiences.includes(audience));
}

/**
 * The entries `viewer` may read: their own, and those shared with them — they were among the readers fixed
 * when the author shared it (JournalEntryReader) AND they are still in that relation now: a member of the
 * author's active enrolment (DUO), a facilitator of the author's active cohort (FACILITATORS), or a member
 * (still actively enrolled) or facilitator (still of the cohort) of an intervisie group the author is in
 * (GROUP). Used by every read of journal entries.
 */
export function journalAccessWhere(viewer: Viewer): Prisma.JournalEntryWhereInput {
  return { OR: [{ authorId: viewer.id }, ...sharedRules(viewer)] };
}

/** The ways an entry of someone else reaches the viewer (journalAccessWhere without the author's own). */
function sharedRules(viewer: Viewer): Prisma.JournalEntryWhereInput[] {
  return offeredAudiences.map((via) => ({
    audiences: { has: via },
    readers: { some: { userId: viewer.id, via } },
    ...journalRelationWhere(viewer, via),
  }));
}

/** Entries readable by the viewer and written by someone else (what was shared with them). */
function sharedWithWhere(viewer: Viewer): Prisma.JournalEntryWhereInput {
  return { authorId: { not: viewer.id }, OR: sharedRules(viewer) };
}

// ---------------------------------------------------------------------------------------------------------
// The author's context: their active enrolment (for sharing and linking a session) and prompts.

/** The participant's active enrolment (the most recent cohort), with the duo and the cohort's facilitators. */
export async function authorContext(userId: string) {
  const membership = await prisma.duoMember.findFirst({
    where: { userId, enrollment: { status: "ACTIVE" } },
    orderBy: { enrollment: { cohort: { startsOn: "desc" } } },
    select: {
      enrollment: {
        select: {
          id: true,
          members: { where: { userId: { not: userId } }, select: { user: { select: { id: true, name: true } } } },
          cohort: {
            select: {
              id: true,
              name: true,
              facilitators: {
                orderBy: { createdAt: "asc" },
                select: { user: { select: { id: true, name: true, title: true } } },
              },
              sessions: { orderBy: { number: "asc" }, select: { id: true, number: true, title: true, startsAt: true } },
            },
          },
        },
      },
    },
  });
  return membership?.enrollment ?? null;
}

export type AuthorContext = NonNullable<Awaited<ReturnType<typeof authorContext>>>;

/**
 * The intervisie groups the author is a member of, with the other members (those still actively enrolled in
 * the group's cohort: whoever withdrew reads nothing) and the facilitators (still of the cohort).
 */
export function authorIntervisionGroups(authorId: string, db: Prisma.TransactionClient = prisma) {
  return db.intervisionGroup.findMany({
    where: { members: { some: { userId: authorId } } },
    orderBy: { name: "asc" },
    select: {
      name: true,
      cohortId: true,
      members: {
        where: { userId: { not: authorId } },
        orderBy: { user: { name: "asc" } },
        select: {
          user: {
            select: {
              id: true,
              name: true,
              duoMemberships: {
                where: { enrollment: { status: "ACTIVE" } },
                select: { enrollment: { select: { cohortId: true } } },
              },
            },
          },
        },
      },
      facilitators: {
        where: { userId: { not: authorId } },
        select: { user: { select: { id: true, name: true, facilitatedCohorts: { select: { cohortId: true } } } } },
      },
    },
  });
}

export type AuthorGroups = Awaited<ReturnType<typeof authorIntervisionGroups>>;

type ReaderEnrollment = {
  members: { user: { id: string; name: string } }[];
  cohort: { name: string; facilitators: { user: { id: string; name: string } }[] };
} | null;

/** The groups' people who would read an entry shared with the group now (still in the cohort), per group. */
function groupReaders(groups: AuthorGroups) {
  return groups.map((group) => ({
    name: group.name,
    people: [
      ...group.members
        .filter((member) => member.user.duoMemberships.some((duo) => duo.enrollment.cohortId === group.cohortId))
        .map((member) => member.user),
      ...group.facilitators
        .filter((facilitator) => facilitator.user.facilitatedCohorts.some((c) => c.cohortId === group.cohortId))
        .map((facilitator) => facilitator.user),
    ].map(({ id, name }) => ({ id, name })),
  }));
}

/**
 * The people who would become readers if the entry were shared with `audience` now (the author excluded).
 * Sharing stores exactly these (JournalEntryReader); the sharing form shows their names beforehand.
 */
export function readersFor(
  audience: JournalAudience,
  enrollment: ReaderEnrollment,
  groups: AuthorGroups = [],
): { id: string; name: string }[] {
  if (!enrollment) return [];
  const people =
    audience === "DUO"
      ? enrollment.members.map((member) => member.user)
      : audience === "FACILITATORS"
        ? enrollment.cohort.facilitators.map((facilitator) => facilitator.user)
        : audience === "GROUP"
          ? groupReaders(groups).flatMap((group) => group.people)
          : [];
  const unique = new Map(people.map((person) => [person.id, { id: person.id, name: person.name }]));
  return [...unique.values()];
}

/** Who would read an entry shared with this audience now, in words, for the author. */
export function readersDescription(
  audience: JournalAudience,
  enrollment: ReaderEnrollment,
  groups: AuthorGroups = [],
): string {
  if (audience === "DUO" && enrollment) {
    const names = enrollment.members.map((member) => member.user.name);
    return names.length ? `Jij en je duo: ${names.join(", ")}.` : "Alleen jij: je duo heeft (nog) geen andere leden.";
  }
  if (audience === "FACILITATORS" && enrollment) {
    const names = enrollment.cohort.facilitators.map((facilitator) => facilitator.user.name);
    return names.length
      ? `Jij en de begeleiders van ${enrollment.cohort.name}: ${names.join(", ")}.`
      : `Alleen jij: ${enrollment.cohort.name} heeft (nog) geen begeleiders.`;
  }
  if (audience === "GROUP" && enrollment && groups.length) {
    return groupReaders(groups)
      .map(
        (group) =>
          `Jij en ${group.name}: ${group.people.map((person) => person.name).join(", ") || "nog niemand anders"}.`,
      )
      .join(" ");
  }
  if (audience === "GROUP") return "Alleen jij: je zit (nog) niet in een intervisiegroep.";
  return "Alleen jij.";
}

// ---------------------------------------------------------------------------------------------------------
// Reading

const listSelect = {
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
} satisfies Prisma.JournalEntrySelect;

export type OwnListFilter = { q?: string; tag?: string; prompt?: string };

/**
 * The author's own entries, newest first, with search (title and text) and filters by tag or prompt. One
 * hand-written statement with flat rows (issue 18: cheaper than Prisma's select with its relations and count;
 * the same entries as that select, checked in journal.db.test.ts).
 */
export async function listOwnEntries(viewer: Viewer, filter: OwnListFilter = {}) {
  return (await readOwnEntries(viewer, filter, false)).entries;
}

/**
 * listOwnEntries' statement; with `withSharedCount` it also counts the entries others shared with the viewer
 * (sharedWithMeCountSql), in the same statement: the journal page's one statement (issue 18).
 */
async function readOwnEntries(viewer: Viewer, filter: OwnListFilter, withSharedCount: boolean) {
  // The author reads every entry of their own (the first rule of journalAccessWhere), so the shared-entry
  // rules, whose joins made this the most expensive part of the journal page, are left out here.
  const values: unknown[] = [viewer.id];
  const conditions = [`e."authorId" = $1::uuid`];
  const q = filter.q?.trim();
  if (q) {
    // Contains, ignoring case; the search text is taken literally (no wildcards).
    values.push(`%${q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`);
    conditions.push(`(e.title ILIKE $${values.length} OR e.body ILIKE $${values.length})`);
  }
  if (filter.tag) {
    values.push(filter.tag);
    conditions.push(`$${values.length} = ANY (e.tags)`);
  }
  if (filter.prompt?.startsWith("reflectie:")) {
    values.push(filter.prompt.slice("reflectie:".length));
    conditions.push(`e."reflectieId" = $${values.length}`);
  }
  if (filter.prompt?.startsWith("vraag:")) {
    values.push(filter.prompt.slice("vraag:".length));
    conditions.push(`e."promptId"::text = $${values.length}`);
  }
  if (filter.prompt === "sessie") conditions.push(`e."sessionId" IS NOT NULL`);
  const entries = `SELECT e.id, e.title, e.body, ${ms('e."writtenOn"')} AS "writtenOn", e.tags, e.audiences::text[] AS audiences,
       e."reflectieId", ${ms('e."updatedAt"')} AS "updatedAt", ${ms('e."createdAt"')} AS "createdAt",
       p.id AS "promptId", p.text AS "promptText", s.id AS "sessionId", s.number AS "sessionNumber",
       s.title AS "sessionTitle",
       (SELECT count(*)::int FROM "JournalReply" r WHERE r."entryId" = e.id) AS replies
     FROM "JournalEntry" e
     LEFT JOIN "JournalPrompt" p ON p.id = e."promptId"
     LEFT JOIN "CohortSession" s ON s.id = e."sessionId"
     WHERE ${conditions.join(" AND ")}`;
  // With the count: one row even without entries (then its entry columns are null); the order by the same
  // moments, as milliseconds.
  const rows = withSharedCount
    ? await readRows<OwnEntryRow & { shared: number }>(
        `SELECT sc.shared, o.* FROM (SELECT ${sharedWithMeCountSql("$1::uuid")} AS shared) sc
         LEFT JOIN LATERAL (${entries}) o ON true
         ORDER BY o."writtenOn" DESC, o."createdAt" DESC`,
        values,
      )
    : await readRows<OwnEntryRow>(`${entries} ORDER BY e."writtenOn" DESC, e."createdAt" DESC`, values);
  return {
    sharedCount: withSharedCount ? ((rows[0] as { shared?: number } | undefined)?.shared ?? 0) : null,
    entries: rows
      .filter((row) => row.id !== null)
      .map((row) => ({
        id: row.id,
        title: row.title,
        body: row.body,
        writtenOn: new Date(row.writtenOn),
        tags: row.tags,
        audiences: row.audiences,
        reflectieId: row.reflectieId,
        updatedAt: new Date(row.updatedAt),
        createdAt: new Date(row.createdAt),
        prompt: row.promptId === null ? null : { id: row.promptId, text: row.promptText! },
        session:
          row.sessionId === null ? null : { id: row.sessionId, number: row.sessionNumber!, title: row.sessionTitle! },
        _count: { replies: row.replies },
      })),
  };
}

type OwnEntryRow = {
  id: string;
  title: string;
  body: string;
  writtenOn: number;
  tags: string[];
  audiences: JournalAudience[];
  reflectieId: string | null;
  updatedAt: number;
  createdAt: number;
  promptId: string | null;
  promptText: string | null;
  sessionId: string | null;
  sessionNumber: number | null;
  sessionTitle: string | null;
  replies: number;
};

/** A moment as milliseconds since 1970 (exact for the millisecond timestamps stored). */
const ms = (column: string) => `(extract(epoch FROM ${column}) * 1000)::float8`;

/** The tags and prompts of the author's entries, for the filter menus (one query). */
export async function ownFilterChoices(viewer: Viewer) {
  const rows = await prisma.journalEntry.findMany({
    where: { authorId: viewer.id }, // their own: readable by the author (see listOwnEntries)
    select: { tags: true, reflectieId: true, prompt: { select: { id: true, text: true } }, sessionId: true },
  });
  return filterChoicesOf(rows);
}

function filterChoicesOf(
  rows: {
    tags: string[];
    reflectieId: string | null;
    prompt: { id: string; text: string } | null;
    sessionId: string | null;
  }[],
) {
  const tags = [...new Set(rows.flatMap((row) => row.tags))].sort((a, b) => a.localeCompare(b, "nl"));
  const prompts = new Map<string, string>();
  for (const row of rows) {
    if (row.reflectieId) {
      const reflectie = findReflectie(row.reflectieId);
      prompts.set(
        `reflectie:${row.reflectieId}`,
        reflectie ? `Les: ${reflectie.lesson.title}` : `Reflectievraag ${row.reflectieId}`,
      );
    }
    if (row.prompt) prompts.set(`vraag:${row.prompt.id}`, `Vraag van je begeleider: ${shorten(row.prompt.text, 60)}`);
  }
  if (rows.some((row) => row.sessionId)) prompts.set("sessie", "Bij een bijeenkomst");
  return { tags, prompts: [...prompts.entries()].map(([value, label]) => ({ value, label })) };
}

/**
 * The journal page: the author's entries (filtered), the filter menus, and how many entries others shared
 * with them, in one statement. Unfiltered, which is how the page usually opens, the list holds every entry
 * the menus are made of: no second query for the menus.
 */
export async function ownJournal(viewer: Viewer, filter: OwnListFilter = {}) {
  const filtered = Boolean(filter.q?.trim() || filter.tag || filter.prompt);
  const [{ entries, sharedCount }, choices] = await Promise.all([
    readOwnEntries(viewer, filter, true),
    filtered ? ownFilterChoices(viewer) : null,
  ]);
  return {
    entries,
    sharedCount: sharedCount ?? 0,
    choices: choices ?? filterChoicesOf(entries.map((entry) => ({ ...entry, sessionId: entry.session?.id ?? null }))),
  };
}

/** Entries shared with the viewer (by duo partners or, for facilitators, by participants), per author. */
export async function listSharedWithMe(viewer: Viewer) {
  const entries = await prisma.journalEntry.findMany({
    where: sharedWithWhere(viewer),
    orderBy: [{ sharedAt: "desc" }, { createdAt: "desc" }],
    select: {
      ...listSelect,
      sharedAt: true,
      author: { select: { id: true, name: true } },
      enrollment: {
        select: { municipality: { select: { name: true } }, cohort: { select: { id: true, name: true } } },
      },
      replies: { orderBy: { createdAt: "desc" }, take: 1, select: { authorId: true } },
    },
  });
  // Per participant, the participant with the newest shared entry first; entries newest first.
  const byAuthor = new Map<
    string,
    { author: { id: string; name: string }; municipality: string; cohort: string; entries: typeof entries }
  >();
  for (const entry of entries) {
    let group = byAuthor.get(entry.author.id);
    if (!group) {
      group = {
        author: entry.author,
        municipality: entry.enrollment?.municipality.name ?? "",
        cohort: entry.enrollment?.cohort.name ?? "",
        entries: [],
      };
      byAuthor.set(entry.author.id, group);
    }
    group.entries.push(entry);
  }
  return [...byAuthor.values()].map((group) => ({
    ...group,
    entries: group.entries.map(({ replies, body, ...entry }) => ({
      ...entry,
      excerpt: shorten(body.replace(/\s+/g, " ").trim(), 160),
      // Waiting for an answer: nobody but the author has written under it yet, or the author wrote last.
      awaitingAnswer: replies.length === 0 || replies[0]!.authorId === entry.author.id,
    })),
  }));
}

/**
 * How many entries were shared with the viewer and still wait for an answer. The definition (through
 * sharedWithWhere); the facilitator's start page counts the same in its own statement
 * (awaitingAnswerCountSql), and the tests hold the two equal in every sharing state.
 */
export async function countAwaitingAnswer(viewer: Viewer) {
  const entries = await prisma.journalEntry.findMany({
    where: sharedWithWhere(viewer),
    select: { authorId: true, replies: { orderBy: { createdAt: "desc" }, take: 1, select: { authorId: true } } },
  });
  return entries.filter((entry) => entry.replies.length === 0 || entry.replies[0]!.authorId === entry.authorId).length;
}

/**
 * countAwaitingAnswer as one SQL expression, for the facilitator's start page (its one statement, issue 18:
 * the separate query through Prisma cost that page a fifth of its CPU). `viewer` is the parameter holding
 * the viewer's id (e.g. "$1::uuid"). It is sharedWithWhere written out, branch by branch as
 * journalRelationWhere and groupAccessWhere (app/models/reader-access.server.ts): someone else's entry, in
 * an active enrolment, shared with an audience, with a reader row of the viewer for that audience AND the
 * viewer still in that relation now. It reads no content, only counts; the privacy tests of
 * journal.db.test.ts compare it with countAwaitingAnswer for every person in every sharing state. A change
 * to the rule must be made in both.
 */
export function awaitingAnswerCountSql(viewer: string): string {
  return `(SELECT count(DISTINCT je.id)::int ${sharedWithMeFromSql(viewer)}
        -- Waiting: no reply yet, or the author wrote the latest one.
        AND coalesce((SELECT r."authorId" IS NOT DISTINCT FROM je."authorId" FROM "JournalReply" r
          WHERE r."entryId" = je.id ORDER BY r."createdAt" DESC LIMIT 1), true))`;
}

/**
 * countSharedWithMe as one SQL expression, for the journal page's one statement (issue 18): the entries of
 * others shared with the viewer, by the same rule as awaitingAnswerCountSql (sharedWithWhere written out).
 * The privacy tests of journal.db.test.ts compare it with countSharedWithMe for every person in every
 * sharing state. A change to the rule must be made in both.
 */
export function sharedWithMeCountSql(viewer: string): string {
  return `(SELECT count(DISTINCT je.id)::int ${sharedWithMeFromSql(viewer)})`;
}

/**
 * FROM and WHERE of the entries (alias je, one row per reader row, so count DISTINCT je.id) shared with the
 * viewer: sharedWithWhere in SQL. Driven by the viewer's own reader rows (one per entry and audience, indexed
 * by person): an entry counts when one of them is for an audience the entry is still shared with and the
 * viewer is still in that relation (the CASE per audience: the branches of sharedWithWhere). One pass over
 * those few rows instead of every branch as its own lookup (issue 18).
 */
function sharedWithMeFromSql(viewer: string): string {
  return `FROM "JournalEntryReader" jr
      JOIN "JournalEntry" je ON je.id = jr."entryId"
      JOIN "Enrollment" jen ON jen.id = je."enrollmentId" AND jen.status = 'ACTIVE'
      WHERE jr."userId" = ${viewer} AND je."authorId" <> ${viewer} AND jr.via = ANY(je.audiences)
        AND CASE jr.via
          WHEN 'DUO' THEN EXISTS (SELECT 1 FROM "DuoMember" jdm WHERE jdm."enrollmentId" = jen.id AND jdm."userId" = ${viewer})
          WHEN 'FACILITATORS' THEN EXISTS (SELECT 1 FROM "CohortFacilitator" jcf
            WHERE jcf."cohortId" = jen."cohortId" AND jcf."userId" = ${viewer})
          WHEN 'GROUP' THEN EXISTS (SELECT 1 FROM "IntervisionMember" jam JOIN "IntervisionGroup" jg ON jg.id = jam."groupId"
            WHERE jam."userId" = je."authorId"
              AND ((EXISTS (SELECT 1 FROM "IntervisionMember" jvm WHERE jvm."groupId" = jg.id AND jvm."userId" = ${viewer})
                  AND EXISTS (SELECT 1 FROM "Enrollment" jve JOIN "DuoMember" jvd ON jvd."enrollmentId" = jve.id
                    WHERE jve."cohortId" = jg."cohortId" AND jve.status = 'ACTIVE' AND jvd."userId" = ${viewer}))
                OR (EXISTS (SELECT 1 FROM "IntervisionFacilitator" jvf WHERE jvf."groupId" = jg.id AND jvf."userId" = ${viewer})
                  AND EXISTS (SELECT 1 FROM "CohortFacilitator" jgf WHERE jgf."cohortId" = jg."cohortId" AND jgf."userId" = ${viewer}))))
          ELSE false END`;
}

/**
 * How many entries others shared with the viewer: the definition (through sharedWithWhere). The journal
 * page counts the same in its own statement (sharedWithMeCountSql), and the tests hold the two equal.
 */
export function countSharedWithMe(viewer: Viewer) {
  return prisma.journalEntry.count({ where: sharedWithWhere(viewer) });
}

/** One entry as the viewer may see it, or null when it does not exist or was not shared with them. */
export async function getEntryForViewer(viewer: Viewer, entryId: string) {
  const entry = await prisma.journalEntry.findFirst({
    where: { AND: [{ id: entryId }, journalAccessWhere(viewer)] },
    select: {
      id: true,
      authorId: true,
      title: true,
      body: true,
      writtenOn: true,
      tags: true,
      audiences: true,
      version: true,
      reflectieId: true,
      createdAt: true,
      updatedAt: true,
      author: { select: { id: true, name: true } },
      // The readers fixed at share time, and who read it (both shown to the author only).
      readers: {
        orderBy: [{ via: "asc" }, { createdAt: "asc" }],
        select: { via: true, createdAt: true, user: { select: { id: true, name: true } } },
      },
      reads: readsSelect,
      prompt: { select: { id: true, text: true, author: { select: { name: true } } } },
      session: { select: { id: true, number: true, title: true, startsAt: true, cohortId: true } },
      intervisionMeeting: { select: { id: true, startsAt: true, group: { select: { name: true } } } },
      enrollment: {
        select: {
          municipalityId: true,
          members: { select: { user: { select: { id: true, name: true } } } },
          cohort: {
            select: {
              id: true,
              name: true,
              facilitators: {
                orderBy: { createdAt: "asc" },
                select: { user: { select: { id: true, name: true } } },
              },
            },
          },
        },
      },
      replies: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          body: true,
          createdAt: true,
          author: { select: { id: true, name: true, role: true, title: true } },
        },
      },
      shareChanges: { orderBy: { changedAt: "desc" }, select: { id: true, from: true, to: true, changedAt: true } },
    },
  });
  if (!entry) return null;
  const isAuthor = entry.authorId === viewer.id;
  // The author's groups: for the author's choices (who would read it if shared with the group now).
  const groups = isAuthor ? await authorIntervisionGroups(entry.authorId) : [];
  const enrollment = entry.enrollment
    ? {
        ...entry.enrollment,
        members: entry.enrollment.members.filter((member) => member.user.id !== entry.authorId),
        cohort: {
          ...entry.enrollment.cohort,
          facilitators: entry.enrollment.cohort.facilitators.filter((f) => f.user.id !== entry.authorId),
        },
      }
    : null;
  const { readers, reads, ...rest } = entry;
  return {
    ...rest,
    enrollment,
    isAuthor,
    // The sharing history, the readers and who read it are the author's alone.
    shareChanges: isAuthor ? entry.shareChanges : [],
    authorGroups: isAuthor ? groups : [],
    readers: isAuthor ? readers : [],
    readBy: isAuthor ? readBy(reads) : [],
    reflectie: findReflectie(entry.reflectieId),
  };
}

/** Records that the viewer read someone else's journal entry (one insert; called by the entry page). */
export function recordEntryRead(viewer: Viewer, entryId: string) {
  return recordRead(viewer, { journalEntryId: entryId });
}

/** The entry as its author edits it (null for anyone else). */
export async function getOwnEntry(viewer: Viewer, entryId: string) {
  return prisma.journalEntry.findFirst({
    where: { AND: [{ id: entryId, authorId: viewer.id }, journalAccessWhere(viewer)] },
    select: {
      id: true,
      title: true,
      body: true,
      writtenOn: true,
      tags: true,
      version: true,
      reflectieId: true,
      sessionId: true,
      audiences: true,
      prompt: { select: { id: true, text: true, author: { select: { name: true } } } },
      // An entry of an archived cohort is read-only (requireOwnJournalEntry).
      enrollment: { select: { cohort: { select: { archivedAt: true } } } },
    },
  });
}

// ---------------------------------------------------------------------------------------------------------
// Writing

export type EntryInput = {
  title: string;
  body: string;
  writtenOn: string;
  tags: string[];
  sessionId: string | null;
  reflectieId: string | null;
  promptId: string | null;
};

export type SaveResult =
  | { status: "saved"; id: string; version: number }
  | { status: "conflict"; id: string; current: { title: string; body: string; version: number; updatedAt: Date } }
  | { status: "not-found" };

/** Tags from a comma-separated line: trimmed, lower case, without doubles. */
export function parseTags(line: string): string[] {
  return [
    ...new Set(
      line
        .split(",")
        .map((tag) => tag.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
}

/**
 * Creates an entry (no `id`) or saves a new version of one. A save names the version it was based on; when
 * the entry has moved on since (another tab saved), nothing is written and the current text comes back.
 */
export async function saveEntry(
  viewer: Viewer,
  input: EntryInput,
  existing?: { id: string; version: number },
): Promise<SaveResult> {
  const context = await authorContext(viewer.id);
  if (input.sessionId && !context?.cohort.sessions.some((session) => session.id === input.sessionId)) {
    throw new DomainError("Kies een bijeenkomst van je eigen leernetwerk.", "sessionId");
  }
  const data = {
    title: input.title,
    body: input.body,
    writtenOn: calendarDate(input.writtenOn),
    tags: input.tags,
    sessionId: input.sessionId,
  };
  if (!existing) {
    if (input.promptId && !(await findPromptForParticipant(viewer, input.promptId))) {
      throw new DomainError("Deze vraag van je begeleider bestaat niet (meer).");
    }
    if (input.reflectieId && !findReflectie(input.reflectieId))
      throw new DomainError("Deze reflectievraag bestaat niet.");
    const created = await prisma.journalEntry.create({
      data: {
        ...data,
        authorId: viewer.id,
        enrollmentId: context?.id ?? null,
        reflectieId: input.reflectieId,
        promptId: input.promptId,
      },
      select: { id: true, version: true },
    });
    return { status: "saved", ...created };
  }
  const result = await saveIfUnchanged({
    basedOn: existing.version,
    update: (version) =>
      prisma.journalEntry.updateMany({
        where: { id: existing.id, authorId: viewer.id, version },
        data: { ...data, version: { increment: 1 } },
      }),
    current: () =>
      prisma.journalEntry.findFirst({
        where: { AND: [{ id: existing.id, authorId: viewer.id }, journalAccessWhere(viewer)] },
        select: { title: true, body: true, version: true, updatedAt: true },
      }),
  });
  if (result.status === "saved") return { status: "saved", id: existing.id, version: result.version };
  if (result.status === "conflict") return { status: "conflict", id: existing.id, current: result.current };
  return result;
}

/**
 * Changes who can read the entry (author only) and records the change in the author's history. An audience
 * newly chosen gets its readers fixed now (the people in it at this moment); an audience withdrawn loses its
 * readers; an audience kept keeps its readers (someone who joined since is not added).
 * Returns the readers after the change, or null when the entry is not the viewer's.
 */
export async function setAudiences(viewer: Viewer, entryId: string, chosen: readonly JournalAudience[]) {
  const audiences = normalizeAudiences(chosen);
  return prisma.$transaction(async (tx) => {
    const entry = await tx.journalEntry.findFirst({
      where: { AND: [{ id: entryId, authorId: viewer.id }, journalAccessWhere(viewer)] },
      select: {
        audiences: true,
        enrollment: {
          select: {
            status: true,
            members: { where: { userId: { not: viewer.id } }, select: { user: { select: { id: true, name: true } } } },
            cohort: {
              select: {
                name: true,
                facilitators: {
                  where: { userId: { not: viewer.id } },
                  select: { user: { select: { id: true, name: true } } },
                },
              },
            },
          },
        },
      },
    });
    if (!entry) return null;
    if (audiences.length && entry.enrollment?.status !== "ACTIVE") {
      throw new DomainError("Je kunt dit stuk alleen delen als je meedoet aan een leernetwerk.");
    }
    const groups = audiences.includes("GROUP") ? await authorIntervisionGroups(viewer.id, tx) : [];
    if (audiences.includes("GROUP") && groups.length === 0) {
      throw new DomainError("Je zit (nog) niet in een intervisiegroep.");
    }
    const before = normalizeAudiences(entry.audiences);
    const added = audiences.filter((audience) => !before.includes(audience));
    const removed = before.filter((audience) => !audiences.includes(audience));
    if (removed.length) await tx.journalEntryReader.deleteMany({ where: { entryId, via: { in: removed } } });
    const newReaders = added.flatMap((via) =>
      readersFor(via, entry.enrollment, groups).map((person) => ({ entryId, userId: person.id, via })),
    );
    if (newReaders.length) await tx.journalEntryReader.createMany({ data: newReaders, skipDuplicates: true });
    if (added.length || removed.length) {
      await tx.journalEntry.update({
        where: { id: entryId },
        data: {
          audiences,
          sharedAt: audiences.length === 0 ? null : added.length ? new Date() : undefined,
        },
      });
      await tx.journalShareChange.create({ data: { entryId, from: before, to: audiences } });
    }
    return tx.journalEntryReader.findMany({
      where: { entryId },
      orderBy: [{ via: "asc" }, { createdAt: "asc" }],
      select: { via: true, user: { select: { id: true, name: true } } },
    });
  });
}

/** The names of readers, without doubles (someone may read through two audiences), in plain Dutch. */
export function readerNames(readers: { user: { id: string; name: string } }[]): string {
  const names = [...new Map(readers.map((reader) => [reader.user.id, reader.user.name])).values()];
  if (names.length === 0) return "Alleen jij kunt dit stuk lezen.";
  const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} en ${names.at(-1)}`;
  return `Gedeeld met ${list}.`;
}

/**
 * Adds a message under an entry, for anyone who may read it (an answer from a facilitator or the duo partner,
 * a reply from the author). The author hears about answers from others, as their preferences say.
 */
export async function addReply(viewer: Pick<User, "id" | "name">, entryId: string, body: string) {
  const entry = await prisma.journalEntry.findFirst({
    where: { AND: [{ id: entryId }, journalAccessWhere(viewer)] },
    select: { id: true, title: true, author: { select: { id: true, name: true, email: true } } },
  });
  if (!entry) return null;
  const reply = await prisma.journalReply.create({
    data: { entryId, authorId: viewer.id, body },
    select: { id: true },
  });
  if (entry.author.id !== viewer.id) {
    const mode = (await modesFor([entry.author.id], "journal-answered")).get(entry.author.id)!;
    const appUrl = getEnv().APP_URL;
    const url = `${appUrl}/journaal/${entry.id}`;
    // No journal text in the notification or e-mail: only who answered and the link.
    await notify({
      key: `journal-answered:${reply.id}`,
      kind: "journal-answered",
      user: entry.author,
      mode,
      title: `${viewer.name} heeft gereageerd op een stuk in je journaal`,
      url,
      email: () => journalAnsweredEmail({ appUrl, user: entry.author, answeredBy: viewer.name, url }),
    });
  }
  return reply;
}

/**
 * Deletes one reply under an entry the viewer may still read, by its own writer only (the entry's author
 * deletes only their own replies too). Returns whether a reply was deleted.
 */
export async function deleteReply(viewer: Viewer, entryId: string, replyId: string): Promise<boolean> {
  const deleted = await prisma.journalReply.deleteMany({
    where: { id: replyId, entryId, authorId: viewer.id, entry: journalAccessWhere(viewer) },
  });
  return deleted.count === 1;
}

/** Deletes the author's entry with its replies and history (really deleted). */
export async function deleteEntry(viewer: Viewer, entryId: string): Promise<boolean> {
  const deleted = await prisma.journalEntry.deleteMany({
    where: { AND: [{ id: entryId, authorId: viewer.id }, journalAccessWhere(viewer)] },
  });
  return deleted.count === 1;
}

// ---------------------------------------------------------------------------------------------------------
// Export

/** All the author's entries with their replies, oldest first (for the download and the printable page). */
export async function exportEntries(viewer: Viewer) {
  const entries = await prisma.journalEntry.findMany({
    where: { AND: [journalAccessWhere(viewer), { authorId: viewer.id }] },
    orderBy: [{ writtenOn: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      title: true,
      body: true,
      writtenOn: true,
      tags: true,
      audiences: true,
      reflectieId: true,
      prompt: { select: { text: true } },
      session: { select: { number: true, title: true } },
      replies: {
        orderBy: { createdAt: "asc" },
        select: { id: true, body: true, createdAt: true, author: { select: { name: true } } },
      },
    },
  });
  return entries.map((entry) => ({ ...entry, reflectie: findReflectie(entry.reflectieId) }));
}

// ---------------------------------------------------------------------------------------------------------
// Facilitators' prompts

/** The cohorts a facilitator runs, with their sessions and the intervisie groups they run, for the prompt form. */
export function facilitatorCohorts(viewer: Viewer) {
  return prisma.cohort.findMany({
    where: { facilitators: { some: { userId: viewer.id } } },
    orderBy: { startsOn: "desc" },
    select: {
      id: true,
      name: true,
      sessions: { orderBy: { number: "asc" }, select: { id: true, number: true, title: true, startsAt: true } },
      intervisionGroups: {
        where: { facilitators: { some: { userId: viewer.id } } },
        orderBy: { name: "asc" },
        select: { id: true, name: true },
      },
    },
  });
}

/** A prompt for the whole cohort, or (groupId) only for an intervisie group of that cohort the facilitator runs. */
export async function createPrompt(
  viewer: Viewer,
  input: { cohortId: string; sessionId: string | null; text: string; groupId?: string | null },
) {
  const cohort = await prisma.cohort.findFirst({
    where: { id: input.cohortId, facilitators: { some: { userId: viewer.id } } },
    select: {
      id: true,
      sessions: { select: { id: true } },
      intervisionGroups: { where: { facilitators: { some: { userId: viewer.id } } }, select: { id: true } },
    },
  });
  if (!cohort) throw new DomainError("Kies een leernetwerk dat jij begeleidt.", "cohortId");
  if (input.sessionId && !cohort.sessions.some((session) => session.id === input.sessionId)) {
    throw new DomainError("Kies een bijeenkomst van dit leernetwerk.", "sessionId");
  }
  if (input.groupId && !cohort.intervisionGroups.some((group) => group.id === input.groupId)) {
    throw new DomainError("Kies een intervisiegroep van dit leernetwerk die jij begeleidt.", "groupId");
  }
  return prisma.journalPrompt.create({
    data: {
      cohortId: cohort.id,
      sessionId: input.sessionId,
      text: input.text,
      authorId: viewer.id,
      intervisionGroupId: input.groupId ?? null,
    },
    select: { id: true },
  });
}

/** Prompts a participant sees: those for the whole cohort, and those for an intervisie group they are in. */
export function promptAudienceWhere(viewer: Viewer): Prisma.JournalPromptWhereInput {
  return { OR: [{ intervisionGroupId: null }, { intervisionGroup: { members: { some: { userId: viewer.id } } } }] };
}

/** Prompts in the cohorts the facilitator runs, newest first. */
export function listFacilitatorPrompts(viewer: Viewer) {
  return prisma.journalPrompt.findMany({
    where: { cohort: { facilitators: { some: { userId: viewer.id } } } },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      text: true,
      createdAt: true,
      author: { select: { name: true } },
      cohort: { select: { name: true } },
      intervisionGroup: { select: { name: true } },
      // No count of entries written for it: even that would tell something about private entries.
      session: { select: { number: true, title: true } },
    },
  });
}

/** Removes a prompt of one of the facilitator's cohorts; entries written for it keep their text. */
export async function deletePrompt(viewer: Viewer, promptId: string): Promise<boolean> {
  const deleted = await prisma.journalPrompt.deleteMany({
    where: { id: promptId, cohort: { facilitators: { some: { userId: viewer.id } } } },
  });
  return deleted.count === 1;
}

/** A prompt of the participant's own active cohort, or null. */
export function findPromptForParticipant(viewer: Viewer, promptId: string) {
  return prisma.journalPrompt.findFirst({
    where: {
      id: promptId,
      cohort: { enrollments: { some: { status: "ACTIVE", members: { some: { userId: viewer.id } } } } },
      ...promptAudienceWhere(viewer),
    },
    select: {
      id: true,
      text: true,
      createdAt: true,
      author: { select: { name: true } },
      session: { select: { id: true, number: true, title: true } },
    },
  });
}

/** The latest prompts for the participant's start page, with whether they wrote for it already. */
export async function promptsForParticipant(viewer: Viewer, take = 3) {
  const prompts = await prisma.journalPrompt.findMany({
    where: {
      cohort: { enrollments: { some: { status: "ACTIVE", members: { some: { userId: viewer.id } } } } },
      ...promptAudienceWhere(viewer),
    },
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      text: true,
      createdAt: true,
      author: { select: { name: true } },
      session: { select: { number: true, title: true } },
      entries: { where: { AND: [journalAccessWhere(viewer), { authorId: viewer.id }] }, select: { id: true }, take: 1 },
    },
  });
  return prompts.map(({ entries, ...prompt }) => ({ ...prompt, myEntryId: entries[0]?.id ?? null }));
}

// ---------------------------------------------------------------------------------------------------------
// Weekly digest for facilitators

/**
 * Per facilitator: how many entries were shared with them since `since`, per cohort. Only counts — the
 * digest e-mail carries no titles or text of journal entries.
 */
export async function sharedEntryCountsForDigest(since: Date) {
  const entries = await prisma.journalEntry.findMany({
    where: { audiences: { has: "FACILITATORS" }, sharedAt: { gte: since }, enrollment: { status: "ACTIVE" } },
    select: {
      // Only the facilitators it was shared with (fixed at share time) and who still run the cohort.
      readers: { where: { via: "FACILITATORS" }, select: { userId: true } },
      enrollment: {
        select: {
          cohort: {
            select: {
              id: true,
              name: true,
              facilitators: { select: { user: { select: { id: true, name: true, email: true } } } },
            },
          },
        },
      },
    },
  });
  const perFacilitator = new Map<
    string,
    { user: { id: string; name: string; email: string }; cohorts: Map<string, { name: string; count: number }> }
  >();
  for (const entry of entries) {
    const cohort = entry.enrollment!.cohort;
    const readerIds = new Set(entry.readers.map((reader) => reader.userId));
    for (const { user } of cohort.facilitators.filter((facilitator) => readerIds.has(facilitator.user.id))) {
      let item = perFacilitator.get(user.id);
      if (!item) {
        item = { user, cohorts: new Map() };
        perFacilitator.set(user.id, item);
      }
      const counted = item.cohorts.get(cohort.id) ?? { name: cohort.name, count: 0 };
      counted.count++;
      item.cohorts.set(cohort.id, counted);
    }
  }
  return perFacilitator;
}

// ---------------------------------------------------------------------------------------------------------
// Entries written as already shared (demo data, test worlds)

/**
 * Fixes the readers of entries that were stored as shared without going through setAudiences (demo data,
 * test worlds): the people in each chosen audience now, as sharing would have. Entries with readers already
 * get none added.
 */
export async function fixReadersOfSharedEntries(
  where: Prisma.JournalEntryWhereInput,
  db: Prisma.TransactionClient = prisma,
) {
  const entries = await db.journalEntry.findMany({
    where: { AND: [where, { NOT: { audiences: { isEmpty: true } } }, { readers: { none: {} } }] },
    select: {
      id: true,
      authorId: true,
      audiences: true,
      enrollment: {
        select: {
          members: { select: { user: { select: { id: true, name: true } } } },
          cohort: { select: { name: true, facilitators: { select: { user: { select: { id: true, name: true } } } } } },
        },
      },
    },
  });
  const groupsOf = new Map<string, AuthorGroups>();
  const rows: Prisma.JournalEntryReaderCreateManyInput[] = [];
  for (const entry of entries) {
    if (entry.audiences.includes("GROUP") && !groupsOf.has(entry.authorId)) {
      groupsOf.set(entry.authorId, await authorIntervisionGroups(entry.authorId, db));
    }
    const enrollment = entry.enrollment && {
      ...entry.enrollment,
      members: entry.enrollment.members.filter((member) => member.user.id !== entry.authorId),
    };
    for (const via of normalizeAudiences(entry.audiences)) {
      for (const person of readersFor(via, enrollment, groupsOf.get(entry.authorId) ?? [])) {
        rows.push({ entryId: entry.id, userId: person.id, via });
      }
    }
  }
  if (rows.length) await db.journalEntryReader.createMany({ data: rows, skipDuplicates: true });
  return rows.length;
}

// How many statements each measured page sends to the database (issue 18), for a cohort of 6 duos and one
// of 60: a page may not exceed its budget, and a page may not send more statements for the larger cohort
// (work that grows with the cohort belongs in one query, not in one query per duo). Counts, not timings,
// so the test is exact on a busy machine. Each page is requested through the whole app (root loader,
// layouts, the page, the render) as a signed-in person, once to warm up and once counted.
//
// The budgets sit here, in one table: raising one is a visible decision in a diff. The benchmark
// (`npm run bench`, tests/bench/pages.ts) measures what the pages cost in time.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../prisma/factories.ts";
import { appRequest } from "../support/app-requests.ts";
import { createCohortWorld, WORLD_LESSON, WORLD_SCAN } from "../support/cohort-world.ts";
import { cookiePair, requestWithCookie } from "../support/requests.ts";
import { createUserSession } from "~/auth/session.server.ts";
import { forgetPublishedKnowledge } from "~/models/knowledge-public.server.ts";
import { onDatabaseQuery, prisma } from "~/utils/db.server.ts";

type World = Awaited<ReturnType<typeof createCohortWorld>> & { coordinatorId: string };
type Page = {
  /** The signed-in person, or null for a signed-out visitor. */
  who: (world: World) => string | null;
  path: (world: World) => string | Promise<string>;
  status?: number;
  /** Run between the warm-up and the counted request (e.g. to drop an in-memory copy). */
  beforeCounting?: () => void;
};

/** Statements per request, at most. The session check is one of them on every signed-in page. */
const BUDGETS = {
  "empty page (/uitloggen)": 1,
  // The session check, with the page's own statement riding in it (participantStartRider,
  // app/auth/session-rider.server.ts; issue 18). Was 2.
  "start page, participant": 1,
  // The session check and one statement (the shared journal entries waiting for an answer are counted in it
  // since issue 18). Was 3.
  "start page, facilitator": 2,
  // The session check and one statement for the cohorts with their next sessions and the counts (issue 18).
  // Was 3.
  "start page, coordinator": 2,
  // The session check, with the viewer's data riding in it (lessonViewerRider; issue 18). Was 2.
  lesson: 1,
  // The session check and the access check with the page's overview in its statement (cohortOverviewWithAccess,
  // issue 18). Was 3.
  "cohort page, participant": 2,
  "cohort page, facilitator": 2,
  "cohort page, coordinator": 2,
  // The session check and one statement for the own entries with the count of entries shared with the
  // participant (sharedWithMeCountSql, issue 18). Was 3.
  journal: 2,
  // The session check and the assignment with the topics offered by "Bewaren in het impactspoor" (issue 15),
  // which come with the assignment since issue 18. Was 3.
  "assignment with feedback": 2,
  // The session check and the access check with the duo's responses in its statement (ownDuoResultsWithAccess,
  // issue 18). Was 3.
  "self-scan results": 2,
  "live intervisie poll": 2,
  "evaluation results, cohort": 4,
  "shared plans, participant": 4,
  // Issue 16: the public list, signed out. From the in-memory copy (no statement), and when that copy was
  // just dropped by a publication (its two queries, whatever the number of summaries).
  "public knowledge base": 0,
  "public knowledge base, uncached": 2,
  // Issue 19: the header's unread count costs no statement (it comes with the session's); the inbox lists.
  "inbox (/meldingen)": 2,
  announcements: 3,
  // The session page: the session check, the cohort, the session, then one query for everything of the
  // session (attendance, readings, assignments with the duo's status, discussion, evaluation check, lead,
  // handouts and report; before, eight) and the lessons the viewer read. Was 12.
  "session page, participant": 5,
} as const satisfies Record<string, number>;

const PAGES: Record<keyof typeof BUDGETS, Page> = {
  "empty page (/uitloggen)": { who: (w) => w.participant.id, path: () => "/uitloggen" },
  "start page, participant": { who: (w) => w.participant.id, path: () => "/" },
  "start page, facilitator": { who: (w) => w.facilitator.id, path: () => "/" },
  "start page, coordinator": { who: (w) => w.coordinatorId, path: () => "/" },
  lesson: { who: (w) => w.participant.id, path: () => WORLD_LESSON.path },
  "cohort page, participant": { who: (w) => w.participant.id, path: (w) => `/leernetwerken/${w.cohort.id}` },
  "cohort page, facilitator": { who: (w) => w.facilitator.id, path: (w) => `/leernetwerken/${w.cohort.id}` },
  "cohort page, coordinator": { who: (w) => w.coordinatorId, path: (w) => `/leernetwerken/${w.cohort.id}` },
  journal: { who: (w) => w.participant.id, path: () => "/journaal" },
  "assignment with feedback": { who: (w) => w.participant.id, path: (w) => `/opdrachten/${w.handedIn.id}` },
  "self-scan results": {
    who: (w) => w.participant.id,
    path: (w) => `/leernetwerken/${w.cohort.id}/zelfscans/${WORLD_SCAN}/resultaten`,
  },
  // The anonymous results over the cohort, with one answer per duo to the session that took place.
  "evaluation results, cohort": {
    who: (w) => w.facilitator.id,
    path: async (w) => {
      const session = w.sessions[0]!;
      if ((await prisma.evaluationResponse.count({ where: { cohortId: w.cohort.id } })) === 0) {
        await prisma.evaluationResponse.createMany({
          data: w.duos.map((_, index) => ({
            cohortId: w.cohort.id,
            target: session.id,
            sessionId: session.id,
            formId: "bijeenkomst",
            answers: { nuttig: (index % 5) + 1, beleidswerk: 4, waardevol: `Antwoord ${index}` },
          })),
        });
      }
      return `/leernetwerken/${w.cohort.id}/evaluatie/resultaten`;
    },
  },
  "shared plans, participant": {
    who: (w) => w.participant.id,
    path: (w) => `/leernetwerken/${w.cohort.id}/gedeelde-plannen`,
  },
  "inbox (/meldingen)": { who: (w) => w.participant.id, path: () => "/meldingen" },
  announcements: { who: (w) => w.participant.id, path: (w) => `/leernetwerken/${w.cohort.id}/mededelingen` },
  // The session that took place: its programme, attendance, discussion, handouts and report.
  "session page, participant": {
    who: (w) => w.participant.id,
    path: (w) => `/leernetwerken/${w.cohort.id}/bijeenkomsten/${w.sessions[0]!.id}`,
  },
  // What the live view asks every few seconds, nothing having changed: its stamp is still current (204).
  "live intervisie poll": {
    who: (w) => w.participant.id,
    path: async (w) => {
      const url = `/intervisie/bijeenkomsten/${w.meetingId}/live/stand`;
      const response = await appRequest(
        new Request(`http://localhost${url}`, { headers: { Cookie: await cookieFor(w.participant.id) } }),
      );
      const { stamp } = (await response.json()) as { stamp: string };
      return `${url}?sinds=${encodeURIComponent(stamp)}`;
    },
    status: 204,
  },
  "public knowledge base": { who: () => null, path: withPublishedSummaries("/kennisbank?thema=armoede") },
  "public knowledge base, uncached": {
    who: () => null,
    path: withPublishedSummaries("/kennisbank"),
    beforeCounting: forgetPublishedKnowledge,
  },
};

/** Every duo of the world has an approved summary in the knowledge base (made once per world). */
function withPublishedSummaries(path: string) {
  return async (world: World) => {
    const enrollmentIds = world.duos.map((duo) => duo.enrollment.id);
    if (!(await prisma.knowledgeArticle.count({ where: { enrollmentId: { in: enrollmentIds } } }))) {
      await prisma.knowledgeArticle.createMany({
        data: enrollmentIds.map((enrollmentId) => ({
          enrollmentId,
          title: "Samen met inwoners",
          themes: ["armoede"],
          sections: [{ sectionId: "fase-ontsluiten", title: "Fase 1", text: "Gesprekken in de buurt." }],
          searchText: "samen met inwoners gesprekken in de buurt",
          reviewStatus: "APPROVED" as const,
        })),
      });
    }
    forgetPublishedKnowledge();
    return path;
  };
}

const cookies = new Map<string, string>();
async function cookieFor(userId: string | null) {
  if (!userId) return "";
  if (!cookies.has(userId)) cookies.set(userId, cookiePair(await createUserSession(requestWithCookie(null), userId)));
  return cookies.get(userId)!;
}

/** The statements one request sends (the request is made twice; the second one is counted). */
async function statementsOf(world: World, page: Page): Promise<string[]> {
  const path = await page.path(world);
  const request = async () =>
    new Request(`http://localhost${path}`, { headers: { Cookie: await cookieFor(page.who(world)) } });
  const warm = await appRequest(await request());
  expect(warm.status, `${path}: ${(await warm.text()).slice(0, 500)}`).toBe(page.status ?? 200);
  page.beforeCounting?.();
  const statements: string[] = [];
  const stop = onDatabaseQuery((sql) => statements.push(sql));
  try {
    const response = await appRequest(await request());
    await response.text();
    expect(response.status).toBe(page.status ?? 200);
  } finally {
    stop();
  }
  return statements;
}

const counted: Record<string, Record<string, string[]>> = { small: {}, large: {} };

describe("database statements per page", () => {
  beforeAll(async () => {
    const coordinator = await createUser(prisma, { role: "COORDINATOR" });
    for (const [size, duos] of [
      ["small", 6],
      ["large", 60],
    ] as const) {
      const world = { ...(await createCohortWorld(prisma, { duos })), coordinatorId: coordinator.id };
      for (const [name, page] of Object.entries(PAGES)) counted[size]![name] = await statementsOf(world, page);
    }
  }, 240_000);

  afterAll(() => {
    const rows = Object.entries(BUDGETS).map(
      ([name, budget]) =>
        `  ${name.padEnd(28)} ${String(counted.small![name]?.length).padStart(3)} ${String(counted.large![name]?.length).padStart(3)}   (budget ${budget})`,
    );
    console.log(`Statements per page (6 duos, 60 duos):\n${rows.join("\n")}`);
  });

  for (const [name, budget] of Object.entries(BUDGETS)) {
    it(`${name}: at most ${budget}, the same for 6 and 60 duos`, () => {
      const small = counted.small![name]!;
      const large = counted.large![name]!;
      const list = (statements: string[]) =>
        statements.map((sql, i) => `  ${i + 1}. ${sql.replace(/\s+/g, " ").slice(0, 160)}`).join("\n");
      expect(
        large.length,
        `60 duos sent more statements than 6 duos:\n6 duos:\n${list(small)}\n60 duos:\n${list(large)}`,
      ).toBe(small.length);
      expect(small.length, `over budget:\n${list(small)}`).toBeLessThanOrEqual(budget);
    });
  }
});

// A page's data that rides with the session check (issue 18): read in the same statement when the page asks
// before the session statement goes out, for the user that statement found only, and read on its own
// (with the same value) in every other case.
import { describe, expect, it } from "vitest";
import { createUser } from "../../prisma/factories.ts";
import { createDuo } from "../../tests/support/duo.ts";
import { requestAs, requestWithCookie, thrownResponse } from "../../tests/support/requests.ts";
import { findLesson } from "~/content/library.server.ts";
import { lessonViewerRider } from "~/models/course-progress.server.ts";
import { participantStartRider } from "~/models/start-page.server.ts";
import { onDatabaseQuery, prisma } from "~/utils/db.server.ts";
import { runWithRequestMemory } from "~/utils/request-context.server.ts";
import { requireUser, requireUserWith } from "./guards.server.ts";
import { getAuth } from "./session.server.ts";
import { readRider, rideWithSession, type SessionRider } from "./session-rider.server.ts";

/** A rider that says whom it was read for, with a value of its own. */
function echoRider(word: string): SessionRider<{ id: string; role: string; word: string }> {
  return {
    sql: ECHO_SQL,
    values: [word],
    read: (json) => json as { id: string; role: string; word: string },
  };
}
const ECHO_SQL = (user: { id: string; role: string }, param: (index: number) => string) =>
  `json_build_object('id', ${user.id}, 'role', ${user.role}, 'word', ${param(0)}::text)`;

/** Runs `work` as one request, counting its statements. */
async function inRequest<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }> {
  let statements = 0;
  const stop = onDatabaseQuery(() => statements++);
  try {
    const result = await runWithRequestMemory(work);
    return { result, statements };
  } finally {
    stop();
  }
}

describe("session riders", () => {
  it("ride in the session statement when the page asks before anything is awaited", async () => {
    const user = await createUser(prisma, { role: "FACILITATOR" });
    const request = await requestAs(user.id);
    const rider = echoRider("hallo");
    const { result, statements } = await inRequest(() => requireUserWith(request, rider));
    expect(statements).toBe(1);
    expect(result.user.id).toBe(user.id);
    expect(result.data).toEqual({ id: user.id, role: "FACILITATOR", word: "hallo" });
    // The same value read on its own (outside a request: one statement of its own).
    expect(await readRider(rider, result.user)).toEqual(result.data);
  });

  it("are read on their own when the session statement went first, or another rider came first", async () => {
    const user = await createUser(prisma);
    const request = await requestAs(user.id);
    // As after an action: the session was checked before the page asked.
    const late = await inRequest(async () => {
      await getAuth(request);
      return requireUserWith(request, echoRider("laat"));
    });
    expect(late.statements).toBe(2);
    expect(late.result.data).toEqual({ id: user.id, role: "PARTICIPANT", word: "laat" });

    const second = await inRequest(async () => {
      const first = echoRider("eerste");
      rideWithSession(first);
      const [a, b] = await Promise.all([requireUserWith(request, echoRider("tweede")), requireUser(request)]);
      return { second: a.data, first: await readRider(first, b) };
    });
    expect(second.statements).toBe(2);
    expect(second.result).toEqual({
      first: { id: user.id, role: "PARTICIPANT", word: "eerste" },
      second: { id: user.id, role: "PARTICIPANT", word: "tweede" },
    });
  });

  it("give their value only for the user the session check found, and nothing without a session", async () => {
    const user = await createUser(prisma);
    const other = await createUser(prisma);
    const request = await requestAs(user.id);
    const rider = echoRider("van wie");
    const { result } = await inRequest(async () => {
      rideWithSession(rider);
      await requireUser(request);
      return readRider(rider, other);
    });
    expect(result.id).toBe(other.id);

    // A session that does not exist: to the login page, the rider's value never handed out.
    const thrown = await inRequest(() =>
      thrownResponse(() => requireUserWith(requestWithCookie("ln_session=onbekend"), echoRider("niemand"))),
    );
    expect(thrown.result?.status).toBe(302);
    expect(thrown.statements).toBe(1);
  });

  it("read a lesson's viewer data and a participant's start page as the statements on their own do", async () => {
    const { lisa, erik } = await createDuo();
    const lesson = findLesson("ontsluiten", "werk-bronnen-en-klantreis")!;
    await prisma.lessonProgress.create({ data: { userId: erik.id, lessonId: lesson.id } });
    const now = new Date();
    const riders = [lessonViewerRider(lesson, now), participantStartRider] as SessionRider<unknown>[];
    for (const rider of riders) {
      const request = await requestAs(lisa.id);
      const riding = await inRequest(() => requireUserWith(request, rider));
      expect(riding.statements).toBe(1);
      const alone = await readRider(rider, { id: lisa.id, role: "PARTICIPANT" });
      expect(riding.result.data).toEqual(alone);
    }
    const viewer = await readRider(lessonViewerRider(lesson, now), { id: lisa.id, role: "PARTICIPANT" });
    expect(viewer.partners).toEqual([{ name: erik.name, readAt: expect.any(Date) }]);
    // Staff: no duo, and no start page of a participant.
    const staff = await createUser(prisma, { role: "COORDINATOR" });
    const staffRequest = await requestAs(staff.id);
    const asStaff = await inRequest(() => requireUserWith(staffRequest, participantStartRider));
    expect(asStaff.result.data).toEqual({ read: [], answered: [], memberships: [] });
    expect((await readRider(lessonViewerRider(lesson, now), staff)).partners).toEqual([]);
  });
});

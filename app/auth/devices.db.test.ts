import { describe, expect, it } from "vitest";
import { createUser } from "../../prisma/factories.ts";
import { appRequest } from "../../tests/support/app-requests.ts";
import { args, cookiePair, form, requestWithCookie, statusOf } from "../../tests/support/requests.ts";
import { action, loader } from "~/routes/_account+/account_.sessies.tsx";
import { prisma } from "~/utils/db.server.ts";
import { requireUser } from "./guards.server.ts";
import { createUserSession, getUser, LAST_SEEN_WRITE_MS } from "./session.server.ts";
import { hashToken } from "./tokens.server.ts";

const CHROME_WINDOWS =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const SAFARI_IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

async function signIn(userId: string, userAgent = CHROME_WINDOWS) {
  const request = new Request("http://localhost/inloggen", { headers: { "User-Agent": userAgent } });
  return cookiePair(await createUserSession(request, userId));
}

const tokenOf = (cookie: string) => cookie.split("=")[1]!;
const setLastSeen = (cookie: string, minutesAgo: number) =>
  prisma.session.update({
    where: { id: hashToken(tokenOf(cookie)) },
    data: { lastSeenAt: new Date(Date.now() - minutesAgo * 60_000) },
  });

describe("idle timeout", () => {
  it("ends a staff session after 30 idle minutes, a participant's after 120", async () => {
    const coordinator = await createUser(prisma, { role: "COORDINATOR" });
    const participant = await createUser(prisma, { role: "PARTICIPANT" });
    const staffCookie = await signIn(coordinator.id);
    const participantCookie = await signIn(participant.id);
    await setLastSeen(staffCookie, 31);
    await setLastSeen(participantCookie, 31);
    expect(await getUser(requestWithCookie(staffCookie))).toBeNull();
    expect((await getUser(requestWithCookie(participantCookie)))?.id).toBe(participant.id);
    // The idle session is gone for good, not just refused once.
    expect(await prisma.session.count({ where: { userId: coordinator.id } })).toBe(0);
    await setLastSeen(participantCookie, 121);
    expect(await getUser(requestWithCookie(participantCookie))).toBeNull();
  });

  it("sends someone whose session ended to the login page with the reason, and removes the stale cookie", async () => {
    const coordinator = await createUser(prisma, { role: "COORDINATOR" });
    const cookie = await signIn(coordinator.id);
    await setLastSeen(cookie, 31);
    const request = new Request("http://localhost/leernetwerken?x=1", { headers: { Cookie: cookie } });
    const answer = await requireUser(request).then(
      () => null,
      (thrown: unknown) => thrown as Response,
    );
    expect(answer?.status).toBe(302);
    const location = new URL(answer!.headers.get("Location")!, "http://localhost");
    expect(location.pathname).toBe("/inloggen");
    expect(location.searchParams.get("verlopen")).toBe("1");
    expect(location.searchParams.get("redirectTo")).toBe("/leernetwerken?x=1");
    expect(answer!.headers.get("Set-Cookie")).toMatch(/Max-Age=0/);
    // Without any session cookie: no reason given (nobody was signed out).
    const fresh = await requireUser(new Request("http://localhost/")).catch((thrown: Response) => thrown);
    expect((fresh as Response).headers.get("Location")).toBe("/inloggen");
  });

  it("writes lastSeenAt at most once a minute", async () => {
    const user = await createUser(prisma);
    const cookie = await signIn(user.id);
    const row = () => prisma.session.findUniqueOrThrow({ where: { id: hashToken(tokenOf(cookie)) } });
    const first = (await row()).lastSeenAt;
    await getUser(requestWithCookie(cookie));
    expect((await row()).lastSeenAt).toEqual(first);
    await setLastSeen(cookie, LAST_SEEN_WRITE_MS / 60_000 + 1);
    await getUser(requestWithCookie(cookie));
    expect(Date.now() - (await row()).lastSeenAt.getTime()).toBeLessThan(5_000);
  });
});

describe("/account/sessies", () => {
  it("lists my active sessions with the device in plain Dutch and this device marked", async () => {
    const user = await createUser(prisma);
    const other = await createUser(prisma);
    const here = await signIn(user.id);
    await signIn(user.id, SAFARI_IPHONE);
    await signIn(other.id);
    const idle = await signIn(user.id);
    await setLastSeen(idle, 500);
    const data = await loader(args(requestWithCookie(here, "http://localhost/account/sessies")));
    expect(data.sessions.map((session) => [session.device, session.current])).toEqual([
      ["Chrome op Windows", true],
      ["Safari op iPhone", false],
    ]);
  });

  it("ends one other session of mine, never someone else's or this one", async () => {
    const user = await createUser(prisma);
    const other = await createUser(prisma);
    const here = await signIn(user.id);
    const phone = await signIn(user.id, SAFARI_IPHONE);
    const someoneElse = await signIn(other.id);
    const post = (sessionId: string) =>
      action(args(requestWithCookie(here, "http://localhost/account/sessies", form({ intent: "end", sessionId }))));
    expect(statusOf(await post(hashToken(tokenOf(someoneElse))))).toBe(302);
    expect((await getUser(requestWithCookie(someoneElse)))?.id).toBe(other.id);
    await post(hashToken(tokenOf(here)));
    expect((await getUser(requestWithCookie(here)))?.id).toBe(user.id);
    await post(hashToken(tokenOf(phone)));
    expect(await getUser(requestWithCookie(phone))).toBeNull();
    // A malformed id is a clear 400, never a 500.
    expect(statusOf(await post("'; drop table"))).toBe(400);
  });

  it("ends all my other sessions and keeps this one", async () => {
    const user = await createUser(prisma);
    const here = await signIn(user.id);
    const a = await signIn(user.id, SAFARI_IPHONE);
    const b = await signIn(user.id);
    await action(args(requestWithCookie(here, "http://localhost/account/sessies", form({ intent: "end-others" }))));
    expect(await getUser(requestWithCookie(a))).toBeNull();
    expect(await getUser(requestWithCookie(b))).toBeNull();
    expect((await getUser(requestWithCookie(here)))?.id).toBe(user.id);
  });
});

describe("Cache-Control", () => {
  it("is no-store on pages and on their data", async () => {
    const user = await createUser(prisma);
    const cookie = await signIn(user.id);
    const page = await appRequest(requestWithCookie(cookie, "http://localhost/account"));
    expect(page.status).toBe(200);
    expect(page.headers.get("Cache-Control")).toBe("no-store");
    const data = await appRequest(requestWithCookie(cookie, "http://localhost/account.data"));
    expect(data.status).toBe(200);
    expect(data.headers.get("Cache-Control")).toBe("no-store");
    const login = await appRequest(requestWithCookie(null, "http://localhost/inloggen"));
    expect(login.headers.get("Cache-Control")).toBe("no-store");
  });
});

import { describe, expect, it } from "vitest";
import { createUser } from "../../prisma/factories.ts";
import { prisma } from "~/utils/db.server.ts";
import { cleanUp } from "./clean-up.server.ts";

const DAY = 24 * 60 * 60_000;

describe("clean-up job", () => {
  it("removes expired sessions, old login attempts, old reset links and ended rate-limit windows, and keeps what is still needed", async () => {
    const now = new Date("2030-06-01T12:00:00Z");
    const user = await createUser(prisma);
    await prisma.session.createMany({
      data: [
        { id: "expired", userId: user.id, expiresAt: new Date(now.getTime() - 1000) },
        { id: "valid", userId: user.id, expiresAt: new Date(now.getTime() + DAY) },
      ],
    });
    await prisma.loginAttempt.createMany({
      data: [
        { email: user.email, succeeded: false, createdAt: new Date(now.getTime() - 31 * DAY) },
        { email: user.email, succeeded: false, createdAt: new Date(now.getTime() - 1 * DAY) },
      ],
    });
    await prisma.passwordResetToken.createMany({
      data: [
        { tokenHash: "old-expired", userId: user.id, expiresAt: new Date(now.getTime() - 8 * DAY) },
        {
          tokenHash: "old-used",
          userId: user.id,
          expiresAt: new Date(now.getTime() + DAY),
          usedAt: new Date(now.getTime() - 8 * DAY),
        },
        { tokenHash: "recent", userId: user.id, expiresAt: new Date(now.getTime() - DAY) },
      ],
    });

    await prisma.emailChangeRequest.createMany({
      data: [
        {
          tokenHash: "change-old",
          userId: user.id,
          newEmail: "a@b.test",
          expiresAt: new Date(now.getTime() - 8 * DAY),
        },
        { tokenHash: "change-open", userId: user.id, newEmail: "a@b.test", expiresAt: new Date(now.getTime() + DAY) },
      ],
    });

    await prisma.rateLimitCounter.createMany({
      data: [
        { key: "ip:login:ended", count: 3, resetAt: new Date(now.getTime() - 1000) },
        { key: "ip:login:running", count: 1, resetAt: new Date(now.getTime() + 60_000) },
      ],
    });

    expect(await cleanUp(now)).toEqual({
      sessions: 1,
      loginAttempts: 1,
      passwordResets: 2,
      emailChanges: 1,
      rateLimitCounters: 1,
    });
    expect((await prisma.rateLimitCounter.findMany()).map((c) => c.key)).toEqual(["ip:login:running"]);
    expect((await prisma.session.findMany({ where: { userId: user.id } })).map((s) => s.id)).toEqual(["valid"]);
    expect(await prisma.loginAttempt.count({ where: { email: user.email } })).toBe(1);
    expect((await prisma.passwordResetToken.findMany({ where: { userId: user.id } })).map((t) => t.tokenHash)).toEqual([
      "recent",
    ]);
    // Running it again removes nothing more.
    expect(await cleanUp(now)).toEqual({
      sessions: 0,
      loginAttempts: 0,
      passwordResets: 0,
      emailChanges: 0,
      rateLimitCounters: 0,
    });
  });
});

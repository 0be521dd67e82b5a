// The reset form is limited per account (per e-mail address, stored as a keyed hash), besides the limit
// per IP address in server/security.ts: past three requests in an hour no more links are sent, and the
// answer stays exactly the same, so it tells nothing about the address. The link itself is made and sent
// by the request-password-reset job (in-process here), after the answer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../prisma/factories.ts";
import { args, form, requestWithCookie } from "../support/requests.ts";
import { action } from "~/routes/_account+/wachtwoord-vergeten.tsx";
import { prisma } from "~/utils/db.server.ts";
import { inProcessIdle, registerJobs, startInProcessJobs, stopJobs } from "../../jobs/engine.ts";
import { allJobs } from "../../jobs/registry.ts";

const ask = (email: string) =>
  action(args(requestWithCookie(null, "http://localhost/wachtwoord-vergeten", form({ email }))));

beforeAll(async () => {
  registerJobs(allJobs);
  await startInProcessJobs({ timers: false });
});
afterAll(() => stopJobs());

describe("/wachtwoord-vergeten per account", () => {
  it("sends at most 3 links an hour to one address, whatever it is written like, with the same answer", async () => {
    const user = await createUser(prisma);
    const answers = [];
    for (const spelling of [user.email, user.email.toUpperCase(), ` ${user.email} `, user.email, user.email]) {
      answers.push(await ask(spelling));
    }
    await inProcessIdle();
    expect(await prisma.passwordResetToken.count({ where: { userId: user.id } })).toBe(3);
    expect(await prisma.emailMessage.count({ where: { to: user.email, kind: "password-reset" } })).toBe(3);
    // The 4th and 5th answer exactly as the first did.
    expect(answers[3]).toEqual(answers[0]);
    expect(answers[4]).toEqual({ status: "sent", email: user.email });
    // The counter holds no address, only a keyed hash.
    const keys = (await prisma.rateLimitCounter.findMany()).map((counter) => counter.key);
    expect(keys.some((key) => key.includes(user.email) || key.includes("@"))).toBe(false);
    expect(keys.filter((key) => key.startsWith("reset-account:"))).toHaveLength(1);
  });

  it("counts each address on its own, and answers an unknown address the same way", async () => {
    const other = await createUser(prisma);
    expect(await ask(other.email)).toEqual({ status: "sent", email: other.email });
    await inProcessIdle();
    expect(await prisma.passwordResetToken.count({ where: { userId: other.id } })).toBe(1);
    const unknown = "niemand-hier@voorbeeld.test";
    for (let attempt = 0; attempt < 4; attempt++) {
      expect(await ask(unknown)).toEqual({ status: "sent", email: unknown });
    }
  });
});

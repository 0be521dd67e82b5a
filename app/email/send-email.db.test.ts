import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startResendRecorder } from "../../tests/support/resend-recorder.ts";
import { prisma } from "~/utils/db.server.ts";
import { clearEnvCache } from "~/utils/env.server.ts";
import { sendEmail } from "./send-email.server.ts";
import { passwordResetEmail } from "./templates.server.ts";

let recorder: Awaited<ReturnType<typeof startResendRecorder>>;
beforeAll(async () => {
  recorder = await startResendRecorder();
});
afterAll(() => recorder.close());
afterEach(() => {
  delete process.env.RESEND_API_KEY;
  delete process.env.RESEND_BASE_URL;
  clearEnvCache();
});

function useResend() {
  process.env.RESEND_API_KEY = "re_test_key";
  process.env.RESEND_BASE_URL = recorder.url;
  clearEnvCache();
}

const content = () => passwordResetEmail({ name: "Test", url: "http://localhost/x", expiresAt: new Date() });

describe("sendEmail", () => {
  it("without a key: records the message and keeps it (status STORED)", async () => {
    const message = await sendEmail({ to: "a@test.nl", kind: "test", idempotencyKey: "k-stored", ...content() });
    expect(message.status).toBe("STORED");
    expect(recorder.received).toHaveLength(0);
  });

  it("with a key: records first, then delivers through Resend with HTML, text and an idempotency key", async () => {
    useResend();
    const message = await sendEmail({ to: "b@test.nl", kind: "test", idempotencyKey: "k-sent", ...content() });
    expect(message.status).toBe("SENT");
    const request = recorder.received.at(-1)!;
    expect(request.path).toBe("/emails");
    expect(request.headers["idempotency-key"]).toBe("k-sent");
    expect(request.body).toMatchObject({ to: "b@test.nl", subject: "Nieuw wachtwoord instellen" });
    expect(String(request.body.html)).toContain("<a href=");
    expect(String(request.body.text)).toContain("http://localhost/x");
    const stored = await prisma.emailMessage.findUniqueOrThrow({ where: { id: message.id } });
    expect(stored.providerId).toBe(`re_${recorder.received.length}`);
  });

  it("the same idempotency key never sends twice", async () => {
    useResend();
    const before = recorder.received.length;
    await sendEmail({ to: "c@test.nl", kind: "test", idempotencyKey: "k-once", ...content() });
    await sendEmail({ to: "c@test.nl", kind: "test", idempotencyKey: "k-once", ...content() });
    expect(recorder.received.length).toBe(before + 1);
    expect(await prisma.emailMessage.count({ where: { idempotencyKey: "k-once" } })).toBe(1);
  });

  it("a failing provider does not throw: the message is kept as FAILED with the error", async () => {
    useResend();
    recorder.failNextRequests(1);
    const message = await sendEmail({ to: "d@test.nl", kind: "test", idempotencyKey: "k-fail", ...content() });
    expect(message.status).toBe("FAILED");
    const stored = await prisma.emailMessage.findUniqueOrThrow({ where: { id: message.id } });
    expect(stored.error).toContain("Storing bij de provider");
  });
});

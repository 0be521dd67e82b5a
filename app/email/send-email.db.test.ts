import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startResendRecorder } from "../../tests/support/resend-recorder.ts";
import { prisma } from "~/utils/db.server.ts";
import { clearEnvCache } from "~/utils/env.server.ts";
import { deliverMessage, deliveryPolicy } from "./delivery.server.ts";
import { sendEmail } from "./send-email.server.ts";
import { passwordResetEmail } from "./templates.server.ts";
import { sweepOutbox } from "../../jobs/sweep-outbox.ts";

let recorder: Awaited<ReturnType<typeof startResendRecorder>>;
beforeAll(async () => {
  recorder = await startResendRecorder();
});
afterAll(() => recorder.close());
afterEach(() => {
  delete process.env.RESEND_API_KEY;
  delete process.env.RESEND_BASE_URL;
  clearEnvCache();
  recorder.reset();
});

function useResend() {
  process.env.RESEND_API_KEY = "re_test_key";
  process.env.RESEND_BASE_URL = recorder.url;
  clearEnvCache();
}

const content = () => passwordResetEmail({ name: "Test", url: "http://localhost/x", expiresAt: new Date() });
const stored = (id: string) => prisma.emailMessage.findUniqueOrThrow({ where: { id } });
const later = (ms: number) => new Date(Date.now() + ms);

describe("sendEmail", () => {
  it("without a key: records the message and keeps it (status STORED)", async () => {
    const message = await sendEmail({ to: "a@test.nl", kind: "test", idempotencyKey: "k-stored", ...content() });
    expect(message.status).toBe("STORED");
    expect(recorder.received).toHaveLength(0);
  });

  it("with a key: records the message as PENDING and returns at once, without calling the provider", async () => {
    useResend();
    const before = recorder.requestCount();
    const message = await sendEmail({ to: "b@test.nl", kind: "test", idempotencyKey: "k-pending", ...content() });
    expect(message.status).toBe("PENDING");
    expect(recorder.requestCount()).toBe(before);
  });

  it("the same idempotency key never records twice", async () => {
    await sendEmail({ to: "c@test.nl", kind: "test", idempotencyKey: "k-once", ...content() });
    await sendEmail({ to: "c@test.nl", kind: "test", idempotencyKey: "k-once", ...content() });
    expect(await prisma.emailMessage.count({ where: { idempotencyKey: "k-once" } })).toBe(1);
  });
});

describe("deliverMessage (the deliver-email job)", () => {
  it("sends through Resend with HTML, text and the idempotency key, and records the provider id", async () => {
    useResend();
    const message = await sendEmail({ to: "d@test.nl", kind: "test", idempotencyKey: "k-sent", ...content() });
    const outcome = await deliverMessage(message.id);
    expect(outcome.result).toBe("sent");
    const request = recorder.received.at(-1)!;
    expect(request.path).toBe("/emails");
    expect(request.headers["idempotency-key"]).toBe("k-sent");
    expect(request.body).toMatchObject({ to: "d@test.nl", subject: "Nieuw wachtwoord instellen" });
    expect(String(request.body.html)).toContain("<a href=");
    expect(String(request.body.text)).toContain("http://localhost/x");
    const row = await stored(message.id);
    expect(row).toMatchObject({ status: "SENT", attempts: 1, error: null, claimedUntil: null });
    expect(row.providerId).toBe(`re_${recorder.received.length}`);
  });

  it("Resend answering 500: kept PENDING with the error and a backed-off retry time, then sent", async () => {
    useResend();
    const message = await sendEmail({ to: "e@test.nl", kind: "test", idempotencyKey: "k-500", ...content() });
    recorder.failNextRequests(2, 500);
    const first = await deliverMessage(message.id);
    expect(first).toMatchObject({ result: "retry", retryInMs: deliveryPolicy.backoffMs });
    let row = await stored(message.id);
    expect(row.status).toBe("PENDING");
    expect(row.error).toContain("500");
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + deliveryPolicy.backoffMs - 5000);
    // Not due yet: the sweep leaves it alone.
    expect((await sweepOutbox()).ids).not.toContain(message.id);
    const second = await deliverMessage(message.id, later(deliveryPolicy.backoffMs));
    expect(second).toMatchObject({ result: "retry", retryInMs: deliveryPolicy.backoffMs * 2 });
    const third = await deliverMessage(message.id, later(3 * deliveryPolicy.backoffMs));
    expect(third.result).toBe("sent");
    row = await stored(message.id);
    expect(row).toMatchObject({ status: "SENT", attempts: 3, error: null });
    expect(recorder.received.filter((r) => r.headers["idempotency-key"] === "k-500")).toHaveLength(1);
  });

  it("Resend answering 422: marked FAILED at once with the provider's error, and never retried", async () => {
    useResend();
    const message = await sendEmail({ to: "f@test.nl", kind: "test", idempotencyKey: "k-422", ...content() });
    recorder.failNextRequests(1, 422);
    const before = recorder.requestCount();
    const outcome = await deliverMessage(message.id);
    expect(outcome).toMatchObject({ result: "failed" });
    const row = await stored(message.id);
    expect(row.status).toBe("FAILED");
    expect(row.error).toContain("422 validation_error: Ongeldig adres volgens de provider");
    // Neither the sweep nor a late job touches it again.
    expect((await sweepOutbox(later(24 * 60 * 60 * 1000))).ids).not.toContain(message.id);
    expect((await deliverMessage(message.id)).result).toBe("skipped");
    expect(recorder.requestCount()).toBe(before + 1);
  });

  it("a temporary failure that keeps coming ends as FAILED after the last attempt", async () => {
    useResend();
    const message = await sendEmail({ to: "g@test.nl", kind: "test", idempotencyKey: "k-500-always", ...content() });
    recorder.failNextRequests(deliveryPolicy.maxAttempts, 503);
    let outcome: Awaited<ReturnType<typeof deliverMessage>> | undefined;
    for (let attempt = 1; attempt <= deliveryPolicy.maxAttempts; attempt++) {
      outcome = await deliverMessage(message.id, later(attempt * 60 * 60 * 1000));
    }
    expect(outcome).toMatchObject({ result: "failed" });
    const row = await stored(message.id);
    expect(row).toMatchObject({ status: "FAILED", attempts: deliveryPolicy.maxAttempts });
    expect(row.error).toContain(`na ${deliveryPolicy.maxAttempts} pogingen`);
  });

  it("a time-out counts as a temporary failure and is retried", async () => {
    useResend();
    const message = await sendEmail({ to: "h@test.nl", kind: "test", idempotencyKey: "k-timeout", ...content() });
    const original = deliveryPolicy.timeoutMs;
    deliveryPolicy.timeoutMs = 200;
    recorder.delayResponses(1500);
    try {
      const outcome = await deliverMessage(message.id);
      expect(outcome.result).toBe("retry");
      expect((await stored(message.id)).error).toContain("Time-out");
    } finally {
      deliveryPolicy.timeoutMs = original;
      recorder.delayResponses(0);
    }
    // The provider got the first request late but accepted it: the retry carries the same key, so
    // the recipient still gets one e-mail.
    await new Promise((resolve) => setTimeout(resolve, 1600));
    const retry = await deliverMessage(message.id, later(deliveryPolicy.backoffMs));
    expect(retry.result).toBe("sent");
    expect(recorder.received.filter((r) => r.headers["idempotency-key"] === "k-timeout")).toHaveLength(1);
  });

  // On the embedded PGlite the statements of the app's connections run one at a time, so the calls queue up
  // there; on PostgreSQL they really race.
  it("two workers delivering the same message at once: one claims it, one e-mail is sent", async () => {
    useResend();
    const message = await sendEmail({ to: "i@test.nl", kind: "test", idempotencyKey: "k-race", ...content() });
    const before = recorder.requestCount();
    const outcomes = await Promise.all([
      deliverMessage(message.id),
      deliverMessage(message.id),
      deliverMessage(message.id),
    ]);
    // The losers see it either still claimed ("busy") or already sent ("skipped"), depending on timing.
    expect(outcomes.filter((o) => o.result === "sent")).toHaveLength(1);
    expect(outcomes.filter((o) => o.result === "busy" || o.result === "skipped")).toHaveLength(2);
    expect(recorder.requestCount()).toBe(before + 1);
  });

  it("a claim left by a crashed worker expires, then the sweep hands the message out again", async () => {
    useResend();
    const message = await sendEmail({ to: "j@test.nl", kind: "test", idempotencyKey: "k-crash", ...content() });
    await prisma.emailMessage.update({
      where: { id: message.id },
      data: { claimedUntil: later(deliveryPolicy.claimMs) },
    });
    expect((await deliverMessage(message.id)).result).toBe("busy");
    const afterClaim = later(deliveryPolicy.claimMs + 1000);
    expect((await sweepOutbox(afterClaim)).ids).toContain(message.id);
    expect((await deliverMessage(message.id, afterClaim)).result).toBe("sent");
  });
});

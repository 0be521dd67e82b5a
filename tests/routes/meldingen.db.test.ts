// The preferences page, the one-click unsubscribe link and the coordinator's retry, through their
// loaders and actions (guards included).
import { describe, expect, it } from "vitest";
import { createUser } from "../../prisma/factories.ts";
import { requestAs, form, args, statusOf, thrownResponse, requestWithCookie } from "../support/requests.ts";
import { prisma } from "~/utils/db.server.ts";
import { action as preferencesAction, loader as preferencesLoader } from "~/routes/_account+/account_.meldingen.tsx";
import {
  action as unsubscribeAction,
  loader as unsubscribeLoader,
} from "~/routes/_account+/e-mail.afmelden.$token.tsx";
import { action as outboxAction, loader as outboxLoader } from "~/routes/beheer+/e-mail._index/route.tsx";
import { unsubscribeToken } from "~/notifications/links.server.ts";
import { modesFor } from "~/notifications/preferences.server.ts";

describe("/account/meldingen", () => {
  it("shows the kinds of the user's role with their quiet defaults", async () => {
    const participant = await createUser(prisma);
    const { preferences } = await preferencesLoader(
      args(await requestAs(participant.id, "http://localhost/account/meldingen")),
    );
    expect(preferences.map((p) => [p.kind, p.mode, p.isDefault])).toEqual([
      ["session-reminder", "IMMEDIATE", true],
      ["session-changed", "IMMEDIATE", true],
      ["journal-answered", "IMMEDIATE", true],
      ["assignment-due", "IMMEDIATE", true],
      ["assignment-feedback", "IMMEDIATE", true],
      ["action-plan-comment", "IMMEDIATE", true],
      ["intervision-meeting", "IMMEDIATE", true],
      ["intervision-case-chosen", "IMMEDIATE", true],
      ["announcement", "IMMEDIATE", true],
      ["handout-new", "DIGEST", true],
      ["impact-trail-comment", "IMMEDIATE", true],
      ["weekly-digest", "IMMEDIATE", true],
    ]);
  });

  it("saves the choices; a mode the kind does not offer is refused with a Dutch message and keeps the input", async () => {
    const user = await createUser(prisma, { role: "FACILITATOR" });
    const bad = await preferencesAction(
      args(
        await requestAs(
          user.id,
          "http://localhost/account/meldingen",
          form({ "session-reminder": "DIGEST", "session-changed": "IMMEDIATE", "weekly-digest": "DIGEST" }),
        ),
      ),
    );
    expect(statusOf(bad)).toBe(400);
    const body = (bad as unknown as { data: { fieldErrors: Record<string, string[]>; values: Record<string, string> } })
      .data;
    expect(body.fieldErrors["weekly-digest"]).toEqual(['Kies hoe je "samenvatting" wilt ontvangen.']);
    expect(body.values["session-reminder"]).toBe("DIGEST");
    expect(await prisma.notificationPreference.count({ where: { userId: user.id } })).toBe(0);

    const ok = await preferencesAction(
      args(
        await requestAs(
          user.id,
          "http://localhost/account/meldingen",
          form({
            "session-reminder": "DIGEST",
            "session-changed": "OFF",
            announcement: "IMMEDIATE",
            "handout-new": "DIGEST",
            "submission-reply": "IMMEDIATE",
            "early-feedback-request": "IMMEDIATE",
            "impact-trail-comment": "IMMEDIATE",
            "weekly-digest": "OFF",
          }),
        ),
      ),
    );
    expect(statusOf(ok)).toBe(302);
    expect((await modesFor([user.id], "session-reminder")).get(user.id)).toBe("DIGEST");
    expect((await modesFor([user.id], "session-changed")).get(user.id)).toBe("OFF");
  });

  it("requires a login", async () => {
    const response = await thrownResponse(() =>
      preferencesLoader(args(requestWithCookie(null, "http://localhost/account/meldingen"))),
    );
    expect(response?.headers.get("Location")).toBe("/inloggen?redirectTo=%2Faccount%2Fmeldingen");
  });
});

describe("/e-mail/afmelden/:token", () => {
  it("opening the link changes nothing; the button switches that one kind off, without a login", async () => {
    const user = await createUser(prisma);
    const token = unsubscribeToken(user.id, "session-reminder");
    const page = await unsubscribeLoader(
      args(requestWithCookie(null, `http://localhost/e-mail/afmelden/${token}`), { token }),
    );
    expect(page).toEqual({ email: user.email, label: "Herinnering voor een bijeenkomst" });
    expect((await modesFor([user.id], "session-reminder")).get(user.id)).toBe("IMMEDIATE");
    await unsubscribeAction(
      args(new Request(`http://localhost/e-mail/afmelden/${token}`, { method: "POST" }), { token }),
    );
    expect((await modesFor([user.id], "session-reminder")).get(user.id)).toBe("OFF");
    expect((await modesFor([user.id], "session-changed")).get(user.id)).toBe("IMMEDIATE");
  });

  it("a tampered or foreign token is a 404", async () => {
    const user = await createUser(prisma);
    const token = unsubscribeToken(user.id, "session-reminder");
    const tampered = token.replace(/.$/, (c) => (c === "A" ? "B" : "A"));
    for (const bad of [tampered, "nonsense", `${Buffer.from("x:session-reminder").toString("base64url")}.abc`]) {
      const response = await thrownResponse(() =>
        unsubscribeAction(args(new Request("http://localhost/x", { method: "POST" }), { token: bad })),
      );
      expect(response?.status).toBe(404);
    }
  });
});

describe("/beheer/e-mail", () => {
  async function failedMessage() {
    return prisma.emailMessage.create({
      data: {
        idempotencyKey: `failed-${Math.random()}`,
        kind: "session-reminder",
        to: "iemand@gemeente.test",
        subject: "Herinnering",
        html: "<p>x</p>",
        text: "x",
        status: "FAILED",
        attempts: 1,
        error: "422 validation_error: Ongeldig adres",
      },
    });
  }

  it("shows queue health (in-process here), counts per status and the provider's error", async () => {
    const coordinator = await createUser(prisma, { role: "COORDINATOR" });
    const message = await failedMessage();
    const data = await outboxLoader(
      args(await requestAs(coordinator.id, "http://localhost/beheer/e-mail?status=FAILED")),
    );
    expect(data.health.mode).toBe("in-process");
    expect(data.filter).toBe("FAILED");
    expect(data.counts.FAILED).toBeGreaterThanOrEqual(1);
    expect(data.messages.find((m) => m.id === message.id)?.error).toBe("422 validation_error: Ongeldig adres");
  });

  it("retry: a coordinator puts a failed message back in the queue (audited); others get 403; a sent one is refused", async () => {
    const coordinator = await createUser(prisma, { role: "COORDINATOR" });
    const facilitator = await createUser(prisma, { role: "FACILITATOR" });
    const message = await failedMessage();
    const body = { intent: "retry", messageId: message.id, back: "/beheer/e-mail?status=FAILED" };
    const denied = await thrownResponse(async () =>
      outboxAction(args(await requestAs(facilitator.id, "http://localhost/beheer/e-mail", form(body)))),
    );
    expect(denied?.status).toBe(403);

    const response = await outboxAction(
      args(await requestAs(coordinator.id, "http://localhost/beheer/e-mail", form(body))),
    );
    expect(statusOf(response)).toBe(302);
    expect((response as Response).headers.get("Location")).toBe("/beheer/e-mail?status=FAILED");
    expect(await prisma.emailMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({
      status: "PENDING",
      attempts: 0,
      error: null,
    });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "email.retry", entityId: message.id } });
    expect(audit.actorId).toBe(coordinator.id);

    // Now PENDING, not FAILED: a second retry is refused (no double send).
    await outboxAction(args(await requestAs(coordinator.id, "http://localhost/beheer/e-mail", form(body))));
    expect(await prisma.auditLog.count({ where: { action: "email.retry", entityId: message.id } })).toBe(1);

    const unknown = await thrownResponse(async () =>
      outboxAction(
        args(
          await requestAs(
            coordinator.id,
            "http://localhost/beheer/e-mail",
            form({ intent: "retry", messageId: "nope" }),
          ),
        ),
      ),
    );
    expect(unknown?.status).toBe(404);
  });
});

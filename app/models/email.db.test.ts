import { describe, expect, it } from "vitest";
import { sendEmail } from "~/email/send-email.server.ts";
import { invitationEmail, passwordResetEmail } from "~/email/templates.server.ts";
import { REDACTED_LINK, redactTokenLinks } from "~/email/redact.ts";
import { getEmailMessage } from "./email.server.ts";

const resetUrl = "http://localhost:3000/wachtwoord-herstellen/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
const coordinator = { email: "sanne@leernetwerk.test" };
const outbox = { delivering: false, demoMode: false };

async function resetMailTo(to: string) {
  return sendEmail({
    to,
    kind: "password-reset",
    idempotencyKey: `test:${to}:${Math.random()}`,
    ...passwordResetEmail({ name: "Iemand", url: resetUrl, expiresAt: new Date() }),
  });
}

describe("the outbox shows a personal link only to its addressee", () => {
  it("hides another person's reset link from the coordinator", async () => {
    const message = await resetMailTo("slachtoffer@gemeente.test");
    const shown = await getEmailMessage(message.id, coordinator, outbox);
    expect(shown?.text).not.toContain("/wachtwoord-herstellen/");
    expect(shown?.text).toContain(REDACTED_LINK);
    expect(shown?.linksHidden).toBe(true);
  });

  it("hides an invitation link too", async () => {
    const message = await sendEmail({
      to: "nieuw@gemeente.test",
      kind: "invitation",
      idempotencyKey: `test:invitation:${Math.random()}`,
      ...invitationEmail({
        inviterName: "Sanne",
        roleDescription: "deelnemer",
        cohortName: "Leernetwerk",
        url: "http://localhost:3000/uitnodiging/tokentokentokentokentokentokentokentoken123",
        expiresAt: new Date(),
      }),
    });
    const shown = await getEmailMessage(message.id, coordinator, outbox);
    expect(shown?.text).not.toContain("/uitnodiging/");
  });

  it("shows the link to the addressee, and in the demo", async () => {
    const own = await resetMailTo(coordinator.email);
    expect((await getEmailMessage(own.id, { email: "SANNE@leernetwerk.test" }, outbox))?.text).toContain(resetUrl);
    const other = await resetMailTo("ander@gemeente.test");
    expect((await getEmailMessage(other.id, coordinator, { delivering: false, demoMode: true }))?.text).toContain(
      resetUrl,
    );
  });

  it("shows no content at all once mail goes through the provider", async () => {
    const message = await resetMailTo("iemand@gemeente.test");
    expect((await getEmailMessage(message.id, coordinator, { delivering: true, demoMode: true }))?.text).toBeNull();
  });

  it("keeps ordinary links (a lesson, the start page) and redacts every token path", () => {
    const text = [
      "Lees http://localhost:3000/leren/module-1 voor de bijeenkomst.",
      "Afmelden: http://localhost:3000/e-mail/afmelden/abc.def",
      "Agenda: http://localhost:3000/agenda/xyz/leernetwerk.ics",
      "Bevestig: http://localhost:3000/e-mailadres-bevestigen/xyz",
    ].join("\n");
    const redacted = redactTokenLinks(text);
    expect(redacted).toContain("http://localhost:3000/leren/module-1");
    expect(redacted.match(/\[link verborgen\]/g)).toHaveLength(3);
  });
});

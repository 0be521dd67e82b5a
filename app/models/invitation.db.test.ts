import { describe, expect, it } from "vitest";
import { DomainError } from "~/utils/domain-error.ts";
import { createCohort, createEnrollment, createUser } from "../../prisma/factories.ts";
import { prisma } from "~/utils/db.server.ts";
import { attemptLogin } from "~/auth/login.server.ts";
import { acceptInvitation, checkInvitation, createInvitation, revokeInvitation } from "./invitation.server.ts";

async function setup() {
  const coordinator = await createUser(prisma, { role: "COORDINATOR", name: "Co Ördinator" });
  const cohort = await createCohort(prisma, { name: "Leernetwerk Test" });
  const { enrollment } = await createEnrollment(prisma, { cohortId: cohort.id });
  return { coordinator, cohort, enrollment };
}

describe("invitations", () => {
  it("invites a participant: e-mail recorded, audit logged, link accepted once, lands in the cohort", async () => {
    const { coordinator, cohort, enrollment } = await setup();
    const { id, token } = await createInvitation(
      { email: "Nieuw@Gemeente.test", role: "PARTICIPANT", enrollmentId: enrollment.id, duoFunction: "LEIDINGGEVENDE" },
      coordinator,
    );
    const email = await prisma.emailMessage.findUniqueOrThrow({ where: { idempotencyKey: `invitation:${id}` } });
    expect(email.to).toBe("nieuw@gemeente.test");
    expect(email.status).toBe("STORED");
    expect(email.subject).toBe("Uitnodiging voor Leernetwerk Test");
    expect(email.text).toContain(`/uitnodiging/${token}`);
    expect(email.html).toContain(`/uitnodiging/${token}`);
    expect(
      await prisma.auditLog.count({ where: { action: "invitation.create", entityId: id, actorId: coordinator.id } }),
    ).toBe(1);
    // Only the hash of the token is stored.
    expect(await prisma.invitation.count({ where: { tokenHash: token } })).toBe(0);

    const result = await acceptInvitation(token, { name: "Nieuwe Deelnemer", password: "een goed wachtwoord" });
    expect(result).toMatchObject({ ok: true, landing: `/leernetwerken/${cohort.id}` });
    const member = await prisma.duoMember.findFirstOrThrow({
      where: { enrollmentId: enrollment.id },
      include: { user: true },
    });
    expect(member.function).toBe("LEIDINGGEVENDE");
    expect(member.user).toMatchObject({ name: "Nieuwe Deelnemer", role: "PARTICIPANT", email: "nieuw@gemeente.test" });
    expect((await attemptLogin("nieuw@gemeente.test", "een goed wachtwoord")).ok).toBe(true);

    expect(await checkInvitation(token)).toEqual({ status: "used" });
    expect(await acceptInvitation(token, { name: "Nog eens", password: "een goed wachtwoord" })).toEqual({
      ok: false,
      status: "used",
    });
  });

  it("makes a facilitator of a cohort", async () => {
    const { coordinator, cohort } = await setup();
    const { token } = await createInvitation(
      { email: "begeleider@test.nl", role: "FACILITATOR", cohortId: cohort.id },
      coordinator,
    );
    const result = await acceptInvitation(token, { name: "Bege Leider", password: "een goed wachtwoord" });
    expect(result.ok).toBe(true);
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "begeleider@test.nl" } });
    expect(await prisma.cohortFacilitator.count({ where: { cohortId: cohort.id, userId: user.id } })).toBe(1);
  });

  it("expires after 14 days", async () => {
    const { coordinator, enrollment } = await setup();
    const { token } = await createInvitation(
      { email: "laat@test.nl", role: "PARTICIPANT", enrollmentId: enrollment.id, duoFunction: "BELEIDSMEDEWERKER" },
      coordinator,
    );
    expect((await checkInvitation(token, new Date(Date.now() + 13 * 86_400_000))).status).toBe("valid");
    expect((await checkInvitation(token, new Date(Date.now() + 15 * 86_400_000))).status).toBe("expired");
  });

  it("can be revoked, and an unknown token is unknown", async () => {
    const { coordinator, cohort } = await setup();
    const { id, token } = await createInvitation(
      { email: "weg@test.nl", role: "FACILITATOR", cohortId: cohort.id },
      coordinator,
    );
    expect(await revokeInvitation(id, coordinator.id)).toBe(true);
    expect(await checkInvitation(token)).toEqual({ status: "revoked" });
    expect(await acceptInvitation(token, { name: "X Y", password: "een goed wachtwoord" })).toEqual({
      ok: false,
      status: "revoked",
    });
    expect(await checkInvitation("bestaat-niet")).toEqual({ status: "unknown" });
  });

  it("refuses existing accounts and incomplete participant invitations with a field message", async () => {
    const { coordinator } = await setup();
    await createUser(prisma, { email: "bestaat@test.nl" });
    await expect(createInvitation({ email: "bestaat@test.nl", role: "COORDINATOR" }, coordinator)).rejects.toThrowError(
      DomainError,
    );
    await expect(createInvitation({ email: "iemand@test.nl", role: "PARTICIPANT" }, coordinator)).rejects.toMatchObject(
      {
        field: "enrollmentId",
      },
    );
  });
});

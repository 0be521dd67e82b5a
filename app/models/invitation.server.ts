// Invitations: a coordinator invites someone by e-mail; the link (valid 14 days, single use) lets the
// person choose their name and password, and puts them in their cohort in the right role.
import type { DuoFunction, Role } from "~/generated/prisma/client.ts";
import { generateToken, hashToken } from "~/auth/tokens.server.ts";
import { hashPassword } from "~/auth/password.server.ts";
import { sendEmail } from "~/email/send-email.server.ts";
import { invitationEmail } from "~/email/templates.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { getEnv } from "~/utils/env.server.ts";
import { duoFunctionLabels, roleLabels } from "~/utils/labels.ts";
import { recordAudit } from "./audit.server.ts";
import { DomainError } from "~/utils/domain-error.ts";

export const INVITATION_VALID_DAYS = 14;

export type InvitationInput = {
  email: string;
  name?: string | null;
  role: Role;
  cohortId?: string | null;
  enrollmentId?: string | null;
  duoFunction?: DuoFunction | null;
};

export async function createInvitation(input: InvitationInput, invitedBy: { id: string; name: string }) {
  const email = input.email.trim().toLowerCase();
  const existingUser = await prisma.user.count({ where: { email } });
  if (existingUser) throw new DomainError("Er is al een account met dit e-mailadres.", "email");

  let cohortId = input.cohortId ?? null;
  let cohortName: string | null = null;
  if (input.role === "PARTICIPANT") {
    if (!input.enrollmentId) throw new DomainError("Kies de gemeente (en het leernetwerk).", "enrollmentId");
    if (!input.duoFunction) throw new DomainError("Kies de functie in het duo.", "duoFunction");
    const enrollment = await prisma.enrollment.findUnique({
      where: { id: input.enrollmentId },
      select: { cohortId: true, cohort: { select: { name: true } } },
    });
    if (!enrollment) throw new DomainError("Deze gemeente is niet ingeschreven.", "enrollmentId");
    cohortId = enrollment.cohortId;
    cohortName = enrollment.cohort.name;
  } else if (input.role === "FACILITATOR") {
    if (!cohortId) throw new DomainError("Kies het leernetwerk dat deze begeleider begeleidt.", "cohortId");
    const cohort = await prisma.cohort.findUnique({ where: { id: cohortId }, select: { name: true } });
    if (!cohort) throw new DomainError("Dit leernetwerk bestaat niet.", "cohortId");
    cohortName = cohort.name;
  } else {
    cohortId = null;
  }

  const token = generateToken();
  const expiresAt = new Date(Date.now() + INVITATION_VALID_DAYS * 24 * 60 * 60_000);
  const invitation = await prisma.invitation.create({
    data: {
      tokenHash: hashToken(token),
      email,
      name: input.name?.trim() || null,
      role: input.role,
      cohortId,
      enrollmentId: input.role === "PARTICIPANT" ? (input.enrollmentId ?? null) : null,
      duoFunction: input.role === "PARTICIPANT" ? (input.duoFunction ?? null) : null,
      invitedById: invitedBy.id,
      expiresAt,
    },
    select: { id: true },
  });
  await recordAudit({
    actorId: invitedBy.id,
    action: "invitation.create",
    entityType: "Invitation",
    entityId: invitation.id,
    details: { email, role: input.role, cohortId },
  });

  const roleDescription =
    input.role === "PARTICIPANT" && input.duoFunction
      ? `deelnemer (${duoFunctionLabels[input.duoFunction].toLowerCase()})`
      : roleLabels[input.role].toLowerCase();
  await sendEmail({
    to: email,
    kind: "invitation",
    idempotencyKey: `invitation:${invitation.id}`,
    ...invitationEmail({
      inviterName: invitedBy.name,
      roleDescription,
      cohortName,
      url: `${getEnv().APP_URL}/uitnodiging/${token}`,
      expiresAt,
    }),
  });
  return { id: invitation.id, token };
}

export async function revokeInvitation(invitationId: string, actorId: string) {
  const result = await prisma.invitation.updateMany({
    where: { id: invitationId, acceptedAt: null, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (result.count > 0) {
    await recordAudit({ actorId, action: "invitation.revoke", entityType: "Invitation", entityId: invitationId });
  }
  return result.count > 0;
}

const invitationSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  cohortId: true,
  enrollmentId: true,
  duoFunction: true,
  expiresAt: true,
  acceptedAt: true,
  revokedAt: true,
  cohort: { select: { name: true } },
  enrollment: { select: { municipality: { select: { name: true } } } },
} as const;

export type InvitationState =
  | {
      status: "valid";
      invitation: NonNullable<Awaited<ReturnType<typeof findInvitation>>>;
    }
  | { status: "expired" | "used" | "unknown" | "revoked" };

function findInvitation(token: string) {
  return prisma.invitation.findUnique({ where: { tokenHash: hashToken(token) }, select: invitationSelect });
}

export async function checkInvitation(token: string, now = new Date()): Promise<InvitationState> {
  const invitation = await findInvitation(token);
  if (!invitation) return { status: "unknown" };
  if (invitation.acceptedAt) return { status: "used" };
  if (invitation.revokedAt) return { status: "revoked" };
  if (invitation.expiresAt <= now) return { status: "expired" };
  return { status: "valid", invitation };
}

/**
 * Creates the account and links it to the cohort. Returns the new user's id and where to land, or the
 * reason the link no longer works.
 */
export async function acceptInvitation(
  token: string,
  input: { name: string; password: string },
): Promise<
  { ok: true; userId: string; landing: string } | { ok: false; status: InvitationState["status"] | "email-taken" }
> {
  const state = await checkInvitation(token);
  if (state.status !== "valid") return { ok: false, status: state.status };
  const { invitation } = state;
  const passwordHash = await hashPassword(input.password);

  try {
    const userId = await prisma.$transaction(async (tx) => {
      // Claim the invitation first: a second click on the same link finds nothing left to claim.
      const claimed = await tx.invitation.updateMany({
        where: { id: invitation.id, acceptedAt: null, revokedAt: null },
        data: { acceptedAt: new Date() },
      });
      if (claimed.count === 0) throw new InvitationClaimed();
      const user = await tx.user.create({
        data: { email: invitation.email, name: input.name, role: invitation.role, passwordHash },
        select: { id: true },
      });
      if (invitation.role === "PARTICIPANT" && invitation.enrollmentId && invitation.duoFunction) {
        await tx.duoMember.create({
          data: { enrollmentId: invitation.enrollmentId, userId: user.id, function: invitation.duoFunction },
        });
      }
      if (invitation.role === "FACILITATOR" && invitation.cohortId) {
        await tx.cohortFacilitator.create({ data: { cohortId: invitation.cohortId, userId: user.id } });
      }
      await recordAudit(
        {
          actorId: user.id,
          action: "invitation.accept",
          entityType: "Invitation",
          entityId: invitation.id,
          details: { role: invitation.role, cohortId: invitation.cohortId },
        },
        tx,
      );
      return user.id;
    });
    const landing = invitation.cohortId ? `/leernetwerken/${invitation.cohortId}` : "/";
    return { ok: true, userId, landing };
  } catch (error) {
    if (error instanceof InvitationClaimed) return { ok: false, status: "used" };
    if (isUniqueViolation(error)) return { ok: false, status: "email-taken" };
    throw error;
  }
}

class InvitationClaimed extends Error {}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}

export function listInvitations() {
  return prisma.invitation.findMany({
    orderBy: { createdAt: "desc" },
    take: 200,
    select: {
      ...invitationSelect,
      createdAt: true,
      invitedBy: { select: { name: true } },
    },
  });
}

// "Verwijder mijn account" (AVG art. 17), asked by the person (with their password) or carried out by a
// coordinator on request. In one transaction:
//  - what is only theirs goes: the user row, and with it (ON DELETE CASCADE) sessions, tokens, two-factor,
//    their journal with the replies on it, their own intervisie cases with the notes, individual self-scan
//    answers and submissions, lesson progress, attendance, memberships, notifications and preferences;
//    e-mail to them, sign-in attempts with their address, invitations to it;
//  - what is joint stays, its author set to null (ON DELETE SET NULL), shown as "verwijderde deelnemer":
//    the duo's submission and files, the plan and its versions, feedback and replies in others' threads,
//    reactions to shared plans and posts in a session's discussion (issue 19); their agreement to share the
//    duo's plan goes (PlanShareConsent, CASCADE), so a plan they agreed to share is no longer shared by "both";
//  - their name and address are taken out of what others keep: e-mail to others and notification titles
//    that name them, applications that list them, audit details (the audit rows themselves stay).
// Afterwards the files of their own submissions are removed from the file storage. The erasure is audited
// without name, address or id.
import { verifyPassword } from "~/auth/password.server.ts";
import { recordAudit } from "~/models/audit.server.ts";
import { fileStorage } from "~/storage/files.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { DELETED_PERSON } from "~/utils/deleted-person.ts";
import { DomainError } from "~/utils/domain-error.ts";

const REMOVED = "[verwijderd]";

export type ErasureRequest = { kind: "self"; password: string } | { kind: "coordinator"; actorId: string };

/** What the page tells before deleting: how much goes, and how much joint work stays (pseudonymised). */
export async function erasurePreview(userId: string) {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      _count: {
        select: {
          journalEntries: true,
          intervisionCases: true,
          assignmentSubmissions: true,
          selfScanResponses: true,
          submissionMessages: true,
          journalReplies: true,
          actionPlanComments: true,
          actionPlanVersions: true,
          planReactions: true,
          sessionPosts: true,
          duoMemberships: true,
        },
      },
    },
  });
  if (!user) return null;
  const { _count: count, ...person } = user;
  return {
    ...person,
    deleted: {
      journalEntries: count.journalEntries,
      intervisionCases: count.intervisionCases,
      ownSubmissions: count.assignmentSubmissions,
      ownSelfScans: count.selfScanResponses,
    },
    kept: {
      messages:
        count.submissionMessages +
        count.journalReplies +
        count.actionPlanComments +
        count.planReactions +
        count.sessionPosts,
      planVersions: count.actionPlanVersions,
      duos: count.duoMemberships,
    },
  };
}

/**
 * Erases the account. Self: the password must be right (DomainError on the password field otherwise).
 * Refused for the last coordinator (someone must be able to manage the platform) and for a coordinator
 * erasing themself through the admin page. Returns false when there is no such user.
 */
export async function eraseAccount(userId: string, request: ErasureRequest): Promise<boolean> {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, email: true, role: true, passwordHash: true },
  });
  if (!user) return false;
  if (request.kind === "self") {
    if (!user.passwordHash || !(await verifyPassword(user.passwordHash, request.password))) {
      throw new DomainError("Je wachtwoord klopt niet. Je account is niet verwijderd.", "password");
    }
  } else if (request.actorId === user.id) {
    throw new DomainError("Je eigen account verwijder je op je accountpagina, met je wachtwoord.");
  }
  if (user.role === "COORDINATOR") {
    const others = await prisma.user.count({ where: { role: "COORDINATOR", id: { not: user.id } } });
    if (others === 0) {
      throw new DomainError("Dit is de enige coördinator. Maak eerst iemand anders coördinator.");
    }
  }
  // Files of what is only theirs (individual submissions); the duo's files stay with the duo.
  const ownFiles = await prisma.submissionAttachment.findMany({
    where: { submission: { userId: user.id } },
    select: { storageKey: true },
  });
  const { id, name, email } = user;
  // The name and address as they appear inside a JSON string (audit details).
  const jsonName = JSON.stringify(name).slice(1, -1);
  const jsonEmail = JSON.stringify(email).slice(1, -1);
  const counts = await prisma.$transaction(async (tx) => {
    const emails = await tx.$executeRaw`
      DELETE FROM "EmailMessage" WHERE lower("to") = lower(${email}) OR strpos("idempotencyKey", ${id}) > 0`;
    await tx.$executeRaw`DELETE FROM "LoginAttempt" WHERE "userId" = ${id}::uuid OR lower(email) = lower(${email})`;
    await tx.$executeRaw`DELETE FROM "Invitation" WHERE lower(email) = lower(${email})`;
    // What others keep that names them.
    await tx.$executeRaw`
      UPDATE "EmailMessage"
         SET subject = replace(replace(subject, ${name}, ${DELETED_PERSON}), ${email}, ${REMOVED}),
             html = replace(replace(html, ${name}, ${DELETED_PERSON}), ${email}, ${REMOVED}),
             text = replace(replace(text, ${name}, ${DELETED_PERSON}), ${email}, ${REMOVED})
       WHERE strpos(subject || html || text, ${name}) > 0 OR strpos(subject || html || text, ${email}) > 0`;
    await tx.$executeRaw`
      UPDATE "Notification" SET title = replace(title, ${name}, ${DELETED_PERSON})
       WHERE strpos(title, ${name}) > 0`;
    await tx.$executeRaw`
      UPDATE "Application"
         SET "contactName" = ${DELETED_PERSON}, "contactEmail" = ${REMOVED}, "contactPhone" = ${REMOVED}
       WHERE lower("contactEmail") = lower(${email})`;
    await tx.$executeRaw`
      UPDATE "Application"
         SET "intakeNotes" = replace("intakeNotes", ${name}, ${DELETED_PERSON}),
             "decisionReason" = replace("decisionReason", ${name}, ${DELETED_PERSON})
       WHERE strpos("intakeNotes" || "decisionReason", ${name}) > 0`;
    await tx.$executeRaw`
      UPDATE "ApplicationMember" SET name = ${DELETED_PERSON}, email = ${REMOVED} WHERE lower(email) = lower(${email})`;
    await tx.$executeRaw`
      UPDATE "AuditLog"
         SET "entityId" = CASE WHEN "entityId" = ${id} THEN NULL ELSE "entityId" END,
             details = replace(replace(replace(details::text, ${jsonName}, ${DELETED_PERSON}), ${jsonEmail}, ${REMOVED}), ${id}, ${REMOVED})::jsonb
       WHERE "entityId" = ${id} OR strpos(details::text, ${jsonName}) > 0 OR strpos(details::text, ${jsonEmail}) > 0
          OR strpos(details::text, ${id}) > 0`;
    // Everything else follows the foreign keys: CASCADE for what is theirs, SET NULL for joint work.
    await tx.user.delete({ where: { id } });
    return { emails };
  });
  await recordAudit({
    actorId: request.kind === "coordinator" ? request.actorId : null,
    action: "account.erased",
    entityType: "User",
    details: {
      role: user.role,
      requestedBy: request.kind === "self" ? "de persoon zelf" : "coördinator, op verzoek",
      emailsDeleted: counts.emails,
      filesDeleted: ownFiles.length,
    },
  });
  // After the commit: a file whose row is gone can no longer be reached; removing it is the last step.
  for (const file of ownFiles) await fileStorage().delete(file.storageKey);
  return true;
}

// Records a notification for one user, as their preference says: its own e-mail now (IMMEDIATE), an
// item for the digest (DIGEST), or no e-mail (OFF). Every one lands in the person's inbox (/meldingen,
// app/notifications/inbox.server.ts), OFF ones too (status INBOX): the preference is about e-mail only.
// Recording is idempotent per `key`, so the scans that derive notifications from the data may run as
// often as they like.
import type { NotificationMode } from "~/generated/prisma/enums.ts";
import { Prisma } from "~/generated/prisma/client.ts";
import { enqueueDelivery, recordEmail } from "~/email/send-email.server.ts";
import type { EmailContent } from "~/email/templates.server.ts";
import { prisma } from "~/utils/db.server.ts";
import type { NotificationKindName } from "./kinds.ts";
import { listUnsubscribeHeaders } from "./links.server.ts";

export type NotificationInput = {
  key: string;
  kind: NotificationKindName;
  user: { id: string; email: string };
  mode: NotificationMode;
  /** One line for the digest, and the page it is about. */
  title: string;
  url: string;
  /** For session notices: checked again right before sending (a moved session drops the notice). */
  session?: { id: string; startsAt: Date };
  email: () => EmailContent;
};

export type NotifyResult = "emailed" | "digest" | "off" | "exists";

export async function notify(input: NotificationInput): Promise<NotifyResult> {
  const existing = await prisma.notification.findUnique({ where: { key: input.key }, select: { id: true } });
  if (existing) return "exists";
  try {
    const message = await prisma.$transaction(async (tx) => {
      const notification = await tx.notification.create({
        data: {
          key: input.key,
          userId: input.user.id,
          kind: input.kind,
          mode: input.mode,
          status: input.mode === "IMMEDIATE" ? "EMAILED" : input.mode === "OFF" ? "INBOX" : "PENDING",
          title: input.title,
          url: input.url,
          sessionId: input.session?.id ?? null,
          sessionStartsAt: input.session?.startsAt ?? null,
          processedAt: input.mode === "DIGEST" ? null : new Date(),
        },
        select: { id: true },
      });
      if (input.mode !== "IMMEDIATE") return input.mode;
      return recordEmail(
        {
          ...input.email(),
          to: input.user.email,
          kind: input.kind,
          idempotencyKey: input.key,
          notificationId: notification.id,
          headers: listUnsubscribeHeaders(input.user.id, input.kind),
        },
        tx,
      );
    });
    if (message === "OFF") return "off";
    if (message === "DIGEST") return "digest";
    await enqueueDelivery(message);
    return "emailed";
  } catch (error) {
    // Two scans recording the same notification at once: the other one won, which is fine.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return "exists";
    throw error;
  }
}

// "E-mail niet afgeleverd" (issue 19), derived from the outbox by the schedule-notifications job: every
// message that ended FAILED in the past week is told to every coordinator once (keyed by the message).
// E-mail cannot call up into notifications (the one-way rule: notifications → e-mail), so the delivery
// marks the message FAILED and this scan picks it up within minutes. A failed "email-failed" message is not
// told again (no loop).
import { prisma } from "~/utils/db.server.ts";
import { listCoordinators } from "~/models/coordinator-notices.server.ts";
import { getEnv } from "~/utils/env.server.ts";
import { noticeEmail } from "./notice-email.server.ts";
import { notifyMany } from "./notify-many.server.ts";

const LOOK_BACK_MS = 7 * 24 * 60 * 60 * 1000;

export async function announceFailedEmail(now = new Date()) {
  const failed = await prisma.emailMessage.findMany({
    where: {
      status: "FAILED",
      kind: { not: "email-failed" },
      createdAt: { gte: new Date(now.getTime() - LOOK_BACK_MS) },
    },
    orderBy: { createdAt: "asc" },
    select: { id: true, to: true, subject: true },
  });
  if (failed.length === 0) return { failed: 0 };
  // Already told (keys "email-failed:<message>:<person>"): one query for the week, so a run with nothing
  // new costs two statements.
  const told = new Set(
    (
      await prisma.notification.findMany({
        where: { kind: "email-failed", createdAt: { gte: new Date(now.getTime() - LOOK_BACK_MS) } },
        select: { key: true },
      })
    ).map((row) => row.key.split(":")[1]),
  );
  const fresh = failed.filter((message) => !told.has(message.id));
  if (fresh.length === 0) return { failed: 0 };
  const coordinators = await listCoordinators();
  const appUrl = getEnv().APP_URL;
  for (const message of fresh) {
    const url = `${appUrl}/beheer/e-mail/${message.id}`;
    const title = `E-mail niet afgeleverd aan ${message.to}: ${message.subject}`;
    await notifyMany({
      kind: "email-failed",
      people: coordinators,
      key: (user) => `email-failed:${message.id}:${user.id}`,
      title,
      url,
      email: (user) =>
        noticeEmail({
          kind: "email-failed",
          user,
          subject: "Een e-mail kon niet worden afgeleverd",
          lines: [
            `De e-mail "${message.subject}" aan ${message.to} kon niet worden afgeleverd.`,
            "In de uitgaande e-mail zie je de foutmelding en kun je hem opnieuw versturen.",
          ],
          action: { label: "Bekijk de e-mail", url },
          reason: "Je krijgt dit bericht omdat je coördinator bent van het Leernetwerk.",
        }),
    });
  }
  return { failed: fresh.length };
}

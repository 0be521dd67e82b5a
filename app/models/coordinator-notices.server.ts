// The coordinators' own notifications (issue 19): a new application, a sign-off for a session, work handed
// in late, e-mail that could not be delivered. Coordinators run every cohort (there are no per-cohort
// coordinators), so each goes to every coordinator with an account, by their own preference per kind.
import { prisma } from "~/utils/db.server.ts";
import { getEnv } from "~/utils/env.server.ts";
import type { NotificationKindName } from "~/notifications/kinds.ts";
import { noticeEmail } from "~/notifications/notice-email.server.ts";
import { notifyMany } from "~/notifications/notify-many.server.ts";

export function listCoordinators() {
  return prisma.user.findMany({
    where: { role: "COORDINATOR", passwordHash: { not: null } },
    select: { id: true, name: true, email: true },
  });
}

/** Tells every coordinator; `key` names the event (the person's id is added), `path` is inside the platform. */
export async function notifyCoordinators(input: {
  kind: NotificationKindName;
  key: string;
  title: string;
  path: string;
  lines: string[];
  actionLabel: string;
  except?: string | null;
}) {
  const url = `${getEnv().APP_URL}${input.path}`;
  return notifyMany({
    kind: input.kind,
    people: await listCoordinators(),
    except: input.except,
    key: (user) => `${input.key}:${user.id}`,
    title: input.title,
    url,
    email: (user) =>
      noticeEmail({
        kind: input.kind,
        user,
        subject: input.title,
        lines: input.lines,
        action: { label: input.actionLabel, url },
        reason: "Je krijgt dit bericht omdat je coördinator bent van het Leernetwerk.",
      }),
  });
}

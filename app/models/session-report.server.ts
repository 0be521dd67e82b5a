// The report of a session (verslag, issue 19): what was discussed, the agreements and the follow-up, written
// afterwards by one of the cohort's facilitators or a coordinator and shown to the cohort on the session
// page. Two staff members may edit at once: every save names the version it was based on, and a save based
// on an older version is refused with the stored text (saveIfUnchanged), so no edit overwrites another.
import type { User } from "lucia";
import { prisma } from "~/utils/db.server.ts";
import { saveIfUnchanged } from "~/utils/versioned.ts";

export type ReportFields = { discussed: string; agreements: string; followUp: string };

const reportSelect = {
  discussed: true,
  agreements: true,
  followUp: true,
  version: true,
  updatedAt: true,
  updatedBy: { select: { name: true } },
} as const;

/** The session's report, or null when none has been written. */
export function getSessionReport(sessionId: string) {
  return prisma.sessionReport.findUnique({ where: { sessionId }, select: reportSelect });
}

export type ReportSave =
  | { status: "saved"; version: number }
  | { status: "conflict"; current: ReportFields & { version: number } };

/**
 * Saves the report based on `version` (0: there was none yet). When someone else saved in between, nothing
 * is written and the stored report comes back.
 */
export async function saveSessionReport(
  actor: Pick<User, "id">,
  sessionId: string,
  fields: ReportFields,
  version: number,
): Promise<ReportSave> {
  const current = () =>
    prisma.sessionReport.findUnique({
      where: { sessionId },
      select: { discussed: true, agreements: true, followUp: true, version: true },
    });
  if (version === 0) {
    // The first report: a unique index on the session decides when two are written at the same moment.
    const created = await prisma.sessionReport.createMany({
      data: [{ sessionId, ...fields, updatedById: actor.id }],
      skipDuplicates: true,
    });
    if (created.count === 1) return { status: "saved", version: 1 };
    const stored = await current();
    if (stored) return { status: "conflict", current: stored };
  }
  const result = await saveIfUnchanged({
    basedOn: version,
    update: (basedOn) =>
      prisma.sessionReport.updateMany({
        where: { sessionId, version: basedOn },
        data: { ...fields, updatedById: actor.id, version: { increment: 1 } },
      }),
    current,
  });
  if (result.status === "saved") return { status: "saved", version: result.version };
  if (result.status === "conflict") return { status: "conflict", current: result.current };
  // A version that never existed (a tampered form): treat it as a conflict with what is stored.
  const stored = await current();
  return { status: "conflict", current: stored ?? { discussed: "", agreements: "", followUp: "", version: 0 } };
}

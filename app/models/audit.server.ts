// The audit trail of coordinator actions (who changed what, when), kept for accountability (AVG).
import type { Prisma } from "~/generated/prisma/client.ts";
import { prisma } from "~/utils/db.server.ts";

type Client = Pick<typeof prisma, "auditLog">;

export async function recordAudit(
  entry: {
    actorId: string | null;
    action: string;
    entityType: string;
    entityId?: string | null;
    details?: Prisma.InputJsonObject;
  },
  client: Client = prisma,
) {
  await client.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      details: entry.details ?? {},
    },
  });
}

export function listAuditEntries(take = 100) {
  return prisma.auditLog.findMany({
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      action: true,
      entityType: true,
      entityId: true,
      details: true,
      createdAt: true,
      actor: { select: { name: true } },
    },
  });
}

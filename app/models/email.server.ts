import { prisma } from "~/utils/db.server.ts";

export function listEmailMessages(take = 100) {
  return prisma.emailMessage.findMany({
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, kind: true, to: true, subject: true, status: true, error: true, createdAt: true, sentAt: true },
  });
}

export function getEmailMessage(id: string) {
  return prisma.emailMessage.findUnique({
    where: { id },
    select: { id: true, kind: true, to: true, subject: true, text: true, status: true, error: true, createdAt: true, sentAt: true },
  });
}

import { hashPassword, verifyPassword } from "~/auth/password.server.ts";
import { prisma } from "~/utils/db.server.ts";

export function getAccount(userId: string) {
  return prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, name: true, email: true, role: true, title: true },
  });
}

/** Changes one's name. The e-mail address changes only through a confirmed request (email-change.server.ts). */
export async function updateName(userId: string, name: string) {
  await prisma.user.update({ where: { id: userId }, data: { name } });
}

export async function changePassword(userId: string, currentPassword: string, newPassword: string) {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, currentPassword))) return false;
  await prisma.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(newPassword) } });
  return true;
}

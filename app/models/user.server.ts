import { hashPassword, verifyPassword } from "~/auth/password.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { DomainError } from "~/utils/domain-error.ts";

export function getAccount(userId: string) {
  return prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, name: true, email: true, role: true, title: true },
  });
}

/** Changes one's name and e-mail address (refused, DomainError at `email`, when another account has it). */
export async function updateProfile(userId: string, input: { name: string; email: string }) {
  const taken = await prisma.user.count({ where: { email: input.email, id: { not: userId } } });
  if (taken) throw new DomainError("Er is al een ander account met dit e-mailadres.", "email");
  await prisma.user.update({ where: { id: userId }, data: { name: input.name, email: input.email } });
}

export async function changePassword(userId: string, currentPassword: string, newPassword: string) {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, currentPassword))) return false;
  await prisma.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(newPassword) } });
  return true;
}

// Factories that create realistic records. The demo seed (prisma/seed.ts) and the tests both use them.
import { randomUUID } from "node:crypto";
import type { CohortStatus, DuoFunction, PrismaClient, Role, SessionFormat } from "../app/generated/prisma/client.ts";
import { hashPassword } from "../app/auth/password.server.ts";
import { amsterdamTime } from "../app/utils/dates.ts";

import { DEMO_PASSWORD } from "../app/auth/demo.ts";

export { DEMO_PASSWORD };

let cachedHash: { password: string; hash: Promise<string> } | undefined;
/** Hashing is slow on purpose; the same password is hashed once per process. */
function passwordHashFor(password: string) {
  if (cachedHash?.password !== password) cachedHash = { password, hash: hashPassword(password) };
  return cachedHash.hash;
}

export async function createUser(
  prisma: PrismaClient,
  input: { email?: string; name?: string; role?: Role; title?: string | null; password?: string | null } = {},
) {
  const unique = randomUUID().slice(0, 8);
  const password = input.password === undefined ? DEMO_PASSWORD : input.password;
  return prisma.user.create({
    data: {
      email: (input.email ?? `gebruiker-${unique}@voorbeeld.test`).toLowerCase(),
      name: input.name ?? `Test Gebruiker ${unique}`,
      role: input.role ?? "PARTICIPANT",
      title: input.title ?? null,
      passwordHash: password === null ? null : await passwordHashFor(password),
    },
  });
}

export type SessionInput = {
  number: number;
  title: string;
  date: string; // YYYY-MM-DD, Amsterdam calendar date
  start: string; // HH:MM Amsterdam time
  end: string;
  format: SessionFormat;
  location?: string | null;
  meetingUrl?: string | null;
  agenda?: string;
  preparation?: string;
};

export async function createCohort(
  prisma: PrismaClient,
  input: {
    name?: string;
    slug?: string;
    theme?: string;
    description?: string;
    startsOn?: string;
    endsOn?: string;
    capacity?: number;
    status?: CohortStatus;
    sessions?: SessionInput[];
  } = {},
) {
  const unique = randomUUID().slice(0, 8);
  return prisma.cohort.create({
    data: {
      name: input.name ?? `Leernetwerk test ${unique}`,
      slug: input.slug ?? `leernetwerk-${unique}`,
      theme: input.theme ?? "",
      description: input.description ?? "",
      startsOn: new Date(`${input.startsOn ?? "2027-04-01"}T00:00:00Z`),
      endsOn: new Date(`${input.endsOn ?? "2027-09-30"}T00:00:00Z`),
      capacity: input.capacity ?? 8,
      status: input.status ?? "APPLICATIONS_OPEN",
      sessions: {
        create: (input.sessions ?? []).map((session) => ({
          number: session.number,
          title: session.title,
          startsAt: amsterdamTime(session.date, session.start),
          endsAt: amsterdamTime(session.date, session.end),
          format: session.format,
          location: session.location ?? null,
          meetingUrl: session.meetingUrl ?? null,
          agenda: session.agenda ?? "",
          preparation: session.preparation ?? "",
        })),
      },
    },
  });
}

export async function createMunicipality(prisma: PrismaClient, name?: string, province?: string) {
  const municipalityName = name ?? `Gemeente ${randomUUID().slice(0, 8)}`;
  return prisma.municipality.upsert({
    where: { name: municipalityName },
    update: {},
    create: { name: municipalityName, province: province ?? null },
  });
}

/** Enrols a municipality in a cohort with its duo members (created as users when given by name). */
export async function createEnrollment(
  prisma: PrismaClient,
  input: {
    cohortId: string;
    municipality?: string;
    province?: string;
    vraagstuk?: string;
    members?: { name?: string; email?: string; function: DuoFunction }[];
  },
) {
  const municipality = await createMunicipality(prisma, input.municipality, input.province);
  const enrollment = await prisma.enrollment.create({
    data: { cohortId: input.cohortId, municipalityId: municipality.id, vraagstuk: input.vraagstuk ?? "" },
  });
  const members = [];
  for (const member of input.members ?? []) {
    const user = await createUser(prisma, { name: member.name, email: member.email, role: "PARTICIPANT" });
    await prisma.duoMember.create({
      data: { enrollmentId: enrollment.id, userId: user.id, function: member.function },
    });
    members.push(user);
  }
  return { enrollment, municipality, members };
}

export async function addFacilitator(prisma: PrismaClient, cohortId: string, userId: string) {
  return prisma.cohortFacilitator.create({ data: { cohortId, userId } });
}

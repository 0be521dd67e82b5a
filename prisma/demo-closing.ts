// A cohort that has had its last session and waits to be closed (issue 16): the closing routine's demo,
// and the browser journey of tests/e2e/closing.spec.ts, which archives it (no other spec uses it).
import type { PrismaClient } from "../app/generated/prisma/client.ts";
import { addFacilitator, createCohort, createEnrollment } from "./factories.ts";

export const CLOSING_COHORT_SLUG = "armoede-en-schulden-najaar-2025";
export const demoClosingLogins = { qualifies: "karin.smit@deventer.test", short: "tom.bakker@deventer.test" };

export async function seedClosingCohort(prisma: PrismaClient, input: { facilitatorEmail: string }) {
  const facilitator = await prisma.user.findUniqueOrThrow({ where: { email: input.facilitatorEmail } });
  const cohort = await createCohort(prisma, {
    name: "Leernetwerk Armoede en schulden, najaar 2025",
    slug: CLOSING_COHORT_SLUG,
    theme: "Schulden en bestaanszekerheid",
    startsOn: "2025-09-01",
    endsOn: "2025-12-19",
    capacity: 4,
    status: "RUNNING",
    sessions: [
      { number: 1, title: "Kennismaken", date: "2025-09-16", start: "13:00", end: "16:00", format: "ONLINE" },
      { number: 2, title: "Ervaringen ophalen", date: "2025-10-21", start: "13:00", end: "16:00", format: "ONLINE" },
      { number: 3, title: "Terugkoppelen", date: "2025-12-09", start: "13:00", end: "16:00", format: "ONLINE" },
    ],
  });
  await addFacilitator(prisma, cohort.id, facilitator.id);
  const { enrollment, members } = await createEnrollment(prisma, {
    cohortId: cohort.id,
    municipality: "Deventer",
    province: "Overijssel",
    vraagstuk: "Hoe bereiken we inwoners met schulden eerder?",
    members: [
      { name: "Karin Smit", email: demoClosingLogins.qualifies, function: "BELEIDSMEDEWERKER" },
      { name: "Tom Bakker", email: demoClosingLogins.short, function: "LEIDINGGEVENDE" },
    ],
  });
  const sessions = await prisma.cohortSession.findMany({ where: { cohortId: cohort.id }, orderBy: { number: "asc" } });
  const [karin, tom] = members as [(typeof members)[0], (typeof members)[0]];
  await prisma.attendance.createMany({
    data: [
      ...sessions.map((session) => ({ sessionId: session.id, userId: karin.id, status: "PRESENT" as const })),
      { sessionId: sessions[0]!.id, userId: tom.id, status: "PRESENT" as const },
      { sessionId: sessions[1]!.id, userId: tom.id, status: "SIGNED_OFF" as const, reason: "Ziek" },
      { sessionId: sessions[2]!.id, userId: tom.id, status: "ABSENT" as const },
    ],
  });
  await prisma.journalEntry.create({
    data: {
      authorId: karin.id,
      enrollmentId: enrollment.id,
      writtenOn: new Date("2025-12-10"),
      title: "Na de laatste bijeenkomst",
      body: "Wat ik meeneem uit dit leernetwerk.",
    },
  });
  return cohort;
}

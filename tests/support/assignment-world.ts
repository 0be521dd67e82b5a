// The world the assignment tests start from: a running cohort with two sessions and one duo assignment, two
// enrolments (the duo Lisa and Erik of Zwolle, Noor alone), the cohort's facilitator Marco, Anouk who
// facilitates another cohort, and the coordinator Sanne. Used by the model tests and the route tests.
import { addFacilitator, createCohort, createEnrollment, createUser } from "../../prisma/factories.ts";
import { prisma } from "~/utils/db.server.ts";

export const HOUR = 60 * 60 * 1000;

export async function assignmentWorld({ dueInHours = 24 * 7 } = {}) {
  const cohort = await createCohort(prisma, {
    status: "RUNNING",
    sessions: [
      { number: 1, title: "Start", date: "2099-04-13", start: "10:00", end: "13:00", format: "IN_PERSON" },
      { number: 2, title: "Vervolg", date: "2099-05-11", start: "10:00", end: "13:00", format: "ONLINE" },
    ],
  });
  const other = await createCohort(prisma, {
    sessions: [{ number: 1, title: "Elders", date: "2099-04-20", start: "10:00", end: "13:00", format: "ONLINE" }],
  });
  const zwolle = await createEnrollment(prisma, {
    cohortId: cohort.id,
    members: [
      { name: "Lisa", function: "BELEIDSMEDEWERKER" },
      { name: "Erik", function: "ERVARINGSDESKUNDIGE" },
    ],
  });
  const deventer = await createEnrollment(prisma, {
    cohortId: cohort.id,
    members: [{ name: "Noor", function: "BELEIDSMEDEWERKER" }],
  });
  const marco = await createUser(prisma, { name: "Marco", role: "FACILITATOR" });
  const anouk = await createUser(prisma, { name: "Anouk", role: "FACILITATOR" });
  const sanne = await createUser(prisma, { name: "Sanne", role: "COORDINATOR" });
  await addFacilitator(prisma, cohort.id, marco.id);
  await addFacilitator(prisma, other.id, anouk.id);
  const sessions = await prisma.cohortSession.findMany({ where: { cohortId: cohort.id }, orderBy: { number: "asc" } });
  const assignment = await prisma.assignment.create({
    data: {
      sessionId: sessions[0]!.id,
      title: "Leefwereld in kaart",
      instructions: "Lees [de les](/leren/x).",
      dueAt: new Date(Date.now() + dueInHours * HOUR),
      kind: "DUO",
    },
  });
  return {
    cohort,
    other,
    sessions,
    assignment,
    lisa: zwolle.members[0]!,
    erik: zwolle.members[1]!,
    noor: deventer.members[0]!,
    zwolle,
    marco,
    anouk,
    sanne,
  };
}

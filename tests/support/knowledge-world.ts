// The world the knowledge-base tests start from: a running cohort whose one session is on `lastSession`, the
// duo Noor and Bram of a municipality with a canvas, Joost of another duo, and the facilitator Fatima; and a
// summary that passes the anonymity checks.
import { addFacilitator, createCohort, createEnrollment, createUser } from "../../prisma/factories.ts";
import { normalizeContent } from "~/models/action-plan-sections.ts";
import { savePlan } from "~/models/action-plan.server.ts";
import { prisma } from "~/utils/db.server.ts";

export async function knowledgeWorld(lastSession: string) {
  const cohort = await createCohort(prisma, {
    status: "RUNNING",
    sessions: [{ number: 1, title: "Slot", date: lastSession, start: "12:00", end: "15:00", format: "ONLINE" }],
  });
  const unique = cohort.id.slice(0, 6);
  const municipality = `Kampen${unique.replace(/[0-9]/g, "")}`;
  const duo = await createEnrollment(prisma, {
    cohortId: cohort.id,
    municipality,
    members: [
      { name: "Noor Hendriks", function: "BELEIDSMEDEWERKER" },
      { name: "Bram Aerts", function: "LEIDINGGEVENDE" },
    ],
  });
  const other = await createEnrollment(prisma, {
    cohortId: cohort.id,
    members: [{ name: "Joost Peters", function: "BELEIDSMEDEWERKER" }],
  });
  const fatima = await createUser(prisma, { name: "Fatima El Amrani", role: "FACILITATOR" });
  await addFacilitator(prisma, cohort.id, fatima.id);
  const [noor, bram] = duo.members as [typeof fatima, typeof fatima];
  await savePlan(
    noor,
    duo.enrollment.id,
    normalizeContent({ "fase-ontsluiten": { gaan: "Gesprekken in eenvoudige taal" } }),
    0,
  );
  return { cohort, duo, noor, bram, joost: other.members[0]!, fatima, municipality };
}

export const goodInput = {
  consent: true,
  title: "Gesprekken in eenvoudige taal over schulden",
  themes: ["schulden", "armoede"],
  showMunicipality: false,
  sections: [
    { sectionId: "fase-ontsluiten", text: "We voerden gesprekken in eenvoudige taal op plekken waar mensen al komen." },
  ],
};

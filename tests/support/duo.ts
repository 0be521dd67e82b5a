// A duo on its own: a cohort without sessions and one enrolment, a policy officer and their manager.
import { createCohort, createEnrollment } from "../../prisma/factories.ts";
import { prisma } from "~/utils/db.server.ts";

/** Lisa (beleidsmedewerker) and Erik (leidinggevende), the members of one duo in a new cohort. */
export async function createDuo() {
  const cohort = await createCohort(prisma, { sessions: [] });
  const { members } = await createEnrollment(prisma, {
    cohortId: cohort.id,
    members: [
      { name: "Lisa", function: "BELEIDSMEDEWERKER" },
      { name: "Erik", function: "LEIDINGGEVENDE" },
    ],
  });
  const [lisa, erik] = members as [(typeof members)[number], (typeof members)[number]];
  return { cohort, lisa, erik };
}

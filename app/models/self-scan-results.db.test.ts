// The participant's self-scan results page reads its duo with one hand-written statement
// (findOwnDuoResults); it must find what Prisma's nested select (resultsSelect) finds. Its own file, so its
// own database.
import { describe, expect, it } from "vitest";
import { createUser } from "../../prisma/factories.ts";
import { createCohortWorld, WORLD_SCAN } from "../../tests/support/cohort-world.ts";
import { prisma } from "~/utils/db.server.ts";
import { findCohortAccess } from "./cohort.server.ts";
import { findOwnDuoResults, ownDuoResultsWithAccess, resultsSelect } from "./self-scan.server.ts";

describe("the participant's self-scan results in one statement", () => {
  it("finds the same duo, settings and responses as the nested select, and nothing for others", async () => {
    const world = await createCohortWorld(prisma, { duos: 3 });
    const other = await createCohortWorld(prisma, { duos: 1 });
    const [first, second] = world.duos;
    // Members answering on their own at the midway moment: one done, one draft; a setting of another scan.
    await prisma.selfScanSetting.createMany({
      data: [
        { enrollmentId: first!.enrollment.id, scanId: WORLD_SCAN, moment: "MIDWAY", mode: "INDIVIDUAL" },
        { enrollmentId: first!.enrollment.id, scanId: "een-andere-scan", moment: "INTAKE", mode: "INDIVIDUAL" },
      ],
    });
    const [lisa, erik] = first!.members;
    await prisma.selfScanResponse.createMany({
      data: [
        {
          enrollmentId: first!.enrollment.id,
          scanId: WORLD_SCAN,
          moment: "MIDWAY",
          respondentKey: lisa!.id,
          userId: lisa!.id,
          answers: { a: { value: 3, remark: "Goed" } },
          completedAt: new Date(Date.now() - 1000),
          createdAt: new Date(Date.now() + 60_000),
        },
        {
          enrollmentId: first!.enrollment.id,
          scanId: WORLD_SCAN,
          moment: "MIDWAY",
          respondentKey: erik!.id,
          userId: erik!.id,
          answers: {},
          createdAt: new Date(Date.now() + 120_000),
        },
        {
          enrollmentId: first!.enrollment.id,
          scanId: "een-andere-scan",
          moment: "INTAKE",
          respondentKey: "duo",
          answers: {},
        },
      ],
    });
    await prisma.enrollment.update({ where: { id: second!.enrollment.id }, data: { status: "WITHDRAWN" } });
    const outsider = await createUser(prisma, { role: "PARTICIPANT" });
    const people = [
      ...world.duos.flatMap((duo) => duo.members),
      ...other.duos[0]!.members,
      world.facilitator,
      outsider,
    ];
    for (const person of people) {
      for (const cohortId of [world.cohort.id, other.cohort.id]) {
        for (const scanId of [WORLD_SCAN, "een-andere-scan"]) {
          const plain = await prisma.enrollment.findFirst({
            where: { cohortId, status: "ACTIVE", members: { some: { userId: person.id } } },
            select: resultsSelect(scanId),
          });
          expect(await findOwnDuoResults(person, cohortId, scanId)).toEqual(plain);
          // The same read with the cohort's access check (the results page's one statement): only for a
          // participant who passed the check, and then the same duo (or null without an active one).
          const user = await prisma.user.findUniqueOrThrow({
            where: { id: person.id },
            select: { id: true, role: true },
          });
          const access = await findCohortAccess(user, cohortId, ownDuoResultsWithAccess(scanId));
          if (access?.relation === "participant") {
            expect(ownDuoResultsWithAccess(scanId).read(access.pageData?.value)).toEqual(plain);
          } else {
            expect(access?.pageData).toBeUndefined();
          }
        }
      }
    }
    const mine = await findOwnDuoResults(lisa!, world.cohort.id, WORLD_SCAN);
    expect(mine?.selfScanResponses.map((response) => response.respondentKey)).toEqual(["duo", lisa!.id, erik!.id]);
    expect(mine?.selfScanSettings).toEqual([{ scanId: WORLD_SCAN, moment: "MIDWAY", mode: "INDIVIDUAL" }]);
    expect(mine?.members.length).toBe(2);
    expect(await findOwnDuoResults(second!.members[0]!, world.cohort.id, WORLD_SCAN)).toBeNull();
  });
});

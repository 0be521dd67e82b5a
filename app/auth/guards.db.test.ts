import { describe, expect, it } from "vitest";
import { addFacilitator, createCohort, createEnrollment, createUser } from "../../prisma/factories.ts";
import { requestAs, requestWithCookie, thrownResponse } from "../../tests/support/requests.ts";
import { prisma } from "~/utils/db.server.ts";
import {
  requireAnonymous,
  requireCohortCoordinator,
  requireCohortMember,
  requireCohortStaff,
  requireRole,
  requireUser,
} from "./guards.server.ts";

async function world() {
  const cohort = await createCohort(prisma);
  const otherCohort = await createCohort(prisma);
  const { members } = await createEnrollment(prisma, {
    cohortId: cohort.id,
    members: [{ function: "BELEIDSMEDEWERKER" }, { function: "LEIDINGGEVENDE" }],
  });
  const { members: otherMembers } = await createEnrollment(prisma, {
    cohortId: otherCohort.id,
    members: [{ function: "BELEIDSMEDEWERKER" }],
  });
  const facilitator = await createUser(prisma, { role: "FACILITATOR" });
  await addFacilitator(prisma, cohort.id, facilitator.id);
  const otherFacilitator = await createUser(prisma, { role: "FACILITATOR" });
  await addFacilitator(prisma, otherCohort.id, otherFacilitator.id);
  const coordinator = await createUser(prisma, { role: "COORDINATOR" });
  return {
    cohort,
    otherCohort,
    participant: members[0]!,
    outsider: otherMembers[0]!,
    facilitator,
    otherFacilitator,
    coordinator,
  };
}

describe("guards", () => {
  it("requireUser sends anonymous visitors to the login page, remembering where they were going", async () => {
    const response = await thrownResponse(() => requireUser(requestWithCookie(null, "http://localhost/account?x=1")));
    expect(response?.status).toBe(302);
    expect(response?.headers.get("Location")).toBe("/inloggen?redirectTo=%2Faccount%3Fx%3D1");
  });

  it("requireAnonymous sends signed-in people home", async () => {
    const user = await createUser(prisma);
    const response = await thrownResponse(() => requireAnonymous(requestWithCookie(null)));
    expect(response).toBeNull();
    const signedIn = await thrownResponse(async () => requireAnonymous(await requestAs(user.id)));
    expect(signedIn?.headers.get("Location")).toBe("/");
  });

  it("requireRole answers 403 to other roles", async () => {
    const participant = await createUser(prisma, { role: "PARTICIPANT" });
    const coordinator = await createUser(prisma, { role: "COORDINATOR" });
    expect(
      (await thrownResponse(async () => requireRole(await requestAs(participant.id), "COORDINATOR")))?.status,
    ).toBe(403);
    expect(await requireRole(await requestAs(coordinator.id), "COORDINATOR")).toMatchObject({ id: coordinator.id });
  });

  it("requireCohortMember: each role sees only its own cohorts; others get 404", async () => {
    const w = await world();
    const check = async (userId: string, cohortId: string) => {
      const request = await requestAs(userId);
      const response = await thrownResponse(() => requireCohortMember(request, cohortId));
      return response ? response.status : (await requireCohortMember(request, cohortId)).relation;
    };
    expect(await check(w.participant.id, w.cohort.id)).toBe("participant");
    expect(await check(w.outsider.id, w.cohort.id)).toBe(404);
    expect(await check(w.facilitator.id, w.cohort.id)).toBe("facilitator");
    expect(await check(w.otherFacilitator.id, w.cohort.id)).toBe(404);
    expect(await check(w.coordinator.id, w.cohort.id)).toBe("coordinator");
    expect(await check(w.coordinator.id, "00000000-0000-4000-8000-000000000000")).toBe(404);
    expect(await check(w.coordinator.id, "not-a-uuid")).toBe(404);
  });

  it("a withdrawn enrolment no longer gives access", async () => {
    const w = await world();
    await prisma.enrollment.updateMany({ where: { cohortId: w.cohort.id }, data: { status: "WITHDRAWN" } });
    const response = await thrownResponse(async () =>
      requireCohortMember(await requestAs(w.participant.id), w.cohort.id),
    );
    expect(response?.status).toBe(404);
  });

  it("requireCohortStaff refuses participants with 403", async () => {
    const w = await world();
    expect(
      (await thrownResponse(async () => requireCohortStaff(await requestAs(w.participant.id), w.cohort.id)))?.status,
    ).toBe(403);
    expect((await requireCohortStaff(await requestAs(w.facilitator.id), w.cohort.id)).relation).toBe("facilitator");
  });

  it("requireCohortCoordinator: 403 for facilitators and participants of the cohort, 404 for an unknown cohort", async () => {
    const w = await world();
    const status = async (userId: string, cohortId: string) =>
      (await thrownResponse(async () => requireCohortCoordinator(await requestAs(userId), cohortId)))?.status ?? "ok";
    expect(await status(w.coordinator.id, w.cohort.id)).toBe("ok");
    expect(await status(w.facilitator.id, w.cohort.id)).toBe(403);
    expect(await status(w.participant.id, w.cohort.id)).toBe(403);
    expect(await status(w.coordinator.id, "00000000-0000-4000-8000-000000000000")).toBe(404);
    expect(await status(w.coordinator.id, "not-a-uuid")).toBe(404);
  });
});

// The resource guards: one record the viewer may see, else 404 with a Dutch message (403 where the page
// says who may). Each reuses the model's access rule, so these check who passes, not how.
import { describe, expect, it } from "vitest";
import { addFacilitator, createCohort, createEnrollment, createUser } from "../../prisma/factories.ts";
import { cookiePair, requestWithCookie, thrownResponse } from "../../tests/support/requests.ts";
import { createAssignment, saveSubmissionBody, submitSubmission } from "~/models/assignment.server.ts";
import { fixReadersOfCases } from "~/models/intervision.server.ts";
import { saveEntry, setAudiences } from "~/models/journal.server.ts";
import { amsterdamTime } from "~/utils/dates.ts";
import { prisma } from "~/utils/db.server.ts";
import {
  requireAssignment,
  requireCohortSession,
  requireIntervisionCase,
  requireIntervisionGroup,
  requireIntervisionMeeting,
  requireJournalEntry,
  requireOwnAssignment,
  requireOwnJournalEntry,
  requirePlanAccess,
  requireSubmission,
} from "./guards.server.ts";
import { createUserSession } from "./session.server.ts";

async function requestAs(userId: string) {
  return requestWithCookie(cookiePair(await createUserSession(requestWithCookie(null), userId)));
}

/** The status and Dutch message of the Response a guard threw, or "passed". */
async function outcome(run: () => Promise<unknown>) {
  const response = await thrownResponse(run);
  return response ? `${response.status} ${await response.text()}` : "passed";
}

async function world() {
  const cohort = await createCohort(prisma, {
    sessions: [{ number: 1, title: "Start", date: "2099-03-10", start: "10:00", end: "13:00", format: "ONLINE" }],
  });
  const other = await createCohort(prisma, { sessions: [] });
  const zwolle = await createEnrollment(prisma, {
    cohortId: cohort.id,
    members: [{ function: "BELEIDSMEDEWERKER" }, { function: "LEIDINGGEVENDE" }],
  });
  const almere = await createEnrollment(prisma, { cohortId: cohort.id, members: [{ function: "BELEIDSMEDEWERKER" }] });
  const elsewhere = await createEnrollment(prisma, {
    cohortId: other.id,
    members: [{ function: "BELEIDSMEDEWERKER" }],
  });
  const facilitator = await createUser(prisma, { role: "FACILITATOR" });
  const otherFacilitator = await createUser(prisma, { role: "FACILITATOR" });
  const coordinator = await createUser(prisma, { role: "COORDINATOR" });
  await addFacilitator(prisma, cohort.id, facilitator.id);
  await addFacilitator(prisma, other.id, otherFacilitator.id);
  const [lisa, erik] = zwolle.members as [typeof facilitator, typeof facilitator];
  const noor = almere.members[0]!;
  const joost = elsewhere.members[0]!;
  const session = await prisma.cohortSession.findFirstOrThrow({ where: { cohortId: cohort.id } });
  return { cohort, other, zwolle, session, lisa, erik, noor, joost, facilitator, otherFacilitator, coordinator };
}

describe("resource guards", () => {
  it("requireJournalEntry and requireOwnJournalEntry: the author, and whoever it is shared with", async () => {
    const w = await world();
    const saved = await saveEntry(w.lisa, {
      title: "Mijn stuk",
      body: "Tekst",
      writtenOn: "2099-01-02",
      tags: [],
      sessionId: null,
      reflectieId: null,
      promptId: null,
    });
    if (saved.status !== "saved") throw new Error("not saved");
    const notShared = "404 Dit journaalstuk bestaat niet of is niet met je gedeeld.";
    expect(await outcome(async () => requireJournalEntry(await requestAs(w.lisa.id), saved.id))).toBe("passed");
    for (const user of [w.erik, w.facilitator, w.coordinator, w.noor]) {
      expect(await outcome(async () => requireJournalEntry(await requestAs(user.id), saved.id))).toBe(notShared);
    }
    expect(await outcome(async () => requireJournalEntry(await requestAs(w.lisa.id), "x"))).toBe(notShared);
    await setAudiences(w.lisa, saved.id, ["FACILITATORS"]);
    expect(await outcome(async () => requireJournalEntry(await requestAs(w.facilitator.id), saved.id))).toBe("passed");
    expect(await outcome(async () => requireJournalEntry(await requestAs(w.otherFacilitator.id), saved.id))).toBe(
      notShared,
    );
    // Editing: only the author, even when it is shared with you.
    expect(await outcome(async () => requireOwnJournalEntry(await requestAs(w.lisa.id), saved.id))).toBe("passed");
    expect(await outcome(async () => requireOwnJournalEntry(await requestAs(w.erik.id), saved.id))).toBe(
      "404 Dit journaalstuk bestaat niet.",
    );
    expect(await outcome(async () => requireOwnJournalEntry(await requestAs(w.facilitator.id), saved.id))).toMatch(
      /^403/,
    );
  });

  it("requireIntervisionGroup, -Meeting and -Case: the group's members and facilitators; the inbrenger keeps their case", async () => {
    const w = await world();
    const group = await prisma.intervisionGroup.create({
      data: {
        cohortId: w.cohort.id,
        name: "Groep 1",
        members: { create: [{ userId: w.lisa.id }, { userId: w.noor.id }] },
        facilitators: { create: [{ userId: w.facilitator.id }] },
      },
    });
    const meeting = await prisma.intervisionMeeting.create({
      data: {
        groupId: group.id,
        startsAt: amsterdamTime("2099-04-01", "14:00"),
        endsAt: amsterdamTime("2099-04-01", "15:30"),
        location: "Utrecht",
      },
    });
    const item = await prisma.intervisionCase.create({
      data: {
        meetingId: meeting.id,
        authorId: w.lisa.id,
        title: "Casus",
        situation: "Een situatie",
        question: "Wat nu?",
      },
    });
    await fixReadersOfCases({ id: item.id });
    for (const user of [w.lisa, w.noor, w.facilitator]) {
      const request = await requestAs(user.id);
      expect(await outcome(() => requireIntervisionGroup(request, group.id))).toBe("passed");
      expect(await outcome(() => requireIntervisionMeeting(request, meeting.id))).toBe("passed");
      expect(await outcome(() => requireIntervisionCase(request, item.id))).toBe("passed");
    }
    for (const user of [w.erik, w.coordinator, w.otherFacilitator]) {
      const request = await requestAs(user.id);
      expect(await outcome(() => requireIntervisionGroup(request, group.id))).toBe(
        "404 Deze intervisiegroep bestaat niet of je hoort er niet bij.",
      );
      expect(await outcome(() => requireIntervisionMeeting(request, meeting.id))).toBe(
        "404 Deze intervisiebijeenkomst bestaat niet of je hoort niet bij de groep.",
      );
      expect(await outcome(() => requireIntervisionCase(request, item.id))).toBe(
        "404 Deze casus bestaat niet of is alleen voor de intervisiegroep.",
      );
    }
    // Lisa leaves the group: her own case stays hers (to delete it), the group's pages do not.
    await prisma.intervisionMember.delete({ where: { groupId_userId: { groupId: group.id, userId: w.lisa.id } } });
    const lisa = await requestAs(w.lisa.id);
    expect(await outcome(() => requireIntervisionCase(lisa, item.id))).toBe("passed");
    expect(await outcome(() => requireIntervisionGroup(lisa, group.id))).toMatch(/^404/);
  });

  it("requireOwnAssignment, requireAssignment and requireSubmission", async () => {
    const w = await world();
    const assignment = await createAssignment(w.coordinator, w.cohort.id, {
      sessionId: w.session.id,
      title: "Opdracht 1",
      instructions: "",
      dueAt: amsterdamTime("2099-03-09", "17:00"),
      kind: "DUO",
      allowFiles: false,
      opdrachtId: null,
    });
    // Participants: their own cohort's assignment only.
    expect(await outcome(async () => requireOwnAssignment(await requestAs(w.lisa.id), assignment.id))).toBe("passed");
    expect(await outcome(async () => requireOwnAssignment(await requestAs(w.joost.id), assignment.id))).toBe(
      "404 Deze opdracht bestaat niet of is niet voor jou.",
    );
    expect(await outcome(async () => requireOwnAssignment(await requestAs(w.facilitator.id), assignment.id))).toMatch(
      /^403/,
    );
    // Staff: the cohort's facilitators and coordinators; editing (coordinatorOnly): coordinators.
    expect(
      await outcome(async () => requireAssignment(await requestAs(w.facilitator.id), w.cohort.id, assignment.id)),
    ).toBe("passed");
    expect(
      await outcome(async () => requireAssignment(await requestAs(w.coordinator.id), w.cohort.id, assignment.id)),
    ).toBe("passed");
    expect(
      await outcome(async () => requireAssignment(await requestAs(w.lisa.id), w.cohort.id, assignment.id)),
    ).toMatch(/^403/);
    expect(
      await outcome(async () => requireAssignment(await requestAs(w.otherFacilitator.id), w.cohort.id, assignment.id)),
    ).toMatch(/^404/);
    expect(
      await outcome(async () => requireAssignment(await requestAs(w.coordinator.id), w.other.id, assignment.id)),
    ).toBe("404 Deze opdracht bestaat niet.");
    expect(
      await outcome(async () =>
        requireAssignment(await requestAs(w.facilitator.id), w.cohort.id, assignment.id, { coordinatorOnly: true }),
      ),
    ).toMatch(/^403/);
    // A submission: only once handed in, and never for a participant (any duo).
    const saved = await saveSubmissionBody(w.lisa, assignment.id, "Onze uitwerking", 0);
    if (saved.status !== "saved") throw new Error("not saved");
    const notYet = "404 Deze uitwerking bestaat niet of is nog niet ingeleverd.";
    expect(
      await outcome(async () =>
        requireSubmission(await requestAs(w.facilitator.id), w.cohort.id, assignment.id, saved.id),
      ),
    ).toBe(notYet);
    await submitSubmission(w.lisa, assignment.id);
    expect(
      await outcome(async () =>
        requireSubmission(await requestAs(w.facilitator.id), w.cohort.id, assignment.id, saved.id),
      ),
    ).toBe("passed");
    expect(
      await outcome(async () => requireSubmission(await requestAs(w.lisa.id), w.cohort.id, assignment.id, saved.id)),
    ).toBe(notYet);
    expect(
      await outcome(async () => requireSubmission(await requestAs(w.noor.id), w.cohort.id, assignment.id, saved.id)),
    ).toBe(notYet);
  });

  it("requireCohortSession: a session of this cohort, for whom the page is", async () => {
    const w = await world();
    expect(await outcome(async () => requireCohortSession(await requestAs(w.lisa.id), w.cohort.id, w.session.id))).toBe(
      "passed",
    );
    expect(
      await outcome(async () => requireCohortSession(await requestAs(w.lisa.id), w.cohort.id, w.session.id, "staff")),
    ).toMatch(/^403/);
    expect(
      await outcome(async () =>
        requireCohortSession(await requestAs(w.facilitator.id), w.cohort.id, w.session.id, "staff"),
      ),
    ).toBe("passed");
    expect(
      await outcome(async () =>
        requireCohortSession(await requestAs(w.facilitator.id), w.cohort.id, w.session.id, "coordinator"),
      ),
    ).toMatch(/^403/);
    expect(
      await outcome(async () =>
        requireCohortSession(await requestAs(w.coordinator.id), w.other.id, w.session.id, "coordinator"),
      ),
    ).toBe("404 Deze bijeenkomst bestaat niet.");
    expect(
      await outcome(async () => requireCohortSession(await requestAs(w.joost.id), w.cohort.id, w.session.id)),
    ).toBe("404 Dit leernetwerk bestaat niet of je hebt er geen toegang toe.");
  });

  it("requirePlanAccess: the duo edits, the cohort's facilitators read, coordinators 403, others 404", async () => {
    const w = await world();
    const enrollmentId = w.zwolle.enrollment.id;
    const access = await requirePlanAccess(await requestAs(w.lisa.id), w.cohort.id, enrollmentId);
    expect(access.mode).toBe("duo");
    expect((await requirePlanAccess(await requestAs(w.facilitator.id), w.cohort.id, enrollmentId)).mode).toBe(
      "facilitator",
    );
    expect(
      await outcome(async () => requirePlanAccess(await requestAs(w.coordinator.id), w.cohort.id, enrollmentId)),
    ).toBe("403 De aanpak is van het duo: coördinatoren zien alleen of er een aanpak is.");
    expect(await outcome(async () => requirePlanAccess(await requestAs(w.noor.id), w.cohort.id, enrollmentId))).toBe(
      "404 Deze aanpak bestaat niet of je hebt er geen toegang toe.",
    );
    expect(
      await outcome(async () => requirePlanAccess(await requestAs(w.otherFacilitator.id), w.cohort.id, enrollmentId)),
    ).toMatch(/^404/);
  });
});

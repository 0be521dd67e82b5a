// Self-scans against the database (PGlite and PostgreSQL): saving with the version check (two members at
// once never overwrite each other), completing and reopening, answering together or each on their own,
// who can load a duo's scans, and the anonymised aggregate (only completed scans of active duos, nothing
// below three duos).
import { describe, expect, it } from "vitest";
import { addFacilitator, createCohort, createEnrollment, createUser } from "../../prisma/factories.ts";
import { findSelfScan } from "~/content/library.server.ts";
import type { Answers } from "~/content/self-scan-schema.ts";
import { DomainError } from "~/utils/domain-error.ts";
import { prisma } from "~/utils/db.server.ts";
import {
  cohortAggregate,
  dueSelfScans,
  findDuoForFacilitator,
  findDuoResultsForFacilitator,
  findOwnDuo,
  findOwnDuoResults,
  momentStatus,
  reopenResponse,
  resultsView,
  saveResponse,
  setMode,
} from "./self-scan.server.ts";

const scan = findSelfScan("verkenning")!;
const ladder = findSelfScan("participatieladder")!;
const scaleIds = scan.sections.flatMap((section) =>
  section.questions.filter((question) => question.type === "scale").map((question) => question.id),
);

function fullAnswers(value: number, choice: "go" | "nog-niet" | "no-go" = "go"): Answers {
  return {
    ...Object.fromEntries(scaleIds.map((id) => [id, { value }])),
    besluit: { choice, reasons: "Omdat het kan." },
  };
}

async function setup() {
  const cohort = await createCohort(prisma, {
    sessions: [
      { number: 1, title: "Een", date: "2099-04-13", start: "12:30", end: "16:00", format: "IN_PERSON" },
      { number: 2, title: "Twee", date: "2099-05-25", start: "14:00", end: "16:30", format: "ONLINE" },
    ],
  });
  const duos = [];
  for (const name of ["A", "B", "C", "D"]) {
    duos.push(
      await createEnrollment(prisma, {
        cohortId: cohort.id,
        members: [
          { name: `${name} beleid`, function: "BELEIDSMEDEWERKER" },
          { name: `${name} leiding`, function: "LEIDINGGEVENDE" },
        ],
      }),
    );
  }
  const facilitator = await createUser(prisma, { role: "FACILITATOR" });
  await addFacilitator(prisma, cohort.id, facilitator.id);
  const otherCohort = await createCohort(prisma);
  const otherFacilitator = await createUser(prisma, { role: "FACILITATOR" });
  await addFacilitator(prisma, otherCohort.id, otherFacilitator.id);
  const coordinator = await createUser(prisma, { role: "COORDINATOR" });
  return { cohort, duos, facilitator, otherFacilitator, coordinator };
}

async function complete(
  userId: string,
  cohortId: string,
  value: number,
  choice: "go" | "nog-niet" | "no-go" = "go",
  moment: "INTAKE" | "END" = "INTAKE",
) {
  const duo = (await findOwnDuo({ id: userId }, cohortId))!;
  const result = await saveResponse({
    user: { id: userId },
    duo,
    scan,
    moment,
    answers: fullAnswers(value, choice),
    version: 0,
    complete: true,
  });
  expect(result.status).toBe("saved");
}

describe("saving self-scans", () => {
  it("saves drafts with a rising version and refuses a save based on an old version (no silent overwrite)", async () => {
    const { cohort, duos } = await setup();
    const [lisa, erik] = duos[0]!.members;
    const duo = (await findOwnDuo(lisa!, cohort.id))!;
    const first = await saveResponse({
      user: lisa!,
      duo,
      scan,
      moment: "INTAKE",
      answers: { steun: { value: 2 } },
      version: 0,
      complete: false,
    });
    expect(first).toMatchObject({ status: "saved", version: 1, completed: false });
    // Erik loaded version 1 and saves: fine.
    const erikSave = await saveResponse({
      user: erik!,
      duo,
      scan,
      moment: "INTAKE",
      answers: { steun: { value: 4 } },
      version: 1,
      complete: false,
    });
    expect(erikSave).toMatchObject({ status: "saved", version: 2 });
    // Lisa, still on version 1, saves: refused, and she gets Erik's answers to compare.
    const stale = await saveResponse({
      user: lisa!,
      duo,
      scan,
      moment: "INTAKE",
      answers: { steun: { value: 1 } },
      version: 1,
      complete: false,
    });
    expect(stale.status).toBe("conflict");
    if (stale.status !== "conflict") return;
    expect(stale.current.answers).toEqual({ steun: { value: 4 } });
    expect(stale.current.version).toBe(2);
    expect(stale.current.updatedBy).toBe(erik!.name);
    const stored = await prisma.selfScanResponse.findMany({ where: { enrollmentId: duos[0]!.enrollment.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.answers).toEqual({ steun: { value: 4 } });
  });

  it("lets two first saves at the same moment create one response: the second one is a conflict", async () => {
    const { cohort, duos } = await setup();
    const [lisa, erik] = duos[0]!.members;
    const duo = (await findOwnDuo(lisa!, cohort.id))!;
    const results = await Promise.all([
      saveResponse({
        user: lisa!,
        duo,
        scan,
        moment: "INTAKE",
        answers: { steun: { value: 1 } },
        version: 0,
        complete: false,
      }),
      saveResponse({
        user: erik!,
        duo,
        scan,
        moment: "INTAKE",
        answers: { steun: { value: 5 } },
        version: 0,
        complete: false,
      }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(["conflict", "saved"]);
    expect(await prisma.selfScanResponse.count({ where: { enrollmentId: duos[0]!.enrollment.id } })).toBe(1);
  });

  it("completes, reopens, and only then allows switching to answering each on your own", async () => {
    const { cohort, duos } = await setup();
    const [lisa, erik] = duos[0]!.members;
    await complete(lisa!.id, cohort.id, 3);
    let duo = (await findOwnDuo(lisa!, cohort.id))!;
    expect(momentStatus(duo, scan.id, "INTAKE")).toMatchObject({ state: "completed", mode: "DUO" });
    // A completed response is not changed by a save of an open page.
    const late = await saveResponse({
      user: erik!,
      duo,
      scan,
      moment: "INTAKE",
      answers: {},
      version: 1,
      complete: false,
    });
    expect(late.status).toBe("conflict");
    await expect(setMode({ duo, scanId: scan.id, moment: "INTAKE", mode: "INDIVIDUAL" })).rejects.toBeInstanceOf(
      DomainError,
    );
    await reopenResponse({ user: erik!, duo, scanId: scan.id, moment: "INTAKE" });
    duo = (await findOwnDuo(lisa!, cohort.id))!;
    expect(momentStatus(duo, scan.id, "INTAKE").state).toBe("draft");
    await setMode({ duo, scanId: scan.id, moment: "INTAKE", mode: "INDIVIDUAL" });
    duo = (await findOwnDuo(lisa!, cohort.id))!;
    expect(momentStatus(duo, scan.id, "INTAKE")).toMatchObject({ state: "not-started", mode: "INDIVIDUAL" });

    // Each on their own: two responses, shown side by side; the duo's score is their mean.
    await saveResponse({
      user: lisa!,
      duo,
      scan,
      moment: "INTAKE",
      answers: fullAnswers(2),
      version: 0,
      complete: true,
    });
    duo = (await findOwnDuo(lisa!, cohort.id))!;
    expect(momentStatus(duo, scan.id, "INTAKE")).toMatchObject({ state: "partly", label: "1 van 2 afgerond" });
    await saveResponse({
      user: erik!,
      duo,
      scan,
      moment: "INTAKE",
      answers: fullAnswers(4, "nog-niet"),
      version: 0,
      complete: true,
    });
    duo = (await findOwnDuo(erik!, cohort.id))!;
    expect(momentStatus(duo, scan.id, "INTAKE").state).toBe("completed");
    const view = resultsView(scan, duo);
    expect(view.moments[0]!.respondents.map((respondent) => respondent.name)).toEqual([lisa!.name, erik!.name]);
    expect(view.scores.INTAKE!.measures["section:kennis"]).toBe(3);
    // The results pages read only this scan's part of the duo: the same view.
    expect(resultsView(scan, (await findOwnDuoResults(erik!, cohort.id, scan.id))!)).toEqual(view);
  });

  it("refuses changes once the cohort is closed", async () => {
    const { cohort, duos } = await setup();
    await prisma.cohort.update({ where: { id: cohort.id }, data: { status: "CLOSED" } });
    const lisa = duos[0]!.members[0]!;
    const duo = (await findOwnDuo(lisa, cohort.id))!;
    await expect(
      saveResponse({ user: lisa, duo, scan, moment: "INTAKE", answers: {}, version: 0, complete: false }),
    ).rejects.toBeInstanceOf(DomainError);
  });
});

describe("who sees a duo's scans", () => {
  it("the duo itself and the cohort's facilitators; not a facilitator of another cohort, not the coordinator", async () => {
    const { cohort, duos, facilitator, otherFacilitator, coordinator } = await setup();
    const enrollmentId = duos[0]!.enrollment.id;
    expect((await findOwnDuo(duos[0]!.members[0]!, cohort.id))?.id).toBe(enrollmentId);
    expect((await findOwnDuo(duos[1]!.members[0]!, cohort.id))?.id).toBe(duos[1]!.enrollment.id);
    expect((await findDuoForFacilitator(facilitator, cohort.id, enrollmentId))?.id).toBe(enrollmentId);
    expect(await findDuoForFacilitator(otherFacilitator, cohort.id, enrollmentId)).toBeNull();
    expect(await findDuoForFacilitator(coordinator, cohort.id, enrollmentId)).toBeNull();
    expect((await findOwnDuoResults(duos[0]!.members[0]!, cohort.id, scan.id))?.id).toBe(enrollmentId);
    expect((await findDuoResultsForFacilitator(facilitator, cohort.id, enrollmentId, scan.id))?.id).toBe(enrollmentId);
    expect(await findDuoResultsForFacilitator(otherFacilitator, cohort.id, enrollmentId, scan.id)).toBeNull();
    expect(await findDuoResultsForFacilitator(coordinator, cohort.id, enrollmentId, scan.id)).toBeNull();
    // A participant is never treated as staff.
    expect(
      await findDuoForFacilitator({ ...duos[1]!.members[0]!, role: "PARTICIPANT" }, cohort.id, enrollmentId),
    ).toBeNull();
    // A withdrawn enrolment is nobody's any more.
    await prisma.enrollment.update({ where: { id: enrollmentId }, data: { status: "WITHDRAWN" } });
    expect(await findOwnDuo(duos[0]!.members[0]!, cohort.id)).toBeNull();
    expect(await findDuoForFacilitator(facilitator, cohort.id, enrollmentId)).toBeNull();
    expect(await findOwnDuoResults(duos[0]!.members[0]!, cohort.id, scan.id)).toBeNull();
    expect(await findDuoResultsForFacilitator(facilitator, cohort.id, enrollmentId, scan.id)).toBeNull();
  });
});

describe("the anonymised cohort aggregate", () => {
  it("counts only completed scans of active duos and shows nothing below three duos", async () => {
    const { cohort, duos } = await setup();
    await complete(duos[0]!.members[0]!.id, cohort.id, 1, "no-go");
    await complete(duos[1]!.members[0]!.id, cohort.id, 2, "nog-niet");
    // A draft does not count.
    const draftDuo = (await findOwnDuo(duos[2]!.members[0]!, cohort.id))!;
    await saveResponse({
      user: duos[2]!.members[0]!,
      duo: draftDuo,
      scan,
      moment: "INTAKE",
      answers: fullAnswers(5),
      version: 0,
      complete: false,
    });
    let aggregate = await cohortAggregate(cohort.id, scan);
    expect(aggregate.INTAKE).toEqual({ shown: false, duoCount: 2 });
    expect(aggregate.END).toEqual({ shown: false, duoCount: 0 });

    await complete(duos[3]!.members[0]!.id, cohort.id, 3, "go");
    aggregate = await cohortAggregate(cohort.id, scan);
    expect(aggregate.INTAKE.shown).toBe(true);
    if (!aggregate.INTAKE.shown) return;
    expect(aggregate.INTAKE.duoCount).toBe(3);
    expect(aggregate.INTAKE.measures["section:kennis"]).toBeCloseTo(2);
    expect(aggregate.INTAKE.judgements).toEqual({ go: 1, "nog-niet": 1, "no-go": 1, verdeeld: 0 });
    expect(JSON.stringify(aggregate)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/); // no ids of duos or people

    // A duo that withdraws drops out of the aggregate: back below three.
    await prisma.enrollment.update({ where: { id: duos[3]!.enrollment.id }, data: { status: "WITHDRAWN" } });
    expect((await cohortAggregate(cohort.id, scan)).INTAKE).toEqual({ shown: false, duoCount: 2 });
    // Another scan is counted on its own.
    expect((await cohortAggregate(cohort.id, ladder)).INTAKE).toEqual({ shown: false, duoCount: 0 });
  });
});

describe("the start page", () => {
  it("lists the scans of the due moment that are not completed yet", async () => {
    const { cohort, duos } = await setup();
    const lisa = duos[0]!.members[0]!;
    await complete(lisa.id, cohort.id, 3);
    const [due] = await dueSelfScans(lisa, new Date("2099-01-01T00:00:00Z"));
    expect(due).toMatchObject({ cohortId: cohort.id, moment: "INTAKE", momentSlug: "intake" });
    expect(due!.scans.map((entry) => entry.id)).toEqual(["randvoorwaarden-en-lemniscaat", "participatieladder"]);
    const [later] = await dueSelfScans(lisa, new Date("2099-06-01T00:00:00Z"));
    expect(later!.moment).toBe("END");
    expect(later!.scans).toHaveLength(3);
  });
});

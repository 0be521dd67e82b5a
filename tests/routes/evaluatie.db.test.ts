// The programme's evaluation through its loaders and actions (guards included): who may open what, answering
// once (a second answer refused), bad input kept, and the anonymity threshold — with two answers nothing is shown
// or exported, with three the aggregate is; over the cohort only sessions with three answers count.
import { describe, expect, it } from "vitest";
import { addFacilitator, createCohort, createEnrollment, createUser } from "../../prisma/factories.ts";
import { args, dataOf, form, requestAs, statusOf, statusOfCall } from "../support/requests.ts";
import { prisma } from "~/utils/db.server.ts";
import { loader as indexLoader } from "~/routes/leernetwerken+/$cohortId+/evaluatie+/_index.tsx";
import {
  action as answerAction,
  loader as answerLoader,
} from "~/routes/leernetwerken+/$cohortId+/evaluatie+/$target.tsx";
import { loader as targetResultsLoader } from "~/routes/leernetwerken+/$cohortId+/evaluatie+/$target_.resultaten.tsx";
import { loader as cohortResultsLoader } from "~/routes/leernetwerken+/$cohortId+/evaluatie+/resultaten.tsx";
import { loader as csvLoader } from "~/routes/leernetwerken+/$cohortId+/evaluatie+/resultaten[.csv].tsx";
import { getClosingOverview, setClosingStep } from "~/models/cohort-closing.server.ts";
import { ALREADY_ANSWERED } from "~/models/evaluation.server.ts";
import { TOO_FEW_MESSAGE } from "~/models/evaluation-results.ts";

async function setup() {
  const cohort = await createCohort(prisma, {
    status: "RUNNING",
    sessions: [
      { number: 1, title: "Kennismaken", date: "2026-01-13", start: "13:00", end: "16:00", format: "ONLINE" },
      { number: 2, title: "Vertalen", date: "2026-02-10", start: "13:00", end: "16:00", format: "ONLINE" },
      { number: 3, title: "Later", date: "2030-03-10", start: "13:00", end: "16:00", format: "ONLINE" },
    ],
  });
  const other = await createCohort(prisma, { sessions: [] });
  const zwolle = await createEnrollment(prisma, {
    cohortId: cohort.id,
    members: [
      { name: "Lisa", function: "BELEIDSMEDEWERKER" },
      { name: "Erik", function: "LEIDINGGEVENDE" },
    ],
  });
  const deventer = await createEnrollment(prisma, {
    cohortId: cohort.id,
    members: [
      { name: "Sophie", function: "BELEIDSMEDEWERKER" },
      { name: "Tom", function: "LEIDINGGEVENDE" },
    ],
  });
  const almere = await createEnrollment(prisma, {
    cohortId: other.id,
    members: [{ name: "Joost", function: "BELEIDSMEDEWERKER" }],
  });
  const marco = await createUser(prisma, { role: "FACILITATOR" });
  const anouk = await createUser(prisma, { role: "FACILITATOR" });
  const sanne = await createUser(prisma, { role: "COORDINATOR" });
  await addFacilitator(prisma, cohort.id, marco.id);
  await addFacilitator(prisma, other.id, anouk.id);
  const sessions = await prisma.cohortSession.findMany({ where: { cohortId: cohort.id }, orderBy: { number: "asc" } });
  return {
    cohortId: cohort.id,
    sessions: sessions.map((session) => session.id) as [string, string, string],
    participants: [zwolle.members[0]!, zwolle.members[1]!, deventer.members[0]!, deventer.members[1]!] as const,
    joost: almere.members[0]!,
    marco,
    anouk,
    sanne,
  };
}

const answers = (nuttig: string, extra: Record<string, string> = {}) => ({
  intent: "submit",
  nuttig,
  beleidswerk: "4",
  ervaringsdeskundigen: "5",
  uitwisseling: "3",
  begeleiding: "4",
  ...extra,
});

async function answer(userId: string, cohortId: string, target: string, values: Record<string, string>) {
  return answerAction(args(await requestAs(userId, "http://localhost/", form(values)), { cohortId, target }));
}

async function csvOf(userId: string, cohortId: string): Promise<string> {
  const response = (await csvLoader(args(await requestAs(userId), { cohortId }))) as Response;
  return response.text();
}

type Aggregate =
  | { shown: false; count: number }
  | {
      shown: true;
      count: number;
      scales: { id: string; count: number; mean: number; distribution: number[] }[];
      open: { id: string; answers: string[] }[];
    };

describe("evaluation pages: who may open what", () => {
  it("participants answer, staff see results; participants 403 on results, outsiders 404", async () => {
    const { cohortId, sessions, participants, joost, marco, anouk, sanne } = await setup();
    const target = sessions[0];
    const pages = {
      index: (userId: string) => async () => indexLoader(args(await requestAs(userId), { cohortId })),
      answer: (userId: string) => async () => answerLoader(args(await requestAs(userId), { cohortId, target })),
      results: (userId: string) => async () => targetResultsLoader(args(await requestAs(userId), { cohortId, target })),
      cohortResults: (userId: string) => async () => cohortResultsLoader(args(await requestAs(userId), { cohortId })),
      csv: (userId: string) => async () => csvLoader(args(await requestAs(userId), { cohortId })),
    };
    const expected: [string, string, Record<keyof typeof pages, number>][] = [
      ["a participant", participants[0].id, { index: 200, answer: 200, results: 403, cohortResults: 403, csv: 403 }],
      ["the facilitator", marco.id, { index: 200, answer: 403, results: 200, cohortResults: 200, csv: 200 }],
      ["the coordinator", sanne.id, { index: 200, answer: 403, results: 200, cohortResults: 200, csv: 200 }],
      ["a facilitator elsewhere", anouk.id, { index: 404, answer: 404, results: 404, cohortResults: 404, csv: 404 }],
      ["a participant elsewhere", joost.id, { index: 404, answer: 404, results: 404, cohortResults: 404, csv: 404 }],
    ];
    for (const [who, userId, statuses] of expected) {
      for (const [page, status] of Object.entries(statuses)) {
        expect(await statusOfCall(pages[page as keyof typeof pages](userId)), `${who} → ${page}`).toBe(status);
      }
    }
    // An unknown evaluation, or another cohort's session: 404.
    const otherSession = await prisma.cohortSession.create({
      data: {
        cohortId: (await createCohort(prisma, { sessions: [] })).id,
        number: 1,
        title: "Elders",
        startsAt: new Date("2026-01-01T10:00:00Z"),
        endsAt: new Date("2026-01-01T12:00:00Z"),
        format: "ONLINE",
      },
    });
    for (const unknown of ["onbekend", otherSession.id]) {
      expect(
        await statusOfCall(async () =>
          answerLoader(args(await requestAs(participants[0].id), { cohortId, target: unknown })),
        ),
      ).toBe(404);
      expect(
        await statusOfCall(async () =>
          targetResultsLoader(args(await requestAs(marco.id), { cohortId, target: unknown })),
        ),
      ).toBe(404);
    }
  });
});

describe("answering an evaluation", () => {
  it("answers once; a second answer is refused; bad input keeps what was typed; a future session is not open", async () => {
    const { cohortId, sessions, participants } = await setup();
    const lisa = participants[0];

    const bad = await answer(lisa.id, cohortId, sessions[0], { intent: "submit", nuttig: "9", waardevol: "De lunch" });
    expect(statusOf(bad)).toBe(400);
    const badData = dataOf<{ fieldErrors: Record<string, string[]>; values: Record<string, string> }>(bad);
    expect(badData.fieldErrors.nuttig).toEqual(["Kies een getal van 1 tot en met 5."]);
    expect(badData.fieldErrors.beleidswerk).toEqual(["Kies een antwoord op deze vraag."]);
    expect(badData.values.waardevol).toBe("De lunch");
    expect(await prisma.evaluationResponse.count({ where: { cohortId } })).toBe(0);

    expect(statusOf(await answer(lisa.id, cohortId, sessions[0], answers("5")))).toBe(302);
    const again = await answer(lisa.id, cohortId, sessions[0], answers("1"));
    expect(statusOf(again)).toBe(400);
    expect(dataOf<{ formError: string }>(again).formError).toBe(ALREADY_ANSWERED);
    expect(await prisma.evaluationResponse.count({ where: { cohortId } })).toBe(1);
    expect(await prisma.evaluationParticipation.count({ where: { cohortId } })).toBe(1);
    const page = await answerLoader(args(await requestAs(lisa.id), { cohortId, target: sessions[0] }));
    expect((page as { answered: boolean }).answered).toBe(true);

    const future = await answer(lisa.id, cohortId, sessions[2], answers("4"));
    expect(statusOf(future)).toBe(400);
    expect(dataOf<{ formError: string }>(future).formError).toMatch(/pas na de bijeenkomst/);
    // The end evaluation opens after the last session (the third is still to come).
    expect(statusOf(await answer(lisa.id, cohortId, "einde", { intent: "submit" }))).toBe(400);

    // The answers are stored without anything that points back to Lisa: no user, no time.
    const stored = await prisma.evaluationResponse.findFirstOrThrow({ where: { cohortId } });
    expect(Object.keys(stored).sort()).toEqual(["answers", "cohortId", "formId", "id", "sessionId", "target"]);
    expect(JSON.stringify(stored)).not.toContain(lisa.id);
  });
});

describe("the anonymity threshold", () => {
  it("shows and exports nothing with two answers, the aggregate with three; the cohort total counts only those sessions", async () => {
    const { cohortId, sessions, participants, marco, sanne } = await setup();
    const [lisa, erik, sophie, tom] = participants;
    await answer(lisa.id, cohortId, sessions[0], answers("5", { waardevol: "Zeer geheim antwoord van Lisa" }));
    await answer(erik.id, cohortId, sessions[0], answers("3", { beter: "Meer pauze" }));

    const resultsOf = async (userId: string, target: string) =>
      ((await targetResultsLoader(args(await requestAs(userId), { cohortId, target }))) as { aggregate: Aggregate })
        .aggregate;
    expect(await resultsOf(marco.id, sessions[0])).toEqual({ shown: false, count: 2 });
    const cohortTwo = (await cohortResultsLoader(args(await requestAs(sanne.id), { cohortId }))) as {
      combined: Aggregate;
    };
    expect(cohortTwo.combined).toEqual({ shown: false, count: 0 });
    const csvTwo = await csvOf(marco.id, cohortId);
    expect(csvTwo).toContain(TOO_FEW_MESSAGE);
    expect(csvTwo).not.toContain("Zeer geheim");
    expect(csvTwo).not.toContain("Meer pauze");

    await answer(sophie.id, cohortId, sessions[0], answers("4", { waardevol: "Afspraken over de rol" }));
    // One answer to session 2: below the threshold, and not counted in the cohort's total either.
    await answer(tom.id, cohortId, sessions[1], answers("1", { beter: "Alleen van Tom" }));

    const three = await resultsOf(marco.id, sessions[0]);
    expect(three.shown).toBe(true);
    if (!three.shown) return;
    expect(three.count).toBe(3);
    const nuttig = three.scales.find((scale) => scale.id === "nuttig")!;
    expect(nuttig).toMatchObject({ count: 3, mean: 4, distribution: [0, 0, 1, 1, 1] });
    // Open answers without names, sorted alphabetically (not in the order they came in).
    expect(three.open.find((question) => question.id === "waardevol")!.answers).toEqual([
      "Afspraken over de rol",
      "Zeer geheim antwoord van Lisa",
    ]);
    expect(await resultsOf(sanne.id, sessions[1])).toEqual({ shown: false, count: 1 });

    const cohortThree = (await cohortResultsLoader(args(await requestAs(sanne.id), { cohortId }))) as {
      combined: Aggregate;
      countedSessions: number;
    };
    expect(cohortThree.countedSessions).toBe(1);
    expect(cohortThree.combined.count).toBe(3);

    const csv = await csvOf(sanne.id, cohortId);
    expect(csv).toContain("De bijeenkomst was nuttig voor mij.");
    expect(csv).toContain("Zeer geheim antwoord van Lisa");
    expect(csv).not.toContain("Alleen van Tom");
    // Nothing in the export names a participant.
    for (const person of participants) {
      expect(csv).not.toContain(person.id);
      expect(csv).not.toContain(person.email);
    }

    // The closing checklist counts who answered, per session held and the end evaluation; never who.
    const closing = await getClosingOverview(cohortId);
    expect(closing.evaluation).toEqual({
      participants: 4,
      end: 0,
      sessions: [
        { number: 1, answered: 3 },
        { number: 2, answered: 1 },
      ],
    });
  });
});

describe("the closing checklist's evaluation step", () => {
  it("is done and undone after the last session, with the end evaluation's count", async () => {
    const cohort = await createCohort(prisma, {
      status: "RUNNING",
      sessions: [{ number: 1, title: "Enige", date: "2026-01-13", start: "13:00", end: "16:00", format: "ONLINE" }],
    });
    const { members } = await createEnrollment(prisma, {
      cohortId: cohort.id,
      members: [{ name: "Lisa", function: "BELEIDSMEDEWERKER" }],
    });
    const sanne = await createUser(prisma, { role: "COORDINATOR" });
    expect(
      statusOf(
        await answer(members[0]!.id, cohort.id, "einde", {
          intent: "submit",
          aanrader: "5",
          "beleid-veranderd": "4",
          ervaringskennis: "4",
          ervaringsdeskundigen: "5",
          duo: "3",
        }),
      ),
    ).toBe(302);
    expect((await getClosingOverview(cohort.id)).evaluation.end).toBe(1);
    await setClosingStep({ cohortId: cohort.id, step: "evaluation", done: true }, sanne);
    expect(
      (await prisma.cohortClosing.findUniqueOrThrow({ where: { cohortId: cohort.id } })).evaluationCheckedAt,
    ).not.toBeNull();
    await setClosingStep({ cohortId: cohort.id, step: "evaluation", done: false }, sanne);
    expect(
      (await prisma.cohortClosing.findUniqueOrThrow({ where: { cohortId: cohort.id } })).evaluationCheckedAt,
    ).toBeNull();
  });
});

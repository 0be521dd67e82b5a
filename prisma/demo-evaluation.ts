// Demo answers to the programme's evaluation (issue 16), so the results pages show something. Like the real
// thing: who answered (EvaluationParticipation) and what was answered (EvaluationResponse) are separate rows.
// The Participatiewet cohort: session 1 answered by all four participants, session 2 by three (results shown),
// session 3 by two (too few: nothing shown; tests/e2e/evaluation.spec.ts lets Joost answer it as the third).
// The Deventer cohort that waits to be closed: two answers to session 1 and one end evaluation (too few).
import type { PrismaClient } from "../app/generated/prisma/client.ts";
import { CLOSING_COHORT_SLUG } from "./demo-closing.ts";

type Answers = Record<string, number | string>;

const sessionAnswers: Answers[] = [
  {
    nuttig: 5,
    beleidswerk: 4,
    ervaringsdeskundigen: 5,
    uitwisseling: 4,
    begeleiding: 5,
    waardevol: "Het verhaal van de ervaringsdeskundige over de eerste brief van de gemeente.",
  },
  {
    nuttig: 4,
    beleidswerk: 3,
    ervaringsdeskundigen: 4,
    uitwisseling: 5,
    begeleiding: 4,
    beter: "Iets meer tijd voor het gesprek in kleine groepen.",
  },
  {
    nuttig: 4,
    beleidswerk: 4,
    ervaringsdeskundigen: 3,
    uitwisseling: 3,
    begeleiding: 4,
    waardevol: "Horen hoe een andere gemeente de klantreis heeft gebruikt.",
    beter: "De pauze was te kort.",
  },
  { nuttig: 3, beleidswerk: 2, ervaringsdeskundigen: 4, uitwisseling: 4, begeleiding: 4 },
];

async function answer(
  prisma: PrismaClient,
  input: {
    cohortId: string;
    target: string;
    sessionId: string | null;
    formId: string;
    userIds: string[];
    answers: Answers[];
  },
) {
  await prisma.evaluationParticipation.createMany({
    data: input.userIds.map((userId) => ({
      cohortId: input.cohortId,
      target: input.target,
      sessionId: input.sessionId,
      userId,
    })),
  });
  await prisma.evaluationResponse.createMany({
    data: input.answers.map((answers) => ({
      cohortId: input.cohortId,
      target: input.target,
      sessionId: input.sessionId,
      formId: input.formId,
      answers,
    })),
  });
}

export async function seedEvaluation(prisma: PrismaClient, input: { otherCohortId: string }) {
  const sessionsOf = (cohortId: string) =>
    prisma.cohortSession.findMany({ where: { cohortId }, orderBy: { number: "asc" }, select: { id: true } });
  const membersOf = async (cohortId: string, emails: string[]) => {
    const users = await prisma.user.findMany({
      where: { email: { in: emails }, duoMemberships: { some: { enrollment: { cohortId } } } },
      select: { id: true, email: true },
    });
    return emails.map((email) => users.find((user) => user.email === email)!.id);
  };

  const other = input.otherCohortId;
  const [s1, s2, s3] = await sessionsOf(other);
  const [joost, karin, daan, ellen] = await membersOf(other, [
    "joost.peters@almere.test",
    "karin.jacobs@almere.test",
    "daan.hendriks@emmen.test",
    "ellen.vos@emmen.test",
  ]);
  const base = { cohortId: other, formId: "bijeenkomst" };
  await answer(prisma, {
    ...base,
    target: s1!.id,
    sessionId: s1!.id,
    userIds: [joost!, karin!, daan!, ellen!],
    answers: sessionAnswers,
  });
  await answer(prisma, {
    ...base,
    target: s2!.id,
    sessionId: s2!.id,
    userIds: [karin!, daan!, ellen!],
    answers: [
      { ...sessionAnswers[3]!, nuttig: 4, beleidswerk: 4 },
      { ...sessionAnswers[1]!, beter: "Graag de participatieladder vooraf toesturen." },
      { ...sessionAnswers[0]!, waardevol: "Samen bepalen op welke trede onze inwoners nu staan." },
    ],
  });
  await answer(prisma, {
    ...base,
    target: s3!.id,
    sessionId: s3!.id,
    userIds: [daan!, ellen!],
    answers: [sessionAnswers[0]!, sessionAnswers[2]!],
  });

  const closing = await prisma.cohort.findUniqueOrThrow({ where: { slug: CLOSING_COHORT_SLUG }, select: { id: true } });
  const [d1] = await sessionsOf(closing.id);
  const [smit, bakker] = await membersOf(closing.id, ["karin.smit@deventer.test", "tom.bakker@deventer.test"]);
  await answer(prisma, {
    cohortId: closing.id,
    formId: "bijeenkomst",
    target: d1!.id,
    sessionId: d1!.id,
    userIds: [smit!, bakker!],
    answers: [sessionAnswers[1]!, sessionAnswers[3]!],
  });
  await answer(prisma, {
    cohortId: closing.id,
    formId: "einde",
    target: "einde",
    sessionId: null,
    userIds: [smit!],
    answers: [{ aanrader: 5, "beleid-veranderd": 4, ervaringskennis: 5, ervaringsdeskundigen: 4, duo: 5 }],
  });
}

// Demo self-scans for the demo cohort: the verkenning at intake for four duos (so the coordinator's anonymised
// aggregate shows), Zwolle (Lisa and Erik) also halfway, their participatieladder for the armoedebeleid, and
// the randvoorwaarden scan that Lisa and Erik each filled in on their own (shown side by side). Tilburg has a
// draft; Zaanstad has not started (the browser tests fill theirs).
import type { PrismaClient } from "../app/generated/prisma/client.ts";
import type { Answers } from "../app/content/self-scan-schema.ts";
import { amsterdamTime } from "../app/utils/dates.ts";

const verkenningIds = [
  "weten-wat-het-is",
  "beelden-besproken",
  "rollen-bekend",
  "al-samenwerking",
  "steun",
  "passende-vormen",
  "verwachtingen",
  "waarden-cultuur",
  "geld",
  "opdrachtgever",
  "verandercultuur",
];
const randvoorwaardenIds = [
  "waarde-motivatie",
  "bewustwording",
  "ruimte-voor-verandering",
  "duo",
  "verankering",
  "financiering",
  "ontsluiten",
  "vertalen",
  "aanpassen",
  "evalueren",
];

function scaleAnswers(ids: string[], values: number[], remarks: Record<string, string> = {}): Answers {
  return Object.fromEntries(
    ids.map((id, index) => [id, { value: values[index]!, ...(remarks[id] ? { remark: remarks[id] } : {}) }]),
  );
}

export async function seedSelfScans(prisma: PrismaClient, cohortId: string) {
  const enrollments = await prisma.enrollment.findMany({
    where: { cohortId },
    select: {
      id: true,
      municipality: { select: { name: true } },
      members: { orderBy: { createdAt: "asc" }, select: { userId: true } },
    },
  });
  const duo = (name: string) => {
    const enrollment = enrollments.find((candidate) => candidate.municipality.name === name);
    if (!enrollment) throw new Error(`Demo: geen inschrijving voor ${name}`);
    return enrollment;
  };
  const zwolle = duo("Zwolle");
  const [lisa, erik] = zwolle.members.map((member) => member.userId);
  const intakeDone = amsterdamTime("2027-04-08", "15:20");
  const midwayDone = amsterdamTime("2027-06-03", "11:05");

  const respond = (input: {
    enrollmentId: string;
    scanId: string;
    moment: "INTAKE" | "MIDWAY" | "END";
    answers: Answers;
    by: string | undefined;
    userId?: string;
    completedAt: Date | null;
  }) =>
    prisma.selfScanResponse.create({
      data: {
        enrollmentId: input.enrollmentId,
        scanId: input.scanId,
        moment: input.moment,
        respondentKey: input.userId ?? "duo",
        userId: input.userId ?? null,
        answers: input.answers,
        completedAt: input.completedAt,
        updatedById: input.by ?? null,
      },
    });

  // Zwolle: the verkenning at intake and halfway, together.
  await respond({
    enrollmentId: zwolle.id,
    scanId: "verkenning",
    moment: "INTAKE",
    by: lisa,
    completedAt: intakeDone,
    answers: {
      ...scaleAnswers(verkenningIds, [2, 2, 1, 2, 3, 2, 3, 3, 2, 3, 2], {
        "al-samenwerking": "Eén keer een klankbordgroep van mensen met schulden, voor de nieuwe folder.",
        geld: "Er is geen budget om ervaringsdeskundigen te betalen.",
      }),
      besluit: {
        choice: "nog-niet",
        reasons:
          "Eerst moeten we geld vrijmaken voor een eerlijke vergoeding, en de directie moet weten waar we aan beginnen.",
      },
    },
  });
  await respond({
    enrollmentId: zwolle.id,
    scanId: "verkenning",
    moment: "MIDWAY",
    by: erik,
    completedAt: midwayDone,
    answers: {
      ...scaleAnswers(verkenningIds, [3, 4, 3, 3, 4, 3, 4, 4, 3, 4, 3], {
        geld: "De wethouder heeft geld toegezegd voor twee ervaringsdeskundigen, voor een jaar.",
        steun: "Na de presentatie aan het MT is er veel meer steun.",
      }),
      besluit: {
        choice: "go",
        reasons: "Er is geld voor een jaar en het MT staat erachter. We beginnen met de schuldhulpverlening.",
      },
    },
  });

  // Zwolle: the participatieladder for its policy topic, at intake.
  await respond({
    enrollmentId: zwolle.id,
    scanId: "participatieladder",
    moment: "INTAKE",
    by: lisa,
    completedAt: intakeDone,
    answers: {
      beleidsonderwerp: { text: "Armoedebeleid en schuldhulpverlening" },
      trede: { now: 2, wanted: 4, remark: "Nu vragen we alleen af en toe een mening via een enquête." },
    },
  });

  // Zwolle: randvoorwaarden en lemniscaat, each on their own (side by side).
  await prisma.selfScanSetting.create({
    data: { enrollmentId: zwolle.id, scanId: "randvoorwaarden-en-lemniscaat", moment: "INTAKE", mode: "INDIVIDUAL" },
  });
  await respond({
    enrollmentId: zwolle.id,
    scanId: "randvoorwaarden-en-lemniscaat",
    moment: "INTAKE",
    userId: lisa,
    by: lisa,
    completedAt: intakeDone,
    answers: scaleAnswers(randvoorwaardenIds, [3, 2, 2, 1, 1, 1, 2, 1, 1, 1], {
      duo: "We hebben nog geen senior ervaringsdeskundige gevonden.",
    }),
  });
  await respond({
    enrollmentId: zwolle.id,
    scanId: "randvoorwaarden-en-lemniscaat",
    moment: "INTAKE",
    userId: erik,
    by: erik,
    completedAt: intakeDone,
    answers: scaleAnswers(randvoorwaardenIds, [4, 3, 2, 1, 2, 1, 2, 2, 1, 1], {
      verankering: "Het staat in het coalitieakkoord, maar nog niet in ons beleid.",
    }),
  });

  // Three more duos completed the verkenning at intake, so the cohort aggregate shows.
  const others: [string, number[], "go" | "nog-niet" | "no-go", string][] = [
    [
      "Amersfoort",
      [4, 3, 4, 5, 4, 3, 4, 4, 3, 4, 4],
      "go",
      "In de uitvoering werkt het al; nu willen we het ook bij beleid.",
    ],
    ["Deventer", [2, 3, 2, 2, 3, 3, 3, 3, 2, 3, 3], "go", "Draagvlak is er; we beginnen klein met het welzijnsbeleid."],
    [
      "Leeuwarden",
      [3, 2, 3, 3, 2, 2, 3, 3, 1, 2, 2],
      "nog-niet",
      "Zonder vaste financiering beginnen we niet aan een vaste groep.",
    ],
  ];
  for (const [name, values, choice, reasons] of others) {
    const enrollment = duo(name);
    await respond({
      enrollmentId: enrollment.id,
      scanId: "verkenning",
      moment: "INTAKE",
      by: enrollment.members[0]?.userId,
      completedAt: intakeDone,
      answers: { ...scaleAnswers(verkenningIds, values), besluit: { choice, reasons } },
    });
  }
  const ladders: [string, string, number, number][] = [
    ["Amersfoort", "Toegang tot de Wmo", 3, 4],
    ["Leeuwarden", "Re-integratie in de Participatiewet", 2, 5],
  ];
  for (const [name, topic, now, wanted] of ladders) {
    const enrollment = duo(name);
    await respond({
      enrollmentId: enrollment.id,
      scanId: "participatieladder",
      moment: "INTAKE",
      by: enrollment.members[0]?.userId,
      completedAt: intakeDone,
      answers: { beleidsonderwerp: { text: topic }, trede: { now, wanted } },
    });
  }

  // Tilburg started the verkenning but has not completed it (a draft, not counted anywhere).
  const tilburg = duo("Tilburg");
  await respond({
    enrollmentId: tilburg.id,
    scanId: "verkenning",
    moment: "INTAKE",
    by: tilburg.members[0]?.userId,
    completedAt: null,
    answers: scaleAnswers(verkenningIds.slice(0, 4), [3, 3, 2, 4]),
  });
}

// Demo data for the aanpak canvas and the knowledge base: Lisa and Erik's (Zwolle) canvas with two versions
// and a comment from Marco, and a finished cohort (spring 2026) whose duos published two summaries; a third
// duo there (Helmond) has a canvas but has not published yet. All people and places are fictional.
import type { PrismaClient } from "../app/generated/prisma/client.ts";
import { type CanvasContent, emptyContent, normalizeContent } from "../app/models/action-plan-sections.ts";
import { addFacilitator, createCohort, createEnrollment } from "./factories.ts";

export const PAST_COHORT_SLUG = "ervaringskennis-in-beleid-voorjaar-2026";
export const demoAanpakLogins = {
  unpublishedDuo: "noor.hendriks@helmond.test",
  publishedDuo: "sem.devos@zutphen.test",
} as const;

function canvas(vraagstuk: string, fill: Record<string, Record<string, string>>): CanvasContent {
  const content = emptyContent(vraagstuk);
  for (const [sectionId, fields] of Object.entries(fill)) Object.assign(content[sectionId] ?? {}, fields);
  return normalizeContent(content);
}

const json = (content: CanvasContent) => content as unknown as Record<string, Record<string, string>>;

export async function seedAanpak(prisma: PrismaClient) {
  const zwolle = await prisma.enrollment.findFirstOrThrow({
    where: { municipality: { name: "Zwolle" }, cohort: { slug: "ervaringsdeskundigheid-en-beleid-voorjaar-2027" } },
    select: {
      id: true,
      vraagstuk: true,
      members: { orderBy: { createdAt: "asc" }, select: { userId: true } },
      cohort: { select: { sessions: { orderBy: { number: "asc" }, select: { id: true } } } },
    },
  });
  const marco = await prisma.user.findUniqueOrThrow({
    where: { email: "marco.jansen@leernetwerk.test" },
    select: { id: true },
  });
  const [lisaId, erikId] = zwolle.members.map((member) => member.userId);

  const first = canvas(zwolle.vraagstuk, {
    "fase-ontsluiten": {
      nu: "We lezen klachten en bezwaren over de bijzondere bijstand, maar praten zelden met de inwoners zelf.",
      gaan: "Drie gesprekstafels met inwoners die schulden hebben (gehad), samen met het schuldhulpmaatje-project.",
      betrekken: "Twee ervaringsdeskundigen van de cliëntenraad, het wijkteam Zwolle-Zuid, collega's van schuldhulp.",
      wanneer: "Mei en juni 2027",
    },
    randvoorwaarden: {
      "beloning-status": "mee-bezig",
      "beloning-toelichting": "We zoeken uit hoe een vergoeding past bij de bijstand.",
    },
    "eerste-stappen": { tekst: "Lisa belt de cliëntenraad. Erik zet het onderwerp op de agenda van het MT." },
  });
  const second = canvas(zwolle.vraagstuk, {
    ...first,
    "fase-ontsluiten": {
      ...first["fase-ontsluiten"],
      gaan: "Drie gesprekstafels met inwoners die schulden hebben (gehad), samen met het schuldhulpmaatje-project en de voedselbank.",
      indicatoren: "Minstens twintig inwoners hebben meegepraat; hun verhalen staan in een korte notitie voor het MT.",
    },
    "fase-vertalen": {
      gaan: "De verhalen samen met de ervaringsdeskundigen duiden: wat zegt dit over onze regels en brieven?",
      betrekken: "Ervaringsdeskundigen, de beleidsadviseur armoede, een jurist.",
      wanneer: "September 2027",
    },
    randvoorwaarden: {
      ...first.randvoorwaarden,
      "beloning-status": "geregeld",
      "beloning-toelichting":
        "Vergoeding per bijeenkomst via de vrijwilligersregeling, afgestemd met de afdeling inkomen.",
      "twee-ervaringsdeskundigen-status": "geregeld",
      "intervisie-status": "niet-geregeld",
    },
    "eerste-stappen": { tekst: "Lisa plant de eerste gesprekstafel. Erik regelt het budget voor de vergoedingen." },
  });
  // The canvas as it is now: a little further than version 2.
  const current = normalizeContent({
    ...second,
    "fase-aanpassen": { gaan: "Brieven over terugvorderingen herschrijven met inwoners.", wanneer: "Najaar 2027" },
  });
  const plan = await prisma.actionPlan.create({
    data: { enrollmentId: zwolle.id, content: json(current), version: 7, updatedById: erikId ?? null },
    select: { id: true },
  });
  const [session1, session2] = zwolle.cohort.sessions;
  await prisma.actionPlanVersion.create({
    data: {
      planId: plan.id,
      number: 1,
      sessionId: session1?.id ?? null,
      content: json(first),
      savedById: lisaId ?? null,
      createdAt: new Date("2027-04-13T14:30:00Z"),
    },
  });
  await prisma.actionPlanVersion.create({
    data: {
      planId: plan.id,
      number: 2,
      sessionId: session2?.id ?? null,
      content: json(second),
      savedById: erikId ?? null,
      createdAt: new Date("2027-05-25T14:40:00Z"),
    },
  });
  await prisma.actionPlanComment.create({
    data: {
      planId: plan.id,
      sectionId: "fase-ontsluiten",
      authorId: marco.id,
      body: "Mooi dat jullie met de voedselbank gaan praten. Denk ook aan mensen die nog niet in beeld zijn: zij komen niet vanzelf naar een gesprekstafel. Wie kan een brug slaan?",
      createdAt: new Date("2027-05-27T09:15:00Z"),
    },
  });
  if (lisaId) {
    await prisma.actionPlanComment.create({
      data: {
        planId: plan.id,
        sectionId: "fase-ontsluiten",
        authorId: lisaId,
        body: "Goed punt. We vragen het buurtteam of zij twee mensen willen meenemen.",
        createdAt: new Date("2027-05-27T13:02:00Z"),
      },
    });
  }

  await seedFinishedCohort(prisma);
}

async function seedFinishedCohort(prisma: PrismaClient) {
  const fatima = await prisma.user.findUniqueOrThrow({
    where: { email: "fatima.elamrani@leernetwerk.test" },
    select: { id: true },
  });
  const cohort = await createCohort(prisma, {
    name: "Leernetwerk Ervaringskennis in beleid, voorjaar 2026",
    slug: PAST_COHORT_SLUG,
    theme: "Van kloof naar verbinding",
    startsOn: "2026-02-01",
    endsOn: "2026-07-15",
    capacity: 6,
    status: "CLOSED",
    sessions: [
      {
        number: 1,
        title: "Kennismaken en je vraagstuk",
        date: "2026-02-17",
        start: "12:30",
        end: "16:00",
        format: "IN_PERSON",
        location: "Utrecht",
      },
      {
        number: 2,
        title: "Ontsluiten en vertalen",
        date: "2026-03-31",
        start: "14:00",
        end: "16:30",
        format: "ONLINE",
        meetingUrl: "https://meet.leernetwerk.test/vj26-2",
      },
      {
        number: 3,
        title: "Beleid aanpassen",
        date: "2026-05-12",
        start: "14:00",
        end: "16:30",
        format: "ONLINE",
        meetingUrl: "https://meet.leernetwerk.test/vj26-3",
      },
      {
        number: 4,
        title: "Terugkoppelen en verder",
        date: "2026-06-23",
        start: "12:30",
        end: "16:00",
        format: "IN_PERSON",
        location: "Utrecht",
      },
    ],
  });
  await addFacilitator(prisma, cohort.id, fatima.id);

  const zutphen = await createEnrollment(prisma, {
    cohortId: cohort.id,
    municipality: "Zutphen",
    province: "Gelderland",
    vraagstuk: "Hoe laten we jongeren die dakloos waren meedenken over onze opvang?",
    members: [
      { name: "Sem de Vos", email: demoAanpakLogins.publishedDuo, function: "BELEIDSMEDEWERKER" },
      { name: "Ilse Kramer", email: "ilse.kramer@zutphen.test", function: "LEIDINGGEVENDE" },
    ],
  });
  const heerenveen = await createEnrollment(prisma, {
    cohortId: cohort.id,
    municipality: "Heerenveen",
    province: "Fryslân",
    vraagstuk: "Hoe krijgen ervaringsdeskundigen een vaste plek bij de Participatiewet?",
    members: [
      { name: "Wouter Visser", email: "wouter.visser@heerenveen.test", function: "STRATEGISCH_BELEIDSADVISEUR" },
      { name: "Hanna Dijkstra", email: "hanna.dijkstra@heerenveen.test", function: "BELEIDSMEDEWERKER" },
    ],
  });
  const helmond = await createEnrollment(prisma, {
    cohortId: cohort.id,
    municipality: "Helmond",
    province: "Noord-Brabant",
    vraagstuk: "Hoe betrekken we inwoners met een licht verstandelijke beperking bij ons schuldenbeleid?",
    members: [
      { name: "Noor Hendriks", email: demoAanpakLogins.unpublishedDuo, function: "BELEIDSMEDEWERKER" },
      { name: "Bram Aerts", email: "bram.aerts@helmond.test", function: "LEIDINGGEVENDE" },
    ],
  });

  const plans = [
    {
      enrollment: zutphen,
      content: canvas(zutphen.enrollment.vraagstuk, {
        "fase-ontsluiten": {
          nu: "We hoorden jongeren alleen via de hulpverleners.",
          gaan: "Vier avonden in de inloop, met pizza, waar jongeren vertellen wat hen hielp en wat niet.",
          betrekken: "Twee jonge ervaringsdeskundigen, het jongerenwerk, de opvang.",
          indicatoren: "Vijftien jongeren deden mee; drie willen blijven meedenken.",
        },
        "fase-aanpassen": {
          gaan: "De huisregels van de opvang samen met jongeren herschreven.",
          wanneer: "Voorjaar 2026",
        },
        "eerste-stappen": { tekst: "Een vaste jongerenraad voor de opvang, twee keer per jaar." },
      }),
    },
    {
      enrollment: heerenveen,
      content: canvas(heerenveen.enrollment.vraagstuk, {
        "fase-vertalen": {
          gaan: "Een klankbordgroep van ervaringsdeskundigen leest mee met elke nieuwe werkinstructie.",
          betrekken: "Zes ervaringsdeskundigen, klantmanagers, het cliëntenplatform.",
        },
        randvoorwaarden: {
          "beloning-status": "geregeld",
          "beloning-toelichting": "Betaalde opdracht per meeleesronde, zonder gevolgen voor de uitkering.",
        },
      }),
    },
    {
      enrollment: helmond,
      content: canvas(helmond.enrollment.vraagstuk, {
        "fase-ontsluiten": {
          gaan: "Gesprekken in eenvoudige taal, op plekken waar mensen al komen (dagbesteding, buurthuis).",
          betrekken: "Ervaringsdeskundigen met een LVB, de dagbesteding, schuldhulp.",
        },
        "eerste-stappen": { tekst: "Onze brieven over betalingsregelingen laten lezen door de groep." },
      }),
    },
  ];
  for (const { enrollment, content } of plans) {
    const plan = await prisma.actionPlan.create({
      data: { enrollmentId: enrollment.enrollment.id, content: json(content), updatedById: enrollment.members[0]!.id },
      select: { id: true },
    });
    await prisma.actionPlanVersion.create({
      data: {
        planId: plan.id,
        number: 1,
        content: json(content),
        savedById: enrollment.members[0]!.id,
        createdAt: new Date("2026-06-23T14:00:00Z"),
      },
    });
  }

  const articles = [
    {
      enrollment: zutphen,
      title: "Jongeren die dakloos waren herschrijven de huisregels van de opvang",
      themes: ["dakloosheid", "jeugd", "wonen"],
      municipality: "Zutphen",
      sections: [
        {
          sectionId: "fase-ontsluiten",
          title: "Fase 1: Ervaringskennis ontsluiten",
          text: "We hoorden jongeren eerst alleen via hulpverleners. Daarom hielden we vier avonden in de inloop, waar jongeren vertelden wat hen hielp en wat niet. Twee jonge ervaringsdeskundigen leidden de gesprekken.\n\nVijftien jongeren deden mee; drie willen blijven meedenken.",
        },
        {
          sectionId: "fase-aanpassen",
          title: "Fase 3: Beleid en uitvoering aanpassen",
          text: "Samen met de jongeren herschreven we de huisregels van de opvang: korter, in gewone taal, en met uitleg waarom een regel er is.",
        },
      ],
    },
    {
      enrollment: heerenveen,
      title: "Een betaalde klankbordgroep leest mee met werkinstructies",
      themes: ["participatiewet", "werk-en-inkomen"],
      municipality: null,
      sections: [
        {
          sectionId: "fase-vertalen",
          title: "Fase 2: Ervaringskennis vertalen",
          text: "Een klankbordgroep van zes ervaringsdeskundigen leest mee met elke nieuwe werkinstructie voor klantmanagers. Zij wijzen aan waar een regel anders uitpakt dan bedoeld.",
        },
        {
          sectionId: "randvoorwaarden",
          title: "Randvoorwaarden",
          text: "Beloning: elke meeleesronde is een betaalde opdracht. We hebben vooraf uitgezocht dat dit geen gevolgen heeft voor de uitkering.",
        },
      ],
    },
  ];
  for (const article of articles) {
    const searchText = [article.title, ...article.sections.map((section) => `${section.title}\n${section.text}`)]
      .join("\n")
      .toLowerCase();
    await prisma.knowledgeArticle.create({
      data: {
        enrollmentId: article.enrollment.enrollment.id,
        title: article.title,
        themes: article.themes,
        municipality: article.municipality,
        sections: article.sections,
        searchText,
        publishedAt: new Date("2026-07-01T10:00:00Z"),
      },
    });
    await prisma.knowledgeConsentEvent.create({
      data: {
        enrollmentId: article.enrollment.enrollment.id,
        userId: article.enrollment.members[0]!.id,
        action: "GIVEN",
        title: article.title,
        createdAt: new Date("2026-07-01T10:00:00Z"),
      },
    });
  }
}

// The demo: one realistic cohort as in seed 002 (four sessions, two in Utrecht 12:30–16:00 and two
// online 14:00–16:30), six municipalities each with a duo, two facilitators, one coordinator, and a
// second, smaller cohort so that access between cohorts can be tried. All people are fictional.
import type { PrismaClient } from "../app/generated/prisma/client.ts";
import { seedAssignments } from "./demo-assignments.ts";
import { getLibrary } from "../app/content/library.server.ts";
import { createInvitation } from "../app/models/invitation.server.ts";
import { municipalityKey } from "../app/models/enrollment-rules.ts";
import { amsterdamTime } from "../app/utils/dates.ts";
import { seedSelfScans } from "./demo-zelfscans.ts";
import { seedAanpak } from "./demo-aanpak.ts";
import { seedClosingCohort } from "./demo-closing.ts";
import { seedImpactTrail } from "./demo-impactspoor.ts";
import { seedKnowledgeBase } from "./demo-kennisbank.ts";
import { seedIntervision } from "./demo-intervisie.ts";
import { addFacilitator, createCohort, createEnrollment, createUser, DEMO_PASSWORD } from "./factories.ts";

export const demoLogins = {
  coordinator: "sanne.devries@leernetwerk.test",
  facilitator: "marco.jansen@leernetwerk.test",
  facilitator2: "fatima.elamrani@leernetwerk.test",
  participant: "lisa.bakker@zwolle.test",
  participantPartner: "erik.mulder@zwolle.test",
  otherCohortParticipant: "joost.peters@almere.test",
  password: DEMO_PASSWORD,
} as const;

export const DEMO_COHORT_SLUG = "ervaringsdeskundigheid-en-beleid-voorjaar-2027";
export const OTHER_COHORT_SLUG = "participatiewet-najaar-2026";

export async function seedDemo(prisma: PrismaClient) {
  await createUser(prisma, { email: demoLogins.coordinator, name: "Sanne de Vries", role: "COORDINATOR" });
  const marco = await createUser(prisma, {
    email: demoLogins.facilitator,
    name: "Marco Jansen",
    role: "FACILITATOR",
    title: "senior ervaringsdeskundige",
  });
  const fatima = await createUser(prisma, {
    email: demoLogins.facilitator2,
    name: "Fatima El Amrani",
    role: "FACILITATOR",
    title: "senior ervaringsdeskundige",
  });
  const pieter = await createUser(prisma, {
    email: "pieter.vandam@leernetwerk.test",
    name: "Pieter van Dam",
    role: "FACILITATOR",
    title: "senior onderzoeker",
  });

  const cohort = await createCohort(prisma, {
    name: "Leernetwerk Ervaringsdeskundigheid en beleid, voorjaar 2027",
    slug: DEMO_COHORT_SLUG,
    theme: "Van kloof naar verbinding: ervaringskennis benutten in gemeentelijk beleid",
    description:
      "Vier leer- en reflectiesessies voor duo's van gemeenten. Je werkt aan een vraagstuk uit je eigen gemeente, samen met ervaringsdeskundigen en andere gemeenten, en je gaat naar huis met een eigen aanpak.",
    startsOn: "2027-04-01",
    endsOn: "2027-09-30",
    capacity: 8,
    status: "APPLICATIONS_OPEN",
    sessions: [
      {
        number: 1,
        title: "Kennismaken en je vraagstuk scherp krijgen",
        date: "2027-04-13",
        start: "12:30",
        end: "16:00",
        format: "IN_PERSON",
        location: "Vergadercentrum Utrecht, Catharijnesingel, Utrecht",
        agenda:
          "Ontvangst met lunch. Kennismaking met de duo's. Wat is ervaringskennis? Je vraagstuk delen in kleine groepen.",
        preparation:
          "Schrijf met je duopartner in een paar zinnen op welk vraagstuk jullie gemeente meebrengt en wat jullie al doen met ervaringskennis.",
      },
      {
        number: 2,
        title: "Ervaringskennis ontsluiten en vertalen",
        date: "2027-05-25",
        start: "14:00",
        end: "16:30",
        format: "ONLINE",
        meetingUrl: "https://meet.leernetwerk.test/sessie-2",
        agenda:
          "De lemniscaat: leefwereld en systeemwereld. Methoden om ervaringskennis op te halen. Intervisie in groepjes.",
        preparation:
          "Lees de module 'De lemniscaat' en kies één methode die jullie in de eigen gemeente willen proberen.",
      },
      {
        number: 3,
        title: "Beleid en uitvoering aanpassen",
        date: "2027-06-29",
        start: "14:00",
        end: "16:30",
        format: "ONLINE",
        meetingUrl: "https://meet.leernetwerk.test/sessie-3",
        agenda:
          "Eigenaarschap en bondgenoten. Samenwerken met ervaringsdeskundigen: afspraken over rol, tijd en vergoeding.",
        preparation: "Vraag een collega of ervaringsdeskundige om feedback op jullie aanpak tot nu toe.",
      },
      {
        number: 4,
        title: "Evalueren, borgen en je aanpak presenteren",
        date: "2027-09-28",
        start: "12:30",
        end: "16:00",
        format: "IN_PERSON",
        location: "Vergadercentrum Utrecht, Catharijnesingel, Utrecht",
        agenda: "Duo's presenteren hun aanpak. Terugkoppelen aan inwoners. Wat nemen we mee na het leernetwerk?",
        preparation:
          "Maak een korte presentatie (5 minuten) van jullie aanpak en de eerste stappen die jullie hebben gezet.",
      },
    ],
  });
  await addFacilitator(prisma, cohort.id, marco.id);
  await addFacilitator(prisma, cohort.id, fatima.id);
  await addFacilitator(prisma, cohort.id, pieter.id);

  const duos = [
    {
      municipality: "Zwolle",
      province: "Overijssel",
      vraagstuk: "Hoe betrekken we inwoners met schulden structureel bij het herzien van ons armoedebeleid?",
      members: [
        { name: "Lisa Bakker", email: demoLogins.participant, function: "BELEIDSMEDEWERKER" as const },
        { name: "Erik Mulder", email: demoLogins.participantPartner, function: "LEIDINGGEVENDE" as const },
      ],
    },
    {
      municipality: "Amersfoort",
      province: "Utrecht",
      vraagstuk:
        "We werken al met ervaringsdeskundigen in de uitvoering; hoe krijgen ze ook een plek bij het maken van beleid?",
      members: [
        { name: "Noor Visser", email: "noor.visser@amersfoort.test", function: "BELEIDSMEDEWERKER" as const },
        { name: "Hans Smit", email: "hans.smit@amersfoort.test", function: "STRATEGISCH_BELEIDSADVISEUR" as const },
        { name: "Ingrid Kok", email: "ingrid.kok@amersfoort.test", function: "ERVARINGSDESKUNDIGE" as const },
      ],
    },
    {
      municipality: "Deventer",
      province: "Overijssel",
      vraagstuk: "Hoe zorgen we dat verhalen van inwoners over eenzaamheid doorwerken in de nieuwe welzijnsopdracht?",
      members: [
        { name: "Sophie Meijer", email: "sophie.meijer@deventer.test", function: "BELEIDSMEDEWERKER" as const },
        { name: "Ahmed Yilmaz", email: "ahmed.yilmaz@deventer.test", function: "LEIDINGGEVENDE" as const },
      ],
    },
    {
      municipality: "Leeuwarden",
      province: "Friesland",
      vraagstuk: "Hoe organiseren we een vaste groep ervaringsdeskundigen die meedenkt over de Participatiewet?",
      members: [
        { name: "Femke de Boer", email: "femke.deboer@leeuwarden.test", function: "BELEIDSMEDEWERKER" as const },
        {
          name: "Wouter Hoekstra",
          email: "wouter.hoekstra@leeuwarden.test",
          function: "STRATEGISCH_BELEIDSADVISEUR" as const,
        },
      ],
    },
    {
      municipality: "Tilburg",
      province: "Noord-Brabant",
      vraagstuk: "Hoe belonen we ervaringsdeskundigen eerlijk, zonder dat het hun uitkering in gevaar brengt?",
      members: [
        { name: "Mirjam van Leeuwen", email: "mirjam.vanleeuwen@tilburg.test", function: "BELEIDSMEDEWERKER" as const },
        { name: "Bas Verhoeven", email: "bas.verhoeven@tilburg.test", function: "LEIDINGGEVENDE" as const },
      ],
    },
    {
      municipality: "Zaanstad",
      province: "Noord-Holland",
      vraagstuk:
        "Hoe nemen we inclusie en toegankelijkheid van onze dienstverlening op met mensen die het zelf meemaken?",
      members: [
        { name: "Yara Bos", email: "yara.bos@zaanstad.test", function: "BELEIDSMEDEWERKER" as const },
        { name: "Gerrit Dekker", email: "gerrit.dekker@zaanstad.test", function: "LEIDINGGEVENDE" as const },
      ],
    },
  ];
  const enrollments = [];
  for (const duo of duos) enrollments.push(await createEnrollment(prisma, { cohortId: cohort.id, ...duo }));

  // Erik (Zwolle) has already signed off for the second session; the coordinator sees it on the cohort page.
  const secondSession = await prisma.cohortSession.findUniqueOrThrow({
    where: { cohortId_number: { cohortId: cohort.id, number: 2 } },
  });
  const erik = enrollments[0]!.members[1]!;
  await prisma.attendance.create({
    data: {
      sessionId: secondSession.id,
      userId: erik.id,
      status: "SIGNED_OFF",
      reason: "Op 25 mei vergadert de gemeenteraad over de voorjaarsnota; daar moet ik bij zijn.",
      recordedById: erik.id,
    },
  });

  // Zwolle's own ervaringsdeskundige has been invited but has not accepted yet (shows in the outbox).
  const coordinator = await prisma.user.findUniqueOrThrow({ where: { email: demoLogins.coordinator } });
  await createInvitation(
    {
      email: "marieke.groen@zwolle.test",
      name: "Marieke Groen",
      role: "PARTICIPANT",
      enrollmentId: enrollments[0]!.enrollment.id,
      duoFunction: "ERVARINGSDESKUNDIGE",
    },
    coordinator,
  );

  await seedApplications(prisma, {
    cohortId: cohort.id,
    zwolleEnrollmentId: enrollments[0]!.enrollment.id,
    coordinatorId: coordinator.id,
  });
  await seedJournal(prisma, { cohortId: cohort.id, zwolle: enrollments[0]!, marcoId: marco.id });

  // A second, running cohort with its own facilitator and municipalities.
  const other = await createCohort(prisma, {
    name: "Leernetwerk Ervaringskennis in de Participatiewet, najaar 2026",
    slug: OTHER_COHORT_SLUG,
    theme: "Gelijkwaardig samenwerken met ervaringsdeskundigen in werk en inkomen",
    startsOn: "2026-09-01",
    endsOn: "2027-02-28",
    capacity: 6,
    status: "RUNNING",
    sessions: [
      {
        number: 1,
        title: "Waarden: gelijkwaardigheid, vertrouwen en moed",
        date: "2026-09-15",
        start: "12:30",
        end: "16:00",
        format: "IN_PERSON",
        location: "Utrecht",
      },
      {
        number: 2,
        title: "De participatieladder",
        date: "2026-11-10",
        start: "14:00",
        end: "16:30",
        format: "ONLINE",
        meetingUrl: "https://meet.leernetwerk.test/pw-2",
      },
      {
        number: 3,
        title: "Positie van de ervaringsdeskundige",
        date: "2026-12-01",
        start: "14:00",
        end: "16:30",
        format: "HYBRID",
        location: "Utrecht",
        meetingUrl: "https://meet.leernetwerk.test/pw-3",
        preparation: "Breng in kaart waar ervaringsdeskundigen nu een plek hebben in jullie organisatie.",
      },
      {
        number: 4,
        title: "Terugblik en borging",
        date: "2027-02-09",
        start: "12:30",
        end: "16:00",
        format: "IN_PERSON",
        location: "Utrecht",
      },
    ],
  });
  const anouk = await createUser(prisma, {
    email: "anouk.willems@leernetwerk.test",
    name: "Anouk Willems",
    role: "FACILITATOR",
    title: "senior ervaringsdeskundige",
  });
  await addFacilitator(prisma, other.id, anouk.id);
  const almere = await createEnrollment(prisma, {
    cohortId: other.id,
    municipality: "Almere",
    province: "Flevoland",
    vraagstuk: "Hoe maken we van meedenken echt meebeslissen bij re-integratie?",
    members: [
      { name: "Joost Peters", email: demoLogins.otherCohortParticipant, function: "BELEIDSMEDEWERKER" },
      { name: "Karin Jacobs", email: "karin.jacobs@almere.test", function: "LEIDINGGEVENDE" },
    ],
  });
  const emmen = await createEnrollment(prisma, {
    cohortId: other.id,
    municipality: "Emmen",
    province: "Drenthe",
    vraagstuk: "Hoe geven we ervaringsdeskundigen een vaste plek in het team werk en inkomen?",
    members: [
      { name: "Daan Hendriks", email: "daan.hendriks@emmen.test", function: "BELEIDSMEDEWERKER" },
      { name: "Ellen Vos", email: "ellen.vos@emmen.test", function: "STRATEGISCH_BELEIDSADVISEUR" },
    ],
  });
  await seedLearning(prisma, {
    cohortIds: [cohort.id, other.id],
    readers: [
      // Lisa (Zwolle) read the first module and one lesson of the second; her partner Erik one lesson.
      { userId: enrollments[0]!.members[0]!.id, lessons: 4 },
      { userId: enrollments[0]!.members[1]!.id, lessons: 1 },
      { userId: enrollments[1]!.members[0]!.id, lessons: 3 },
      { userId: enrollments[1]!.members[1]!.id, lessons: 3 },
      { userId: enrollments[2]!.members[0]!.id, lessons: 6 },
    ],
  });

  // Attendance of the two sessions that have taken place, entered by the facilitator; one sign-off with a
  // reason for the coming session.
  const otherSessions = await prisma.cohortSession.findMany({
    where: { cohortId: other.id },
    orderBy: { number: "asc" },
  });
  const [joost, karin] = almere.members;
  const [daan, ellen] = emmen.members;
  const attendance: [number, { id: string }, "PRESENT" | "ABSENT" | "SIGNED_OFF", string][] = [
    [1, joost!, "PRESENT", ""],
    [1, karin!, "PRESENT", ""],
    [1, daan!, "PRESENT", ""],
    [1, ellen!, "SIGNED_OFF", "Ziek."],
    [2, joost!, "PRESENT", ""],
    [2, karin!, "ABSENT", ""],
    [2, daan!, "PRESENT", ""],
    [2, ellen!, "PRESENT", ""],
    [3, karin!, "SIGNED_OFF", "Ik geef die middag een training aan nieuwe klantmanagers."],
  ];
  for (const [number, user, status, reason] of attendance) {
    await prisma.attendance.create({
      data: {
        sessionId: otherSessions[number - 1]!.id,
        userId: user.id,
        status,
        reason,
        recordedById: status === "SIGNED_OFF" ? user.id : anouk.id,
      },
    });
  }
  await seedNotifications(prisma);
  await seedSelfScans(prisma, cohort.id);
  await seedAssignments(prisma, { cohortSlug: DEMO_COHORT_SLUG, otherCohortSlug: OTHER_COHORT_SLUG });
  await seedAanpak(prisma);
  await seedImpactTrail(prisma);
  await seedIntervision(prisma, {
    cohortId: cohort.id,
    lisaEmail: demoLogins.participant,
    marcoEmail: demoLogins.facilitator,
    fatimaEmail: demoLogins.facilitator2,
  });
  await seedClosingCohort(prisma, { facilitatorEmail: demoLogins.facilitator2 });
  await (await import("./demo-evaluation.ts")).seedEvaluation(prisma, { otherCohortId: other.id });
  await (await import("./demo-colead.ts")).seedCoLead(prisma, cohort.id, marco.email, fatima.email);
  await seedKnowledgeBase(prisma, { coordinator: demoLogins.coordinator, facilitator: demoLogins.facilitator2 });
  return { cohortId: cohort.id, otherCohortId: other.id };
}

// What to read before each session (modules attached by the coordinator), and some reading progress.
const readingPlan: Record<number, string[]> = {
  1: ["de-basis", "voorafgaand-aan-de-lemniscaat"],
  2: ["de-lemniscaat", "ontsluiten", "vertalen"],
  3: ["beleid-en-uitvoering-aanpassen", "evalueren-en-terugkoppelen", "samenwerken"],
  4: ["kwartiermaken", "tien-tips-en-rollen"],
};
const otherReadingPlan: Record<number, string[]> = {
  2: ["participatiewet/participatieladder"],
  3: ["participatiewet"],
};

async function seedLearning(
  prisma: PrismaClient,
  input: { cohortIds: [string, string]; readers: { userId: string; lessons: number }[] },
) {
  const library = getLibrary();
  const known = (id: string) => library.lessons.has(id) || library.modules.some((module) => module.slug === id);
  const [main, other] = input.cohortIds;
  const sessions = await prisma.cohortSession.findMany({
    where: { cohortId: { in: [main, other] } },
    select: { id: true, number: true, cohortId: true },
  });
  const readings = sessions.flatMap((session) =>
    ((session.cohortId === main ? readingPlan : otherReadingPlan)[session.number] ?? [])
      .filter(known)
      .map((contentId, position) => ({ sessionId: session.id, contentId, position })),
  );
  await prisma.sessionPreparation.createMany({ data: readings });
  const day = 24 * 60 * 60_000;
  await prisma.lessonProgress.createMany({
    data: input.readers.flatMap((reader) =>
      library.readingOrder.slice(0, reader.lessons).map((lesson, index) => ({
        userId: reader.userId,
        lessonId: lesson.id,
        readAt: new Date(Date.now() - (10 - index) * day),
      })),
    ),
  });
}

/**
 * Applications for the demo cohort through the public form, in every stage: Zwolle was admitted after its
 * intake (its enrolment above), Groningen just applied, Utrechtse Heuvelrug has its intake planned,
 * Dordrecht waits on the waiting list for a place and Arnhem was advised to join another cohort.
 */
async function seedApplications(
  prisma: PrismaClient,
  input: { cohortId: string; zwolleEnrollmentId: string; coordinatorId: string },
) {
  const zwolle = await prisma.enrollment.findUniqueOrThrow({
    where: { id: input.zwolleEnrollmentId },
    select: { municipalityId: true, vraagstuk: true },
  });
  const applications = [
    {
      municipalityName: "Zwolle",
      contactName: "Lisa Bakker",
      contactEmail: demoLogins.participant,
      contactPhone: "038 498 2000",
      vraagstuk: zwolle.vraagstuk,
      status: "ADMITTED" as const,
      intakeAt: amsterdamTime("2026-11-05", "10:00"),
      intakeNotes:
        "Duidelijk vraagstuk over het armoedebeleid. Erik (leidinggevende) draagt het mee. Ze willen ook hun eigen ervaringsdeskundige laten meedoen.",
      decidedAt: amsterdamTime("2026-11-05", "11:15"),
      decidedById: input.coordinatorId,
      enrollmentId: input.zwolleEnrollmentId,
      municipalityId: zwolle.municipalityId,
      createdAt: amsterdamTime("2026-10-20", "09:12"),
      members: [
        { name: "Lisa Bakker", email: demoLogins.participant, function: "BELEIDSMEDEWERKER" as const },
        { name: "Erik Mulder", email: demoLogins.participantPartner, function: "LEIDINGGEVENDE" as const },
        { name: "Marieke Groen", email: "marieke.groen@zwolle.test", function: "ERVARINGSDESKUNDIGE" as const },
      ],
    },
    {
      municipalityName: "Groningen",
      contactName: "Jeroen Wiersma",
      contactEmail: "jeroen.wiersma@groningen.test",
      contactPhone: "050 367 1000",
      vraagstuk:
        "In onze wijkteams werken al ervaringsdeskundigen, maar wat zij zien komt niet terug in het beleid. Hoe maken we die verbinding?",
      status: "SUBMITTED" as const,
      createdAt: amsterdamTime("2026-11-19", "15:40"),
      members: [
        { name: "Jeroen Wiersma", email: "jeroen.wiersma@groningen.test", function: "BELEIDSMEDEWERKER" as const },
        {
          name: "Anke Zijlstra",
          email: "anke.zijlstra@groningen.test",
          function: "STRATEGISCH_BELEIDSADVISEUR" as const,
        },
      ],
    },
    {
      municipalityName: "Utrechtse Heuvelrug",
      contactName: "Merel Jansen",
      contactEmail: "merel.jansen@heuvelrug.test",
      contactPhone: "0343 56 5600",
      vraagstuk:
        "We willen jongeren met ervaring in de jeugdhulp laten meedenken over de nieuwe inkoop van jeugdzorg. Hoe doen we dat zonder hen te overvragen?",
      status: "INTAKE_PLANNED" as const,
      intakeAt: amsterdamTime("2026-12-03", "14:00"),
      createdAt: amsterdamTime("2026-11-12", "11:05"),
      members: [
        { name: "Merel Jansen", email: "merel.jansen@heuvelrug.test", function: "BELEIDSMEDEWERKER" as const },
        { name: "Kees van Rijn", email: "kees.vanrijn@heuvelrug.test", function: "LEIDINGGEVENDE" as const },
      ],
    },
    {
      municipalityName: "Dordrecht",
      contactName: "Noah de Graaf",
      contactEmail: "noah.degraaf@dordrecht.test",
      contactPhone: "078 770 4911",
      vraagstuk:
        "Inwoners met schulden voelen zich niet gehoord bij het herzien van onze schuldhulpverlening. Hoe betrekken we hun ervaring vanaf het begin?",
      status: "WAITLISTED" as const,
      intakeAt: amsterdamTime("2026-11-17", "09:30"),
      intakeNotes: "Sterk vraagstuk en een betrokken leidinggevende. Het leernetwerk zat op dat moment vol.",
      decisionReason: "Het leernetwerk is vol. Komt er een plaats vrij, dan nemen we meteen contact op.",
      decidedAt: amsterdamTime("2026-11-17", "10:30"),
      waitlistedAt: amsterdamTime("2026-11-17", "10:30"),
      decidedById: input.coordinatorId,
      createdAt: amsterdamTime("2026-11-08", "13:45"),
      members: [
        { name: "Noah de Graaf", email: "noah.degraaf@dordrecht.test", function: "BELEIDSMEDEWERKER" as const },
        { name: "Ilse Verbeek", email: "ilse.verbeek@dordrecht.test", function: "LEIDINGGEVENDE" as const },
      ],
    },
    {
      municipalityName: "Arnhem",
      contactName: "Sanne Kuipers",
      contactEmail: "sanne.kuipers@arnhem.test",
      contactPhone: "026 377 4911",
      vraagstuk: "Hoe zetten we ervaringsdeskundigen in bij re-integratie binnen de Participatiewet?",
      status: "REJECTED" as const,
      intakeAt: amsterdamTime("2026-11-10", "13:30"),
      intakeNotes: "Het vraagstuk gaat vooral over de uitvoering van de Participatiewet.",
      decisionReason:
        "Jullie vraagstuk past beter bij het leernetwerk over de Participatiewet dat in het najaar van 2027 weer start. We nemen dan contact op.",
      decidedAt: amsterdamTime("2026-11-10", "14:30"),
      decidedById: input.coordinatorId,
      createdAt: amsterdamTime("2026-10-28", "16:20"),
      members: [
        { name: "Sanne Kuipers", email: "sanne.kuipers@arnhem.test", function: "BELEIDSMEDEWERKER" as const },
        { name: "Tim Brouwer", email: "tim.brouwer@arnhem.test", function: "LEIDINGGEVENDE" as const },
      ],
    },
  ];
  for (const { members, ...application } of applications) {
    await prisma.application.create({
      data: {
        ...application,
        cohortId: input.cohortId,
        municipalityKey: municipalityKey(application.municipalityName),
        members: { create: members.map((member, position) => ({ ...member, position })) },
      },
    });
  }
}

/**
 * E-mail and notifications as the jobs would have produced them, made by the same code: reminders two
 * days before the Participatiewet cohort's third session, a weekly digest for its facilitator, a few
 * people's own e-mail preferences, and one message the provider refused (to show the retry).
 */
async function seedNotifications(prisma: PrismaClient) {
  const { savePreferences } = await import("../app/notifications/preferences.server.ts");
  const { announceSessionChanges, scheduleSessionReminders } = await import("../app/notifications/sessions.server.ts");
  const { sendWeeklyDigests } = await import("../app/notifications/digest.server.ts");
  const { amsterdamTime } = await import("../app/utils/dates.ts");
  const byEmail = (email: string) => prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } });

  await savePreferences((await byEmail(demoLogins.facilitator)).id, [{ kind: "session-reminder", mode: "DIGEST" }]);
  await savePreferences((await byEmail(demoLogins.participantPartner)).id, [
    { kind: "session-changed", mode: "DIGEST" },
  ]);
  await savePreferences((await byEmail(demoLogins.facilitator2)).id, [{ kind: "weekly-digest", mode: "OFF" }]);

  // What people know about every session now (so only later changes are announced).
  await announceSessionChanges(amsterdamTime("2026-11-20", "09:00"));
  // Sunday 29 November 2026, 14:05: two days before "Positie van de ervaringsdeskundige".
  await scheduleSessionReminders(amsterdamTime("2026-11-29", "14:05"));
  // Monday 30 November 2026, 08:00: the weekly digest (Anouk sees the session of that week).
  await sendWeeklyDigests(amsterdamTime("2026-11-30", "08:05"));

  const refused = await prisma.emailMessage.findFirstOrThrow({
    where: { kind: "session-reminder", to: "karin.jacobs@almere.test" },
    select: { id: true },
  });
  await prisma.emailMessage.update({
    where: { id: refused.id },
    data: {
      status: "FAILED",
      attempts: 1,
      lastAttemptAt: new Date(),
      error: "422 validation_error: Invalid `to` field. The email address is not accepted.",
    },
  });
}

// Lisa's reflection journal: a private entry, one shared with the facilitators (answered by Marco, with her
// reply), one shared with her duo partner Erik; and a question Marco posted to the cohort before session 1.
async function seedJournal(
  prisma: PrismaClient,
  input: { cohortId: string; zwolle: { enrollment: { id: string }; members: { id: string }[] }; marcoId: string },
) {
  const [lisa] = input.zwolle.members;
  const firstSession = await prisma.cohortSession.findUniqueOrThrow({
    where: { cohortId_number: { cohortId: input.cohortId, number: 1 } },
  });
  const prompt = await prisma.journalPrompt.create({
    data: {
      cohortId: input.cohortId,
      authorId: input.marcoId,
      sessionId: firstSession.id,
      text: "Wat heb je deze maand gemerkt van de leefwereld in je beleid? Denk aan één gesprek of één moment.",
      createdAt: daysAgo(2, "09:15"),
    },
  });
  const reflectie = getLibrary().readingOrder.flatMap(
    (lesson) => getLibrary().lessons.get(lesson.id)?.reflecties ?? [],
  )[0];
  const entry = (data: {
    title: string;
    body: string;
    days: number;
    tags: string[];
    audience?: "PRIVATE" | "DUO" | "FACILITATORS";
    reflectieId?: string;
    promptId?: string;
  }) => {
    const at = daysAgo(data.days, "20:30");
    return prisma.journalEntry.create({
      data: {
        authorId: lisa!.id,
        enrollmentId: input.zwolle.enrollment.id,
        title: data.title,
        body: data.body,
        writtenOn: new Date(`${at.toISOString().slice(0, 10)}T00:00:00Z`),
        tags: data.tags,
        audiences: data.audience && data.audience !== "PRIVATE" ? [data.audience] : [],
        sharedAt: data.audience && data.audience !== "PRIVATE" ? at : null,
        reflectieId: data.reflectieId ?? null,
        promptId: data.promptId ?? null,
        createdAt: at,
        shareChanges:
          data.audience && data.audience !== "PRIVATE"
            ? { create: { from: [], to: [data.audience], changedAt: at } }
            : undefined,
      },
    });
  };
  await entry({
    title: "Mijn eigen ervaring met de schuldhulp",
    body: "Toen mijn vader vroeger schulden had, zag ik hoe lang het duurde voordat iemand écht luisterde. Ik merk dat ik dat beeld meeneem als ik aan het armoedebeleid werk.\n\nIk weet nog niet of ik dit met de groep wil delen. Eerst voor mezelf opschrijven.",
    days: 9,
    tags: ["eigen ervaring"],
    reflectieId: reflectie?.id,
  });
  const shared = await entry({
    title: "Het gesprek bij het inloopspreekuur",
    body: "Vorige week zat ik een ochtend bij het inloopspreekuur. Een vrouw vertelde dat ze de brief over haar betalingsregeling drie keer had gelezen en nog steeds niet wist wat ze moest doen.\n\n- Onze brieven zijn geschreven vanuit de **systeemwereld**.\n- Niemand in ons team heeft die brief ooit aan een inwoner voorgelegd.\n\nIk wil voorstellen om de brieven samen met ervaringsdeskundigen te herschrijven. Is dat een goede eerste stap?",
    days: 5,
    tags: ["leefwereld", "brieven"],
    audience: "FACILITATORS",
    promptId: prompt.id,
  });
  await prisma.journalReply.create({
    data: {
      entryId: shared.id,
      authorId: input.marcoId,
      body: "Wat mooi dat je zelf bent gaan kijken, Lisa. Brieven zijn een goede plek om te beginnen: klein genoeg om snel iets te veranderen, en iedereen ziet het verschil. Vraag de ervaringsdeskundigen ook wat er in de brief *mist*, niet alleen wat er onduidelijk is.",
      createdAt: daysAgo(4, "10:05"),
    },
  });
  await prisma.journalReply.create({
    data: {
      entryId: shared.id,
      authorId: lisa!.id,
      body: "Dank je! Ik neem die vraag mee naar ons teamoverleg.",
      createdAt: daysAgo(4, "12:40"),
    },
  });
  await entry({
    title: "Hoe krijgen we de wethouder mee?",
    body: "Erik, na ons gesprek van vanmorgen: ik denk dat we de wethouder het beste meenemen met één concreet verhaal van een inwoner, niet met cijfers. Wil jij dit agenderen voor het portefeuillehoudersoverleg?",
    days: 2,
    tags: ["bestuur", "bondgenoten"],
    audience: "DUO",
  });
  // The people these entries were shared with (as sharing them would have fixed them).
  const { fixReadersOfSharedEntries } = await import("../app/models/journal.server.ts");
  await fixReadersOfSharedEntries({ authorId: lisa!.id }, prisma);
}

/** A moment `days` ago at an Amsterdam wall-clock time, so the demo journal always looks recent. */
function daysAgo(days: number, time: string): Date {
  const date = new Date(Date.now() - days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  return amsterdamTime(date, time);
}

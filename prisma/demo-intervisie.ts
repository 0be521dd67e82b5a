// Demo intervisie in the demo cohort: two groups formed with the suggestion (so Lisa and her duo partner Erik
// are in different groups), Marco runs Lisa's group and Fatima with Pieter the other; the agreements, a past
// meeting with attendance, a case with notes and the inbrenger's takeaway, and an upcoming meeting during
// session 2 with a proposed case. All people and cases are fictional.
import type { PrismaClient } from "../app/generated/prisma/client.ts";
import { suggestGroups, suggestedGroupCount } from "../app/models/intervision-groups.ts";
import { DEFAULT_AGREEMENTS, fixReadersOfCases } from "../app/models/intervision.server.ts";
import { amsterdamTime } from "../app/utils/dates.ts";

export async function seedIntervision(
  prisma: PrismaClient,
  input: { cohortId: string; lisaEmail: string; marcoEmail: string; fatimaEmail: string },
) {
  const enrollments = await prisma.enrollment.findMany({
    where: { cohortId: input.cohortId, status: "ACTIVE" },
    select: {
      id: true,
      municipality: { select: { name: true } },
      members: { select: { user: { select: { id: true, name: true, email: true } } } },
    },
  });
  const participants = enrollments.flatMap((enrollment) =>
    enrollment.members.map(({ user }) => ({
      id: user.id,
      name: user.name,
      email: user.email,
      enrollmentId: enrollment.id,
      municipality: enrollment.municipality.name,
    })),
  );
  const suggestion = suggestGroups(participants, suggestedGroupCount(participants.length)!);
  // Lisa's group first, so it is "Groep 1".
  suggestion.sort(
    (a, b) => Number(b.some((p) => p.email === input.lisaEmail)) - Number(a.some((p) => p.email === input.lisaEmail)),
  );
  const facilitators = await prisma.cohortFacilitator.findMany({
    where: { cohortId: input.cohortId },
    select: { user: { select: { id: true, email: true } } },
  });
  const marco = facilitators.find((f) => f.user.email === input.marcoEmail)!.user;
  const fatima = facilitators.find((f) => f.user.email === input.fatimaEmail)!.user;
  const others = facilitators.filter((f) => f.user.id !== marco.id && f.user.id !== fatima.id).map((f) => f.user);
  const acceptedAt = daysAgo(20, "10:00");

  const groups = [];
  for (const [index, members] of suggestion.entries()) {
    const group = await prisma.intervisionGroup.create({
      data: {
        cohortId: input.cohortId,
        name: `Groep ${index + 1}`,
        agreements: DEFAULT_AGREEMENTS,
        members: {
          // Everyone accepted the agreements except the last member of each group.
          create: members.map((person, position) => ({
            userId: person.id,
            acceptedAgreementsVersion: position < members.length - 1 ? 1 : null,
            acceptedAgreementsAt: position < members.length - 1 ? acceptedAt : null,
          })),
        },
        facilitators: { create: (index === 0 ? [marco] : [fatima, ...others]).map((user) => ({ userId: user.id })) },
      },
      select: { id: true },
    });
    groups.push({ id: group.id, members });
  }

  // Groep 1: a kick-off meeting three weeks ago (incidentmethode), one case with notes and a takeaway.
  const [first] = groups;
  const inbrenger = first!.members.find((person) => person.email !== input.lisaEmail)!;
  const start = daysAgo(21, "15:00");
  const past = await prisma.intervisionMeeting.create({
    data: {
      groupId: first!.id,
      startsAt: start,
      endsAt: new Date(start.getTime() + 60 * 60_000),
      meetingUrl: "https://meet.leernetwerk.test/intervisie-groep-1",
      methodSlug: "incidentmethode",
      currentStep: 5,
      startedAt: start,
      stepStartedAt: new Date(start.getTime() + 52 * 60_000),
      finishedAt: new Date(start.getTime() + 58 * 60_000),
      attendances: {
        create: first!.members.map((person, position) => ({ userId: person.id, present: position !== 2 })),
      },
    },
    select: { id: true },
  });
  await prisma.intervisionCase.create({
    data: {
      meetingId: past.id,
      authorId: inbrenger.id,
      title: "De ervaringsdeskundige die niet meer kwam",
      situation:
        "In ons project over armoede deed een ervaringsdeskundige drie maanden mee aan de werkgroep. Na een overleg waarin een teamleider haar verhaal 'anekdotisch' noemde, kwam ze niet meer. Ik heb haar een mail gestuurd, maar geen antwoord gekregen.",
      question:
        "Hoe had ik haar in dat overleg beter kunnen steunen, en hoe maak ik nu contact zonder haar onder druk te zetten?",
      wish: "Vooral vragen die me helpen zien wat er in dat overleg gebeurde.",
      status: "CHOSEN",
      takeaway:
        "Ik bel haar in plaats van te mailen, en ik vraag eerst hoe het met haar gaat. In de werkgroep spreek ik af dat ervaringsverhalen niet meer 'anekdotisch' genoemd worden: ik zeg het de volgende keer zelf hardop.",
      takeawayAt: daysAgo(20, "09:30"),
      createdAt: daysAgo(25, "11:00"),
      notes: {
        create: [
          {
            authorId: marco.id,
            step: 1,
            kind: "QUESTION",
            body: "Wat deed jij op het moment dat het woord 'anekdotisch' viel?",
            createdAt: new Date(start.getTime() + 8 * 60_000),
          },
          {
            authorId: marco.id,
            step: 1,
            kind: "QUESTION",
            body: "Wie had haar uitgenodigd voor de werkgroep, en wat was er met haar afgesproken?",
            createdAt: new Date(start.getTime() + 10 * 60_000),
          },
          {
            authorId: marco.id,
            step: 3,
            kind: "INSIGHT",
            body: "Zwijgen in zo'n overleg voelt neutraal, maar de ervaringsdeskundige hoort het als instemming.",
            createdAt: new Date(start.getTime() + 30 * 60_000),
          },
          {
            authorId: marco.id,
            step: 4,
            kind: "INSIGHT",
            body: "Thema voor de hele groep: je eigen rol als bondgenoot in een overleg.",
            createdAt: new Date(start.getTime() + 45 * 60_000),
          },
        ],
      },
    },
  });

  // Groep 1: the next meeting, during session 2, with one proposed case.
  const session2 = await prisma.cohortSession.findUniqueOrThrow({
    where: { cohortId_number: { cohortId: input.cohortId, number: 2 } },
  });
  const upcoming = await prisma.intervisionMeeting.create({
    data: {
      groupId: first!.id,
      sessionId: session2.id,
      startsAt: new Date(session2.startsAt.getTime() + 60 * 60_000),
      endsAt: session2.endsAt,
      meetingUrl: "https://meet.leernetwerk.test/sessie-2",
      methodSlug: "roddelmethode",
    },
    select: { id: true },
  });
  const proposer = first!.members.find((person) => person.email !== input.lisaEmail && person.id !== inbrenger.id)!;
  await prisma.intervisionCase.create({
    data: {
      meetingId: upcoming.id,
      authorId: proposer.id,
      title: "Mijn grens bij verhalen van inwoners",
      situation:
        "Bij de klantreis hoor ik verhalen die lijken op wat ik zelf heb meegemaakt. Ik merk dat ik daarna slecht slaap en het werk mee naar huis neem.",
      question: "Hoe bewaak ik mijn grenzen zonder afstandelijk te worden?",
      wish: "Herkenning, en ideeën van anderen.",
      createdAt: daysAgo(3, "19:45"),
    },
  });
  // The people these cases were brought to (as bringing them would have fixed them).
  await fixReadersOfCases({ meetingId: { in: [past.id, upcoming.id] } }, prisma);

  // Groep 2: a meeting planned (no case yet).
  if (groups[1]) {
    const later = amsterdamTime("2027-06-08", "15:00");
    await prisma.intervisionMeeting.create({
      data: {
        groupId: groups[1].id,
        startsAt: later,
        endsAt: new Date(later.getTime() + 75 * 60_000),
        location: "Vergadercentrum Utrecht",
        methodSlug: "balintmethode",
      },
    });
  }
}

function daysAgo(days: number, time: string): Date {
  const date = new Date(Date.now() - days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  return amsterdamTime(date, time);
}

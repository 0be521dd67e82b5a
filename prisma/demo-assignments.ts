// Demo data for assignments (issue 6): assignments on the demo cohort's sessions (two linked to a lesson's
// opdracht block), the duos' work in every state (concept, ingeleverd with a file, feedback with a reply and
// "besproken"), and in the running cohort one handed in late and one not handed in after the due moment.
import type { PrismaClient } from "../app/generated/prisma/client.ts";
import { fileStorage, newStorageKey } from "../app/storage/files.server.ts";
import { amsterdamTime } from "../app/utils/dates.ts";

const DAY = 24 * 60 * 60 * 1000;

/** A tiny valid PDF, so the demo's attachment can be downloaded and opened. */
const DEMO_PDF = `%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >> endobj
4 0 obj << /Length 74 >> stream
BT /F1 18 Tf 60 770 Td (Vraagstuk gemeente Zwolle - armoedebeleid) Tj ET
endstream endobj
5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj
trailer << /Root 1 0 R >>
%%EOF
`;

export async function seedAssignments(prisma: PrismaClient, input: { cohortSlug: string; otherCohortSlug: string }) {
  const cohort = await prisma.cohort.findUniqueOrThrow({
    where: { slug: input.cohortSlug },
    select: {
      sessions: { orderBy: { number: "asc" }, select: { id: true, number: true, startsAt: true } },
      enrollments: {
        select: { id: true, municipality: { select: { name: true } }, members: { select: { userId: true } } },
      },
      facilitators: { select: { userId: true } },
    },
  });
  const [first, second] = cohort.sessions;
  const duo = (name: string) => cohort.enrollments.find((enrollment) => enrollment.municipality.name === name)!;
  const zwolle = duo("Zwolle");
  const marcoId = cohort.facilitators[0]!.userId;

  const vraagstuk = await prisma.assignment.create({
    data: {
      sessionId: first!.id,
      title: "Jullie vraagstuk op papier",
      instructions:
        "Schrijf samen op welk vraagstuk jullie gemeente meebrengt, **voor wie** het speelt en wat jullie al doen met ervaringskennis.\n\nLees eerst de les [Zo werkt dit leernetwerk](/leren/tien-tips-en-rollen/zo-werkt-dit-leernetwerk). Een halve tot hele pagina is genoeg.",
      dueAt: amsterdamTime("2027-04-11", "17:00"),
      kind: "DUO",
      allowFiles: true,
      opdrachtId: "tien-tips-en-rollen-opdracht-vraagstuk",
    },
  });
  await prisma.assignment.create({
    data: {
      sessionId: second!.id,
      title: "Maak een rollenkaart",
      instructions:
        'Zet op één kaart wie in jullie gemeente welke rol heeft bij het vraagstuk: beleid, uitvoering, bestuur, inwoners en ervaringsdeskundigen. Wie ontbreekt er nog?\n\n{% callout type="tip" %}Een foto van een tekening op papier is ook goed.{% /callout %}',
      dueAt: amsterdamTime("2027-05-23", "17:00"),
      kind: "DUO",
      allowFiles: true,
      opdrachtId: "tien-tips-en-rollen-opdracht-rollenkaart",
    },
  });
  await prisma.assignment.create({
    data: {
      sessionId: second!.id,
      title: "Eén gesprek met een inwoner",
      instructions:
        "Spreek ieder voor zich één inwoner die met jullie vraagstuk te maken heeft. Wat hoorde je dat je nog niet wist?",
      dueAt: amsterdamTime("2027-05-23", "17:00"),
      kind: "INDIVIDUAL",
      allowFiles: false,
    },
  });

  // Zwolle handed in with a file, got feedback from Marco, replied; the assignment was discussed.
  const submitted = await prisma.assignmentSubmission.create({
    data: {
      assignmentId: vraagstuk.id,
      enrollmentId: zwolle.id,
      ownerKey: zwolle.id,
      body: "## Ons vraagstuk\n\nIn Zwolle hebben ongeveer 2.400 huishoudens problematische schulden. Ons armoedebeleid wordt nu gemaakt **over** hen, niet **met** hen.\n\n- Wie: inwoners met schulden en hun naasten\n- Wat we al doen: een klankbordgroep bij de schuldhulpverlening\n- Wat we willen: dat ervaringsdeskundigen meeschrijven aan de herziening in 2027",
      version: 4,
      submittedAt: amsterdamTime("2027-04-10", "20:15"),
      feedbackAt: amsterdamTime("2027-04-12", "09:30"),
      discussedAt: amsterdamTime("2027-04-13", "15:00"),
    },
  });
  const storageKey = newStorageKey("submissions", submitted.id);
  const pdf = new TextEncoder().encode(DEMO_PDF);
  await prisma.submissionAttachment.create({
    data: {
      submissionId: submitted.id,
      storageKey,
      fileName: "Vraagstuk Zwolle.pdf",
      contentType: "application/pdf",
      size: pdf.length,
      uploadedById: zwolle.members[0]!.userId,
    },
  });
  // The bytes belong to the record (StoredFile references its storageKey): stored after it.
  await fileStorage().put(storageKey, pdf);
  await prisma.submissionMessage.createMany({
    data: [
      {
        submissionId: submitted.id,
        authorId: marcoId,
        body: "Helder vraagstuk! Mooi dat jullie de klankbordgroep al hebben. Denk voor de bijeenkomst na over één vraag: wat beslissen inwoners straks echt mee, en wat niet?",
        createdAt: amsterdamTime("2027-04-12", "09:30"),
      },
      {
        submissionId: submitted.id,
        authorId: zwolle.members[1]!.userId,
        body: "Goede vraag. We nemen twee voorbeelden mee naar de bijeenkomst.",
        createdAt: amsterdamTime("2027-04-12", "13:05"),
      },
    ],
  });
  // Amersfoort is still writing; Deventer handed in without feedback yet.
  const amersfoort = duo("Amersfoort");
  await prisma.assignmentSubmission.create({
    data: {
      assignmentId: vraagstuk.id,
      enrollmentId: amersfoort.id,
      ownerKey: amersfoort.id,
      body: "Ervaringsdeskundigen werken bij ons al in de uitvoering. Ons vraagstuk: hoe krijgen ze ook een plek aan de beleidstafel? (concept, Hans vult nog aan)",
      version: 2,
    },
  });
  const deventer = duo("Deventer");
  await prisma.assignmentSubmission.create({
    data: {
      assignmentId: vraagstuk.id,
      enrollmentId: deventer.id,
      ownerKey: deventer.id,
      body: "Eenzaamheid: verhalen van inwoners komen nu niet terug in de welzijnsopdracht. We willen een vaste route van verhaal naar besluit.",
      version: 3,
      submittedAt: amsterdamTime("2027-04-09", "16:40"),
    },
  });

  // The running cohort: an assignment that was due last week, handed in late by one duo, not by the other.
  const other = await prisma.cohort.findUniqueOrThrow({
    where: { slug: input.otherCohortSlug },
    select: {
      sessions: { orderBy: { number: "asc" }, take: 1, select: { id: true } },
      enrollments: { orderBy: { createdAt: "asc" }, select: { id: true } },
    },
  });
  if (!other.sessions[0]) return;
  const dueAt = new Date(Date.now() - 7 * DAY);
  const past = await prisma.assignment.create({
    data: {
      sessionId: other.sessions[0].id,
      title: "Wat betekent werk voor jullie inwoners?",
      instructions:
        "Vraag drie inwoners met een uitkering wat werk voor hen betekent, en schrijf samen op wat jullie opviel.",
      dueAt,
      kind: "DUO",
      allowFiles: true,
    },
  });
  const [firstDuo] = other.enrollments;
  if (firstDuo) {
    await prisma.assignmentSubmission.create({
      data: {
        assignmentId: past.id,
        enrollmentId: firstDuo.id,
        ownerKey: firstDuo.id,
        body: "Alle drie noemden ze structuur en erbij horen eerder dan geld. Eén inwoner zei: 'Ik wil gewoon gevraagd worden.'",
        version: 2,
        submittedAt: new Date(dueAt.getTime() + 2 * DAY),
      },
    });
  }
}

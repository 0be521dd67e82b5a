// Demo data for facilitators as co-leads (issue 19), so the demo shows them: in the voorjaar 2027 cohort
// Fatima leads session 1 and Marco session 2 (Marco's start page lists it under "Bijeenkomsten die je
// leidt"), session 1 has a handout (a small PDF made here with pdfkit) and its
// report. Session 3 is left without, for tests/e2e/co-lead.spec.ts to prepare in the browser. Marco has
// written an announcement to the whole cohort, made by the app's own code, so every participant's inbox
// (and the outbox) has it.
import PDFDocument from "pdfkit";
import type { PrismaClient } from "../app/generated/prisma/client.ts";
import { newStorageKey } from "../app/storage/files.server.ts";
import { amsterdamTime } from "../app/utils/dates.ts";

/** A one-page PDF with a title and some lines, as bytes. */
function handoutPdf(title: string, lines: string[]): Promise<Uint8Array<ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: "A4",
      margin: 72,
      info: { Title: title, Author: "Leernetwerk" },
      lang: "nl-NL",
    });
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on("error", reject);
    doc.font("Helvetica-Bold").fontSize(18).text(title);
    doc.moveDown();
    doc.font("Helvetica").fontSize(12);
    for (const line of lines) doc.text(line).moveDown(0.5);
    doc.end();
  });
}

export async function seedCoLead(prisma: PrismaClient, cohortId: string, marcoEmail: string, fatimaEmail: string) {
  const [marco, fatima] = await Promise.all([
    prisma.user.findUniqueOrThrow({ where: { email: marcoEmail }, select: { id: true } }),
    prisma.user.findUniqueOrThrow({ where: { email: fatimaEmail }, select: { id: true } }),
  ]);
  const sessions = await prisma.cohortSession.findMany({
    where: { cohortId, number: { in: [1, 2] } },
    orderBy: { number: "asc" },
    select: { id: true, number: true },
  });
  const [first, second] = sessions;
  if (!first || !second) return;
  await prisma.cohortSession.update({ where: { id: first.id }, data: { leaderId: fatima.id } });
  await prisma.cohortSession.update({ where: { id: second.id }, data: { leaderId: marco.id } });

  const pdf = await handoutPdf("Van ervaring naar ervaringskennis", [
    "Bijeenkomst 1 van het leernetwerk Ervaringsdeskundigheid en beleid.",
    "1. Wat is ervaringskennis, en wat is het verschil met een ervaringsverhaal?",
    "2. De lemniscaat: ophalen, vertalen, aanpassen, terugkoppelen.",
    "3. Opdracht voor bijeenkomst 2: beschrijf het vraagstuk van je gemeente.",
  ]);
  const storageKey = newStorageKey("handouts", first.id);
  await prisma.sessionHandout.create({
    data: {
      sessionId: first.id,
      storageKey,
      fileName: "Dia's bijeenkomst 1.pdf",
      contentType: "application/pdf",
      size: pdf.length,
      uploadedById: fatima.id,
      // The record and its bytes in one statement, as app/models/session-handout.server.ts stores them.
      file: { create: { key: storageKey, bytes: pdf } },
    },
  });

  await prisma.sessionReport.create({
    data: {
      sessionId: first.id,
      discussed:
        "Kennismaking van de zes duo's en hun vraagstukken. Wat ervaringskennis is en hoe het verschilt van een persoonlijk verhaal. Zwolle en Deventer werken allebei aan schulden en zoeken elkaar op.",
      agreements:
        "Elk duo beschrijft voor bijeenkomst 2 het vraagstuk van de gemeente (opdracht op het platform).\nWe bellen geen inwoners zonder toestemming; persoonsgegevens blijven buiten het platform.",
      followUp: "Fatima zet de dia's bij de hand-outs. Marco leidt bijeenkomst 2 over de lemniscaat.",
      updatedById: fatima.id,
      updatedAt: amsterdamTime("2027-04-14", "10:00"),
    },
  });

  const { createAnnouncement } = await import("../app/models/announcement.server.ts");
  const cohort = await prisma.cohort.findUniqueOrThrow({ where: { id: cohortId }, select: { id: true, name: true } });
  await createAnnouncement({ id: marco.id, name: "Marco Jansen" }, cohort, {
    title: "Bijeenkomst 2 is online",
    body: "Bijeenkomst 2 op dinsdag 25 mei is online. De link staat op de pagina van de bijeenkomst. Lees vooraf de lessen over de lemniscaat, dan kunnen we meteen aan de slag met jullie vraagstukken.",
    audience: { kind: "cohort" },
  });
}

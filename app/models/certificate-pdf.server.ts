// The certificate of participation (deelnamebewijs) as a PDF, made with pdfkit (a maintained library).
// One A4 page in a standard font (Helvetica, WinAnsi): characters it cannot show are replaced by "?".
import PDFDocument from "pdfkit";
import { formatDate } from "~/utils/dates.ts";

export type CertificateInput = {
  name: string;
  municipality: string;
  cohortName: string;
  startsOn: Date;
  endsOn: Date;
  attended: number;
  held: number;
  issuedAt: Date;
};

/** Characters the standard PDF fonts can encode (WinAnsi, roughly Latin-1); the rest becomes "?". */
export function pdfSafe(text: string): string {
  return text.normalize("NFC").replace(/[^\u0020-\u007e\u00a0-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u20ac]/g, "?");
}

export function renderCertificatePdf(input: CertificateInput): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: "A4",
      margin: 72,
      info: {
        Title: pdfSafe(`Deelnamebewijs ${input.name}`),
        Subject: pdfSafe(input.cohortName),
        Author: "Leernetwerk",
      },
      lang: "nl-NL",
    });
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);

    doc.fillColor("#114b5f").font("Helvetica-Bold").fontSize(14).text("Leernetwerk");
    doc.moveDown(3);
    doc.fillColor("#1a1a1a").fontSize(28).text("Deelnamebewijs", { align: "center" });
    doc.moveDown(1.5);
    doc.font("Helvetica").fontSize(13).text("Hierbij verklaren wij dat", { align: "center" });
    doc.moveDown(0.8);
    doc.font("Helvetica-Bold").fontSize(22).text(pdfSafe(input.name), { align: "center" });
    doc.moveDown(0.3);
    doc
      .font("Helvetica")
      .fontSize(13)
      .text(pdfSafe(`gemeente ${input.municipality}`), { align: "center" });
    doc.moveDown(1);
    doc.text("heeft deelgenomen aan het leernetwerk", { align: "center" });
    doc.moveDown(0.5);
    doc.font("Helvetica-Bold").fontSize(16).text(pdfSafe(input.cohortName), { align: "center" });
    doc.moveDown(0.5);
    doc
      .font("Helvetica")
      .fontSize(13)
      .text(`van ${formatDate(input.startsOn)} tot en met ${formatDate(input.endsOn)}.`, { align: "center" });
    doc.moveDown(1);
    doc.text(
      `Aanwezig bij ${input.attended} van de ${input.held} ${input.held === 1 ? "bijeenkomst" : "bijeenkomsten"}.`,
      { align: "center" },
    );
    doc.moveDown(4);
    doc
      .fontSize(11)
      .fillColor("#4a4a4a")
      .text(`Uitgegeven op ${formatDate(input.issuedAt)}.`, { align: "center" });
    doc.end();
  });
}

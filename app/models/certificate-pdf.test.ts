import { describe, expect, it } from "vitest";
import { pdfText } from "../../tests/support/pdf-text.ts";
import { pdfSafe, renderCertificatePdf } from "./certificate-pdf.server.ts";

describe("certificate PDF", () => {
  it("is a PDF whose page shows the participant's name and the cohort", async () => {
    const bytes = await renderCertificatePdf({
      name: "Anouk Çelik-de Vries",
      municipality: "Zwolle",
      cohortName: "Leernetwerk najaar",
      startsOn: new Date("2026-09-01"),
      endsOn: new Date("2027-01-31"),
      attended: 3,
      held: 4,
      issuedAt: new Date("2027-02-01T10:00:00Z"),
    });
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = pdfText(bytes);
    expect(text).toContain("Anouk Çelik-de Vries");
    expect(text).toContain("Leernetwerk najaar");
    expect(text).toContain("Aanwezig bij 3 van de 4 bijeenkomsten");
  });

  it("replaces characters the standard font cannot show", () => {
    expect(pdfSafe("Zoë 李")).toBe("Zoë ?");
  });
});

import { describe, expect, it } from "vitest";
import { safeFileName } from "./file-type.ts";

describe("safeFileName", () => {
  it("keeps a readable name with the extension of the real kind", () => {
    expect(safeFileName("Verslag gemeente Zwolle.pdf", "pdf")).toBe("Verslag gemeente Zwolle.pdf");
    expect(safeFileName("foto.exe", "png")).toBe("foto.png");
    expect(safeFileName('../../etc/"passwd".docx', "docx")).toBe("_etc_passwd_.docx");
    expect(safeFileName(".pdf", "pdf")).toBe("bijlage.pdf");
  });
});

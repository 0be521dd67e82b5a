import { describe, expect, it } from "vitest";
import { detectFileKind, safeFileName, zipEntryNames } from "./file-type.ts";

/** A minimal zip (stored, no compression) with the given entries, as Office writes them. */
export function makeZip(names: string[]): Uint8Array {
  const encoder = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const name of names) {
    const nameBytes = encoder.encode(name);
    const local = new Uint8Array(30 + nameBytes.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(26, nameBytes.length, true);
    local.set(nameBytes, 30);
    const central = new Uint8Array(46 + nameBytes.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(28, nameBytes.length, true);
    cv.setUint32(42, offset, true);
    central.set(nameBytes, 46);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const centralSize = centrals.reduce((sum, part) => sum + part.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, names.length, true);
  ev.setUint16(10, names.length, true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);
  const parts = [...locals, ...centrals, end];
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

const bytes = (...values: (number | string)[]) =>
  new Uint8Array(values.flatMap((value) => (typeof value === "string" ? [...value].map((c) => c.charCodeAt(0)) : [value])));

describe("detectFileKind", () => {
  it("recognises PDF and images by their first bytes", () => {
    expect(detectFileKind(bytes("%PDF-1.7\n"))).toBe("pdf");
    expect(detectFileKind(bytes(0x89, "PNG", 0x0d, 0x0a, 0x1a, 0x0a, 0, 0))).toBe("png");
    expect(detectFileKind(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10))).toBe("jpeg");
    expect(detectFileKind(bytes("GIF89a", 1, 0))).toBe("gif");
    expect(detectFileKind(bytes("RIFF", 0, 0, 0, 0, "WEBPVP8 "))).toBe("webp");
  });

  it("tells Word, Excel and PowerPoint apart by the folders in the zip", () => {
    expect(detectFileKind(makeZip(["[Content_Types].xml", "_rels/.rels", "word/document.xml"]))).toBe("docx");
    expect(detectFileKind(makeZip(["[Content_Types].xml", "xl/workbook.xml"]))).toBe("xlsx");
    expect(detectFileKind(makeZip(["[Content_Types].xml", "ppt/presentation.xml"]))).toBe("pptx");
    expect(zipEntryNames(makeZip(["a.txt", "b/c.txt"]))).toEqual(["a.txt", "b/c.txt"]);
  });

  it("refuses other zips, a renamed text file, an executable and empty input", () => {
    expect(detectFileKind(makeZip(["word/document.xml"]))).toBeNull(); // no [Content_Types].xml
    expect(detectFileKind(makeZip(["[Content_Types].xml", "other/x.xml"]))).toBeNull();
    expect(detectFileKind(bytes("PK", 3, 4, "broken"))).toBeNull();
    expect(detectFileKind(bytes("Dit is gewoon tekst, hernoemd naar verslag.pdf"))).toBeNull();
    expect(detectFileKind(bytes("MZ", 0x90, 0))).toBeNull();
    expect(detectFileKind(new Uint8Array())).toBeNull();
  });
});

describe("safeFileName", () => {
  it("keeps a readable name with the extension of the real kind", () => {
    expect(safeFileName("Verslag gemeente Zwolle.pdf", "pdf")).toBe("Verslag gemeente Zwolle.pdf");
    expect(safeFileName("foto.exe", "png")).toBe("foto.png");
    expect(safeFileName('../../etc/"passwd".docx', "docx")).toBe("_etc_passwd_.docx");
    expect(safeFileName(".pdf", "pdf")).toBe("bijlage.pdf");
  });
});

import { Document, Packer, Paragraph } from "docx";
import { describe, expect, it } from "vitest";
import { contentTypesXml, makeZip, officeFile } from "../../tests/support/office-files.ts";
import { detectFileKind } from "./file-type.server.ts";

const bytes = (...values: (number | string)[]) =>
  new Uint8Array(
    values.flatMap((value) => (typeof value === "string" ? [...value].map((c) => c.charCodeAt(0)) : [value])),
  );

describe("detectFileKind", () => {
  it("recognises PDF and images by their first bytes", async () => {
    expect(await detectFileKind(bytes("%PDF-1.7\n"))).toBe("pdf");
    expect(
      await detectFileKind(
        bytes(0x89, "PNG", 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, "IHDR", 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0),
      ),
    ).toBe("png");
    expect(await detectFileKind(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10))).toBe("jpeg");
    expect(await detectFileKind(bytes("GIF89a", 1, 0))).toBe("gif");
    expect(await detectFileKind(bytes("RIFF", 0, 0, 0, 0, "WEBPVP8 "))).toBe("webp");
  });

  it("tells Word, Excel and PowerPoint apart by the main part of the document", async () => {
    expect(await detectFileKind(officeFile("docx"))).toBe("docx");
    expect(await detectFileKind(officeFile("xlsx"))).toBe("xlsx");
    expect(await detectFileKind(officeFile("pptx"))).toBe("pptx");
  });

  it("recognises a real Word document (written by the docx package, compressed)", async () => {
    const document = new Document({ sections: [{ children: [new Paragraph("Ons vraagstuk")] }] });
    expect(await detectFileKind(new Uint8Array(await Packer.toBuffer(document)))).toBe("docx");
  });

  it("refuses other zips, macro-enabled Office files, a renamed text file, an executable and empty input", async () => {
    expect(await detectFileKind(makeZip({ "word/document.xml": "<document/>" }))).toBeNull(); // no [Content_Types].xml
    expect(
      await detectFileKind(
        makeZip({ "[Content_Types].xml": contentTypesXml("/other/x.xml", "application/xml"), "other/x.xml": "<x/>" }),
      ),
    ).toBeNull();
    expect(await detectFileKind(officeFile("docm"))).toBeNull();
    expect(await detectFileKind(bytes("PK", 3, 4, "broken"))).toBeNull();
    expect(await detectFileKind(bytes("Dit is gewoon tekst, hernoemd naar verslag.pdf"))).toBeNull();
    expect(await detectFileKind(bytes("MZ", 0x90, 0))).toBeNull();
    expect(await detectFileKind(new Uint8Array())).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { fileSlug, rowsToCsv, toCsv, type CsvValue } from "./csv.ts";

/** One cell as it is written in a file (the file minus the BOM, a header row and the line end). */
const csvCell = (value: CsvValue) => toCsv(["x"], [[value]]).slice("\uFEFFx\r\n".length, -"\r\n".length);

describe("csvCell", () => {
  it("leaves plain text alone", () => {
    expect(csvCell("Zwolle")).toBe("Zwolle");
    expect(csvCell("lisa.bakker@zwolle.test")).toBe("lisa.bakker@zwolle.test");
    expect(csvCell(8)).toBe("8");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
  });

  it("quotes the separator, quotes, line breaks and outer spaces", () => {
    expect(csvCell("Bakker; Lisa")).toBe('"Bakker; Lisa"');
    expect(csvCell('Het "vraagstuk"')).toBe('"Het ""vraagstuk"""');
    expect(csvCell("regel 1\nregel 2")).toBe('"regel 1\nregel 2"');
    expect(csvCell("regel 1\r\nregel 2")).toBe('"regel 1\r\nregel 2"');
    expect(csvCell(" spatie")).toBe('" spatie"');
    // A comma is no separator here (nl-NL Excel uses ";"), so it needs no quotes.
    expect(csvCell("Jansen, Marco")).toBe("Jansen, Marco");
  });

  it("defuses cells Excel would run as a formula", () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell("+31 6 1234")).toBe("'+31 6 1234");
    expect(csvCell("-1")).toBe("'-1");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    // The full-width signs that some spreadsheet programs also read as a formula.
    expect(csvCell("\uFF1D1+1")).toBe("'\uFF1D1+1");
    // Numbers are data, not text a person typed.
    expect(csvCell(-1)).toBe("-1");
  });
});

describe("toCsv", () => {
  it("starts with a byte-order mark, separates with ; and ends lines with CRLF", () => {
    const csv = toCsv(
      ["Gemeente", "Naam"],
      [
        ["Súdwest-Fryslân", "Jan; de Vries"],
        ["Zwolle", 'Lisa "L" Bakker'],
      ],
    );
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe('Gemeente;Naam\r\nSúdwest-Fryslân;"Jan; de Vries"\r\nZwolle;"Lisa ""L"" Bakker"\r\n');
    // As bytes: EF BB BF, then UTF-8.
    const bytes = new TextEncoder().encode(csv);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it("builds rows from column definitions", () => {
    const csv = rowsToCsv(
      [
        { header: "Naam", value: (row: { name: string; n: number }) => row.name },
        { header: "Aantal", value: (row) => row.n },
      ],
      [{ name: "A", n: 1 }],
    );
    expect(csv).toBe("\uFEFFNaam;Aantal\r\nA;1\r\n");
  });
});

describe("fileSlug", () => {
  it("makes a safe file name part", () => {
    expect(fileSlug("Leernetwerk Ervaringsdeskundigheid en beleid, voorjaar 2027")).toBe(
      "leernetwerk-ervaringsdeskundigheid-en-beleid-voorjaar-2027",
    );
    expect(fileSlug("Súdwest-Fryslân")).toBe("sudwest-fryslan");
    expect(fileSlug('"; rm -rf')).toBe("rm-rf");
    expect(fileSlug("!!!")).toBe("export");
  });
});

// CSV that Dutch Excel opens correctly with a double click: UTF-8 with a byte-order mark (otherwise Excel
// guesses Windows-1252 and "Súdwest-Fryslân" turns into garbage), ";" between fields (Excel in the nl-NL
// locale expects a semicolon, because the comma is the decimal separator there), CRLF line ends, and
// RFC 4180 quoting. Cells that Excel would run as a formula are defused (OWASP "CSV injection").

export const CSV_SEPARATOR = ";";
export const CSV_BOM = "\uFEFF";

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: quoted when it holds the separator, a quote, a line break or outer spaces. */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  const needsQuotes = text.includes(CSV_SEPARATOR) || /["\r\n]/.test(text) || text !== text.trim();
  return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole file: header row plus data rows, with the byte-order mark in front. */
export function toCsv(header: string[], rows: (string | number | null | undefined)[][]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(CSV_SEPARATOR));
  return `${CSV_BOM}${lines.join("\r\n")}\r\n`;
}

/** A column of an export: its heading and how to read it from a row. */
export type CsvColumn<Row> = { header: string; value: (row: Row) => string | number | null | undefined };

export function rowsToCsv<Row>(columns: CsvColumn<Row>[], rows: Row[]): string {
  return toCsv(
    columns.map((column) => column.header),
    rows.map((row) => columns.map((column) => column.value(row)))
  );
}

/** "Leernetwerk voorjaar 2027" → "leernetwerk-voorjaar-2027", safe in a Content-Disposition file name. */
export function fileSlug(text: string): string {
  return (
    text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "export"
  );
}

export function csvResponse(csv: string, filename: string): Response {
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}

// CSV that Dutch Excel opens correctly with a double click: UTF-8 with a byte-order mark (otherwise Excel
// guesses Windows-1252 and "Súdwest-Fryslân" turns into garbage), ";" between fields (Excel in the nl-NL
// locale expects a semicolon, because the comma is the decimal separator there), CRLF line ends, and
// RFC 4180 quoting. Cells that Excel would run as a formula are defused (OWASP "CSV injection"). Written
// with csv-stringify.

import { stringify } from "csv-stringify/sync";

export const CSV_SEPARATOR = ";";

export type CsvValue = string | number | null | undefined;

/**
 * A whole file: header row plus data rows, with the byte-order mark in front. A cell is quoted when it holds
 * the separator, a quote, a line break or outer spaces; text that Excel would run as a formula (starting
 * with =, +, -, @, a tab or a carriage return) gets a leading apostrophe. Numbers are data, not something a
 * person typed, so a negative number stays as it is.
 */
export function toCsv(header: string[], rows: CsvValue[][]): string {
  return stringify([header, ...rows], {
    bom: true,
    delimiter: CSV_SEPARATOR,
    record_delimiter: "windows",
    // Without this a lone "\n" in a cell would go unquoted once record_delimiter is set.
    quote_record_delimiter: true,
    escape_formulas: true,
    quoted_match: [/^\s|\s$/],
  });
}

/** A column of an export: its heading and how to read it from a row. */
export type CsvColumn<Row> = { header: string; value: (row: Row) => CsvValue };

export function rowsToCsv<Row>(columns: CsvColumn<Row>[], rows: Row[]): string {
  return toCsv(
    columns.map((column) => column.header),
    rows.map((row) => columns.map((column) => column.value(row))),
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

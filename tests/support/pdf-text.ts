// Reads the text on the pages of a PDF made with the standard fonts (pdfkit): enough for a test to find a name.
import { inflateSync } from "node:zlib";

/** The text shown on the pages of a PDF: the hex strings of its (inflated) content streams, as Latin-1. */
export function pdfText(bytes: Uint8Array): string {
  const raw = Buffer.from(bytes).toString("latin1");
  const texts: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content = match[1]!;
    try {
      content = inflateSync(Buffer.from(content, "latin1")).toString("latin1");
    } catch {
      // not compressed
    }
    for (const hex of content.matchAll(/<([0-9a-fA-F]+)>/g)) texts.push(Buffer.from(hex[1]!, "hex").toString("latin1"));
  }
  return texts.join("");
}

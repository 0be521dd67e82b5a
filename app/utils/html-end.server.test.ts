import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { holdBackDocumentEnd } from "./html-end.server.ts";

async function through(chunks: (string | Buffer)[]): Promise<string> {
  const stream = holdBackDocumentEnd();
  const out = new PassThrough();
  stream.pipe(out);
  const parts: Buffer[] = [];
  out.on("data", (part: Buffer) => parts.push(Buffer.from(part)));
  const done = new Promise((resolve) => out.on("end", resolve));
  for (const chunk of chunks) stream.write(chunk);
  stream.end();
  await done;
  return Buffer.concat(parts).toString("utf8");
}

describe("holdBackDocumentEnd", () => {
  it("moves scripts streamed after the shell inside <body>", async () => {
    const html = await through([
      "<!DOCTYPE html><html><body><main>één</main>",
      "</body></html>",
      "<script>a()</script>",
      "<script>b()</script>",
    ]);
    expect(html).toBe(
      "<!DOCTYPE html><html><body><main>één</main><script>a()</script><script>b()</script></body></html>",
    );
  });

  it("finds the closing tags split over chunks, and keeps multi-byte characters whole", async () => {
    const bytes = Buffer.from("<html><body>café</bo");
    const html = await through([bytes.subarray(0, 16), bytes.subarray(16), "dy></html><script>x</script>"]);
    expect(html).toBe("<html><body>café<script>x</script></body></html>");
  });

  it("leaves a document without the closing tags as it is", async () => {
    expect(await through(["<p>kort</p>"])).toBe("<p>kort</p>");
  });
});

// Reads and validates the structured self-scans in content/zelfscans/<scan-id>.yaml. Called by loadLibrary,
// so the scans are cached with the rest of the content and checked by `npm run content:check` (schema,
// source key, the background link, and the copy check against the seeds).
import path from "node:path";
import type { Source } from "./frontmatter.ts";
import { normaliseScan, selfScanFileSchema, type SelfScan } from "./self-scan-schema.ts";
import { type ContentProblem, readYamlFolder } from "./yaml-files.server.ts";

export const SELF_SCAN_DIR = "zelfscans";

type Problem = ContentProblem;

export function loadSelfScans(
  directory: string,
  sources: Record<string, Source>,
  relative: (file: string) => string,
): {
  scans: SelfScan[];
  errors: Problem[];
  texts: { file: string; text: string }[];
  links: { file: string; href: string; line: number }[];
} {
  const scans: SelfScan[] = [];
  const texts: { file: string; text: string }[] = [];
  const links: { file: string; href: string; line: number }[] = [];
  const { files, errors } = readYamlFolder(path.join(directory, SELF_SCAN_DIR), selfScanFileSchema, {
    relative,
    what: "een zelfscan",
    example: "naam-van-de-scan",
  });
  for (const { id, label, data } of files) {
    const source = sources[data.source];
    if (!source) errors.push({ file: label, message: `onbekende bron "${data.source}" (zie content/bronnen.yaml)` });
    if (data.lesson) links.push({ file: label, href: data.lesson, line: 1 });
    const scan = normaliseScan(id, data, source?.title ?? "");
    scans.push(scan);
    texts.push({ file: label, text: scanText(scan) });
  }
  scans.sort((a, b) => a.order - b.order);
  const orders = new Set<number>();
  for (const scan of scans) {
    if (orders.has(scan.order))
      errors.push({
        file: `content/${SELF_SCAN_DIR}/${scan.id}.yaml`,
        message: `order ${scan.order} wordt al door een andere zelfscan gebruikt`,
      });
    orders.add(scan.order);
  }
  return { scans, errors, texts, links };
}

/** Everything a reader sees of a scan, for the check that nothing is copied from the seeds. */
function scanText(scan: SelfScan): string {
  const parts = [scan.title, scan.summary];
  for (const section of scan.sections) {
    parts.push(section.title, section.intro ?? "");
    if (section.scale) parts.push(section.scale.minLabel, section.scale.maxLabel);
    for (const question of section.questions) {
      parts.push(question.text, question.hint ?? "");
      if (question.type === "ladder")
        question.rungs.forEach((rung) => {
          parts.push(rung.label, rung.description);
        });
    }
  }
  return parts.filter(Boolean).join("\n");
}

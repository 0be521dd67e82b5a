// Reads and validates the structured self-scans in content/zelfscans/<scan-id>.yaml. Called by loadLibrary,
// so the scans are cached with the rest of the content and checked by `npm run content:check` (schema,
// source key, the background link, and the copy check against the seeds).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { describeZodError, type Source } from "./frontmatter.ts";
import { normaliseScan, selfScanFileSchema, type SelfScan } from "./self-scan-schema.ts";

export const SELF_SCAN_DIR = "zelfscans";
const SCAN_FILE = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.yaml$/;

type Problem = { file: string; line?: number; message: string };

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
  const scanDir = path.join(directory, SELF_SCAN_DIR);
  const scans: SelfScan[] = [];
  const errors: Problem[] = [];
  const texts: { file: string; text: string }[] = [];
  const links: { file: string; href: string; line: number }[] = [];
  let names: string[];
  try {
    names = readdirSync(scanDir).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { scans, errors, texts, links };
    throw error;
  }
  for (const name of names) {
    const file = path.join(scanDir, name);
    const label = relative(file);
    const match = SCAN_FILE.exec(name);
    if (!match) {
      errors.push({ file: label, message: "bestandsnaam van een zelfscan: naam-van-de-scan.yaml" });
      continue;
    }
    let raw: unknown;
    try {
      raw = parseYaml(readFileSync(file, "utf8"));
    } catch (error) {
      errors.push({ file: label, message: `geen geldige YAML: ${(error as Error).message}` });
      continue;
    }
    const parsed = selfScanFileSchema.safeParse(raw);
    if (!parsed.success) {
      describeZodError(parsed.error).forEach((message) => {
        errors.push({ file: label, message });
      });
      continue;
    }
    const source = sources[parsed.data.source];
    if (!source)
      errors.push({ file: label, message: `onbekende bron "${parsed.data.source}" (zie content/bronnen.yaml)` });
    if (parsed.data.lesson) links.push({ file: label, href: parsed.data.lesson, line: 1 });
    const scan = normaliseScan(match[1]!, parsed.data, source?.title ?? "");
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

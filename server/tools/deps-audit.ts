// `npm run deps:audit`: the production dependencies checked against the registry's security advisories
// (`npm audit --omit=dev --json`, at most 60 s). High or critical findings fail (exit 1); lower ones are
// listed. When the advisory data cannot be reached (offline, a registry mirror that answers 405, a
// timeout) the step says it was skipped and passes: it cannot judge, and must not block the other tests.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";

export type AuditOutcome = { outcome: "passed" | "failed" | "skipped"; lines: string[] };

type Advisory = { title?: string; url?: string; severity?: string };
type Vulnerability = {
  name: string;
  severity: string;
  range?: string;
  via?: (Advisory | string)[];
  fixAvailable?: unknown;
};
type Report = {
  vulnerabilities?: Record<string, Vulnerability>;
  metadata?: { vulnerabilities?: Record<string, number> };
  error?: { code?: string; summary?: string };
  message?: string;
  statusCode?: number;
};

const FAILING = new Set(["high", "critical"]);

/** Judges what `npm audit --json` printed (pure: tested in deps-audit.test.ts). */
export function judgeAudit(stdout: string, problem?: string): AuditOutcome {
  if (problem) return { outcome: "skipped", lines: [`Audit overgeslagen: ${problem}`] };
  let report: Report;
  try {
    report = JSON.parse(stdout) as Report;
  } catch {
    return { outcome: "skipped", lines: ["Audit overgeslagen: npm audit gaf geen leesbaar antwoord."] };
  }
  const counts = report.metadata?.vulnerabilities;
  if (report.error || !counts) {
    const reason = report.message || report.error?.summary || report.error?.code || "onbekende fout";
    return {
      outcome: "skipped",
      lines: [`Audit overgeslagen: de advisory-gegevens van het register zijn niet bereikbaar (${reason}).`],
    };
  }
  const found = Object.values(report.vulnerabilities ?? {});
  const lines = found
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((vulnerability) => {
      const advisories = (vulnerability.via ?? [])
        .filter((via): via is Advisory => typeof via === "object")
        .map((via) => `${via.title ?? "?"} ${via.url ?? ""}`.trim());
      const via = advisories.length ? `: ${advisories.join("; ")}` : "";
      return `  ${vulnerability.severity.padEnd(8)} ${vulnerability.name} ${vulnerability.range ?? ""}${via}`;
    });
  const summary = ["info", "low", "moderate", "high", "critical"]
    .map((severity) => `${severity} ${counts[severity] ?? 0}`)
    .join(", ");
  const failing = found.filter((vulnerability) => FAILING.has(vulnerability.severity));
  if (failing.length > 0) {
    return {
      outcome: "failed",
      lines: [
        `Audit: ${failing.length} pakket(ten) met een hoog of kritiek beveiligingsprobleem (${summary}).`,
        ...lines,
      ],
    };
  }
  return { outcome: "passed", lines: [`Audit: geen hoge of kritieke bevindingen (${summary}).`, ...lines] };
}

function runAudit(): AuditOutcome {
  const root = path.resolve(import.meta.dirname, "../..");
  const result = spawnSync("npm", ["audit", "--omit=dev", "--json"], {
    cwd: root,
    encoding: "utf8",
    timeout: 60_000,
    maxBuffer: 32 * 1024 * 1024,
    env: { ...process.env, npm_config_update_notifier: "false" },
  });
  if (result.error) {
    const timedOut = (result.error as NodeJS.ErrnoException).code === "ETIMEDOUT";
    return judgeAudit(
      "",
      timedOut ? "npm audit duurde langer dan 60 s." : `npm audit startte niet (${result.error.message}).`,
    );
  }
  return judgeAudit(result.stdout);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { outcome, lines } = runAudit();
  for (const line of lines) (outcome === "failed" ? console.error : console.log)(line);
  process.exit(outcome === "failed" ? 1 : 0);
}

import { describe, expect, it } from "vitest";
import { judgeAudit } from "./deps-audit.ts";

const report = (vulnerabilities: Record<string, { severity: string }>) =>
  JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities: Object.fromEntries(
      Object.entries(vulnerabilities).map(([name, { severity }]) => [
        name,
        {
          name,
          severity,
          range: "<2.0.0",
          via: [{ title: `Probleem in ${name}`, url: `https://github.com/advisories/GHSA-${name}`, severity }],
          fixAvailable: true,
        },
      ]),
    ),
    metadata: {
      vulnerabilities: {
        info: 0,
        low: 0,
        moderate: Object.values(vulnerabilities).filter((v) => v.severity === "moderate").length,
        high: Object.values(vulnerabilities).filter((v) => v.severity === "high").length,
        critical: Object.values(vulnerabilities).filter((v) => v.severity === "critical").length,
      },
    },
  });

describe("judgeAudit (npm run deps:audit)", () => {
  it("fails on a high or critical finding, naming the package and the advisory", () => {
    const judged = judgeAudit(report({ "een-pakket": { severity: "high" }, ander: { severity: "moderate" } }));
    expect(judged.outcome).toBe("failed");
    expect(judged.lines.join("\n")).toContain(
      "een-pakket <2.0.0: Probleem in een-pakket https://github.com/advisories/GHSA-een-pakket",
    );
    expect(judgeAudit(report({ x: { severity: "critical" } })).outcome).toBe("failed");
  });

  it("passes with only lower findings or none", () => {
    expect(judgeAudit(report({ ander: { severity: "moderate" } })).outcome).toBe("passed");
    expect(judgeAudit(report({}))).toEqual({
      outcome: "passed",
      lines: ["Audit: geen hoge of kritieke bevindingen (info 0, low 0, moderate 0, high 0, critical 0)."],
    });
  });

  it("is skipped, and passes, when the advisory data cannot be reached", () => {
    // What this registry mirror answers.
    const mirror = JSON.stringify({
      message: "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk",
      statusCode: 405,
      error: { summary: "", detail: "" },
    });
    expect(judgeAudit(mirror)).toEqual({
      outcome: "skipped",
      lines: [
        "Audit overgeslagen: de advisory-gegevens van het register zijn niet bereikbaar (405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk).",
      ],
    });
    expect(judgeAudit(JSON.stringify({ error: { code: "ENOTFOUND", summary: "getaddrinfo ENOTFOUND" } })).outcome).toBe(
      "skipped",
    );
    expect(judgeAudit("npm ERR! something").outcome).toBe("skipped");
    expect(judgeAudit("", "npm audit duurde langer dan 60 s.").outcome).toBe("skipped");
  });
});

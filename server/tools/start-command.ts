// How a web process is started: the Node arguments of `npm start` (package.json's "start" script), so that
// the cluster (server/tools/cluster.ts), the benchmark (tests/bench/pages.ts) and Playwright
// (playwright.config.ts) run the web server as production does, V8 settings included. The benchmark reads
// them from the checkout it measures, so a comparison with an older checkout starts that one as it was
// started then.
import { readFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

/** The arguments after `node` in the "start" script of appDir's package.json (e.g. `--import tsx server/index.ts`). */
export function webServerNodeArgs(appDir = root): string[] {
  const manifest = JSON.parse(readFileSync(path.join(appDir, "package.json"), "utf8")) as {
    scripts?: Record<string, string>;
  };
  const start = manifest.scripts?.start ?? "";
  const match = /(?:^|\s)node\s+(.+)$/.exec(start);
  const args = match?.[1]?.trim().split(/\s+/) ?? [];
  if (args.at(-1) !== "server/index.ts")
    throw new Error(`package.json's "start" script does not run "node … server/index.ts": ${JSON.stringify(start)}`);
  return args;
}

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { webServerNodeArgs } from "./start-command.ts";

const folders: string[] = [];
function checkoutWithStart(start: string | undefined): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "start-command-"));
  folders.push(dir);
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ scripts: start === undefined ? {} : { start } }));
  return dir;
}
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("webServerNodeArgs (how npm start runs the web server)", () => {
  it("gives this checkout's Node arguments, with the young generation sized for a server (issue 18)", () => {
    const args = webServerNodeArgs();
    expect(args.slice(-3)).toEqual(["--import", "tsx", "server/index.ts"]);
    expect(args).toContain("--max-semi-space-size=64");
  });

  it("reads another checkout's start script as it is (an older one without V8 settings)", () => {
    const dir = checkoutWithStart("NODE_ENV=production node --import tsx server/index.ts");
    expect(webServerNodeArgs(dir)).toEqual(["--import", "tsx", "server/index.ts"]);
  });

  it("refuses a start script that does not run the web server with node", () => {
    expect(() => webServerNodeArgs(checkoutWithStart("remix-serve build/server/index.js"))).toThrow(/start/);
    expect(() => webServerNodeArgs(checkoutWithStart(undefined))).toThrow(/start/);
  });
});

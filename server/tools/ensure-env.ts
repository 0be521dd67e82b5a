// Creates .env with a random SESSION_SECRET the first time the demo starts, so production mode works
// on a fresh machine without any manual step. An existing .env is left alone.
import { randomBytes } from "node:crypto";
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";

const file = path.resolve(import.meta.dirname, "../../.env");
if (existsSync(file)) {
  console.log(".env bestaat al; niets gewijzigd.");
} else {
  writeFileSync(
    file,
    [
      "# Created by `npm run demo`. See README.md for all variables.",
      `SESSION_SECRET=${randomBytes(32).toString("hex")}`,
      "PORT=3000",
      "",
    ].join("\n"),
    { mode: 0o600 },
  );
  console.log(".env aangemaakt met een willekeurige SESSION_SECRET.");
}

// Creates .env with a random SESSION_SECRET the first time the demo starts, so production mode works
// on a fresh machine without any manual step. The demo runs in demo mode (the demo data and the published
// demo password are allowed) and keeps e-mail in the outbox: an existing .env gets those two settings added
// when it has no value for them yet, and is otherwise left alone.
import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const DEMO_SETTINGS = ["DEMO_MODE=true", "EMAIL_OUTBOX_ONLY=true"];

const file = path.resolve(import.meta.dirname, "../../.env");
if (existsSync(file)) {
  const present = readFileSync(file, "utf8");
  const missing = DEMO_SETTINGS.filter((line) => !new RegExp(`^\\s*${line.split("=")[0]}=`, "m").test(present));
  if (missing.length === 0) {
    console.log(".env bestaat al; niets gewijzigd.");
  } else {
    appendFileSync(file, `${present.endsWith("\n") || present === "" ? "" : "\n"}${missing.join("\n")}\n`);
    console.log(`.env bestaat al; toegevoegd voor de demo: ${missing.join(", ")}.`);
  }
} else {
  writeFileSync(
    file,
    [
      "# Created by `npm run demo`. See README.md for all variables.",
      `SESSION_SECRET=${randomBytes(32).toString("hex")}`,
      "PORT=3000",
      "# The demo: demo data and the published demo password allowed, e-mail kept in the outbox.",
      ...DEMO_SETTINGS,
      "",
    ].join("\n"),
    { mode: 0o600 },
  );
  console.log(".env aangemaakt met een willekeurige SESSION_SECRET, in demomodus.");
}

// Creates a new migration from the difference between prisma/migrations and prisma/schema.prisma, or
// checks that they agree, without a database server:
//   npm run db:migration -- <name>   writes prisma/migrations/<timestamp>_<name>/migration.sql
//   npm run db:drift                 exits 0 when in sync, 2 when the schema is ahead, 1 when broken
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const migrationsDir = path.join(root, "prisma/migrations");
const prismaBin = path.join(root, "node_modules/.bin/prisma");

function diff(extraArgs: string[]) {
  return spawnSync(
    prismaBin,
    [
      "migrate",
      "diff",
      "--from-migrations",
      "prisma/migrations",
      "--to-schema-datamodel",
      "prisma/schema.prisma",
      ...extraArgs,
    ],
    { cwd: root, encoding: "utf8", env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" } },
  );
}

function ensureLockFile() {
  mkdirSync(migrationsDir, { recursive: true });
  const lock = path.join(migrationsDir, "migration_lock.toml");
  if (!existsSync(lock)) writeFileSync(lock, 'provider = "postgresql"\n');
}

const [command, name] = process.argv.slice(2);
ensureLockFile();

if (command === "check") {
  const result = diff(["--exit-code"]);
  if (result.status === 0) {
    console.log("Schema en migraties zijn in overeenstemming (schema and migrations agree).");
  } else if (result.status === 2) {
    console.error(
      "Het schema wijkt af van de migraties (schema is ahead of migrations). Run: npm run db:migration -- <naam>\n" +
        result.stdout,
    );
  } else {
    console.error(result.stdout, result.stderr);
  }
  process.exit(result.status ?? 1);
} else if (command === "create") {
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    console.error("Geef een naam in kleine letters, cijfers en _ (give a snake_case name).");
    process.exit(1);
  }
  const result = diff(["--script"]);
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr);
    process.exit(result.status ?? 1);
  }
  const sql = result.stdout;
  if (sql.trim() === "" || sql.includes("This is an empty migration")) {
    console.log("Geen wijzigingen: er is geen migratie nodig (no changes).");
    process.exit(0);
  }
  const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const dir = path.join(migrationsDir, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), sql);
  console.log(`Nieuwe migratie: ${path.relative(root, dir)}/migration.sql`);
} else {
  console.error("Gebruik (usage): tsx prisma/tools/migrations.ts create <name> | check");
  process.exit(1);
}

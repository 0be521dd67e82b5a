// Prepares the database (embedded PGlite by default, or DATABASE_URL) and fills it with the demo data
// when it is still empty. Run: npm run db:seed
import path from "node:path";
import { existsSync } from "node:fs";
import { demoSeedRefusal } from "../app/auth/demo.ts";
import { startDatabase } from "../server/database/index.ts";

const root = path.resolve(import.meta.dirname, "..");
if (existsSync(path.join(root, ".env"))) process.loadEnvFile(path.join(root, ".env"));

const refusal = demoSeedRefusal(process.env);
if (refusal) {
  console.error(refusal);
  process.exit(1);
}

const database = await startDatabase({
  databaseUrl: process.env.DATABASE_URL,
  pgliteDataDir: path.resolve(root, process.env.PGLITE_DATA_DIR ?? "data/pglite"),
  log: console.log,
});
const { prisma } = await import("../app/utils/db.server.ts");
const { seedDemo, demoLogins } = await import("./demo-data.ts");
try {
  const users = await prisma.user.count();
  if (users > 0) {
    console.log(`De database heeft al gegevens (${users} gebruikers); de demo wordt niet opnieuw aangemaakt.`);
  } else {
    const started = Date.now();
    await seedDemo(prisma);
    console.log(`Demogegevens aangemaakt in ${Date.now() - started} ms.`);
    console.log(`Inloggen met wachtwoord "${demoLogins.password}" als:`);
    console.log(`  coördinator: ${demoLogins.coordinator}`);
    console.log(`  begeleider:  ${demoLogins.facilitator}`);
    console.log(`  deelnemer:   ${demoLogins.participant}`);
  }
} finally {
  await prisma.$disconnect();
  await database.stop();
}

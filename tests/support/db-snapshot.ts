// A fingerprint of every table (row count and a hash of all rows), to show that a refused or malformed
// request changed nothing. Sessions are left out: signing in to make the request adds one.
import { prisma } from "~/utils/db.server.ts";

const SKIPPED = new Set(["_prisma_migrations", "Session"]);
let tables: string[] | undefined;

export async function snapshot(): Promise<Map<string, string>> {
  tables ??= (
    await prisma.$queryRawUnsafe<{ name: string }[]>(
      "SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1",
    )
  )
    .map((row) => row.name)
    .filter((name) => !SKIPPED.has(name));
  const sql = tables
    .map(
      (name) =>
        `SELECT '${name}' AS name, count(*)::text || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS print FROM "${name}" t`,
    )
    .join(" UNION ALL ");
  const rows = await prisma.$queryRawUnsafe<{ name: string; print: string }[]>(sql);
  return new Map(rows.map((row) => [row.name, row.print]));
}

/** The tables whose rows differ between two snapshots. */
export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...before.keys()].filter((name) => before.get(name) !== after.get(name));
}

// Every column type the schema uses must read back the same on the embedded PGlite and on a real
// PostgreSQL: this file runs on both (see tests/run-all.sh). Types: uuid, text, nullable text, integer,
// boolean, timestamptz(3), date, jsonb, enums, plus relation filters, transactions and raw SQL.
import { expect, it } from "vitest";
import { prisma } from "~/utils/db.server.ts";

it(`round-trips every column type (${process.env.TEST_DATABASE_KIND})`, async () => {
  const instant = new Date("2027-03-28T00:59:59.123Z"); // one second before summer time starts
  const cohort = await prisma.cohort.create({
    data: {
      slug: "types",
      name: "Ervaringskennis: ‘quotes’, emoji 🌱 en ë",
      startsOn: new Date("2027-04-01T00:00:00Z"),
      endsOn: new Date("2027-09-30T00:00:00Z"),
      capacity: 2_147_483_647,
      status: "RUNNING",
      sessions: {
        create: {
          number: 1,
          title: "S",
          startsAt: instant,
          endsAt: new Date(instant.getTime() + 3_600_000),
          format: "HYBRID",
          location: null,
        },
      },
    },
    include: { sessions: true },
  });
  expect(cohort.id).toMatch(/^[0-9a-f-]{36}$/);
  expect(cohort.name).toBe("Ervaringskennis: ‘quotes’, emoji 🌱 en ë");
  expect(cohort.capacity).toBe(2_147_483_647);
  expect(cohort.status).toBe("RUNNING");
  expect(cohort.startsOn.toISOString()).toBe("2027-04-01T00:00:00.000Z");
  expect(cohort.sessions[0]!.startsAt.toISOString()).toBe("2027-03-28T00:59:59.123Z");
  expect(cohort.sessions[0]!.location).toBeNull();
  expect(cohort.sessions[0]!.format).toBe("HYBRID");

  const user = await prisma.user.create({ data: { email: "types@test.nl", name: "T", role: "PARTICIPANT" } });
  const audit = await prisma.auditLog.create({
    data: {
      actorId: user.id,
      action: "test",
      entityType: "Cohort",
      details: { nested: { list: [1, "twee", null, true], n: 1.5 }, tekst: "é" },
    },
  });
  expect(audit.details).toEqual({ nested: { list: [1, "twee", null, true], n: 1.5 }, tekst: "é" });
  const byJson = await prisma.auditLog.findMany({ where: { details: { path: ["tekst"], equals: "é" } } });
  expect(byJson.map((row) => row.id)).toEqual([audit.id]);

  const attempt = await prisma.loginAttempt.create({ data: { email: "x@test.nl", succeeded: false } });
  expect(attempt.succeeded).toBe(false);

  // Enum filters, relation filters, counts and ordering.
  const found = await prisma.cohort.findMany({
    where: { status: { in: ["RUNNING", "CLOSED"] }, sessions: { some: { format: "HYBRID" } } },
    select: { id: true, _count: { select: { sessions: true } } },
  });
  expect(found).toEqual([{ id: cohort.id, _count: { sessions: 1 } }]);

  // An interactive transaction that fails rolls back.
  await expect(
    prisma.$transaction(async (tx) => {
      await tx.municipality.create({ data: { name: "Terugdraaidorp" } });
      throw new Error("stop");
    }),
  ).rejects.toThrow("stop");
  expect(await prisma.municipality.count({ where: { name: "Terugdraaidorp" } })).toBe(0);

  // A unique violation is reported as Prisma's P2002.
  await expect(
    prisma.user.create({ data: { email: "types@test.nl", name: "T2", role: "PARTICIPANT" } }),
  ).rejects.toMatchObject({
    code: "P2002",
  });

  const raw = await prisma.$queryRaw<
    { d: Date; n: number }[]
  >`SELECT "startsOn" AS d, capacity AS n FROM "Cohort" WHERE id = ${cohort.id}::uuid`;
  expect(raw[0]!.d.toISOString()).toBe("2027-04-01T00:00:00.000Z");
  expect(raw[0]!.n).toBe(2_147_483_647);
});

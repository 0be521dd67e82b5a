import { describe, expect, it } from "vitest";
import { createCohort, createEnrollment, createUser } from "../../prisma/factories.ts";
import { prisma } from "~/utils/db.server.ts";
import { attendanceExport } from "./cohort-export.server.ts";

describe("attendance export", () => {
  it("has one column per session with the status (and reason), blank when not filled in, and is audited", async () => {
    const coordinator = await createUser(prisma, { role: "COORDINATOR" });
    const cohort = await createCohort(prisma, {
      slug: "export-test",
      sessions: [
        { number: 1, title: "Start", date: "2030-03-12", start: "10:00", end: "12:00", format: "ONLINE" },
        { number: 2, title: "Vervolg", date: "2030-04-09", start: "10:00", end: "12:00", format: "ONLINE" },
        { number: 3, title: "Afsluiting", date: "2030-05-14", start: "10:00", end: "12:00", format: "ONLINE" },
      ],
    });
    const { members } = await createEnrollment(prisma, {
      cohortId: cohort.id,
      municipality: "Ede",
      members: [
        { name: "Anna de Wit", function: "BELEIDSMEDEWERKER" },
        { name: "Bram Smit", function: "LEIDINGGEVENDE" },
      ],
    });
    const sessions = await prisma.cohortSession.findMany({
      where: { cohortId: cohort.id },
      orderBy: { number: "asc" },
    });
    await prisma.attendance.createMany({
      data: [
        { sessionId: sessions[0]!.id, userId: members[0]!.id, status: "PRESENT" },
        { sessionId: sessions[0]!.id, userId: members[1]!.id, status: "SIGNED_OFF", reason: "Ziek; koorts" },
        { sessionId: sessions[1]!.id, userId: members[0]!.id, status: "ABSENT" },
      ],
    });
    await prisma.cohortSession.update({ where: { id: sessions[2]!.id }, data: { cancelledAt: new Date() } });

    const result = (await attendanceExport(cohort.id, coordinator))!;
    expect(result.filename).toBe("aanwezigheid-export-test.csv");
    const lines = result.csv
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines).toEqual([
      "Gemeente;Naam;E-mailadres;Functie;1. Start (12 maart 2030);2. Vervolg (9 april 2030);3. Afsluiting (14 mei 2030)",
      `Ede;Anna de Wit;${members[0]!.email};Beleidsmedewerker;Aanwezig;Afwezig;Gaat niet door`,
      `Ede;Bram Smit;${members[1]!.email};Leidinggevende;"Afgemeld: Ziek; koorts";;Gaat niet door`,
    ]);
    expect(
      await prisma.auditLog.count({
        where: { action: "cohort.export_attendance", entityId: cohort.id, actorId: coordinator.id },
      }),
    ).toBe(1);
    expect(await attendanceExport("00000000-0000-4000-8000-000000000000", coordinator)).toBeNull();
  });
});

// The closing routine (issue 16): every step done and undone through the page's action, the certificate
// rule and the participant's own PDF, archiving and the read-only cohort after it. PGlite and PostgreSQL.
import { describe, expect, it } from "vitest";
import { addFacilitator, createCohort, createEnrollment, createUser } from "../../prisma/factories.ts";
import { pdfText } from "../../tests/support/pdf-text.ts";
import { args, dataOf, form, requestAs, statusOf, thrownResponse } from "../../tests/support/requests.ts";
import * as facilitatorsRoute from "~/routes/leernetwerken+/$cohortId+/begeleiders.tsx";
import * as cohortRoute from "~/routes/leernetwerken+/$cohortId+/_index/route.tsx";
import * as closingRoute from "~/routes/leernetwerken+/$cohortId+/afsluiten.tsx";
import * as certificatePage from "~/routes/leernetwerken+/$cohortId+/deelnamebewijs.tsx";
import * as certificatePdf from "~/routes/leernetwerken+/$cohortId+/deelnamebewijs[.]pdf.tsx";
import { requireIntervisionCase, requireOwnAssignment, requireOwnJournalEntry } from "~/auth/guards.server.ts";
import { prisma } from "~/utils/db.server.ts";
import {
  ARCHIVED_MESSAGE,
  certificateStatus,
  getClosingOverview,
  retentionEnd,
  setClosingStep,
} from "./cohort-closing.server.ts";

const past = (number: number, date: string) => ({
  number,
  title: `Bijeenkomst ${number}`,
  date,
  start: "13:00",
  end: "16:00",
  format: "ONLINE" as const,
});

async function world(options: { future?: boolean } = {}) {
  const coordinator = await createUser(prisma, { role: "COORDINATOR" });
  const facilitator = await createUser(prisma, { role: "FACILITATOR" });
  const cohort = await createCohort(prisma, {
    status: "RUNNING",
    startsOn: "2025-01-01",
    endsOn: "2025-06-30",
    sessions: [
      past(1, "2025-02-01"),
      past(2, "2025-03-01"),
      options.future ? past(3, "2099-04-01") : past(3, "2025-04-01"),
    ],
  });
  await addFacilitator(prisma, cohort.id, facilitator.id);
  const zwolle = await createEnrollment(prisma, {
    cohortId: cohort.id,
    municipality: `Zwolle ${cohort.id.slice(0, 6)}`,
    members: [
      { name: "Anouk Çelik", function: "BELEIDSMEDEWERKER" },
      { name: "Bram de Wit", function: "LEIDINGGEVENDE" },
    ],
  });
  const almere = await createEnrollment(prisma, {
    cohortId: cohort.id,
    municipality: `Almere ${cohort.id.slice(0, 6)}`,
    members: [{ name: "Chris Bos", function: "BELEIDSMEDEWERKER" }],
  });
  const sessions = await prisma.cohortSession.findMany({ where: { cohortId: cohort.id }, orderBy: { number: "asc" } });
  // Anouk: 3 sessions, Bram: 2, Chris: 1 (and signed off once).
  const present = (userId: string, sessionIndexes: number[]) =>
    prisma.attendance.createMany({
      data: sessionIndexes.map((i) => ({ sessionId: sessions[i]!.id, userId, status: "PRESENT" as const })),
    });
  const [anouk, bram] = zwolle.members as [(typeof zwolle.members)[0], (typeof zwolle.members)[0]];
  const chris = almere.members[0]!;
  await present(anouk.id, [0, 1, 2]);
  await present(bram.id, [0, 2]);
  await present(chris.id, [1]);
  await prisma.attendance.create({ data: { sessionId: sessions[0]!.id, userId: chris.id, status: "SIGNED_OFF" } });
  return { coordinator, facilitator, cohort, anouk, bram, chris, zwolle, almere };
}

const url = (cohortId: string, page = "afsluiten") => `http://localhost/leernetwerken/${cohortId}/${page}`;

async function post(userId: string, cohortId: string, body: Record<string, string>) {
  const request = await requestAs(userId, url(cohortId), form(body));
  return closingRoute.action(args(request, { cohortId }));
}

describe("closing a cohort", () => {
  it("certificate rule: at least the required number of sessions attended", () => {
    expect(certificateStatus(3, 3)).toEqual({ qualifies: true, reason: "Aanwezig bij 3, vereist 3." });
    expect(certificateStatus(2, 3)).toMatchObject({
      qualifies: false,
      reason: expect.stringContaining("1 bijeenkomst te weinig"),
    });
    expect(certificateStatus(0, 3).reason).toContain("3 bijeenkomsten te weinig");
    expect(certificateStatus(5, null).qualifies).toBe(false);
  });

  it("refuses the steps before the last session has taken place", async () => {
    const { cohort, coordinator } = await world({ future: true });
    await expect(setClosingStep({ cohortId: cohort.id, step: "selfScans", done: true }, coordinator)).rejects.toThrow(
      "pas na de laatste bijeenkomst",
    );
    const result = await post(coordinator.id, cohort.id, { intent: "done", step: "retention" });
    expect(statusOf(result)).toBe(400);
    expect(await prisma.cohortClosing.count({ where: { cohortId: cohort.id } })).toBe(0);
  });

  it("does and undoes each step, audited; the summary invitation e-mails the duos that have not published", async () => {
    const { cohort, coordinator, anouk, bram, chris, almere } = await world();
    await prisma.knowledgeArticle.create({
      data: { enrollmentId: almere.enrollment.id, title: "Gedeeld", themes: [], sections: [], searchText: "gedeeld" },
    });
    const closing = () => prisma.cohortClosing.findUniqueOrThrow({ where: { cohortId: cohort.id } });
    // Handed in but not yet approved: not shared in the overview, though no invitation is needed.
    const byDuo = async () =>
      Object.fromEntries((await getClosingOverview(cohort.id)).duos.map((duo) => [duo.enrollmentId, duo]));
    expect((await byDuo())[almere.enrollment.id]).toMatchObject({ published: false, summaryInReview: true });
    await prisma.knowledgeArticle.update({
      where: { enrollmentId: almere.enrollment.id },
      data: { reviewStatus: "APPROVED" },
    });
    expect((await byDuo())[almere.enrollment.id]).toMatchObject({ published: true, summaryInReview: false });

    expect(statusOf(await post(coordinator.id, cohort.id, { intent: "done", step: "selfScans" }))).toBe(302);
    expect((await closing()).selfScansCheckedAt).not.toBeNull();
    expect(statusOf(await post(coordinator.id, cohort.id, { intent: "undo", step: "selfScans" }))).toBe(302);
    expect((await closing()).selfScansCheckedAt).toBeNull();

    expect(statusOf(await post(coordinator.id, cohort.id, { intent: "done", step: "summaries" }))).toBe(302);
    expect((await closing()).summaryInvitedAt).not.toBeNull();
    const invitations = await prisma.emailMessage.findMany({ where: { kind: "summary-invitation" } });
    expect(invitations.map((m) => m.to).sort()).toEqual([anouk.email, bram.email].sort());
    expect(invitations.map((m) => m.to)).not.toContain(chris.email);
    expect(invitations[0]!.text).toContain("/aanpak/delen");
    await post(coordinator.id, cohort.id, { intent: "undo", step: "summaries" });
    expect((await closing()).summaryInvitedAt).toBeNull();

    const before = Date.now();
    await post(coordinator.id, cohort.id, { intent: "done", step: "retention" });
    const started = await closing();
    expect(started.retentionStartedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(started.retentionEndsAt).toEqual(retentionEnd(started.retentionStartedAt!, 12));
    await post(coordinator.id, cohort.id, { intent: "undo", step: "retention" });
    expect((await closing()).retentionEndsAt).toBeNull();

    const audit = await prisma.auditLog.findMany({
      where: { entityId: cohort.id, action: "cohort.closing.step" },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((entry) => entry.details)).toEqual([
      { step: "selfScans", done: true },
      { step: "selfScans", done: false },
      { step: "summaries", done: true, invited: 2 },
      { step: "summaries", done: false },
      { step: "retention", done: true },
      { step: "retention", done: false },
    ]);
    expect(audit.every((entry) => entry.actorId === coordinator.id)).toBe(true);
  });

  it("issues certificates to who attended enough: the page lists who qualifies and why not, each downloads their own PDF", async () => {
    const { cohort, coordinator, facilitator, anouk, bram, chris } = await world();
    const tooMany = await post(coordinator.id, cohort.id, { intent: "certificates", requiredSessions: "4" });
    expect(statusOf(tooMany)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string[]> }>(tooMany).fieldErrors.requiredSessions).toEqual([
      "Kies een aantal bijeenkomsten van 1 tot en met 3.",
    ]);
    const notANumber = await post(coordinator.id, cohort.id, { intent: "certificates", requiredSessions: "twee" });
    expect(statusOf(notANumber)).toBe(400);
    expect(dataOf<{ values: Record<string, string> }>(notANumber).values.requiredSessions).toBe("twee");

    expect(statusOf(await post(coordinator.id, cohort.id, { intent: "certificates", requiredSessions: "2" }))).toBe(
      302,
    );
    const overview = await getClosingOverview(cohort.id);
    const byName = Object.fromEntries(overview.participants.map((p) => [p.name, p]));
    expect(byName[anouk.name]).toMatchObject({ attended: 3, qualifies: true });
    expect(byName[bram.name]).toMatchObject({ attended: 2, qualifies: true });
    expect(byName[chris.name]).toMatchObject({ attended: 1, qualifies: false });
    expect(byName[chris.name]!.reason).toContain("1 bijeenkomst te weinig");

    const pdfOf = async (userId: string) =>
      certificatePdf.loader(
        args(await requestAs(userId, url(cohort.id, "deelnamebewijs.pdf")), { cohortId: cohort.id }),
      );
    const response = await pdfOf(anouk.id);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    const text = pdfText(bytes);
    expect(text).toContain("Anouk Çelik");
    expect(text).toContain(cohort.name);
    expect(text).not.toContain(bram.name);

    expect((await thrownResponse(() => pdfOf(chris.id)))?.status).toBe(404);
    expect((await thrownResponse(() => pdfOf(facilitator.id)))?.status).toBe(403);
    const page = async (userId: string) =>
      certificatePage.loader(args(await requestAs(userId, url(cohort.id, "deelnamebewijs")), { cohortId: cohort.id }));
    expect((await page(chris.id)).certificate).toMatchObject({ qualifies: false });

    await post(coordinator.id, cohort.id, { intent: "undo", step: "certificates" });
    expect((await thrownResponse(() => pdfOf(anouk.id)))?.status).toBe(404);
    expect((await thrownResponse(() => page(anouk.id)))?.status).toBe(404);
  });

  it("archiving makes the cohort read-only: every write is a 409 with a Dutch message, members still read it", async () => {
    const { cohort, coordinator, anouk, facilitator } = await world();
    const unconfirmed = await post(coordinator.id, cohort.id, { intent: "archive" });
    expect(statusOf(unconfirmed)).toBe(400);
    expect((await prisma.cohort.findUniqueOrThrow({ where: { id: cohort.id } })).archivedAt).toBeNull();

    expect(statusOf(await post(coordinator.id, cohort.id, { intent: "archive", confirm: "on" }))).toBe(302);
    const archived = await prisma.cohort.findUniqueOrThrow({ where: { id: cohort.id }, include: { closing: true } });
    expect(archived.status).toBe("CLOSED");
    expect(archived.archivedAt).not.toBeNull();
    expect(archived.closing?.retentionEndsAt).toEqual(retentionEnd(archived.closing!.retentionStartedAt!, 12));
    expect(await prisma.auditLog.count({ where: { entityId: cohort.id, action: "cohort.archived" } })).toBe(1);

    // Undo is no longer possible, nor any other write on the cohort's pages.
    const undo = await thrownResponse(() => post(coordinator.id, cohort.id, { intent: "undo", step: "retention" }));
    expect(undo?.status).toBe(409);
    expect(await undo!.text()).toBe(ARCHIVED_MESSAGE);
    const assign = await thrownResponse(async () =>
      facilitatorsRoute.action(
        args(
          await requestAs(
            coordinator.id,
            url(cohort.id, "begeleiders"),
            form({ intent: "remove", userId: facilitator.id }),
          ),
          { cohortId: cohort.id },
        ),
      ),
    );
    expect(assign?.status).toBe(409);
    expect(await prisma.cohortFacilitator.count({ where: { cohortId: cohort.id } })).toBe(1);

    // The participant's own pages outside the cohort's URLs are read-only too: assignment, journal, intervisie.
    const session = await prisma.cohortSession.findFirstOrThrow({ where: { cohortId: cohort.id } });
    const assignment = await prisma.assignment.create({
      data: { sessionId: session.id, title: "Opdracht", dueAt: session.startsAt },
    });
    const enrollment = await prisma.enrollment.findFirstOrThrow({ where: { members: { some: { userId: anouk.id } } } });
    const entry = await prisma.journalEntry.create({
      data: { authorId: anouk.id, enrollmentId: enrollment.id, writtenOn: new Date("2025-04-02"), body: "Tekst" },
    });
    const group = await prisma.intervisionGroup.create({
      data: { cohortId: cohort.id, name: "Groep", members: { create: [{ userId: anouk.id }] } },
    });
    const meeting = await prisma.intervisionMeeting.create({
      data: { groupId: group.id, startsAt: session.startsAt, endsAt: session.endsAt },
    });
    const item = await prisma.intervisionCase.create({
      data: { meetingId: meeting.id, authorId: anouk.id, title: "Casus", situation: "S", question: "V" },
    });
    const asAnouk = (method: string) =>
      requestAs(anouk.id, "http://localhost/", { method, body: method === "POST" ? "" : null });
    for (const guard of [
      async (method: string) => requireOwnAssignment(await asAnouk(method), assignment.id),
      async (method: string) => requireOwnJournalEntry(await asAnouk(method), entry.id),
      async (method: string) => requireIntervisionCase(await asAnouk(method), item.id),
    ]) {
      const refused = await thrownResponse(() => guard("POST"));
      expect(refused?.status).toBe(409);
      expect(await refused!.text()).toBe(ARCHIVED_MESSAGE);
      expect(await thrownResponse(() => guard("GET"))).toBeNull();
    }

    // Reading still works for the members.
    const read = await cohortRoute.loader(args(await requestAs(anouk.id, url(cohort.id, "")), { cohortId: cohort.id }));
    expect(read.cohort.id).toBe(cohort.id);
    const closingPage = await closingRoute.loader(
      args(await requestAs(coordinator.id, url(cohort.id)), { cohortId: cohort.id }),
    );
    expect(closingPage.cohort.archivedAt).not.toBeNull();
  });
});

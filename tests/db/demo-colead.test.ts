// The demo shows facilitators as co-leads (prisma/demo-colead.ts): a participant of the demo cohort sees on
// session 1's page who leads it, a PDF handout they can download and the report; session 2 has Marco as
// lead and is on his start page. Through the real loaders, signed in as the demo people.
import { describe, expect, it } from "vitest";
import { args, requestAs } from "../support/requests.ts";
import { loader as sessionLoader } from "~/routes/leernetwerken+/$cohortId+/bijeenkomsten+/$sessionId/route.tsx";
import { loader as handoutLoader } from "~/routes/leernetwerken+/$cohortId+/bijeenkomsten+/$sessionId_.hand-outs.$handoutId.ts";
import { listInbox } from "~/notifications/inbox.server.ts";
import { prisma } from "~/utils/db.server.ts";

describe("demo data for co-leads", () => {
  it("session 1 has its lead, a PDF handout and the report; Marco leads session 2", async () => {
    const { seedDemo, demoLogins } = await import("../../prisma/demo-data.ts");
    const { cohortId } = await seedDemo(prisma);
    const lisa = await prisma.user.findUniqueOrThrow({ where: { email: demoLogins.participant } });
    const sessions = await prisma.cohortSession.findMany({
      where: { cohortId },
      orderBy: { number: "asc" },
      select: { id: true, leader: { select: { name: true } } },
    });
    const base = `http://localhost/leernetwerken/${cohortId}/bijeenkomsten/${sessions[0]!.id}`;
    const page = await sessionLoader(args(await requestAs(lisa.id, base), { cohortId, sessionId: sessions[0]!.id }));
    expect(page.leader?.name).toBe("Fatima El Amrani");
    expect(page.handouts.map((handout) => handout.fileName)).toEqual(["Dia's bijeenkomst 1.pdf"]);
    expect(page.report?.agreements).toContain("Elk duo beschrijft voor bijeenkomst 2");
    expect(page.report?.updatedBy?.name).toBe("Fatima El Amrani");

    const download = await handoutLoader(
      args(await requestAs(lisa.id, `${base}/hand-outs/${page.handouts[0]!.id}`), {
        cohortId,
        sessionId: sessions[0]!.id,
        handoutId: page.handouts[0]!.id,
      }),
    );
    const bytes = new Uint8Array(await download.arrayBuffer());
    expect(download.headers.get("Content-Type")).toBe("application/pdf");
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
    expect(bytes.length).toBe(page.handouts[0]!.size);

    // Session 2 is Marco's; sessions 3 and 4 are left for the facilitators to prepare.
    expect(sessions.map((session) => session.leader?.name ?? null)).toEqual([
      "Fatima El Amrani",
      "Marco Jansen",
      null,
      null,
    ]);

    // Marco's announcement to the cohort is in Lisa's inbox, unread, and was e-mailed to her.
    const inbox = await listInbox(lisa.id);
    const announcement = inbox.find((item) => item.title === "Mededeling van Marco Jansen: Bijeenkomst 2 is online");
    expect(announcement?.readAt).toBeNull();
    expect(
      await prisma.emailMessage.count({
        where: { to: demoLogins.participant, subject: "Mededeling: Bijeenkomst 2 is online" },
      }),
    ).toBe(1);
  });
});

// The AVG pages through their loaders and actions (guards included): the download answers a ZIP; erasing
// one's own account needs the right password and the tick box; a coordinator erases on request (audited,
// without name); and afterwards the others' pages show "verwijderde deelnemer" where the name was.
import { describe, expect, it } from "vitest";
import { createUser, DEMO_PASSWORD } from "../../prisma/factories.ts";
import { appRequest } from "../support/app-requests.ts";
import { createCohortWorld } from "../support/cohort-world.ts";
import { args, dataOf, form, requestAs, statusOf } from "../support/requests.ts";
import { prisma } from "~/utils/db.server.ts";
import { loader as zipLoader } from "~/routes/_account+/account_.mijn-gegevens_.gegevens[.]zip.ts";
import { action as eraseOwnAction } from "~/routes/_account+/account_.verwijderen.tsx";
import { action as eraseUserAction } from "~/routes/beheer+/gebruikers.$userId.tsx";

type Refused = { fieldErrors: Record<string, string[]>; values: Record<string, string> };

describe("/account/mijn-gegevens/gegevens.zip", () => {
  it("answers a ZIP download that is not cached", async () => {
    const user = await createUser(prisma);
    const response = await zipLoader(
      args(await requestAs(user.id, "http://localhost/account/mijn-gegevens/gegevens.zip")),
    );
    expect(response.headers.get("Content-Type")).toBe("application/zip");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="leernetwerk-mijn-gegevens-/);
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]); // "PK\3\4"
  });
});

describe("/account/verwijderen", () => {
  it("refuses a wrong password or a missing tick, keeping the account; erases with both", async () => {
    const user = await createUser(prisma);
    const url = "http://localhost/account/verwijderen";
    const wrong = await eraseOwnAction(
      args(await requestAs(user.id, url, form({ intent: "erase", password: "fout", confirm: "on" }))),
    );
    expect(statusOf(wrong)).toBe(400);
    expect(dataOf<Refused>(wrong).fieldErrors.password).toEqual([
      "Je wachtwoord klopt niet. Je account is niet verwijderd.",
    ]);
    expect(dataOf<Refused>(wrong).values.password).toBeUndefined();
    const unticked = await eraseOwnAction(
      args(await requestAs(user.id, url, form({ intent: "erase", password: DEMO_PASSWORD }))),
    );
    expect(statusOf(unticked)).toBe(400);
    expect(dataOf<Refused>(unticked).fieldErrors.confirm).toHaveLength(1);
    expect(await prisma.user.count({ where: { id: user.id } })).toBe(1);

    const done = await eraseOwnAction(
      args(await requestAs(user.id, url, form({ intent: "erase", password: DEMO_PASSWORD, confirm: "on" }))),
    );
    expect(statusOf(done)).toBe(302);
    expect((done as Response).headers.get("Location")).toBe("/inloggen");
    expect(await prisma.user.count({ where: { id: user.id } })).toBe(0);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("/beheer/gebruikers/:userId", () => {
  it("a coordinator erases a duo member on request; the facilitator then reads 'verwijderde deelnemer' in the thread", async () => {
    const world = await createCohortWorld(prisma, { duos: 1 });
    const coordinator = await createUser(prisma, { role: "COORDINATOR" });
    const member = world.duos[0]!.members[0]!;
    const url = `http://localhost/beheer/gebruikers/${member.id}`;
    const unticked = await eraseUserAction(
      args(await requestAs(coordinator.id, url, form({ intent: "erase" })), { userId: member.id }),
    );
    expect(statusOf(unticked)).toBe(400);
    expect(await prisma.user.count({ where: { id: member.id } })).toBe(1);

    const done = await eraseUserAction(
      args(await requestAs(coordinator.id, url, form({ intent: "erase", confirm: "on" })), { userId: member.id }),
    );
    expect(statusOf(done)).toBe(302);
    expect(await prisma.user.count({ where: { id: member.id } })).toBe(0);
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { action: "account.erased", actorId: coordinator.id },
    });
    expect(audit.entityId).toBeNull();
    expect(JSON.stringify(audit.details)).not.toContain(member.name);

    // The duo's submission stays; the member's reply in its thread now shows "verwijderde deelnemer".
    const submission = await prisma.assignmentSubmission.findFirstOrThrow({
      where: { assignmentId: world.handedIn.id, enrollmentId: world.duos[0]!.enrollment.id },
    });
    const page = await appRequest(
      await requestAs(
        world.facilitator.id,
        `http://localhost/leernetwerken/${world.cohort.id}/opdrachten/${world.handedIn.id}/inzendingen/${submission.id}`,
      ),
    );
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("De cliëntenraad.");
    expect(html).toContain("verwijderde deelnemer");
    expect(html).not.toContain(member.name);
  });
});

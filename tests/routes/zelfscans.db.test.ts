// The self-scan pages through their loaders and actions (guards included): the access matrix per role and
// relation, unknown scans and moments, bad input kept with a Dutch message, completing with open questions,
// and the conflict answer when the partner saved in between.
import { describe, expect, it } from "vitest";
import { addFacilitator, createCohort, createEnrollment, createUser } from "../../prisma/factories.ts";
import { requestAs, form, args, statusOf, dataOf, statusOfCall } from "../support/requests.ts";
import { prisma } from "~/utils/db.server.ts";
import { loader as duoLoader } from "~/routes/leernetwerken+/$cohortId+/zelfscans+/duo.$enrollmentId.$scanId.tsx";
import {
  action as fillAction,
  loader as fillLoader,
} from "~/routes/leernetwerken+/$cohortId+/zelfscans+/$scanId.$moment/route.tsx";
import { loader as resultsLoader } from "~/routes/leernetwerken+/$cohortId+/zelfscans+/$scanId.resultaten.tsx";
import { loader as totalLoader } from "~/routes/leernetwerken+/$cohortId+/zelfscans+/$scanId.totaal.tsx";
import { loader as indexLoader } from "~/routes/leernetwerken+/$cohortId+/zelfscans+/_index/route.tsx";

async function setup() {
  const cohort = await createCohort(prisma, { sessions: [] });
  const other = await createCohort(prisma, { sessions: [] });
  const zwolle = await createEnrollment(prisma, {
    cohortId: cohort.id,
    members: [
      { name: "Lisa", function: "BELEIDSMEDEWERKER" },
      { name: "Erik", function: "LEIDINGGEVENDE" },
    ],
  });
  const deventer = await createEnrollment(prisma, {
    cohortId: cohort.id,
    members: [{ name: "Sophie", function: "BELEIDSMEDEWERKER" }],
  });
  const almere = await createEnrollment(prisma, {
    cohortId: other.id,
    members: [{ name: "Joost", function: "BELEIDSMEDEWERKER" }],
  });
  const marco = await createUser(prisma, { role: "FACILITATOR" });
  const anouk = await createUser(prisma, { role: "FACILITATOR" });
  const sanne = await createUser(prisma, { role: "COORDINATOR" });
  await addFacilitator(prisma, cohort.id, marco.id);
  await addFacilitator(prisma, other.id, anouk.id);
  return {
    cohort,
    zwolleId: zwolle.enrollment.id,
    lisa: zwolle.members[0]!,
    erik: zwolle.members[1]!,
    sophie: deventer.members[0]!,
    joost: almere.members[0]!,
    marco,
    anouk,
    sanne,
  };
}

describe("self-scan pages: who may open what", () => {
  it("follows the access matrix for every page", async () => {
    const { cohort, zwolleId, lisa, sophie, joost, marco, anouk, sanne } = await setup();
    const cohortId = cohort.id;
    const pages = {
      index: (userId: string) => async () => indexLoader(args(await requestAs(userId), { cohortId })),
      fill: (userId: string) => async () =>
        fillLoader(args(await requestAs(userId), { cohortId, scanId: "verkenning", moment: "intake" })),
      results: (userId: string) => async () =>
        resultsLoader(args(await requestAs(userId), { cohortId, scanId: "verkenning" })),
      duo: (userId: string) => async () =>
        duoLoader(args(await requestAs(userId), { cohortId, enrollmentId: zwolleId, scanId: "verkenning" })),
      total: (userId: string) => async () =>
        totalLoader(args(await requestAs(userId), { cohortId, scanId: "verkenning" })),
    };
    const expected: [string, string, Record<keyof typeof pages, number>][] = [
      ["Lisa (the duo)", lisa.id, { index: 200, fill: 200, results: 200, duo: 404, total: 403 }],
      ["Sophie (another duo)", sophie.id, { index: 200, fill: 200, results: 200, duo: 404, total: 403 }],
      ["Joost (another cohort)", joost.id, { index: 404, fill: 404, results: 404, duo: 404, total: 404 }],
      ["Marco (facilitator)", marco.id, { index: 200, fill: 403, results: 403, duo: 200, total: 200 }],
      ["Anouk (facilitator elsewhere)", anouk.id, { index: 404, fill: 404, results: 404, duo: 404, total: 404 }],
      ["Sanne (coordinator)", sanne.id, { index: 200, fill: 403, results: 403, duo: 403, total: 200 }],
    ];
    for (const [who, userId, statuses] of expected) {
      for (const [page, status] of Object.entries(statuses)) {
        expect(await statusOfCall(pages[page as keyof typeof pages](userId)), `${who} → ${page}`).toBe(status);
      }
    }
    // Sophie's own results page is about her own duo, never Zwolle's.
    const sophieResults = (await resultsLoader(
      args(await requestAs(sophie.id), { cohortId, scanId: "verkenning" }),
    )) as { municipality: string };
    expect(sophieResults.municipality).not.toBe("Zwolle");
    // The coordinator's overview carries counts only, no duos.
    const overview = (await indexLoader(args(await requestAs(sanne.id), { cohortId }))) as Record<string, unknown>;
    expect(overview.view).toBe("coordinator");
    expect(overview).not.toHaveProperty("duos");
  });

  it("answers 404 for an unknown scan, moment or duo", async () => {
    const { cohort, lisa, marco, zwolleId } = await setup();
    const cohortId = cohort.id;
    expect(
      await statusOfCall(async () =>
        fillLoader(args(await requestAs(lisa.id), { cohortId, scanId: "bestaat-niet", moment: "intake" })),
      ),
    ).toBe(404);
    expect(
      await statusOfCall(async () =>
        fillLoader(args(await requestAs(lisa.id), { cohortId, scanId: "verkenning", moment: "morgen" })),
      ),
    ).toBe(404);
    expect(
      await statusOfCall(async () =>
        duoLoader(args(await requestAs(marco.id), { cohortId, enrollmentId: "geen-uuid", scanId: "verkenning" })),
      ),
    ).toBe(404);
    expect(
      await statusOfCall(async () =>
        duoLoader(
          args(await requestAs(marco.id), { cohortId, enrollmentId: crypto.randomUUID(), scanId: "verkenning" }),
        ),
      ),
    ).toBe(404);
    expect(
      await statusOfCall(async () =>
        duoLoader(args(await requestAs(marco.id), { cohortId, enrollmentId: zwolleId, scanId: "x" })),
      ),
    ).toBe(404);
    expect(await statusOfCall(async () => indexLoader(args(await requestAs(lisa.id), { cohortId: "geen-uuid" })))).toBe(
      404,
    );
  });

  it("staff cannot post to a duo's scan", async () => {
    const { cohort, marco, sanne } = await setup();
    for (const user of [marco, sanne]) {
      const request = await requestAs(
        user.id,
        "http://localhost/",
        form({ intent: "save", version: "0", "steun.value": "3" }),
      );
      expect(
        await statusOfCall(async () =>
          fillAction(args(request, { cohortId: cohort.id, scanId: "verkenning", moment: "intake" })),
        ),
      ).toBe(403);
    }
    expect(await prisma.selfScanResponse.count({ where: { enrollment: { cohortId: cohort.id } } })).toBe(0);
  });
});

describe("self-scan form actions", () => {
  const params = (cohortId: string) => ({ cohortId, scanId: "verkenning", moment: "intake" });

  it("refuses a value outside the scale and keeps what was typed", async () => {
    const { cohort, lisa, zwolleId } = await setup();
    const request = await requestAs(
      lisa.id,
      "http://localhost/",
      form({ intent: "save", version: "0", "steun.value": "9", "steun.remark": "Mijn uitleg" }),
    );
    const result = await fillAction(args(request, params(cohort.id)));
    expect(statusOf(result)).toBe(400);
    const body = dataOf<{ fieldErrors: Record<string, string[]>; values: Record<string, string> }>(result);
    expect(body.fieldErrors["steun.value"]).toEqual(["Kies een waarde van 1 tot en met 5."]);
    expect(body.values["steun.remark"]).toBe("Mijn uitleg");
    expect(await prisma.selfScanResponse.count({ where: { enrollmentId: zwolleId } })).toBe(0);
  });

  it("keeps an incomplete 'afronden' as a draft and names what is missing", async () => {
    const { cohort, lisa, zwolleId } = await setup();
    const request = await requestAs(
      lisa.id,
      "http://localhost/",
      form({ intent: "complete", version: "0", "steun.value": "3" }),
    );
    const result = await fillAction(args(request, params(cohort.id)));
    expect(statusOf(result)).toBe(400);
    const body = dataOf<{ fieldErrors: Record<string, string[]>; draft: { version: number } }>(result);
    expect(body.draft.version).toBe(1);
    expect(Object.keys(body.fieldErrors)).toContain("besluit.choice");
    expect(body.fieldErrors["steun.value"]).toBeUndefined();
    const stored = await prisma.selfScanResponse.findFirstOrThrow({ where: { enrollmentId: zwolleId } });
    expect(stored.completedAt).toBeNull();
    expect(stored.answers).toEqual({ steun: { value: 3 } });
  });

  it("answers a save on an old version with 409 and the stored answers", async () => {
    const { cohort, lisa, erik, zwolleId } = await setup();
    const first = await fillAction(
      args(
        await requestAs(lisa.id, "http://localhost/", form({ intent: "save", version: "0", "steun.value": "2" })),
        params(cohort.id),
      ),
    );
    expect(statusOf(first)).toBe(302);
    const stale = await fillAction(
      args(
        await requestAs(erik.id, "http://localhost/", form({ intent: "save", version: "0", "steun.value": "5" })),
        params(cohort.id),
      ),
    );
    expect(statusOf(stale)).toBe(409);
    const body = dataOf<{ conflict: { answers: unknown; version: number }; values: Record<string, string> }>(stale);
    expect(body.conflict).toMatchObject({ answers: { steun: { value: 2 } }, version: 1 });
    expect(body.values["steun.value"]).toBe("5");
    // Saving again on the version just seen is a deliberate overwrite.
    const again = await fillAction(
      args(
        await requestAs(erik.id, "http://localhost/", form({ intent: "save", version: "1", "steun.value": "5" })),
        params(cohort.id),
      ),
    );
    expect(statusOf(again)).toBe(302);
    expect((await prisma.selfScanResponse.findFirstOrThrow({ where: { enrollmentId: zwolleId } })).answers).toEqual({
      steun: { value: 5 },
    });
  });

  it("autosaves a draft while typing, and answers a stale autosave with the stored answers (409), writing nothing", async () => {
    const { cohort, lisa, erik, zwolleId } = await setup();
    const autosave = async (userId: string, fields: Record<string, string>) =>
      fillAction(
        args(await requestAs(userId, "http://localhost/", form({ intent: "autosave", ...fields })), params(cohort.id)),
      );
    const first = await autosave(lisa.id, { version: "0", "steun.value": "4", "steun.remark": "Half af" });
    expect(statusOf(first)).toBe(200);
    expect(dataOf<{ status: string; version: number }>(first)).toMatchObject({ status: "saved", version: 1 });
    const stored = await prisma.selfScanResponse.findFirstOrThrow({ where: { enrollmentId: zwolleId } });
    expect(stored.answers).toEqual({ steun: { value: 4, remark: "Half af" } });
    expect(stored.completedAt).toBeNull();

    const stale = await autosave(erik.id, { version: "0", "steun.value": "1" });
    expect(statusOf(stale)).toBe(409);
    expect(dataOf<{ status: string; version: number; current: Record<string, string> }>(stale)).toEqual({
      status: "conflict",
      id: "verkenning",
      version: 1,
      current: { "steun.value": "4", "steun.remark": "Half af" },
    });
    expect((await prisma.selfScanResponse.findFirstOrThrow({ where: { enrollmentId: zwolleId } })).answers).toEqual({
      steun: { value: 4, remark: "Half af" },
    });
    // A value outside the scale is refused like a normal save: nothing stored changes.
    const wrong = await autosave(lisa.id, { version: "1", "steun.value": "9" });
    expect(statusOf(wrong)).toBe(400);
  });
});

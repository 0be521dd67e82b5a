// Applications (issue 19), through the routes' loaders and actions (guards included): the coordinator edits
// an application's intended duo (validated, version-checked, audited, only until admission or rejection; a
// facilitator or participant of the cohort is refused, an outsider gets 404); a full cohort offers its
// waiting list on the public form, the coordinator sees it in order of sign-up, admits from it when a place
// frees up, or makes it a normal application again.
import { describe, expect, it } from "vitest";
import { addFacilitator, createCohort, createEnrollment, createUser } from "../../prisma/factories.ts";
import { args, dataOf, form, requestAs, statusOf, statusOfCall } from "../support/requests.ts";
import { prisma } from "~/utils/db.server.ts";
import {
  action as applicationAction,
  loader as applicationLoader,
} from "~/routes/leernetwerken+/$cohortId+/aanmeldingen+/$applicationId/route.tsx";
import { loader as listLoader } from "~/routes/leernetwerken+/$cohortId+/aanmeldingen+/_index.tsx";
import { action as publicAction, loader as publicLoader } from "~/routes/aanmelden+/$slug.tsx";

function publicForm(municipality: string, extra: Record<string, string> = {}) {
  const key = municipality.toLowerCase();
  return form({
    municipality,
    contactName: "Carla Contact",
    contactEmail: `carla@${key}.test`,
    contactPhone: "038 339 2999",
    vraagstuk: "Hoe laten we ervaringen van inwoners meewegen in het nieuwe armoedebeleid?",
    member1Name: "Bram Beleid",
    member1Email: `bram@${key}.test`,
    member1Function: "BELEIDSMEDEWERKER",
    member2Name: "Lotte Leiding",
    member2Email: `lotte@${key}.test`,
    member2Function: "LEIDINGGEVENDE",
    expertName: "",
    expertEmail: "",
    ...extra,
  });
}

async function world(capacity: number) {
  const cohort = await createCohort(prisma, { capacity, status: "APPLICATIONS_OPEN" });
  const other = await createCohort(prisma, {});
  const zwolle = await createEnrollment(prisma, {
    cohortId: cohort.id,
    municipality: "Zwolle",
    members: [{ name: "Lisa", function: "BELEIDSMEDEWERKER" }],
  });
  const marco = await createUser(prisma, { name: "Marco", role: "FACILITATOR" });
  const anouk = await createUser(prisma, { name: "Anouk", role: "FACILITATOR" });
  const sanne = await createUser(prisma, { name: "Sanne", role: "COORDINATOR" });
  await addFacilitator(prisma, cohort.id, marco.id);
  await addFacilitator(prisma, other.id, anouk.id);
  return { cohort, zwolle, lisa: zwolle.members[0]!, marco, anouk, sanne };
}

async function apply(slug: string, municipality: string, extra: Record<string, string> = {}) {
  return publicAction(
    args(new Request(`http://localhost/aanmelden/${slug}`, { method: "POST", ...publicForm(municipality, extra) }), {
      slug,
    }),
  );
}

describe("the coordinator edits an application's intended duo", () => {
  it("saves a valid duo with an audit row, refuses a stale or invalid one, and refuses the cohort's others", async () => {
    const w = await world(3);
    await apply(w.cohort.slug, "Kampen");
    const application = await prisma.application.findFirstOrThrow({ where: { cohortId: w.cohort.id } });
    const url = `http://localhost/leernetwerken/${w.cohort.id}/aanmeldingen/${application.id}`;
    const params = { cohortId: w.cohort.id, applicationId: application.id };
    const version = application.updatedAt.toISOString();
    const duo = (extra: Record<string, string> = {}) =>
      form({
        intent: "duo",
        version,
        member1Name: "Bram Beleid",
        member1Email: "bram@kampen.test",
        member1Function: "BELEIDSMEDEWERKER",
        member2Name: "Sara Strateeg",
        member2Email: "sara@kampen.test",
        member2Function: "STRATEGISCH_BELEIDSADVISEUR",
        expertName: "Eva Ervaring",
        expertEmail: "eva@kampen.test",
        ...extra,
      });

    // Others of the cohort are refused (403), a facilitator of another cohort does not see it (404).
    for (const [who, expected] of [
      [w.marco.id, 403],
      [w.lisa.id, 403],
      [w.anouk.id, 404],
    ] as const) {
      expect(await statusOfCall(async () => applicationAction(args(await requestAs(who, url, duo()), params)))).toBe(
        expected,
      );
    }

    // Two policy officers are no duo: the form answers at the field, nothing is saved.
    const invalid = await applicationAction(
      args(await requestAs(w.sanne.id, url, duo({ member2Function: "BELEIDSMEDEWERKER" })), params),
    );
    expect(statusOf(invalid)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string[]> }>(invalid).fieldErrors.member2Function).toBeTruthy();

    const loaded = await applicationLoader(args(await requestAs(w.sanne.id, url), params));
    expect(loaded.duoEditable).toBe(true);
    const saved = await applicationAction(args(await requestAs(w.sanne.id, url, duo()), params));
    expect(statusOf(saved)).toBe(302);
    const members = await prisma.applicationMember.findMany({
      where: { applicationId: application.id },
      orderBy: { position: "asc" },
    });
    expect(members.map((member) => [member.name, member.function])).toEqual([
      ["Bram Beleid", "BELEIDSMEDEWERKER"],
      ["Sara Strateeg", "STRATEGISCH_BELEIDSADVISEUR"],
      ["Eva Ervaring", "ERVARINGSDESKUNDIGE"],
    ]);
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { action: "application.duo_edit", entityId: application.id },
    });
    expect(audit.actorId).toBe(w.sanne.id);

    // A second save from the same (now stale) version does not overwrite silently.
    const stale = await applicationAction(
      args(await requestAs(w.sanne.id, url, duo({ member2Name: "Otto Overschrijver" })), params),
    );
    expect(statusOf(stale)).toBe(400);
    expect(dataOf<{ formError?: string }>(stale).formError).toMatch(/intussen gewijzigd/);
    expect(await prisma.applicationMember.count({ where: { name: "Otto Overschrijver" } })).toBe(0);

    // After admission the duo lives at the enrolment: the application's duo is no longer editable.
    await prisma.application.update({ where: { id: application.id }, data: { status: "ADMITTED" } });
    const fresh = await prisma.application.findUniqueOrThrow({ where: { id: application.id } });
    const late = await applicationAction(
      args(await requestAs(w.sanne.id, url, duo({ version: fresh.updatedAt.toISOString() })), params),
    );
    expect(statusOf(late)).toBe(400);
    expect((await applicationLoader(args(await requestAs(w.sanne.id, url), params))).duoEditable).toBe(false);
  });
});

describe("the waiting list of a full cohort", () => {
  it("is offered only when full, kept in order of sign-up, and admitted from when a place frees up", async () => {
    const w = await world(2);
    // One place left: the public form is a normal application form, and an application is a normal one.
    const before = await publicLoader(
      args(new Request(`http://localhost/aanmelden/${w.cohort.slug}`), {
        slug: w.cohort.slug,
      }),
    );
    expect(before).toMatchObject({ open: true, placesLeft: 1 });
    await apply(w.cohort.slug, "Kampen", { waitingList: "ja" });
    expect(
      await prisma.application.findFirstOrThrow({ where: { cohortId: w.cohort.id, municipalityKey: "kampen" } }),
    ).toMatchObject({
      status: "SUBMITTED",
      waitlistedAt: null,
    });

    // The last place is taken: the form offers the waiting list, a plain application is refused.
    await createEnrollment(prisma, { cohortId: w.cohort.id, municipality: "Deventer" });
    const full = await publicLoader(
      args(new Request(`http://localhost/aanmelden/${w.cohort.slug}`), {
        slug: w.cohort.slug,
      }),
    );
    expect(full).toMatchObject({ open: true, placesLeft: 0 });
    const refused = await apply(w.cohort.slug, "Almelo");
    expect(statusOf(refused)).toBe(400);
    expect(await prisma.application.count({ where: { cohortId: w.cohort.id, municipalityKey: "almelo" } })).toBe(0);

    const first = await apply(w.cohort.slug, "Almelo", { waitingList: "ja" });
    expect(first).toMatchObject({ status: "done", waitingList: true });
    await apply(w.cohort.slug, "Epe", { waitingList: "ja" });
    const almelo = await prisma.application.findFirstOrThrow({
      where: { cohortId: w.cohort.id, municipalityKey: "almelo" },
    });
    const epe = await prisma.application.findFirstOrThrow({ where: { cohortId: w.cohort.id, municipalityKey: "epe" } });
    expect(almelo.status).toBe("WAITLISTED");
    expect(almelo.waitlistedAt).not.toBeNull();
    const mail = await prisma.emailMessage.findFirst({ where: { to: "carla@almelo.test" } });
    expect(mail?.subject).toMatch(/wachtlijst/i);

    // The coordinator sees the waiting list in order of sign-up; the cohort's facilitator may not.
    const listUrl = `http://localhost/leernetwerken/${w.cohort.id}/aanmeldingen`;
    const list = await listLoader(args(await requestAs(w.sanne.id, listUrl), { cohortId: w.cohort.id }));
    expect(list.waitingList.map((application) => application.municipalityName)).toEqual(["Almelo", "Epe"]);
    expect(
      await statusOfCall(async () => listLoader(args(await requestAs(w.marco.id, listUrl), { cohortId: w.cohort.id }))),
    ).toBe(403);

    // Admitting while full is refused; once a place frees up, admission from the waiting list enrols.
    const url = `${listUrl}/${almelo.id}`;
    const params = { cohortId: w.cohort.id, applicationId: almelo.id };
    const admit = () => form({ intent: "decide", notes: "", decision: "ADMITTED", reason: "" });
    const tooSoon = await applicationAction(args(await requestAs(w.sanne.id, url, admit()), params));
    expect(statusOf(tooSoon)).toBe(400);
    await prisma.enrollment.update({ where: { id: w.zwolle.enrollment.id }, data: { status: "WITHDRAWN" } });
    const admitted = await applicationAction(args(await requestAs(w.sanne.id, url, admit()), params));
    expect(statusOf(admitted)).toBe(302);
    expect(await prisma.application.findUniqueOrThrow({ where: { id: almelo.id } })).toMatchObject({
      status: "ADMITTED",
    });

    // Epe is taken off the waiting list and becomes a normal application; the facilitator may not do that.
    const epeUrl = `${listUrl}/${epe.id}`;
    const epeParams = { cohortId: w.cohort.id, applicationId: epe.id };
    const leave = () => form({ intent: "leave-waitlist" });
    expect(
      await statusOfCall(async () => applicationAction(args(await requestAs(w.marco.id, epeUrl, leave()), epeParams))),
    ).toBe(403);
    const left = await applicationAction(args(await requestAs(w.sanne.id, epeUrl, leave()), epeParams));
    expect(statusOf(left)).toBe(302);
    expect(await prisma.application.findUniqueOrThrow({ where: { id: epe.id } })).toMatchObject({
      status: "SUBMITTED",
      waitlistedAt: null,
    });
    const after = await listLoader(args(await requestAs(w.sanne.id, listUrl), { cohortId: w.cohort.id }));
    expect(after.waitingList).toEqual([]);
  });
});

// A duo's plan shared with its cohort (issue 19), through the routes' loaders and actions: both members must
// agree before anyone else reads it; either withdraws and the access ends at once; another cohort and a
// former member get a 404; readers react, the duo answers.
import { describe, expect, it } from "vitest";
import { addFacilitator, createCohort, createEnrollment, createUser } from "../../prisma/factories.ts";
import { args, form, requestAs, statusOf, thrownResponse } from "../support/requests.ts";
import { prisma } from "~/utils/db.server.ts";
import {
  action as shareAction,
  loader as shareLoader,
} from "~/routes/leernetwerken+/$cohortId+/aanpak+/$enrollmentId.delen.tsx";
import { loader as listLoader } from "~/routes/leernetwerken+/$cohortId+/gedeelde-plannen+/_index.tsx";
import {
  action as sharedAction,
  loader as sharedLoader,
} from "~/routes/leernetwerken+/$cohortId+/gedeelde-plannen+/$enrollmentId.tsx";
import { savePlan } from "~/models/action-plan.server.ts";
import { emptyContent } from "~/models/action-plan-sections.ts";

async function setup() {
  const cohort = await createCohort(prisma, {});
  const otherCohort = await createCohort(prisma, {});
  const unique = cohort.id.slice(0, 6);
  const zwolle = await createEnrollment(prisma, {
    cohortId: cohort.id,
    municipality: `Zwolle ${unique}`,
    members: [
      { name: "Lisa", function: "BELEIDSMEDEWERKER" },
      { name: "Erik", function: "LEIDINGGEVENDE" },
    ],
  });
  const almere = await createEnrollment(prisma, {
    cohortId: cohort.id,
    municipality: `Almere ${unique}`,
    members: [{ name: "Joost", function: "BELEIDSMEDEWERKER" }],
  });
  const elders = await createEnrollment(prisma, {
    cohortId: otherCohort.id,
    municipality: `Elders ${unique}`,
    members: [{ name: "Piet", function: "BELEIDSMEDEWERKER" }],
  });
  const marco = await createUser(prisma, { name: "Marco", role: "FACILITATOR" });
  await addFacilitator(prisma, cohort.id, marco.id);
  const [lisa, erik] = zwolle.members as [typeof marco, typeof marco];
  const content = emptyContent("Hoe betrekken we inwoners met schulden?");
  content["fase-ontsluiten"] = { ...content["fase-ontsluiten"], nu: "Gesprekken met de cliëntenraad" };
  await savePlan(lisa, zwolle.enrollment.id, content, 0);
  const params = { cohortId: cohort.id, enrollmentId: zwolle.enrollment.id };
  const base = `http://localhost/leernetwerken/${cohort.id}`;
  return {
    cohort,
    otherCohort,
    zwolle,
    almere,
    lisa,
    erik,
    joost: almere.members[0]!,
    piet: elders.members[0]!,
    marco,
    params,
    shareUrl: `${base}/aanpak/${zwolle.enrollment.id}/delen`,
    sharedUrl: `${base}/gedeelde-plannen/${zwolle.enrollment.id}`,
    listUrl: `${base}/gedeelde-plannen`,
  };
}

type World = Awaited<ReturnType<typeof setup>>;

async function post(world: World, userId: string, entries: Record<string, string>) {
  return shareAction(args(await requestAs(userId, world.shareUrl, form(entries)), world.params));
}
async function readAs(world: World, userId: string) {
  return sharedLoader(args(await requestAs(userId, world.sharedUrl), world.params));
}
async function statusReading(world: World, userId: string, params = world.params) {
  const response = await thrownResponse(async () =>
    sharedLoader(args(await requestAs(userId, world.sharedUrl), params)),
  );
  return response?.status ?? 200;
}
async function listAs(world: World, userId: string) {
  return (await listLoader(args(await requestAs(userId, world.listUrl), { cohortId: world.cohort.id }))).plans;
}

describe("a duo shares its plan with the cohort", () => {
  it("needs both members; others read only then; withdrawal by either ends it at once", async () => {
    const world = await setup();
    // Not shared: other duo 404, list empty.
    expect(await statusReading(world, world.joost.id)).toBe(404);
    expect(await listAs(world, world.joost.id)).toEqual([]);

    // Lisa proposes one section; Erik has not agreed: still 404 for everyone else.
    expect(statusOf(await post(world, world.lisa.id, { intent: "propose", sectionId: "fase-ontsluiten" }))).toBe(302);
    expect(await statusReading(world, world.joost.id)).toBe(404);
    const erikSees = await shareLoader(args(await requestAs(world.erik.id, world.shareUrl), world.params));
    expect(erikSees.share).toMatchObject({ shared: false, agreedByMe: false, proposedBy: "Lisa" });
    // Erik agrees to another part than the one proposed (a stale page): refused, nothing shared.
    const stale = await post(world, world.erik.id, { intent: "agree", sectionId: "" });
    expect(statusOf(stale)).toBe(400);
    expect(await statusReading(world, world.joost.id)).toBe(404);
    // Erik agrees to the proposal as it is: shared.
    expect(statusOf(await post(world, world.erik.id, { intent: "agree", sectionId: "fase-ontsluiten" }))).toBe(302);

    const read = await readAs(world, world.joost.id);
    expect(read.plan.shared).toBe(true);
    expect(read.plan.sectionIds).toEqual(["fase-ontsluiten"]);
    expect(read.plan.content["fase-ontsluiten"]?.nu).toBe("Gesprekken met de cliëntenraad");
    // Only the shared section is sent: not the vraagstuk.
    expect(JSON.stringify(read.plan)).not.toContain("inwoners met schulden");
    expect((await listAs(world, world.marco.id)).map((plan) => plan.municipality)).toEqual([
      `Zwolle ${world.cohort.id.slice(0, 6)}`,
    ]);
    // The cohort's facilitator reads it too; a participant of another cohort: 404 (also under its own cohort id).
    expect(await statusReading(world, world.marco.id)).toBe(200);
    expect(await statusReading(world, world.piet.id)).toBe(404);
    expect(await statusReading(world, world.piet.id, { ...world.params, cohortId: world.otherCohort.id })).toBe(404);

    // Joost reacts; the duo answers; Joost cannot answer for the duo, the duo cannot react to its own plan.
    const reacted = await sharedAction(
      args(
        await requestAs(world.joost.id, world.sharedUrl, form({ intent: "react", body: "Mooi idee!" })),
        world.params,
      ),
    );
    expect(statusOf(reacted)).toBe(302);
    const reaction = await prisma.planReaction.findFirstOrThrow({
      where: { enrollmentId: world.zwolle.enrollment.id },
    });
    const answered = await sharedAction(
      args(
        await requestAs(
          world.erik.id,
          world.sharedUrl,
          form({ intent: "answer", reactionId: reaction.id, body: "Dank je, Joost." }),
        ),
        world.params,
      ),
    );
    expect(statusOf(answered)).toBe(302);
    const forbiddenAnswer = await thrownResponse(async () =>
      sharedAction(
        args(
          await requestAs(
            world.joost.id,
            world.sharedUrl,
            form({ intent: "answer", reactionId: reaction.id, body: "x" }),
          ),
          world.params,
        ),
      ),
    );
    expect(forbiddenAnswer?.status).toBe(403);
    const ownReaction = await thrownResponse(async () =>
      sharedAction(
        args(await requestAs(world.lisa.id, world.sharedUrl, form({ intent: "react", body: "x" })), world.params),
      ),
    );
    expect(ownReaction?.status).toBe(403);
    const thread = (await readAs(world, world.lisa.id)).plan.reactions;
    expect(thread).toHaveLength(1);
    expect(thread[0]!.answers.map((answer) => answer.body)).toEqual(["Dank je, Joost."]);

    // Erik withdraws: nobody else reads it any more, reacting is refused; the duo still sees its page.
    expect(statusOf(await post(world, world.erik.id, { intent: "withdraw" }))).toBe(302);
    expect(await statusReading(world, world.joost.id)).toBe(404);
    expect(await statusReading(world, world.marco.id)).toBe(404);
    expect(await listAs(world, world.joost.id)).toEqual([]);
    expect((await readAs(world, world.lisa.id)).plan.shared).toBe(false);
    const late = await thrownResponse(async () =>
      sharedAction(
        args(await requestAs(world.joost.id, world.sharedUrl, form({ intent: "react", body: "x" })), world.params),
      ),
    );
    expect(late?.status).toBe(404);
  });

  it("someone who left the cohort loses access at once; only the duo opens the sharing page", async () => {
    const world = await setup();
    await post(world, world.lisa.id, { intent: "propose", sectionId: "" });
    await post(world, world.erik.id, { intent: "agree", sectionId: "" });
    expect(await statusReading(world, world.joost.id)).toBe(200);
    await prisma.enrollment.update({ where: { id: world.almere.enrollment.id }, data: { status: "WITHDRAWN" } });
    expect(await statusReading(world, world.joost.id)).toBe(404);
    // The sharing page: the facilitator 403, another duo 404.
    const asFacilitator = await thrownResponse(async () =>
      shareLoader(args(await requestAs(world.marco.id, world.shareUrl), world.params)),
    );
    expect(asFacilitator?.status).toBe(403);
    await prisma.enrollment.update({ where: { id: world.almere.enrollment.id }, data: { status: "ACTIVE" } });
    const asOtherDuo = await thrownResponse(async () =>
      post(world, world.joost.id, { intent: "propose", sectionId: "" }),
    );
    expect(asOtherDuo?.status).toBe(404);
    // A proposal of another part drops the partner's agreement: not shared until Erik agrees again.
    await post(world, world.lisa.id, { intent: "propose", sectionId: "vraagstuk" });
    expect(await statusReading(world, world.joost.id)).toBe(404);
  });
});

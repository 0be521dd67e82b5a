// The discussion of a session (issue 19) through its action and the session page's loader: staff ask the
// question (a participant 403), the cohort answers and reacts, only the writer deletes (others 403), a post
// with replies keeps its place emptied; another cohort 404.
import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server.ts";
import { action as discussionAction } from "~/routes/leernetwerken+/$cohortId+/bijeenkomsten+/$sessionId_.gesprek.ts";
import { loader as sessionLoader } from "~/routes/leernetwerken+/$cohortId+/bijeenkomsten+/$sessionId/route.tsx";
import { createCohortWorld } from "../support/cohort-world.ts";
import { args, form, requestAs, statusOf, thrownResponse } from "../support/requests.ts";

async function setup() {
  const a = await createCohortWorld(prisma, { duos: 2 });
  const b = await createCohortWorld(prisma, { duos: 1 });
  const session = a.sessions[0]!;
  const params = { cohortId: a.cohort.id, sessionId: session.id };
  const url = `http://localhost/leernetwerken/${a.cohort.id}/bijeenkomsten/${session.id}/gesprek`;
  const lisa = a.duos[0]!.members[0]!;
  const erik = a.duos[0]!.members[1]!;
  const joost = a.duos[1]!.members[0]!;
  return { a, b, session, params, url, lisa, erik, joost, facilitator: a.facilitator, outsider: b.participant };
}
type World = Awaited<ReturnType<typeof setup>>;

async function post(world: World, userId: string, entries: Record<string, string>) {
  return discussionAction(args(await requestAs(userId, world.url, form(entries)), world.params));
}
async function statusPosting(world: World, userId: string, entries: Record<string, string>) {
  const thrown = await thrownResponse(() => post(world, userId, entries));
  return thrown?.status ?? 200;
}
async function discussionAs(world: World, userId: string) {
  const page = `http://localhost/leernetwerken/${world.a.cohort.id}/bijeenkomsten/${world.session.id}`;
  return (await sessionLoader(args(await requestAs(userId, page), world.params))).discussion;
}

describe("the discussion of a session", () => {
  it("staff ask, participants answer and react, the writer alone deletes", async () => {
    const world = await setup();
    // A participant cannot post the question: 403, nothing stored.
    expect(await statusPosting(world, world.lisa.id, { intent: "question", body: "Mijn vraag" })).toBe(403);
    expect(await prisma.sessionPost.count({ where: { sessionId: world.session.id } })).toBe(0);
    // Someone of another cohort: 404.
    expect(await statusPosting(world, world.outsider.id, { intent: "question", body: "x" })).toBe(404);

    expect(statusOf(await post(world, world.facilitator.id, { intent: "question", body: "Wat neem je mee?" }))).toBe(
      302,
    );
    const question = await prisma.sessionPost.findFirstOrThrow({ where: { sessionId: world.session.id } });
    expect(
      statusOf(await post(world, world.lisa.id, { intent: "reply", parentId: question.id, body: "De klantreis." })),
    ).toBe(302);
    const answer = await prisma.sessionPost.findFirstOrThrow({ where: { parentId: question.id } });
    expect(
      statusOf(await post(world, world.joost.id, { intent: "reply", parentId: answer.id, body: "Goed idee!" })),
    ).toBe(302);
    const reaction = await prisma.sessionPost.findFirstOrThrow({ where: { parentId: answer.id } });
    // No third level.
    expect(statusOf(await post(world, world.erik.id, { intent: "reply", parentId: reaction.id, body: "x" }))).toBe(400);
    // The outsider cannot reply either.
    expect(await statusPosting(world, world.outsider.id, { intent: "reply", parentId: question.id, body: "x" })).toBe(
      404,
    );

    // Everyone of the cohort sees the thread on the session page.
    const seen = await discussionAs(world, world.erik.id);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.body).toBe("Wat neem je mee?");
    expect(seen[0]!.replies[0]!.body).toBe("De klantreis.");
    expect(seen[0]!.replies[0]!.replies[0]!.body).toBe("Goed idee!");

    // Only the writer deletes: Erik (403) and the facilitator (403) cannot delete Lisa's answer.
    expect(await statusPosting(world, world.erik.id, { intent: "delete", postId: answer.id })).toBe(403);
    expect(await statusPosting(world, world.facilitator.id, { intent: "delete", postId: answer.id })).toBe(403);
    // Lisa deletes hers: it has a reaction, so it stays emptied; Joost's reaction goes entirely.
    expect(statusOf(await post(world, world.lisa.id, { intent: "delete", postId: answer.id }))).toBe(302);
    expect(statusOf(await post(world, world.joost.id, { intent: "delete", postId: reaction.id }))).toBe(302);
    const after = await discussionAs(world, world.facilitator.id);
    expect(after[0]!.replies[0]).toMatchObject({ body: "", replies: [] });
    expect(after[0]!.replies[0]!.deletedAt).not.toBeNull();
    expect(await prisma.sessionPost.count({ where: { id: reaction.id } })).toBe(0);
  });
});

// "Bewaren in het impactspoor" through its route (/impactspoor/bewaren): the duo keeps its submission (with
// its file) in the municipality's trail; another duo's piece is a 404, staff get a 403, bad input is refused
// in Dutch with what was typed kept; the topic page lists the copy and serves its file to the trail only.
import { describe, expect, it } from "vitest";
import { assignmentWorld } from "../support/assignment-world.ts";
import { args, dataOf, form, requestAs, statusOf, statusOfCall } from "../support/requests.ts";
import { saveSubmissionBody } from "~/models/assignment.server.ts";
import { saveEntry } from "~/models/journal.server.ts";
import { action as keepAction } from "~/routes/impactspoor+/bewaren.tsx";
import { loader as fileLoader } from "~/routes/impactspoor+/$municipalityId.bestanden.$fileId.ts";
import { loader as topicLoader } from "~/routes/impactspoor+/$municipalityId.onderwerpen.$topicId._index/route.tsx";
import { prisma } from "~/utils/db.server.ts";

describe("bewaren in het impactspoor", () => {
  it("keeps the duo's submission with its file; others 404, staff 403, bad input 400; the topic lists it", async () => {
    const { assignment, lisa, erik, noor, marco, zwolle } = await assignmentWorld();
    const saved = await saveSubmissionBody(lisa, assignment.id, "Wat wij leerden", 0);
    if (saved.status !== "saved") throw new Error("not saved");
    await prisma.submissionAttachment.create({
      data: {
        submissionId: saved.id,
        storageKey: `submissions/${saved.id}/bewaren`,
        fileName: "plan.pdf",
        contentType: "application/pdf",
        size: 4,
        file: { create: { key: `submissions/${saved.id}/bewaren`, bytes: new Uint8Array([37, 80, 68, 70]) } },
      },
    });
    const post = async (userId: string, fields: Record<string, string>) =>
      keepAction(args(await requestAs(userId, "http://localhost/impactspoor/bewaren", form(fields))));
    // Another duo, and staff.
    expect(await statusOfCall(() => post(noor.id, { intent: "submission", id: saved.id, newTopicTitle: "X" }))).toBe(
      404,
    );
    expect(await statusOfCall(() => post(marco.id, { intent: "submission", id: saved.id, newTopicTitle: "X" }))).toBe(
      403,
    );
    // Neither a topic nor a title: refused, what was typed kept; a topic id that is not one: refused.
    const empty = await post(erik.id, { intent: "submission", id: saved.id, topicId: "", newTopicTitle: "" });
    expect(statusOf(empty)).toBe(400);
    const wrong = await post(erik.id, { intent: "submission", id: saved.id, topicId: "geen-id", newTopicTitle: "Y" });
    expect(statusOf(wrong)).toBe(400);
    expect(dataOf<{ values: Record<string, string> }>(wrong).values.newTopicTitle).toBe("Y");
    // The partner keeps it under a new topic; the page goes there.
    const kept = (await post(erik.id, {
      intent: "submission",
      id: saved.id,
      topicId: "",
      newTopicTitle: "Wat we leerden",
    })) as Response;
    expect(kept.status).toBe(302);
    const topic = await prisma.policyTopic.findFirstOrThrow({ where: { title: "Wat we leerden" } });
    const municipalityId = zwolle.enrollment.municipalityId;
    expect(kept.headers.get("Location")).toBe(`/impactspoor/${municipalityId}/onderwerpen/${topic.id}#bewaard`);
    const page = (await topicLoader(
      args(await requestAs(lisa.id, `http://localhost/impactspoor/${municipalityId}/onderwerpen/${topic.id}`), {
        municipalityId,
        topicId: topic.id,
      }),
    )) as { documents: { body: string; keptBy: { name: string } | null; files: { id: string; fileName: string }[] }[] };
    expect(page.documents).toHaveLength(1);
    expect(page.documents[0]).toMatchObject({ body: "Wat wij leerden", keptBy: { name: "Erik" } });
    const fileId = page.documents[0]!.files[0]!.id;
    const download = async (userId: string) =>
      fileLoader(
        args(await requestAs(userId, `http://localhost/impactspoor/${municipalityId}/bestanden/${fileId}`), {
          municipalityId,
          fileId,
        }),
      );
    const file = (await download(lisa.id)) as Response;
    expect(file.headers.get("Content-Disposition")).toContain("plan.pdf");
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(new Uint8Array([37, 80, 68, 70]));
    expect(await statusOfCall(() => download(noor.id))).toBe(404);
    // A journal entry: its author only (the partner gets a 404).
    const entry = await saveEntry(lisa, {
      title: "Mijn les",
      body: "Wat ik meeneem",
      writtenOn: "2099-01-02",
      tags: [],
      sessionId: null,
      reflectieId: null,
      promptId: null,
    });
    if (entry.status !== "saved") throw new Error("not saved");
    expect(await statusOfCall(() => post(erik.id, { intent: "journal", id: entry.id, topicId: topic.id }))).toBe(404);
    expect(statusOf(await post(lisa.id, { intent: "journal", id: entry.id, topicId: topic.id }))).toBe(302);
    expect(await prisma.policyTopicDocument.count({ where: { topicId: topic.id } })).toBe(2);
  });
});

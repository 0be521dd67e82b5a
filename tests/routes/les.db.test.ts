// The lesson page's loader (issue 18): what the page shows everyone alike is made once per lesson and kind of
// request and sent as one JSON string; what differs per viewer is read per request. The same values as
// before, and a document's data without the content's HTML.
import { beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../prisma/factories.ts";
import { createDuo } from "../support/duo.ts";
import { requestAs, args, statusOfCall } from "../support/requests.ts";
import { prisma } from "~/utils/db.server.ts";
import { clearEnvCache } from "~/utils/env.server.ts";
import { readJsonData } from "~/utils/json-data.ts";
import { findLesson } from "~/content/library.server.ts";
import { prepareContent } from "~/content/prepared.server.ts";
import { loader } from "~/routes/leren+/$module.$lesson.tsx";

const LESSON = { module: "ontsluiten", lesson: "werk-bronnen-en-klantreis" };
const URL = `http://localhost/leren/${LESSON.module}/${LESSON.lesson}`;
type Data = Awaited<ReturnType<typeof loader>>;

async function load(userId: string, init: RequestInit = {}) {
  return (await loader(args(await requestAs(userId, URL, init), LESSON))) as Data;
}

describe("lesson page data", () => {
  beforeAll(() => {
    // As in production: the library is built once (in tests it is built again after a second).
    process.env.CONTENT_CACHE = "on";
    clearEnvCache();
  });

  it("sends the shared parts once made, the viewer's parts per request", async () => {
    const { lisa, erik } = await createDuo();
    const staff = await createUser(prisma, { role: "FACILITATOR" });
    const lesson = findLesson(LESSON.module, LESSON.lesson)!;

    const asData = await load(lisa.id);
    const again = await load(erik.id);
    // One object per lesson, whoever asks: made once, not per request.
    expect(again.shared).toBe(asData.shared);
    const shared = readJsonData(asData.shared);
    // On the server the value itself, so the content's kept HTML is found for the render.
    expect(readJsonData(asData.shared)).toBe(shared);
    expect(shared.lesson.content).toBe(prepareContent(lesson.content));
    expect(JSON.parse(asData.shared.json)).toEqual(shared);
    expect(shared.lesson).toMatchObject({ id: lesson.id, title: lesson.title, summary: lesson.summary });
    expect(shared.module).toMatchObject({ slug: "ontsluiten", lessonCount: expect.any(Number) });
    expect(shared.previous?.href).toMatch(/^\/leren\//);
    expect(shared.sources.map((source) => source.key)).toContain("movisie-ervaringskennis-in-beleid");
    expect(shared.sourceNames["movisie-ervaringskennis-in-beleid"]?.author).toBe("Movisie");

    // The viewer's parts: the duo partner, whether they may write in a journal.
    expect(asData.partners.map((partner) => partner.name)).toEqual([erik.name]);
    expect(asData.canWriteJournal).toBe(true);
    const asStaff = await load(staff.id);
    expect(asStaff.canWriteJournal).toBe(false);
    expect(asStaff.partners).toEqual([]);
    expect(asStaff.shared).toBe(asData.shared);

    // A document request: another kept object, whose content leaves the HTML out (numbers instead).
    const asDocument = await load(lisa.id, { headers: { "Sec-Fetch-Mode": "navigate" } });
    expect(asDocument.shared).not.toBe(asData.shared);
    expect(asDocument.shared.json).not.toMatch(/\\"h\\":\\"|"h":"/);
    expect(asDocument.shared.json).toMatch(/"h":\d+/);
    expect(asData.shared.json).toMatch(/"h":"/);
    const document = readJsonData(asDocument.shared);
    expect(document.lesson.content).toBe(
      prepareContent(lesson.content, { forDocument: true, sources: document.sourceNames }),
    );
  });

  it("answers an unknown lesson with 404", async () => {
    const user = await createUser(prisma, { role: "PARTICIPANT" });
    const request = await requestAs(user.id, "http://localhost/leren/ontsluiten/bestaat-niet");
    expect(await statusOfCall(() => loader(args(request, { module: "ontsluiten", lesson: "bestaat-niet" })))).toBe(404);
  });
});

// The journal's pages through their loaders and actions (guards included): who gets a 403 or 404, what an
// action does with someone else's entry, bad input, and the autosave's conflict answer.
import { describe, expect, it } from "vitest";
import { addFacilitator, createCohort, createEnrollment, createUser } from "../../prisma/factories.ts";
import { requestAs, form, args, statusOf, dataOf, thrownResponse } from "../support/requests.ts";
import { prisma } from "~/utils/db.server.ts";
import { saveEntry, setAudiences } from "~/models/journal.server.ts";
import { action as entryAction, loader as entryLoader } from "~/routes/journaal+/$entryId/route.tsx";
import { loader as indexLoader } from "~/routes/journaal+/_index.tsx";
import { loader as sharedLoader } from "~/routes/journaal+/gedeeld.tsx";
import { action as writeAction, loader as writeLoader } from "~/routes/journaal+/schrijven.($entryId)/route.tsx";
import { loader as exportLoader } from "~/routes/journaal+/export[.md].ts";
import { action as promptsAction } from "~/routes/journaal+/vragen.tsx";

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
  const marco = await createUser(prisma, { name: "Marco", role: "FACILITATOR" });
  const anouk = await createUser(prisma, { name: "Anouk", role: "FACILITATOR" });
  const sanne = await createUser(prisma, { name: "Sanne", role: "COORDINATOR" });
  await addFacilitator(prisma, cohort.id, marco.id);
  await addFacilitator(prisma, other.id, anouk.id);
  const lisa = zwolle.members[0]!;
  const saved = await saveEntry(lisa, {
    title: "Mijn stuk",
    body: "Iets persoonlijks",
    writtenOn: "2099-01-02",
    tags: [],
    sessionId: null,
    reflectieId: null,
    promptId: null,
  });
  if (saved.status !== "saved") throw new Error("not saved");
  return { cohort, other, lisa, erik: zwolle.members[1]!, marco, anouk, sanne, entryId: saved.id };
}

describe("journal pages", () => {
  it("only participants have a journal; the coordinator cannot open shared journals", async () => {
    const { marco, sanne } = await setup();
    for (const user of [marco, sanne]) {
      expect(
        (await thrownResponse(async () => indexLoader(args(await requestAs(user.id, "http://localhost/journaal")))))
          ?.status,
      ).toBe(403);
      expect(
        (
          await thrownResponse(async () =>
            exportLoader(args(await requestAs(user.id, "http://localhost/journaal/export.md"))),
          )
        )?.status,
      ).toBe(403);
    }
    expect(
      (
        await thrownResponse(async () =>
          sharedLoader(args(await requestAs(sanne.id, "http://localhost/journaal/gedeeld"))),
        )
      )?.status,
    ).toBe(403);
  });

  it("an entry that is not shared with you is a 404, in the loader and in every action", async () => {
    const { entryId, marco, sanne, erik, anouk } = await setup();
    const url = `http://localhost/journaal/${entryId}`;
    for (const user of [marco, sanne, erik, anouk]) {
      expect(
        (await thrownResponse(async () => entryLoader(args(await requestAs(user.id, url), { entryId }))))?.status,
      ).toBe(404);
      for (const intent of ["reply", "share", "delete"]) {
        const response = await thrownResponse(async () =>
          entryAction(
            args(await requestAs(user.id, url, form({ intent, body: "x", audience: "PRIVATE", confirm: "ja" })), {
              entryId,
            }),
          ),
        );
        expect(response?.status, `${intent}`).toBe(404);
      }
    }
    // A malformed id is the same 404.
    expect(
      (
        await thrownResponse(async () =>
          entryLoader(args(await requestAs(marco.id, "http://localhost/journaal/x"), { entryId: "x" })),
        )
      )?.status,
    ).toBe(404);
    expect(await prisma.journalEntry.count({ where: { id: entryId } })).toBe(1);
    expect(await prisma.journalReply.count({ where: { entryId } })).toBe(0);
  });

  it("a facilitator the entry is shared with can answer, but not change the sharing or delete it", async () => {
    const { entryId, lisa, marco } = await setup();
    await setAudiences(lisa, entryId, ["FACILITATORS"]);
    const url = `http://localhost/journaal/${entryId}`;
    const loaded = await entryLoader(args(await requestAs(marco.id, url), { entryId }));
    expect(loaded.entry.isAuthor).toBe(false);
    expect(loaded.entry.shareChanges).toEqual([]);
    expect(loaded.audienceChoices).toEqual([]);
    const empty = await entryAction(
      args(await requestAs(marco.id, url, form({ intent: "reply", body: "  " })), { entryId }),
    );
    expect(statusOf(empty)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string[]> }>(empty).fieldErrors.body).toEqual(["Schrijf een reactie."]);
    const replied = await entryAction(
      args(await requestAs(marco.id, url, form({ intent: "reply", body: "Dank je" })), { entryId }),
    );
    expect(statusOf(replied)).toBe(302);
    for (const intent of ["share", "delete"]) {
      const response = await thrownResponse(async () =>
        entryAction(
          args(await requestAs(marco.id, url, form({ intent, audiences: "DUO", confirm: "ja" })), { entryId }),
        ),
      );
      expect(response?.status).toBe(403);
    }
    expect(
      await prisma.journalEntry.findUniqueOrThrow({ where: { id: entryId }, select: { audiences: true } }),
    ).toEqual({ audiences: ["FACILITATORS"] });
  });

  it("the page records a read by someone else (not by the author) and shows the author who read it (issue 15)", async () => {
    const { entryId, lisa, marco } = await setup();
    const url = `http://localhost/journaal/${entryId}`;
    await entryAction(
      args(await requestAs(lisa.id, url, form({ intent: "share", audiences: "FACILITATORS" })), { entryId }),
    );
    await entryLoader(args(await requestAs(marco.id, url), { entryId }));
    await entryLoader(args(await requestAs(lisa.id, url), { entryId }));
    expect(
      await prisma.recordRead.findMany({ where: { journalEntryId: entryId }, select: { readerId: true } }),
    ).toEqual([{ readerId: marco.id }]);
    const own = await entryLoader(args(await requestAs(lisa.id, url), { entryId }));
    expect(own.entry.readBy.map((read) => read.reader.name)).toEqual([marco.name]);
    expect(own.entry.readers.map((reader) => reader.user.name)).toContain(marco.name);
  });

  it("an author outside any intervisie group cannot share with a group, and deleting needs the confirmation", async () => {
    const { entryId, lisa } = await setup();
    const url = `http://localhost/journaal/${entryId}`;
    const group = await entryAction(
      args(await requestAs(lisa.id, url, form({ intent: "share", audiences: "GROUP" })), { entryId }),
    );
    expect(statusOf(group)).toBe(400);
    const unconfirmed = await entryAction(args(await requestAs(lisa.id, url, form({ intent: "delete" })), { entryId }));
    expect(statusOf(unconfirmed)).toBe(400);
    expect(await prisma.journalEntry.count({ where: { id: entryId } })).toBe(1);
    const deleted = await entryAction(
      args(await requestAs(lisa.id, url, form({ intent: "delete", confirm: "ja" })), { entryId }),
    );
    expect(statusOf(deleted)).toBe(302);
    expect(await prisma.journalEntry.count({ where: { id: entryId } })).toBe(0);
  });

  it("autosave answers with the new version, or with the other tab's text on a conflict", async () => {
    const { entryId, lisa, erik } = await setup();
    const url = `http://localhost/journaal/schrijven/${entryId}`;
    const fields = {
      intent: "autosave",
      title: "Mijn stuk",
      writtenOn: "2099-01-02",
      tags: "",
      sessionId: "",
      reflectieId: "",
      promptId: "",
    };
    const first = await writeAction(
      args(await requestAs(lisa.id, url, form({ ...fields, body: "Versie A", version: "1" })), { entryId }),
    );
    expect(dataOf<{ status: string; version: number }>(first)).toMatchObject({ status: "saved", version: 2 });
    const stale = await writeAction(
      args(await requestAs(lisa.id, url, form({ ...fields, body: "Versie B", version: "1" })), { entryId }),
    );
    expect(statusOf(stale)).toBe(409);
    expect(dataOf<{ status: string; current: { body: string } }>(stale)).toMatchObject({
      status: "conflict",
      current: { body: "Versie A" },
    });
    // Another participant's entry cannot be opened for editing or saved.
    expect(
      (await thrownResponse(async () => writeLoader(args(await requestAs(erik.id, url), { entryId }))))?.status,
    ).toBe(404);
    expect(
      (
        await thrownResponse(async () =>
          writeAction(args(await requestAs(erik.id, url, form({ ...fields, body: "Weg", version: "2" })), { entryId })),
        )
      )?.status,
    ).toBe(404);
    // An unknown lesson prompt is a 404 on the new-entry page; a bad date keeps what was typed.
    expect(
      (
        await thrownResponse(async () =>
          writeLoader(args(await requestAs(lisa.id, "http://localhost/journaal/schrijven?reflectie=bestaat-niet"))),
        )
      )?.status,
    ).toBe(404);
    const bad = await writeAction(
      args(
        await requestAs(
          lisa.id,
          "http://localhost/journaal/schrijven",
          form({ ...fields, intent: "save", body: "Bewaar mij", writtenOn: "morgen", version: "0" }),
        ),
      ),
    );
    expect(statusOf(bad)).toBe(400);
    expect(dataOf<{ values: Record<string, string> }>(bad).values.body).toBe("Bewaar mij");
  });

  it("a facilitator can post a question only to a cohort they run", async () => {
    const { other, marco } = await setup();
    const response = await promptsAction(
      args(
        await requestAs(
          marco.id,
          "http://localhost/journaal/vragen",
          form({ intent: "create", cohortId: other.id, sessionId: "", text: "Wat merkte je?" }),
        ),
      ),
    );
    expect(statusOf(response)).toBe(400);
    expect(await prisma.journalPrompt.count({ where: { cohortId: other.id } })).toBe(0);
  });

  it("writing about a session preselects it, only for a session of the participant's own cohort", async () => {
    const cohort = await createCohort(prisma, {
      sessions: [{ number: 1, title: "Start", date: "2099-03-10", start: "10:00", end: "13:00", format: "ONLINE" }],
    });
    const other = await createCohort(prisma, {
      sessions: [{ number: 1, title: "Elders", date: "2099-03-11", start: "10:00", end: "13:00", format: "ONLINE" }],
    });
    const { members } = await createEnrollment(prisma, {
      cohortId: cohort.id,
      members: [{ name: "Noor", function: "BELEIDSMEDEWERKER" }],
    });
    const [own, foreign] = await Promise.all(
      [cohort, other].map((c) =>
        prisma.cohortSession.findFirstOrThrow({ where: { cohortId: c.id }, select: { id: true } }),
      ),
    );
    const mine = await writeLoader(
      args(await requestAs(members[0]!.id, `http://localhost/journaal/schrijven?bijeenkomst=${own!.id}`)),
    );
    expect(mine.preselectedSessionId).toBe(own!.id);
    const notMine = await writeLoader(
      args(await requestAs(members[0]!.id, `http://localhost/journaal/schrijven?bijeenkomst=${foreign!.id}`)),
    );
    expect(notMine.preselectedSessionId).toBe("");
    expect(notMine.sessions.map((session) => session.title)).toEqual(["Start"]);
  });
});

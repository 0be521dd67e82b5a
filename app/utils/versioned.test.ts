import { describe, expect, it } from "vitest";
import { fieldValues, sameValues, saveIfUnchanged } from "./versioned.ts";

/** A stored row in memory with the same rule as `updateMany({ where: { version } })`. */
function fakeRow(initial: { body: string; version: number } | null) {
  let row = initial ? { ...initial } : null;
  return {
    get: () => row,
    update: (body: string) => async (version: number) => {
      if (!row || row.version !== version) return { count: 0 };
      row = { body, version: row.version + 1 };
      return { count: 1 };
    },
    current: async () => (row ? { ...row } : null),
  };
}

describe("saveIfUnchanged (the version check)", () => {
  it("writes when the stored version is the one the change was based on", async () => {
    const row = fakeRow({ body: "A", version: 3 });
    expect(await saveIfUnchanged({ basedOn: 3, update: row.update("B"), current: row.current })).toEqual({
      status: "saved",
      version: 4,
    });
    expect(row.get()).toEqual({ body: "B", version: 4 });
  });

  it("refuses a save based on an old version and returns what is stored, without writing", async () => {
    const row = fakeRow({ body: "A", version: 3 });
    // The duo partner saves first, based on version 3 …
    await saveIfUnchanged({ basedOn: 3, update: row.update("partner"), current: row.current });
    // … then this member's save, also based on version 3, is a conflict.
    const result = await saveIfUnchanged({ basedOn: 3, update: row.update("mine"), current: row.current });
    expect(result).toEqual({ status: "conflict", current: { body: "partner", version: 4 } });
    expect(row.get()).toEqual({ body: "partner", version: 4 });
    // Choosing "keep mine" saves based on the stored version.
    expect(await saveIfUnchanged({ basedOn: 4, update: row.update("mine"), current: row.current })).toEqual({
      status: "saved",
      version: 5,
    });
  });

  it("answers not-found for a row that is gone or not the caller's", async () => {
    const gone = fakeRow(null);
    expect(await saveIfUnchanged({ basedOn: 1, update: gone.update("x"), current: gone.current })).toEqual({
      status: "not-found",
    });
    // The update's authorization matched nothing although the version is the same.
    const foreign = fakeRow({ body: "A", version: 2 });
    const result = await saveIfUnchanged({ basedOn: 2, update: async () => ({ count: 0 }), current: foreign.current });
    expect(result).toEqual({ status: "not-found" });
  });
});

describe("fieldValues / sameValues", () => {
  it("keeps text fields, leaves out files and the autosave's own fields, joins repeated names", () => {
    const formData = new FormData();
    formData.set("intent", "autosave");
    formData.set("version", "2");
    formData.set("body", "Tekst");
    formData.append("tag", "a");
    formData.append("tag", "b");
    formData.set("file", new File(["x"], "x.pdf"));
    expect(fieldValues(formData)).toEqual({ body: "Tekst", tag: "a, b" });
  });

  it("compares snapshots by their values", () => {
    expect(sameValues({ a: "1", b: "2" }, { b: "2", a: "1" })).toBe(true);
    expect(sameValues({ a: "1" }, { a: "2" })).toBe(false);
    expect(sameValues({ a: "1" }, { a: "1", b: "" })).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { keptPerKey, keptPerObject } from "./kept.ts";

describe("keptPerKey", () => {
  it("computes a key once, starts over at the limit, and keeps nothing for a computation that throws", () => {
    const asked: number[] = [];
    const square = keptPerKey(2, (key: number) => {
      asked.push(key);
      if (Number.isNaN(key)) throw new RangeError("geen getal");
      return key * key;
    });
    expect([square(2), square(2), square(3)]).toEqual([4, 4, 9]);
    expect(asked).toEqual([2, 3]);
    expect(square(4)).toBe(16); // the third key: the kept two are dropped first
    expect(square(2)).toBe(4);
    expect(asked).toEqual([2, 3, 4, 2]);
    expect(() => square(Number.NaN)).toThrow(RangeError);
    expect(() => square(Number.NaN)).toThrow(RangeError);
    expect(asked.filter(Number.isNaN)).toHaveLength(2);
  });
});

describe("keptPerObject", () => {
  it("computes once per object, again for another object with the same contents", () => {
    const asked: object[] = [];
    const keys = keptPerObject((key: { n: number }) => {
      asked.push(key);
      return { keys: Object.keys(key) };
    });
    const a = { n: 1 };
    const b = { n: 1 };
    expect(keys(a)).toBe(keys(a));
    expect(keys(b)).not.toBe(keys(a));
    expect(keys(b)).toEqual(keys(a));
    expect(asked).toEqual([a, b]);
  });
});

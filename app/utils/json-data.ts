// Page data sent as one JSON string (issue 18). Remix's data encoder (turbo-stream) walks the loader's answer
// value by value, which for a page of a few hundred values (the cohort page: sessions, duos, readings) cost
// about as much as a third of its render; a JSON string is one value, encoded as it is. The page reads the
// value back with readJsonData, on the server and in the browser alike, so both render from the same values:
// moments arrive as ISO strings (JSON), which the date formatters and `new Date()` take as they take a Date.

/** What JSON makes of a value: a Date becomes its ISO string, undefined properties disappear. */
export type Jsonified<T> = T extends Date
  ? string
  : T extends (infer Item)[]
    ? Jsonified<Item>[]
    : T extends object
      ? { [Key in keyof T]: Jsonified<T[Key]> }
      : T;

/** A value as one JSON string; `T` is what readJsonData gives back. */
export type JsonData<T> = { json: string /** Type only: never set. */; readonly value?: T };

export function jsonData<T>(value: T): JsonData<Jsonified<T>> {
  return { json: JSON.stringify(value) };
}

/** The values per page data, parsed once (in the browser the same data object is rendered again and again). */
const parsed = new WeakMap<object, unknown>();

export function readJsonData<T>(data: { json: string; value?: T }): T {
  let value = parsed.get(data) as T | undefined;
  if (value === undefined) {
    value = JSON.parse(data.json) as T;
    parsed.set(data, value);
  }
  return value;
}

/**
 * jsonData for a value made once and sent with many pages (what a lesson page shows everyone alike): on the
 * server readJsonData gives the value itself back instead of parsing the string, so objects kept beside it
 * (e.g. the HTML of prepared content, app/content/prepared.ts) are still found. The value must be JSON as it
 * is (no Date, no undefined), so that the browser, which parses the string, renders the same.
 */
export function keptJsonData<T>(value: T): JsonData<T> {
  const data: JsonData<T> = { json: JSON.stringify(value) };
  parsed.set(data, value);
  return data;
}

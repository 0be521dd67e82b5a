// A computed value kept per key, for pure computations asked again and again with few distinct keys (texts
// of dates and scores: Intl takes a few microseconds a call, and a page asks for dozens; issue 18). Bounded:
// when `limit` keys are kept, it starts over. A computation that throws keeps nothing.
// keptPerObject does the same per object (e.g. a lesson of the content library), for as long as the object
// lives: no bound needed.

/** `compute`, with its results kept per key (at most `limit` at a time). */
export function keptPerKey<K, V>(limit: number, compute: (key: K) => V): (key: K) => V {
  const kept = new Map<K, V>();
  return (key) => {
    let value = kept.get(key);
    if (value === undefined) {
      value = compute(key);
      if (kept.size >= limit) kept.clear();
      kept.set(key, value);
    }
    return value;
  };
}

/** `compute`, with its result kept per object for as long as that object lives. */
export function keptPerObject<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const kept = new WeakMap<K, V>();
  return (key) => {
    let value = kept.get(key);
    if (value === undefined) {
      value = compute(key);
      kept.set(key, value);
    }
    return value;
  };
}

// Rendering the same text again gives the same tree: a text rendered once (a Markdoc text of a submission,
// a reply, an assignment's instructions) is kept per process by its exact source, so a page that is read
// again does not parse and transform it again (issue 18: on the assignment page with feedback that was a
// noticeable part of its CPU time). The result depends on nothing but the text, so a kept tree can only be
// handed to someone who has that very text already. The trees are shared: callers must not change them
// (loaders pass them on to the page, which only reads them).
//
// Bounded: at most MAX_ENTRIES texts (the least recently used one goes first), and texts longer than
// MAX_TEXT_LENGTH are rendered every time without being kept.
export const MAX_ENTRIES = 500;
export const MAX_TEXT_LENGTH = 20_000;

/** `render`, with its results kept per source text. */
export function memoByText<T>(render: (source: string) => T): (source: string) => T {
  const kept = new Map<string, T>();
  return (source: string) => {
    if (source.length > MAX_TEXT_LENGTH) return render(source);
    let result = kept.get(source);
    if (result === undefined) {
      result = render(source);
      if (kept.size >= MAX_ENTRIES) kept.delete(kept.keys().next().value as string);
    } else {
      kept.delete(source); // most recently used last
    }
    kept.set(source, result);
    return result;
  };
}

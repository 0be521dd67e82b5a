// A readable word diff: which words were removed and which added between two texts, found by jsdiff (Myers'
// algorithm). Whitespace (including line breaks) travels with the word before it, so the result reads as the
// new text with the changes marked. jsdiff's own diffWords splits punctuation from words ("mei" + "."); this
// keeps a word and its punctuation together, which reads better for canvas sections. Very different long
// texts fall back to "all removed, all added" (between a common start and end) instead of a slow search.
import { Diff } from "diff";

export type DiffPart = { type: "same" | "added" | "removed"; text: string };

/** Words with the whitespace that follows them: "a  b\nc" → ["a  ", "b\n", "c"]. Leading space is its own token. */
export function tokenize(text: string): string[] {
  return text.match(/^\s+|\S+\s*/g) ?? [];
}

class WordsWithTrailingSpace extends Diff<string, string> {
  override tokenize(value: string): string[] {
    return tokenize(value);
  }

  // Compare words without their trailing space, so a word that only moved to a new line counts as the same.
  // (An unchanged word is shown with the whitespace it has in the new text.)
  override equals(left: string, right: string): boolean {
    return left.trimEnd() === right.trimEnd();
  }
}

const differ = new WordsWithTrailingSpace();

/**
 * The search costs about (words before + words after) × (words changed) steps; beyond this budget the
 * changed middle of the texts is shown as wholly replaced (what stayed the same at start and end still is).
 */
const MAX_STEPS = 4_000_000;

export function wordDiff(before: string, after: string): DiffPart[] {
  const a = tokenize(before);
  const b = tokenize(after);
  const maxEditLength = Math.ceil(MAX_STEPS / Math.max(1, a.length + b.length));
  const changes = differ.diff(before, after, { maxEditLength });
  if (changes) {
    return changes
      .filter((change) => change.value)
      .map((change) => ({ type: change.added ? "added" : change.removed ? "removed" : "same", text: change.value }));
  }
  const same = (x: string, y: string) => differ.equals(x, y);
  let start = 0;
  while (start < a.length && start < b.length && same(a[start]!, b[start]!)) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && same(a[a.length - 1 - end]!, b[b.length - 1 - end]!))
    end++;
  const parts: DiffPart[] = [
    { type: "same", text: b.slice(0, start).join("") },
    { type: "removed", text: a.slice(start, a.length - end).join("") },
    { type: "added", text: b.slice(start, b.length - end).join("") },
    { type: "same", text: b.slice(b.length - end).join("") },
  ];
  return parts.filter((part) => part.text);
}

/** Whether the diff has any change. */
export function hasChanges(parts: DiffPart[]): boolean {
  return parts.some((part) => part.type !== "same");
}

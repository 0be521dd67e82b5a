// A readable word diff: which words were removed and which added between two texts, found with the longest
// common subsequence of their words. Whitespace (including line breaks) travels with the word before it, so
// the result reads as the new text with the changes marked. Small and dependency-free; canvas sections are
// short, and for very long texts the diff falls back to "all removed, all added" instead of using much memory.

export type DiffPart = { type: "same" | "added" | "removed"; text: string };

/** Words with the whitespace that follows them: "a  b\nc" → ["a  ", "b\n", "c"]. Leading space is its own token. */
export function tokenize(text: string): string[] {
  return text.match(/^\s+|\S+\s*/g) ?? [];
}

const MAX_CELLS = 4_000_000;

export function wordDiff(before: string, after: string): DiffPart[] {
  const a = tokenize(before);
  const b = tokenize(after);
  // Compare words without their trailing space, so a word that only moved to a new line counts as the same.
  const key = (token: string) => token.trimEnd();
  // Common start and end are cut off first: most edits touch a small part of a section.
  let start = 0;
  while (start < a.length && start < b.length && key(a[start]!) === key(b[start]!)) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && key(a[endA - 1]!) === key(b[endB - 1]!)) {
    endA--;
    endB--;
  }
  const parts: DiffPart[] = [];
  const push = (type: DiffPart["type"], text: string) => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last && last.type === type) last.text += text;
    else parts.push({ type, text });
  };
  for (let i = 0; i < start; i++) push("same", b[i]!);

  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if (midA.length * midB.length > MAX_CELLS) {
    for (const token of midA) push("removed", token);
    for (const token of midB) push("added", token);
  } else {
    // lengths[i][j]: length of the LCS of midA[i..] and midB[j..].
    const rows = midA.length + 1;
    const cols = midB.length + 1;
    const lengths = new Uint32Array(rows * cols);
    for (let i = midA.length - 1; i >= 0; i--) {
      for (let j = midB.length - 1; j >= 0; j--) {
        lengths[i * cols + j] =
          key(midA[i]!) === key(midB[j]!)
            ? lengths[(i + 1) * cols + j + 1]! + 1
            : Math.max(lengths[(i + 1) * cols + j]!, lengths[i * cols + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < midA.length && j < midB.length) {
      if (key(midA[i]!) === key(midB[j]!)) {
        push("same", midB[j]!);
        i++;
        j++;
      } else if (lengths[(i + 1) * cols + j]! >= lengths[i * cols + j + 1]!) {
        push("removed", midA[i]!);
        i++;
      } else {
        push("added", midB[j]!);
        j++;
      }
    }
    while (i < midA.length) push("removed", midA[i++]!);
    while (j < midB.length) push("added", midB[j++]!);
  }
  for (let i = endB; i < b.length; i++) push("same", b[i]!);
  return parts;
}

/** Whether the diff has any change. */
export function hasChanges(parts: DiffPart[]): boolean {
  return parts.some((part) => part.type !== "same");
}

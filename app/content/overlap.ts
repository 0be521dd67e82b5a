// The "no copied sentences" check: finds runs of N or more consecutive words that occur both in our
// content and in a seed publication, after normalising case, punctuation, hyphenation and line breaks.
export const MIN_COPIED_RUN = 10;

/** Lower case words, with PDF hyphenation ("erva-\nringskennis") joined and punctuation removed. */
export function normaliseWords(text: string): string[] {
  return text
    .replace(/(\p{L})-[ \t]*\r?\n\s*(\p{Ll})/gu, "$1$2")
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
}

export type CopiedRun = { file: string; words: number; text: string };

export function buildSeedIndex(seedTexts: string[], length = MIN_COPIED_RUN): Set<string> {
  const index = new Set<string>();
  for (const text of seedTexts) {
    const words = normaliseWords(text);
    for (let i = 0; i + length <= words.length; i++) index.add(words.slice(i, i + length).join(" "));
  }
  return index;
}

/** Every maximal run of at least `length` words in `text` whose every window occurs in the seed index. */
export function findCopiedRuns(
  file: string,
  text: string,
  seedIndex: Set<string>,
  length = MIN_COPIED_RUN,
): CopiedRun[] {
  const words = normaliseWords(text);
  const runs: CopiedRun[] = [];
  let start = -1;
  let end = -1;
  for (let i = 0; i + length <= words.length; i++) {
    if (seedIndex.has(words.slice(i, i + length).join(" "))) {
      if (start === -1 || i > end) {
        if (start !== -1) runs.push({ file, words: end - start, text: words.slice(start, end).join(" ") });
        start = i;
      }
      end = i + length;
    }
  }
  if (start !== -1) runs.push({ file, words: end - start, text: words.slice(start, end).join(" ") });
  return runs;
}

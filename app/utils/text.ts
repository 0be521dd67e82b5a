// Small text helpers shared by pages and e-mails.

/** The start of a text, cut at a word boundary, with "…" when something was left out. */
export function shorten(text: string, length: number) {
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > length / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

// Counts in plain Dutch: "1 uitnodiging", "2 uitnodigingen" — never "uitnodiging(en)" or "e-mail(s)".

/** The word for `count` things: the singular for exactly one, else the plural ("0 uitnodigingen"). */
export function woord(count: number, singular: string, plural: string): string {
  return count === 1 ? singular : plural;
}

/** The count with its word: aantal(2, "uitnodiging", "uitnodigingen") → "2 uitnodigingen". */
export function aantal(count: number, singular: string, plural: string): string {
  return `${count} ${woord(count, singular, plural)}`;
}

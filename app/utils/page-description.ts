// Every page has a meta description: the deepest route that gives one in its `handle` (a text, or a function
// of its loader data), else the platform's default. Rendered once by the root layout, so pages never repeat
// it in their own `meta` (Remix uses only the deepest route's meta, which would drop a root default).

export const DEFAULT_DESCRIPTION =
  "Leernetwerk: gemeenten en ervaringsdeskundigen leren samen ervaringskennis te gebruiken in beleid, met bijeenkomsten, opdrachten, intervisie en reflectie.";

export type DescribedHandle = { description?: string | ((data: never) => string | undefined) };

type MatchLike = { handle?: unknown; data?: unknown };

export function pageDescription(matches: readonly MatchLike[]): string {
  for (const match of [...matches].reverse()) {
    const handle = match.handle as DescribedHandle | undefined;
    const description = handle?.description;
    if (typeof description === "string" && description.trim()) return description;
    if (typeof description === "function" && match.data !== undefined && match.data !== null) {
      const text = (description as (data: unknown) => string | undefined)(match.data);
      if (text?.trim()) return text;
    }
  }
  return DEFAULT_DESCRIPTION;
}

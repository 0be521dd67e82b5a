// Everything `npm run content:check` and the content tests verify, in one place.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { getEnv } from "~/utils/env.server.ts";
import { loadLibrary, type ContentError, type Library } from "./library.server.ts";
import { loadMethods, type MethodLibrary } from "./methods.server.ts";
import { buildSeedIndex, findCopiedRuns, type CopiedRun } from "./overlap.ts";

export function seedsDirectory(): string {
  return path.resolve(getEnv().SEEDS_DIR);
}

export function readSeeds(directory = seedsDirectory()): string[] {
  return readdirSync(directory)
    .filter((name) => name.endsWith(".txt"))
    .sort()
    .map((name) => readFileSync(path.join(directory, name), "utf8"));
}

export function copiedRuns(texts: Library["texts"], seeds: string[]): CopiedRun[] {
  const index = buildSeedIndex(seeds);
  return texts.flatMap(({ file, text }) => findCopiedRuns(file, text, index));
}

/** The course library and the intervisie methods (content/intervisie), checked together. */
export function checkContent(
  directory?: string,
  seeds = readSeeds(),
): { library: Library; methods: MethodLibrary; errors: ContentError[]; copied: CopiedRun[] } {
  const library = loadLibrary(directory);
  const methods = loadMethods(new Set(Object.keys(library.sources)), directory);
  return {
    library,
    methods,
    errors: [...library.errors, ...methods.errors],
    copied: copiedRuns([...library.texts, ...methods.texts], seeds),
  };
}

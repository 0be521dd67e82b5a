// Saving text that more than one person (or tab) may edit at once, without lost updates.
//
// Every stored row carries a `version`. A save names the version it was based on and only writes when the
// row still has that version (one `updateMany … where version = n`, atomic in the database). When someone
// else saved in between, nothing is written and the stored values come back, so the editor can show both.
//
// Shared by the server (the save) and the browser (the answer's shape, reading a form), so it imports
// nothing server-only.
import type { FormError, FormValues } from "./forms.ts";

/** Field values of a form as plain strings, keyed by field name. */
export type FieldValues = Record<string, string>;

/**
 * What an autosave action answers; `useAutosave` (app/components/autosave.tsx) understands it. Invalid input
 * is the one answer every action gives (FormError, app/utils/forms.ts).
 */
export type AutosaveResponse =
  | { status: "saved"; id: string; version: number; savedAt: string }
  | { status: "conflict"; id: string; version: number; current: FieldValues; values?: FormValues }
  | FormError
  | { status: "empty" };

export type VersionedSave<Current> =
  | { status: "saved"; version: number }
  | { status: "conflict"; current: Current }
  | { status: "not-found" };

/**
 * Writes only when the stored version is still `basedOn`. `update` gets the version to match and must
 * increment it (`data: { …, version: { increment: 1 } }`) and include the caller's authorization in its
 * `where`; `current` reads the stored row (with the same authorization) when the update matched nothing.
 */
export async function saveIfUnchanged<Current extends { version: number }>(options: {
  basedOn: number;
  update: (version: number) => Promise<{ count: number }>;
  current: () => Promise<Current | null>;
}): Promise<VersionedSave<Current>> {
  const updated = await options.update(options.basedOn);
  if (updated.count === 1) return { status: "saved", version: options.basedOn + 1 };
  const current = await options.current();
  // Gone, or not the caller's: the same answer, so nothing leaks about rows of others.
  if (!current || current.version === options.basedOn) return { status: "not-found" };
  return { status: "conflict", current };
}

/** Fields the autosave itself adds to a form's data; never part of what the author wrote. */
const controlFields = new Set(["intent", "version"]);

/**
 * The text fields of a form's data (files and control fields left out); a name that occurs more than once
 * (check boxes) gets its values joined with ", ".
 */
export function fieldValues(formData: FormData): FieldValues {
  const values: FieldValues = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string" || controlFields.has(key)) continue;
    values[key] = key in values ? `${values[key]}, ${value}` : value;
  }
  return values;
}

/** Whether two snapshots of a form hold the same values. */
export function sameValues(a: FieldValues, b: FieldValues): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => key in b && a[key] === b[key]);
}

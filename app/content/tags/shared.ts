// Helpers shared by the tag schemas: id rules and Dutch validation errors.
import type { ValidationError } from "@markdoc/markdoc";

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function error(id: string, message: string): ValidationError {
  return { id, level: "error", message };
}

/** Checks an id attribute: present, kebab-case. Uniqueness across files is checked by the library. */
export function validateId(tag: string, value: unknown): ValidationError[] {
  if (typeof value !== "string" || value.length === 0)
    return [error(`${tag}-id-missing`, `{% ${tag} %} heeft een id nodig`)];
  if (!ID_PATTERN.test(value)) {
    return [
      error(
        `${tag}-id-invalid`,
        `id "${value}" van {% ${tag} %} mag alleen kleine letters, cijfers en streepjes bevatten`,
      ),
    ];
  }
  return [];
}

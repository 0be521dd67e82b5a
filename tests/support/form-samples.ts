// Form bodies made from an action's own schema (recorded by tests/support/form-recorder.ts): a valid-looking
// body per intent (for the authorization matrix, so a refusal that comes after the form is read is reached),
// and the malformed bodies of the malformed-input run.
import { z } from "zod";
import type { ActionForm } from "./form-recorder.ts";

/** The innermost type of a field (optional, default, preprocess, refine and transform unwrapped). */
function unwrap(type: z.ZodTypeAny): z.ZodTypeAny {
  let current = type;
  for (let i = 0; i < 20; i++) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable) current = current.unwrap();
    else if (current instanceof z.ZodDefault) current = current._def.innerType;
    else if (current instanceof z.ZodEffects) current = current.innerType();
    else if (current instanceof z.ZodPipeline) current = current._def.in;
    else if (current instanceof z.ZodCatch) current = current._def.innerType;
    else break;
  }
  return current;
}

/** Whether a field is a list (check boxes with one name). */
export function isListField(type: z.ZodTypeAny): boolean {
  let current = type;
  for (let i = 0; i < 20; i++) {
    if (current instanceof z.ZodArray) return true;
    if (current instanceof z.ZodEffects && current._def.effect.type === "preprocess") current = current.innerType();
    else if (current instanceof z.ZodOptional || current instanceof z.ZodDefault || current instanceof z.ZodEffects)
      current =
        current instanceof z.ZodOptional
          ? current.unwrap()
          : current instanceof z.ZodDefault
            ? current._def.innerType
            : current.innerType();
    else return false;
  }
  return false;
}

function stringSample(name: string, type: z.ZodString, ids: Record<string, string>): string {
  const checks = type._def.checks;
  if (name in ids) return ids[name]!;
  if (checks.some((check) => check.kind === "uuid")) return Object.values(ids)[0]!;
  if (checks.some((check) => check.kind === "email")) return "iemand@voorbeeld.test";
  if (checks.some((check) => check.kind === "url")) return "https://voorbeeld.test/";
  if (/url|Url|link/.test(name)) return "https://voorbeeld.test/";
  if (/date|datum|On$|day/.test(name)) return "2099-01-15";
  if (/^end|End/.test(name)) return "14:00";
  if (/time|tijd|^start|Start/.test(name)) return "13:00";
  const min = checks.find((check) => check.kind === "min") as { value: number } | undefined;
  const text = "Een tekst voor de toets";
  return min && min.value > text.length ? text.padEnd(min.value, ".") : text;
}

/** One value that the field's own type accepts, as a form sends it. */
export function sampleValue(name: string, type: z.ZodTypeAny, ids: Record<string, string>): string {
  const inner = unwrap(type);
  if (inner instanceof z.ZodString) return stringSample(name, inner, ids);
  if (inner instanceof z.ZodEnum) return String(inner.options[0]);
  if (inner instanceof z.ZodNativeEnum) return String(Object.values(inner.enum)[0]);
  if (inner instanceof z.ZodLiteral) return String(inner.value);
  if (inner instanceof z.ZodNumber) return "1";
  if (inner instanceof z.ZodBoolean) return "true";
  if (inner instanceof z.ZodDate) return "2099-01-15";
  if (inner instanceof z.ZodArray) return sampleValue(name, inner.element, ids);
  if (inner instanceof z.ZodUnion) return sampleValue(name, inner.options[0], ids);
  return ids[name] ?? "on";
}

/** A body for one intent with a plausible value in every field (`ids`: a UUID per field name). */
export function sampleBody(form: ActionForm, ids: Record<string, string>, overrides: Record<string, string> = {}) {
  const entries: [string, string][] = [];
  if (!form.intent.startsWith("(")) entries.push(["intent", form.intent]);
  for (const [name, type] of Object.entries(form.fields)) {
    if (name in overrides) continue;
    entries.push([name, sampleValue(name, type, ids)]);
  }
  for (const [name, value] of Object.entries(overrides)) entries.push([name, value]);
  return entries;
}

// ---------------------------------------------------------------------------------------------------------
// Malformed input.

/** Values that no field should take badly: each one goes into every field of every intent in turn. */
export const BAD_VALUES: Record<string, string> = {
  empty: "",
  spaces: "   ",
  oversized: "x".repeat(200_000),
  "oversized-multibyte": "€".repeat(70_000),
  nul: "abc\u0000def",
  "control-characters": "a\u0001\u0008\u001b[31mb",
  "lone-surrogate": "a\ud800b",
  "rtl-override": "\u202egnp.exe",
  "zero-width": "\u200b\u200d\ufeff",
  emoji: "👩🏽‍💻".repeat(10),
  "invalid-date": "2027-02-30",
  "date-garbage": "31-31-2027T25:61",
  "year-zero": "0000-00-00",
  "not-a-uuid": "123",
  "almost-uuid": "00000000-0000-0000-0000-00000000000g",
  "unknown-uuid": "6f1c3c1e-1b6a-4c4f-9a37-5c6a1d1e2f3a",
  number: "-1",
  "huge-number": "1e309",
  nan: "NaN",
  "sql-injection": '\' OR 1=1; DROP TABLE "User"; --',
  "html-injection": '<script>alert(1)</script><img src=x onerror="alert(2)">',
  "markdoc-injection": "{% callout %}{% /callout %}[x](javascript:alert(1))",
  "path-traversal": "../../../../etc/passwd",
  "csv-formula": '=HYPERLINK("http://voorbeeld.test")',
  "prototype-pollution": "__proto__",
};

export type MalformedRequest = { name: string; init: RequestInit };

function urlencoded(entries: [string, string][]): RequestInit {
  return { method: "POST", body: new URLSearchParams(entries) };
}

/** The malformed posts for one intent of an action. */
export function malformedRequests(form: ActionForm, ids: Record<string, string>): MalformedRequest[] {
  const intent: [string, string][] = form.intent.startsWith("(") ? [] : [["intent", form.intent]];
  const valid = sampleBody(form, ids);
  const requests: MalformedRequest[] = [
    { name: "no fields at all", init: urlencoded(intent) },
    {
      name: "an unknown intent",
      init: urlencoded([["intent", "bestaat-niet"], ...valid.filter(([key]) => key !== "intent")]),
    },
    { name: "the intent twice", init: urlencoded([...valid, ["intent", "bestaat-niet"]]) },
    { name: "the intent as a file", init: multipartWithFileIntent(valid) },
    {
      name: "JSON",
      init: {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(Object.fromEntries(valid)),
      },
    },
    { name: "plain text", init: { method: "POST", headers: { "Content-Type": "text/plain" }, body: "intent=x" } },
    { name: "no content type", init: { method: "POST", body: new Blob([new URLSearchParams(valid).toString()]) } },
    {
      name: "multipart without boundary",
      init: {
        method: "POST",
        headers: { "Content-Type": "multipart/form-data" },
        body: '--x\r\nContent-Disposition: form-data; name="intent"\r\n\r\nx\r\n--x--\r\n',
      },
    },
    {
      name: "multipart with a wrong boundary",
      init: {
        method: "POST",
        headers: { "Content-Type": "multipart/form-data; boundary=abc" },
        body: "--xyz\r\nnonsense",
      },
    },
    {
      name: "broken percent-encoding",
      init: {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: "intent=%E0%A4%A&x=%",
      },
    },
    {
      name: "empty body",
      init: { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "" },
    },
  ];
  for (const [field, type] of Object.entries(form.fields)) {
    for (const [bad, value] of Object.entries(BAD_VALUES)) {
      requests.push({
        name: `${field} = ${bad}`,
        init: urlencoded([...valid.filter(([key]) => key !== field), [field, value]]),
      });
    }
    requests.push({ name: `${field} missing`, init: urlencoded(valid.filter(([key]) => key !== field)) });
    if (!isListField(type)) {
      requests.push({
        name: `${field} sent twice`,
        init: urlencoded([...valid, [field, valid.find(([key]) => key === field)?.[1] ?? "x"]]),
      });
    }
  }
  return requests;
}

function multipartWithFileIntent(valid: [string, string][]): RequestInit {
  const body = new FormData();
  for (const [key, value] of valid) if (key !== "intent") body.append(key, value);
  body.append("intent", new File(["save"], "intent.txt"));
  return { method: "POST", body };
}

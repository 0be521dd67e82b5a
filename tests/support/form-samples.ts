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

/** Text no text field should choke on: each goes into every field of an intent at once. */
export const ODD_TEXT: Record<string, string> = {
  "control characters": "a\u0001\u0008\u001b[31mb\u007f",
  "a lone surrogate": "a\ud800b\udc00",
  "a right-to-left override": "\u202egnp.exe",
  "zero-width characters and emoji": "\u200b\ufeff👩🏽‍💻🇳🇱",
  "SQL injection": '\' OR 1=1; DROP TABLE "User"; --',
  "HTML injection": '<script>alert(1)</script><img src=x onerror="alert(2)">',
  "Markdoc injection": "{% callout %}{% /callout %}[x](javascript:alert(1)) {% $x %}",
  "path traversal": "../../../../etc/passwd",
  "a formula": '=HYPERLINK("http://voorbeeld.test")',
  "only spaces": "   ",
};

/** Values aimed at one field at a time, by what the field holds (its name or type). */
function aimedValues(name: string, type: z.ZodTypeAny): Record<string, string> {
  const values: Record<string, string> = { oversized: "x".repeat(100_001), "a NUL character": "abc\u0000def" };
  const inner = unwrap(type);
  const isUuid = inner instanceof z.ZodString && inner._def.checks.some((check) => check.kind === "uuid");
  if (isUuid || /Id$|^id$/.test(name)) {
    values["not a UUID"] = "123";
    values["an unknown UUID"] = "6f1c3c1e-1b6a-4c4f-9a37-5c6a1d1e2f3a";
  }
  if (/date|datum|On$|day|At$/.test(name)) {
    values["an impossible date"] = "2027-02-30";
    values["a garbled date"] = "31-31-2027T25:61";
  }
  if (/^end|End|time|tijd|^start|Start/.test(name)) values["an impossible time"] = "25:61";
  if (inner instanceof z.ZodNumber || /version|number|capacity|count|score|value/i.test(name)) {
    values["a huge number"] = "1e309";
    values["a negative number"] = "-1";
    values["not a number"] = "NaN";
  }
  return values;
}

/** A malformed post; `entries` when it is a plain form (so the test can ask the form layer what it expects). */
export type MalformedRequest = { name: string; init: RequestInit; entries?: [string, string][] };

function urlencoded(name: string, entries: [string, string][]): MalformedRequest {
  return { name, entries, init: { method: "POST", body: new URLSearchParams(entries) } };
}

/** Bodies that are no form at all (once per action): the action must answer 400, whatever its form. */
export function brokenBodies(form: ActionForm, ids: Record<string, string>): MalformedRequest[] {
  const formBody = new URLSearchParams(sampleBody(form, ids)).toString();
  const raw = (name: string, contentType: string | null, body: BodyInit): MalformedRequest => ({
    name,
    init: { method: "POST", headers: contentType ? { "Content-Type": contentType } : {}, body },
  });
  return [
    raw("JSON", "application/json", JSON.stringify(Object.fromEntries(sampleBody(form, ids)))),
    raw("plain text", "text/plain", formBody),
    raw("no content type", null, new Blob([formBody])),
    raw("an unknown content type", "application/x-leernetwerk", formBody),
    raw(
      "multipart without boundary",
      "multipart/form-data",
      `--x\r\nContent-Disposition: form-data; name="intent"\r\n\r\nx\r\n--x--\r\n`,
    ),
    raw("multipart with a wrong boundary", "multipart/form-data; boundary=abc", "--xyz\r\nnonsense"),
    raw(
      "multipart cut off",
      "multipart/form-data; boundary=abc",
      `--abc\r\nContent-Disposition: form-data; name="intent"\r\n\r\nsa`,
    ),
  ];
}

/** The malformed posts for one intent of an action. */
export function malformedRequests(form: ActionForm, ids: Record<string, string>): MalformedRequest[] {
  const intent: [string, string][] = form.intent.startsWith("(") ? [] : [["intent", form.intent]];
  const valid = sampleBody(form, ids);
  const fields = Object.keys(form.fields);
  const requests: MalformedRequest[] = [
    urlencoded("no fields at all", intent),
    urlencoded("an unknown intent", [["intent", "bestaat-niet"], ...valid.filter(([key]) => key !== "intent")]),
    urlencoded("the intent twice", [...valid, ["intent", "bestaat-niet"]]),
    { name: "the intent as a file", init: multipartWithFileIntent(valid) },
    urlencoded("every field twice", [...valid, ...valid.filter(([key]) => key !== "intent")]),
    urlencoded("every field empty", [...intent, ...fields.map((field): [string, string] => [field, ""])]),
    {
      name: "broken percent-encoding",
      entries: [...new URLSearchParams("x=%E0%A4%A&y=%")],
      init: {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: `${new URLSearchParams(intent).toString()}&x=%E0%A4%A&y=%`,
      },
    },
  ];
  const broken = requests.at(-1)!;
  broken.entries = [...new URLSearchParams(String(broken.init.body))];
  for (const [name, value] of Object.entries(ODD_TEXT)) {
    requests.push(
      urlencoded(`every field ${name}`, [...intent, ...fields.map((field): [string, string] => [field, value])]),
    );
  }
  for (const [field, type] of Object.entries(form.fields)) {
    for (const [bad, value] of Object.entries(aimedValues(field, type))) {
      requests.push(urlencoded(`${field}: ${bad}`, [...valid.filter(([key]) => key !== field), [field, value]]));
    }
    requests.push(
      urlencoded(
        `${field} missing`,
        valid.filter(([key]) => key !== field),
      ),
    );
  }
  return requests;
}

function multipartWithFileIntent(valid: [string, string][]): RequestInit {
  const body = new FormData();
  for (const [key, value] of valid) if (key !== "intent") body.append(key, value);
  body.append("intent", new File(["save"], "intent.txt"));
  return { method: "POST", body };
}

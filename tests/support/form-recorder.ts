// Which forms each action reads, found by asking it. The route tests replace app/utils/forms.ts with a
// pass-through (vi.mock, see authorization-matrix.db.test.ts) whose parseForm first tells this recorder
// which schema the action reached; `discoverForms` posts an unknown intent to every action as every actor
// and collects the intents of the schemas it reached (a route's own intents, never a hand-kept list).
//
// While `stopAtParse` is on, the recorded parseForm answers "invalid" without looking at the form, so an
// action that got past its guards changes nothing: the matrix checks who gets past the guards, not what a
// valid form does (the feature tests do that).
import { z } from "zod";
import type { FormResult } from "~/utils/forms.ts";
import type { AppRoute } from "./route-list.ts";

export const NO_INTENT = "(formulier)";
export const NO_FORM = "(geen formulier)";

type ParseForm = (schema: z.ZodTypeAny, formData: FormData, options?: { secretFields?: string[] }) => unknown;

export const formRecorder = {
  stopAtParse: false,
  /** The schemas parseForm was called with since the last `take()`. */
  reached: [] as z.ZodTypeAny[],
  take() {
    const reached = this.reached;
    this.reached = [];
    return reached;
  },
};

/** The parseForm the mock exports: records the schema, then parses (or stops, see above). */
export function recordingParseForm(actual: ParseForm): ParseForm {
  return (schema, formData, options) => {
    formRecorder.reached.push(schema);
    if (formRecorder.stopAtParse) {
      return {
        ok: false,
        error: { status: "error", fieldErrors: {}, formError: "matrix: gestopt bij het formulier", values: {} },
      } satisfies FormResult<unknown>;
    }
    return actual(schema, formData, options);
  };
}

export type FormShape = { intent: string; fields: Record<string, z.ZodTypeAny>; object: z.ZodTypeAny };

/** The forms a schema accepts: one per intent of a union on `intent`, or the one form of a plain schema. */
export function schemaForms(schema: z.ZodTypeAny): FormShape[] {
  let current: z.ZodTypeAny = schema;
  for (;;) {
    if (current instanceof z.ZodDiscriminatedUnion && current.discriminator === "intent") {
      return [...current.optionsMap.entries()].map(([intent, option]) => ({
        intent: String(intent),
        fields: Object.fromEntries(
          Object.entries((option as z.AnyZodObject).shape as Record<string, z.ZodTypeAny>).filter(
            ([key]) => key !== "intent",
          ),
        ),
        object: option as z.ZodTypeAny,
      }));
    }
    if (current instanceof z.ZodEffects) current = current.innerType();
    else if (current instanceof z.ZodPipeline) current = current._def.in;
    else if (current instanceof z.ZodObject) return [{ intent: NO_INTENT, fields: current.shape, object: current }];
    else return [{ intent: NO_INTENT, fields: {}, object: current }];
  }
}

export type ActionForm = FormShape & { multipart: boolean; schema: z.ZodTypeAny };

/**
 * Every form an action reads, found by posting an unknown intent (as urlencoded and as multipart, since an
 * upload may take its own branch) once per cookie. An action that reaches no parseForm for anyone (signing
 * out, a one-click unsubscribe) has one form, NO_FORM.
 */
export async function discoverForms(
  route: AppRoute,
  /** A fresh session per actor (the probe may sign out). */
  cookies: () => Promise<(string | null)[]>,
  url: string,
  call: (run: () => unknown) => Promise<unknown>,
): Promise<ActionForm[]> {
  const found = new Map<string, ActionForm>();
  formRecorder.stopAtParse = true;
  try {
    for (const cookie of await cookies()) {
      for (const multipart of [false, true]) {
        const body = new FormData();
        body.set("intent", "__onbekend__");
        const headers = new Headers();
        if (cookie) headers.set("Cookie", cookie);
        const request = new Request(url, {
          method: "POST",
          headers,
          body: multipart ? body : new URLSearchParams({ intent: "__onbekend__" }),
        });
        formRecorder.take();
        await call(() =>
          route.module.action!({ request, params: paramsOf(route, url), context: { cspNonce: "test" } }),
        );
        for (const schema of formRecorder.take()) {
          for (const form of schemaForms(schema)) {
            if (!found.has(form.intent)) found.set(form.intent, { ...form, multipart, schema });
          }
        }
      }
    }
  } finally {
    formRecorder.stopAtParse = false;
  }
  if (found.size === 0) return [{ intent: NO_FORM, fields: {}, object: z.any(), multipart: false, schema: z.any() }];
  return [...found.values()].sort((a, b) => a.intent.localeCompare(b.intent));
}

/** The route params of a concrete URL, read back with the route's pattern. */
export function paramsOf(route: AppRoute, url: string): Record<string, string> {
  const names: string[] = [];
  const source = route.pattern
    .split("/")
    .map((part) => {
      if (part === "*") {
        names.push("*");
        return "(.*)";
      }
      if (part.startsWith(":")) {
        const optional = part.endsWith("?");
        names.push(part.slice(1).replace(/\?$/, ""));
        return optional ? "?([^/]*)" : "([^/]+)";
      }
      return part.replace(/[.]/g, "\\.");
    })
    .join("/");
  const match = new RegExp(`^${source}$`).exec(new URL(url).pathname);
  const params: Record<string, string> = {};
  names.forEach((name, index) => {
    const value = match?.[index + 1];
    if (value) params[name] = decodeURIComponent(value);
  });
  return params;
}

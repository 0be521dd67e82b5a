// Malformed input for every action: for each route and intent (found from the action's own schema, see
// tests/support/form-recorder.ts), posts with missing fields, wrong types, oversized strings, unknown
// intents, a non-form content type, a multipart body without a boundary, invalid dates, non-UUID ids,
// unicode edge cases and injection strings (tests/support/form-samples.ts), sent as an actor the
// authorization matrix allows. No answer may be a 5xx, and a post the form layer refuses changes nothing.
import { readFileSync } from "node:fs";
import path from "node:path";
import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.UPLOAD_DIR = `/tmp/leernetwerk-malformed-uploads-${process.pid}`;
});
vi.mock("~/utils/forms.ts", async (importOriginal) => {
  const actual = await importOriginal<typeof import("~/utils/forms.ts")>();
  const { recordingParseForm } = await import("../support/form-recorder.ts");
  return { ...actual, parseForm: recordingParseForm(actual.parseForm as never) };
});

import { parseForm } from "~/utils/forms.ts";
import { changedTables, snapshot } from "../support/db-snapshot.ts";
import { type ActionForm, formRecorder, NO_FORM } from "../support/form-recorder.ts";
import { brokenBodies, type MalformedRequest, malformedRequests } from "../support/form-samples.ts";
import { prepareMatrix, type PreparedRoute } from "../support/matrix-harness.ts";
import { callAction, callLoader } from "../support/matrix-run.ts";
import { ACTORS, type Actor, type MatrixWorld } from "../support/matrix-world.ts";
import { OK } from "./authorization-matrix.ts";

let world: MatrixWorld;
let routes: PreparedRoute[];

beforeAll(async () => {
  ({ world, routes } = await prepareMatrix());
}, 120_000);

afterAll(async () => {
  await rm(process.env.UPLOAD_DIR!, { recursive: true, force: true });
});

/** Whether the form layer itself refuses this post (then the action must refuse it and change nothing). */
function formRefuses(form: ActionForm, request: MalformedRequest): boolean {
  if (form.intent === NO_FORM) return false;
  // A body that is no form is refused by readForm; a file as the intent by parseForm (when there are intents).
  if (!request.entries) return request.name !== "the intent as a file" || !form.intent.startsWith("(");
  const formData = new FormData();
  for (const [key, value] of request.entries) formData.append(key, value);
  const result = parseForm(form.schema, formData);
  formRecorder.take();
  return !result.ok;
}

function actorFor(route: PreparedRoute, intent: string): Actor {
  const expectation = route.row?.actions?.[intent];
  return ACTORS.find((actor) => expectation?.[actor] === OK) ?? "owner";
}

describe("malformed input", () => {
  it("no action answers a malformed post with a 5xx, and a refused one changes nothing", async () => {
    const failures: string[] = [];
    let requests = 0;
    let serverErrors = 0;
    let refusals = 0;
    let actions = 0;
    const started = Date.now();

    /** Sends the posts of one intent: first those the form layer refuses (together they change nothing), then the rest. */
    async function run(route: PreparedRoute, form: ActionForm, samples: MalformedRequest[]) {
      const actor = actorFor(route, form.intent);
      const sorted = samples.map((request) => ({ request, refused: formRefuses(form, request) }));
      let cookie = await world.signIn(actor);
      const before = await snapshot();
      for (const { request } of sorted.filter((sample) => sample.refused)) {
        const { answer } = await callAction(route, route.url, cookie, request.init);
        requests++;
        refusals++;
        const label = `${route.pattern} ${form.intent} as ${actor}, ${request.name}`;
        if (answer.status >= 500) {
          serverErrors++;
          failures.push(`${label}: ${answer.status} ${answer.error ?? ""}`);
        } else if (answer.status < 400) failures.push(`${label}: ${answer.status}, expected a refusal`);
      }
      const changed = changedTables(before, await snapshot());
      if (changed.length)
        failures.push(`${route.pattern} ${form.intent}: a refused post changed ${changed.join(", ")}`);
      // The posts the form accepts (odd text is still text) may be saved; they must not break anything.
      for (const { request } of sorted.filter((sample) => !sample.refused)) {
        const { answer } = await callAction(route, route.url, cookie, request.init);
        requests++;
        if (answer.status >= 500) {
          serverErrors++;
          failures.push(
            `${route.pattern} ${form.intent} as ${actor}, ${request.name}: ${answer.status} ${answer.error ?? ""}`,
          );
        }
        // An accepted post may have signed the actor out (everywhere): the next one gets a new session.
        if (answer.status >= 300 && answer.status < 400) cookie = await world.signIn(actor);
      }
    }

    for (const route of routes) {
      if (!route.forms.length) continue;
      actions++;
      const [first] = route.forms;
      await run(route, first!, brokenBodies(first!, world.params));
      for (const form of route.forms) await run(route, form, malformedRequests(form, world.params));
    }
    console.info(
      `Malformed input: ${requests} requests to ${actions} actions (every intent), ${refusals} of them refused by the form layer with nothing changed; ${serverErrors} answered with a 5xx (${Math.round((Date.now() - started) / 1000)} s).`,
    );
    expect(failures, failures.slice(0, 60).join("\n")).toEqual([]);
  }, 1_200_000);

  it("no loader answers malformed query parameters with a 5xx", async () => {
    // The query parameters each loader reads, found in its file; every one gets every odd value.
    const oddValues = {
      "a NUL character": "%00",
      oversized: "x".repeat(10_000),
      "not a UUID": "123",
      "an unknown UUID": "6f1c3c1e-1b6a-4c4f-9a37-5c6a1d1e2f3a",
      "broken percent-encoding": "%E0%A4%A",
      "a lone surrogate": "%ED%A0%80",
      "HTML injection": encodeURIComponent("<script>alert(1)</script>"),
      "the parameter twice": "a&$=b",
    };
    const failures: string[] = [];
    let requests = 0;
    for (const route of routes) {
      if (!route.module.loader) continue;
      const source = readFileSync(path.resolve("app", route.file), "utf8");
      const names = [
        ...new Set(
          [...source.matchAll(/(?:searchParams\.get\(|queryText\(\w+, )"([^"]+)"/g)].map((match) => match[1]!),
        ),
      ];
      // `aantal` sizes a computation on the grouping page: its bound is a fix of its own (issue 20, unbounded input).
      const expectation = route.row?.loader;
      const actor = ACTORS.find((candidate) => expectation?.[candidate] === OK) ?? "anonymous";
      for (const name of names) {
        for (const [label, value] of Object.entries(oddValues)) {
          const url = `${route.url}?${name}=${value.replace("$", name)}`;
          const answer = await callLoader(route, url, world.cookies[actor]);
          requests++;
          if (answer.status >= 500)
            failures.push(`GET ${route.pattern}?${name}= ${label} as ${actor}: ${answer.status} ${answer.error ?? ""}`);
        }
      }
    }
    console.info(
      `Malformed query parameters: ${requests} requests to loaders, ${failures.length} answered with a 5xx.`,
    );
    expect(failures, failures.join("\n")).toEqual([]);
  }, 120_000);
});

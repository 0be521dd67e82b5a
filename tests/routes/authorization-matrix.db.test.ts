// Runs the authorization matrix (authorization-matrix.ts) over every route the app has: every loader and
// every action intent × every actor of the matrix world, each a real Request with the actor's session
// cookie, on PGlite and (with TEST_POSTGRES_URL) PostgreSQL. A route or intent without a row fails the run.
import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // Attachments of the world go to a private folder.
  process.env.UPLOAD_DIR = `/tmp/leernetwerk-matrix-uploads-${process.pid}`;
});
// parseForm tells the recorder which forms each action reads (and, in matrix mode, stops there).
vi.mock("~/utils/forms.ts", async (importOriginal) => {
  const actual = await importOriginal<typeof import("~/utils/forms.ts")>();
  const { recordingParseForm } = await import("../support/form-recorder.ts");
  return { ...actual, parseForm: recordingParseForm(actual.parseForm as never) };
});

import { formRecorder, NO_FORM } from "../support/form-recorder.ts";
import { sampleBody } from "../support/form-samples.ts";
import { changedTables, snapshot } from "../support/db-snapshot.ts";
import { callAction, callLoader, outcomeOf } from "../support/matrix-run.ts";
import { prepareMatrix, type PreparedRoute } from "../support/matrix-harness.ts";
import { ACTORS, type Actor, type MatrixWorld } from "../support/matrix-world.ts";
import { type Expected, MATRIX, OK } from "./authorization-matrix.ts";

let world: MatrixWorld;
let routes: PreparedRoute[];

beforeAll(async () => {
  ({ world, routes } = await prepareMatrix());
}, 120_000);

afterAll(async () => {
  await rm(process.env.UPLOAD_DIR!, { recursive: true, force: true });
});

function actionBody(route: PreparedRoute, intent: string): BodyInit {
  const form = route.forms.find((candidate) => candidate.intent === intent)!;
  const extra = route.row?.body?.(world)[intent] ?? {};
  const entries = sampleBody(form, world.params, extra);
  if (!form.multipart) return new URLSearchParams(entries);
  const body = new FormData();
  for (const [key, value] of entries) if (key !== "file") body.append(key, value);
  body.append("file", new File(["%PDF-1.4\n%%EOF\n"], "matrix.pdf", { type: "application/pdf" }));
  return body;
}

function describeOutcome(expected: Expected) {
  return expected === OK ? "allowed" : String(expected);
}

describe("authorization matrix", () => {
  it("has a row for every route, loader and action intent, and no row for what does not exist", () => {
    const missing: string[] = [];
    for (const route of routes) {
      if (!route.row) {
        missing.push(`${route.id} (${route.pattern}): no row in tests/routes/authorization-matrix.ts`);
        continue;
      }
      if (route.module.loader && !route.row.loader) missing.push(`${route.id}: no expectation for its loader`);
      if (!route.module.loader && route.row.loader) missing.push(`${route.id}: a loader row, but no loader`);
      for (const form of route.forms) {
        if (!route.row.actions?.[form.intent])
          missing.push(`${route.id}: no row for the action intent "${form.intent}"`);
      }
      for (const intent of Object.keys(route.row.actions ?? {})) {
        if (!route.forms.some((form) => form.intent === intent))
          missing.push(`${route.id}: a row for the intent "${intent}", which the action does not have`);
      }
    }
    const known = new Set(routes.map((route) => route.id));
    for (const id of Object.keys(MATRIX))
      if (!known.has(id)) missing.push(`${id}: a row for a route that does not exist`);
    expect(missing, missing.join("\n")).toEqual([]);

    const loaders = routes.filter((route) => route.module.loader).length;
    const intents = routes.reduce((sum, route) => sum + route.forms.length, 0);
    console.info(
      `Authorization matrix: ${routes.length} routes, ${loaders} loaders + ${intents} action intents = ${loaders + intents} rows × ${ACTORS.length} actors = ${(loaders + intents) * ACTORS.length} cells; complete (every route, loader and intent has a row).`,
    );
  });

  it("every loader answers every actor as the matrix says", async () => {
    const wrong: string[] = [];
    let cells = 0;
    for (const route of routes) {
      if (!route.module.loader || !route.row?.loader) continue;
      for (const actor of ACTORS) {
        const answer = await callLoader(route, route.url, world.cookies[actor]);
        const expected = route.row.loader[actor];
        const outcome = outcomeOf(answer);
        cells++;
        if (outcome !== (expected === OK ? 200 : expected)) {
          wrong.push(
            `${route.pattern} GET as ${actor}: ${outcome}, expected ${describeOutcome(expected)}${answer.error ? ` (${answer.error})` : ""}`,
          );
        }
      }
    }
    expect(wrong, wrong.join("\n")).toEqual([]);
    console.info(`Authorization matrix: ${cells} loader cells passed.`);
  }, 120_000);

  it("every action intent answers every actor as the matrix says, and a refused one changes nothing", async () => {
    const wrong: string[] = [];
    let cells = 0;
    let refused = 0;
    for (const route of routes) {
      if (!route.module.action || !route.row?.actions) continue;
      for (const form of route.forms) {
        const expectation = route.row.actions[form.intent];
        if (!expectation) continue;
        // Refusals first, for real, with a body that passes the form: nothing may change.
        const before = await snapshot();
        const refusedActors = ACTORS.filter((actor) => expectation[actor] !== OK);
        for (const actor of refusedActors) {
          const cookie = form.intent === NO_FORM ? await world.signIn(actor) : world.cookies[actor];
          const { answer } = await callAction(route, route.url, cookie, { body: actionBody(route, form.intent) });
          const outcome = outcomeOf(answer);
          cells++;
          refused++;
          if (outcome !== expectation[actor]) {
            wrong.push(
              `${route.pattern} POST ${form.intent} as ${actor}: ${outcome}, expected ${describeOutcome(expectation[actor])}${answer.error ? ` (${answer.error})` : ""}`,
            );
          }
        }
        if (form.intent !== NO_FORM) {
          const changed = changedTables(before, await snapshot());
          if (changed.length)
            wrong.push(`${route.pattern} POST ${form.intent}: a refused request changed ${changed.join(", ")}`);
        }
        // Allowed: the action gets past its guards to its form, and stops there.
        formRecorder.stopAtParse = true;
        try {
          for (const actor of ACTORS.filter((candidate) => expectation[candidate] === OK)) {
            const { answer, reachedForm } = await callAction(route, route.url, world.cookies[actor as Actor], {
              body: actionBody(route, form.intent),
            });
            cells++;
            if (!reachedForm) {
              wrong.push(
                `${route.pattern} POST ${form.intent} as ${actor}: ${outcomeOf(answer)}, expected allowed${answer.error ? ` (${answer.error})` : ""}`,
              );
            }
          }
        } finally {
          formRecorder.stopAtParse = false;
        }
      }
    }
    expect(wrong, wrong.join("\n")).toEqual([]);
    console.info(
      `Authorization matrix: ${cells} action cells passed (${refused} refusals run for real, nothing changed).`,
    );
  }, 120_000);
});

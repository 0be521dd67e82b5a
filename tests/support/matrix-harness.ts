// What the authorization matrix and the malformed-input run share: the world, every route with its URL in
// that world, and each action's forms (found by tests/support/form-recorder.ts, so the test file must
// install the recording parseForm with vi.mock first).
import { type Row, MATRIX } from "../routes/authorization-matrix.ts";
import { type ActionForm, discoverForms } from "./form-recorder.ts";
import { answerOf } from "./matrix-run.ts";
import { ACTORS, createMatrixWorld, type MatrixWorld } from "./matrix-world.ts";
import { type AppRoute, listRoutes } from "./route-list.ts";

export type PreparedRoute = AppRoute & { url: string; row: Row | undefined; forms: ActionForm[] };

export function urlFor(route: AppRoute, world: MatrixWorld, row: Row | undefined): string {
  const params = { ...world.params, ...row?.params?.(world) };
  const path = route.pattern
    .replace(/:(\w+)\??/g, (_, name: string) => encodeURIComponent(params[name] ?? `geen-${name}`))
    .replace("*", params["*"]!);
  return `http://localhost${path}`;
}

export async function prepareMatrix() {
  const world = await createMatrixWorld();
  const routes: PreparedRoute[] = [];
  for (const route of await listRoutes()) {
    const row = MATRIX[route.id];
    const url = urlFor(route, world, row);
    const forms = route.module.action
      ? await discoverForms(route, () => Promise.all(ACTORS.map((actor) => world.signIn(actor))), url, answerOf)
      : [];
    routes.push({ ...route, url, row, forms });
  }
  return { world, routes };
}

// Per-request memory shared by all loaders of one request. Remix hands every loader its own copy of the
// Request, so the Request object cannot be used as a cache key; the Express server runs each request
// inside this AsyncLocalStorage instead (server/app.ts). The instance lives on globalThis because the
// server and the Remix build each load their own copy of this module.
import { AsyncLocalStorage } from "node:async_hooks";

type RequestMemory = Map<string, unknown>;

const key = Symbol.for("leernetwerk.request-context");
const globalStore = globalThis as unknown as { [key]?: AsyncLocalStorage<RequestMemory> };
const storage = globalStore[key] ?? new AsyncLocalStorage<RequestMemory>();
globalStore[key] = storage;

export function runWithRequestMemory<T>(fn: () => T): T {
  return storage.run(new Map(), fn);
}

/** The value cached under `name` for this request, computed once. Outside a request: no caching. */
export function rememberForRequest<T>(name: string, compute: () => T): T {
  const memory = storage.getStore();
  if (!memory) return compute();
  if (!memory.has(name)) memory.set(name, compute());
  return memory.get(name) as T;
}

/** The value kept under `name` for this request, if any (without computing one). */
export function peekForRequest<T>(name: string): T | undefined {
  return storage.getStore()?.get(name) as T | undefined;
}

/** Drop a cached value, e.g. after the session changed within this request. */
export function forgetForRequest(name: string) {
  storage.getStore()?.delete(name);
}

// What every job file exports: a name, a Zod schema for its payload, and the processor. Processors are
// idempotent (running one twice does no harm) because every job may run more than once: Bull retries,
// a worker may die half-way, and the sweep re-enqueues whatever the database says is not done.
import type { z } from "zod";

export type JobDefinition<Payload> = {
  name: string;
  payload: z.ZodType<Payload, z.ZodTypeDef, unknown>;
  process: (payload: Payload) => Promise<unknown>;
  /** Attempts before the engine gives up (the outbox keeps its own count for e-mail). */
  attempts: number;
  /** First retry delay; doubles on each further attempt. */
  backoffMs: number;
  /** Periodic jobs: how often the worker (or the in-process timer) runs them. */
  everyMs?: number;
};

/** Thrown by a processor for a temporary failure: the engine retries with exponential backoff. */
export class RetryLater extends Error {
  override name = "RetryLater";
}

export function defineJob<Payload>(definition: JobDefinition<Payload>): JobDefinition<Payload> {
  return definition;
}

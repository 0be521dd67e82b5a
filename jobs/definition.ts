// What every job is: a name, a Zod schema for its payload, the processor and its retry policy. Processors
// are idempotent (running one twice does no harm) because every job may run more than once: Bull retries,
// a worker may die half-way, and the sweep re-enqueues whatever the database says is not done.
//
// A definition is a plain object. The engine (engine.ts) never imports one: the start-up registers them
// (server/startup.ts), and code that enqueues passes the definition itself, so the payload is typed from
// the schema: `enqueue(deliverEmailJob, { messageId })`.
import type { z } from "zod";

// process and jobId are written as methods: their parameters are then compared bivariantly, so every
// definition fits the engine's JobDefinition (of any schema), which calls them only with parsed payloads.
export type JobDefinition<Schema extends z.ZodTypeAny = z.ZodTypeAny> = {
  name: string;
  payload: Schema;
  process(payload: z.output<Schema>): Promise<unknown>;
  /** Attempts before the engine gives up (the outbox keeps its own count for e-mail). */
  attempts: number;
  /** First retry delay; doubles on each further attempt. */
  backoffMs: number;
  /** Periodic jobs: how often the worker (or the in-process timer) runs them. */
  everyMs?: number;
  /** The same work queued twice is one job on Bull (e.g. one delivery per message). */
  jobId?(payload: z.output<Schema>): string;
};

/** What `enqueue` accepts for a definition: the schema's input. */
export type JobPayload<Definition> = Definition extends JobDefinition<infer Schema> ? z.input<Schema> : never;

/** Thrown by a processor for a temporary failure: the engine retries with exponential backoff. */
export class RetryLater extends Error {
  override name = "RetryLater";
}

export function defineJob<Schema extends z.ZodTypeAny>(definition: JobDefinition<Schema>): JobDefinition<Schema> {
  return definition;
}

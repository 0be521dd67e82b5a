import type { SessionFormat } from "~/generated/prisma/enums.ts";

// Pieces of the hand-written statements that build a page's rows as plain JSON in the database and send
// them straight to the driver (readRows in app/utils/db.server.ts; issue 18): Prisma's nested selects
// (JSONB per relation level, then its own mapping in JavaScript) cost about twice the CPU for the same rows.

/** A moment as milliseconds since 1970 (exact for the millisecond timestamps stored), or null. */
export const ms = (column: string) => `(extract(epoch FROM ${column}) * 1000)::float8`;

/** A session's summary as JSON (as sessionSummarySelect in cohort.server.ts), with more fields when given. */
export const sessionJson = (alias: string, more = "") => `json_build_object(
  'id', ${alias}.id, 'number', ${alias}.number, 'title', ${alias}.title,
  'startsAt', ${ms(`${alias}."startsAt"`)}, 'endsAt', ${ms(`${alias}."endsAt"`)},
  'format', ${alias}.format, 'location', ${alias}.location, 'meetingUrl', ${alias}."meetingUrl",
  'preparation', ${alias}.preparation, 'cancelledAt', ${ms(`${alias}."cancelledAt"`)}${more})`;

/** What sessionJson gives: the session's summary with moments as milliseconds. */
export type SessionJsonRow = {
  id: string;
  number: number;
  title: string;
  startsAt: number;
  endsAt: number;
  format: SessionFormat;
  location: string | null;
  meetingUrl: string | null;
  preparation: string;
  cancelledAt: number | null;
};

export const toDate = (value: number) => new Date(value);
export const toDateOrNull = (value: number | null) => (value === null ? null : new Date(value));

// A page's own data, read in the same statement as the session check (issue 18: one round trip less).
//
// Every signed-in request reads its session first (app/auth/lucia-adapter.server.ts). A page whose data
// depends only on who is signed in (and on the URL) can hand that statement a "rider": a SQL expression over
// the session's user that gives one JSON value. Remix starts every loader of a request in one go, before any
// of them awaits, and the session statement is composed one microtask later, so the page's rider is there
// when it is sent. The rider's value is used only after the session passed every check (requireUser), and
// only for the user it gave; when the statement went out without it (an action ran first, another rider
// came first, a loader called outside a request), the page reads the same expression on its own. Never kept
// beyond the request.
import type { User } from "lucia";
import { readRows } from "~/utils/db.server.ts";
import { keptPerObject } from "~/utils/kept.ts";
import { peekForRequest, rememberForRequest } from "~/utils/request-context.server.ts";

/** SQL for the session's user: its id (uuid) and role (text, to compare with a role's name). */
export type RiderUser = { id: string; role: string };

/**
 * A SQL expression that gives one JSON value for `user`, with `param(i)` as the placeholder of the rider's
 * i-th value. Write it as a constant function: its text is made once per place it is used (and is a
 * prepared statement's key, app/utils/db.server.ts).
 */
export type RiderSql = (user: RiderUser, param: (index: number) => string) => string;

export type SessionRider<T> = {
  sql: RiderSql;
  values: unknown[];
  /** The page's value from the JSON value that came back (moments arrive as text or numbers). */
  read(json: unknown): T;
};

/** The page's rider in this request: whether the session statement took it, and what came back for whom. */
type Seat = { rider: SessionRider<unknown>; sent: boolean; delivered?: { userId: string; json: unknown } };

const SEAT = "session-rider";

/** Hands `rider` to this request's session statement, unless that was sent already or another rider came first. */
export function rideWithSession(rider: SessionRider<unknown>): void {
  rememberForRequest<Seat>(SEAT, () => ({ rider, sent: false }));
}

/**
 * A statement a rider's SQL goes into: `wrap` puts the expression in place, `user` names the user there, and
 * the rider's values follow the statement's first `offset` values. A constant: texts are kept per statement.
 */
export type RiderStatement = { user: RiderUser; offset: number; wrap: (expression: string) => string };

/** The text of a rider's SQL in a statement, made once per rider SQL and statement. */
const textsOf = keptPerObject((sql: RiderSql) =>
  keptPerObject((statement: RiderStatement) =>
    statement.wrap(sql(statement.user, (index) => `$${statement.offset + index + 1}`)),
  ),
);
const textFor = (sql: RiderSql, statement: RiderStatement) => textsOf(sql)(statement);

/**
 * For the session statement about to be sent: its text with the rider, the values (the rider's after
 * `firstValues`), and where to deliver what came back; null without a rider. Marks it as sent.
 */
export function takeRiderForSession(
  statement: RiderStatement,
  firstValues: unknown[],
): { text: string; values: unknown[]; deliver: (userId: string, json: unknown) => void } | null {
  const seat = peekForRequest<Seat>(SEAT);
  if (!seat || seat.sent) return null;
  seat.sent = true;
  return {
    text: textFor(seat.rider.sql, statement),
    values: [...firstValues, ...seat.rider.values],
    deliver: (userId, json) => {
      seat.delivered = { userId, json };
    },
  };
}

/** A rider read on its own: the user's id and role are its first values. */
const ALONE: RiderStatement = {
  user: { id: "$1::uuid", role: "$2::text" },
  offset: 2,
  wrap: (expression) => `SELECT (${expression}) AS value`,
};

/**
 * The value of `rider` for `user`: the one that came with the session statement, or else read on its own
 * (one statement). Call after the session was checked (requireUser), with the user it gave.
 */
export async function readRider<T>(rider: SessionRider<T>, user: Pick<User, "id" | "role">): Promise<T> {
  const seat = peekForRequest<Seat>(SEAT);
  // Only this rider's value, and only for the user the session check gave.
  if (seat?.rider === rider && seat.delivered?.userId === user.id) return rider.read(seat.delivered.json);
  const values = [user.id, user.role, ...rider.values];
  const [row] = await readRows<{ value: unknown }>(textFor(rider.sql, ALONE), values);
  return rider.read(row?.value ?? null);
}

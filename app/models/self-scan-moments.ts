// Which self-scan moment is due, read from the cohort's schedule. Pure (takes `now`), so it is unit-tested.
// Every moment stays open while the cohort runs; "due" only tells the duo which one is at hand now.
import type { SelfScanMomentKey } from "~/content/self-scan-schema.ts";

type ScheduledSession = {
  number: number;
  startsAt: Date | string;
  endsAt: Date | string;
  cancelledAt: Date | string | null;
};

/**
 * Intake: until the first session has ended. Halverwege: from the end of the session in the middle of the
 * programme (session 2 of 4) until the last session starts. Einde: from the start of the last session, where
 * duos present their approach. Between the first and the middle session the intake stays due. Without
 * sessions, the intake is due.
 */
export function dueMoment(sessions: ScheduledSession[], now: Date): SelfScanMomentKey {
  const held = sessions
    .filter((session) => !session.cancelledAt)
    .map((session) => ({ startsAt: new Date(session.startsAt), endsAt: new Date(session.endsAt) }))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  if (held.length === 0) return "INTAKE";
  const last = held.at(-1)!;
  if (held.length > 1 && now >= last.startsAt) return "END";
  const middle = held[Math.max(Math.floor(held.length / 2) - 1, 0)]!;
  if (held.length > 2 && now >= middle.endsAt) return "MIDWAY";
  if (held.length === 1) return now >= last.endsAt ? "END" : "INTAKE";
  return "INTAKE";
}

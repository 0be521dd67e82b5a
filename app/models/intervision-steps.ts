// The step machine of an intervisie meeting, as pure functions: start, next, previous, finish, and the time
// spent and left in the current step, computed from the stored timestamps and `now` (never from a timer in
// a process, so every web process and every screen agrees).
import { DomainError } from "~/utils/domain-error.ts";

export type LiveState = {
  currentStep: number | null;
  stepStartedAt: Date | null;
  startedAt: Date | null;
  finishedAt: Date | null;
};

export type StepAction = "start" | "next" | "previous" | "finish";

export type Phase = "not-started" | "running" | "finished";

export function phaseOf(state: LiveState): Phase {
  if (state.finishedAt) return "finished";
  if (state.currentStep === null || !state.startedAt) return "not-started";
  return "running";
}

/** The state after `action`, or a DomainError with a Dutch message when the action does not fit. */
export function transition(state: LiveState, action: StepAction, stepCount: number, now: Date): LiveState {
  const phase = phaseOf(state);
  if (stepCount < 1) throw new DomainError("Kies eerst een methode met stappen.");
  if (phase === "finished") throw new DomainError("Deze bijeenkomst is al afgerond.");
  if (action === "start") {
    if (phase === "running") throw new DomainError("De bijeenkomst is al begonnen.");
    return { currentStep: 0, stepStartedAt: now, startedAt: now, finishedAt: null };
  }
  if (phase === "not-started") throw new DomainError("Start de bijeenkomst eerst.");
  const current = state.currentStep!;
  if (action === "next") {
    if (current >= stepCount - 1) throw new DomainError("Dit is de laatste stap. Rond de bijeenkomst af.");
    return { ...state, currentStep: current + 1, stepStartedAt: now };
  }
  if (action === "previous") {
    if (current <= 0) throw new DomainError("Dit is de eerste stap.");
    return { ...state, currentStep: current - 1, stepStartedAt: now };
  }
  return { ...state, finishedAt: now };
}

export type StepTiming = {
  elapsedSeconds: number;
  /** Negative when the step runs over its time. */
  remainingSeconds: number;
  overtime: boolean;
};

/** Time spent in the current step and left of its `minutes`, at `now` (null when no step runs). */
export function stepTiming(state: LiveState, steps: { minutes: number }[], now: Date): StepTiming | null {
  if (phaseOf(state) !== "running" || !state.stepStartedAt) return null;
  const step = steps[state.currentStep!];
  if (!step) return null;
  const elapsedSeconds = Math.max(0, Math.floor((now.getTime() - state.stepStartedAt.getTime()) / 1000));
  const remainingSeconds = step.minutes * 60 - elapsedSeconds;
  return { elapsedSeconds, remainingSeconds, overtime: remainingSeconds < 0 };
}

/** "12:05", or "-1:30" when over time. */
export function formatClock(seconds: number): string {
  const sign = seconds < 0 ? "-" : "";
  const total = Math.abs(seconds);
  return `${sign}${Math.floor(total / 60)}:${String(total % 60).padStart(2, "0")}`;
}

/** The planned minutes of all steps together. */
export function totalMinutes(steps: { minutes: number }[]): number {
  return steps.reduce((sum, step) => sum + step.minutes, 0);
}

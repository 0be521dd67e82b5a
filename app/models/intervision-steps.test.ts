import { describe, expect, it } from "vitest";
import { DomainError } from "~/utils/domain-error.ts";
import { formatClock, phaseOf, stepTiming, totalMinutes, transition, type LiveState } from "./intervision-steps.ts";

const steps = [{ minutes: 10 }, { minutes: 15 }, { minutes: 5 }];
const t0 = new Date("2027-05-25T12:00:00Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const fresh: LiveState = { currentStep: null, stepStartedAt: null, startedAt: null, finishedAt: null };

describe("intervisie step machine", () => {
  it("starts at the first step, moves forward and back, and finishes", () => {
    expect(phaseOf(fresh)).toBe("not-started");
    let state = transition(fresh, "start", steps.length, t0);
    expect(state).toEqual({ currentStep: 0, stepStartedAt: t0, startedAt: t0, finishedAt: null });
    expect(phaseOf(state)).toBe("running");
    state = transition(state, "next", steps.length, at(600));
    expect(state.currentStep).toBe(1);
    expect(state.stepStartedAt).toEqual(at(600));
    state = transition(state, "previous", steps.length, at(700));
    expect(state).toMatchObject({ currentStep: 0, stepStartedAt: at(700), startedAt: t0 });
    state = transition(transition(state, "next", steps.length, at(800)), "next", steps.length, at(900));
    expect(state.currentStep).toBe(2);
    state = transition(state, "finish", steps.length, at(1200));
    expect(phaseOf(state)).toBe("finished");
    expect(state.finishedAt).toEqual(at(1200));
  });

  it("refuses actions that do not fit, with a Dutch message", () => {
    expect(() => transition(fresh, "next", steps.length, t0)).toThrow("Start de bijeenkomst eerst.");
    expect(() => transition(fresh, "start", 0, t0)).toThrow("Kies eerst een methode met stappen.");
    const running = transition(fresh, "start", steps.length, t0);
    expect(() => transition(running, "start", steps.length, t0)).toThrow("De bijeenkomst is al begonnen.");
    expect(() => transition(running, "previous", steps.length, t0)).toThrow("Dit is de eerste stap.");
    const last = { ...running, currentStep: 2 };
    expect(() => transition(last, "next", steps.length, t0)).toThrow(/laatste stap/);
    const done = transition(last, "finish", steps.length, t0);
    expect(() => transition(done, "previous", steps.length, t0)).toThrow(DomainError);
  });

  it("computes elapsed and remaining time of the current step from the stored start and now", () => {
    expect(stepTiming(fresh, steps, t0)).toBeNull();
    const running = transition(fresh, "start", steps.length, t0);
    expect(stepTiming(running, steps, at(0))).toEqual({ elapsedSeconds: 0, remainingSeconds: 600, overtime: false });
    expect(stepTiming(running, steps, at(125))).toEqual({
      elapsedSeconds: 125,
      remainingSeconds: 475,
      overtime: false,
    });
    expect(stepTiming(running, steps, at(690))).toEqual({ elapsedSeconds: 690, remainingSeconds: -90, overtime: true });
    // A clock slightly behind the stored start never shows negative elapsed time.
    expect(stepTiming(running, steps, at(-3))!.elapsedSeconds).toBe(0);
    const second = transition(running, "next", steps.length, at(700));
    expect(stepTiming(second, steps, at(760))).toEqual({ elapsedSeconds: 60, remainingSeconds: 840, overtime: false });
    expect(stepTiming(transition(second, "finish", steps.length, at(800)), steps, at(900))).toBeNull();
  });

  it("formats the clock and adds up the planned time", () => {
    expect(formatClock(475)).toBe("7:55");
    expect(formatClock(5)).toBe("0:05");
    expect(formatClock(-90)).toBe("-1:30");
    expect(totalMinutes(steps)).toBe(30);
  });
});

import { describe, expect, it } from "vitest";
import { kindsForRole, modeLabel, notificationKindNames, notificationKinds } from "./kinds.ts";

describe("notification kinds", () => {
  it("every kind offers its own default, and OFF, and has Dutch texts", () => {
    for (const name of notificationKindNames) {
      const kind = notificationKinds[name];
      expect(kind.modes, name).toContain(kind.defaultMode);
      expect(kind.modes, name).toContain("OFF");
      expect(kind.label.length, name).toBeGreaterThan(5);
      expect(kind.roles.length, name).toBeGreaterThan(0);
    }
  });

  it("coordinators get no notifications (only account e-mail); participants and facilitators choose", () => {
    expect(kindsForRole("COORDINATOR")).toEqual([]);
    expect(kindsForRole("PARTICIPANT")).toEqual([
      "session-reminder",
      "session-changed",
      "journal-answered",
      "assignment-due",
      "assignment-feedback",
      "action-plan-comment",
      "intervision-meeting",
      "intervision-case-chosen",
      "weekly-digest",
    ]);
    expect(kindsForRole("FACILITATOR")).toEqual(["session-reminder", "session-changed", "weekly-digest"]);
  });

  it("the weekly digest reads as on/off", () => {
    expect(modeLabel("weekly-digest", "IMMEDIATE")).toBe("Aan, elke maandag");
    expect(modeLabel("session-reminder", "DIGEST")).toBe("In de wekelijkse samenvatting");
  });
});

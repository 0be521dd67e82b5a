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

  it("each role chooses among its own kinds (coordinators: applications, sign-offs, late work, failed e-mail, review)", () => {
    expect(kindsForRole("COORDINATOR")).toEqual([
      "application-new",
      "session-signoff",
      "submission-late",
      "email-failed",
      "knowledge-review",
      "weekly-digest",
    ]);
    expect(kindsForRole("PARTICIPANT")).toEqual([
      "session-reminder",
      "session-changed",
      "journal-answered",
      "assignment-due",
      "assignment-feedback",
      "action-plan-comment",
      "intervision-meeting",
      "intervision-case-chosen",
      "announcement",
      "handout-new",
      "impact-trail-comment",
      "weekly-digest",
    ]);
    expect(kindsForRole("FACILITATOR")).toEqual([
      "session-reminder",
      "session-changed",
      "announcement",
      "handout-new",
      "submission-reply",
      "early-feedback-request",
      "impact-trail-comment",
      "weekly-digest",
    ]);
  });

  it("the digest reads as on/off", () => {
    expect(modeLabel("weekly-digest", "IMMEDIATE")).toBe("Aan");
    expect(modeLabel("session-reminder", "DIGEST")).toBe("In de samenvatting");
  });
});

import { describe, expect, it } from "vitest";
import { canEdit, canSubmit, canWithdraw, isDueSoon, statusLabel, submissionStatus } from "./assignment-status.ts";

const due = new Date("2027-03-10T17:00:00Z");
const before = new Date("2027-03-09T12:00:00Z");
const after = new Date("2027-03-11T09:00:00Z");
const empty = { body: "", attachmentCount: 0, submittedAt: null, feedbackAt: null };

describe("submissionStatus", () => {
  it("is open without a submission or with an empty one, before the due moment", () => {
    expect(submissionStatus(null, due, before)).toEqual({ status: "open", late: false });
    expect(submissionStatus({ ...empty, body: "  " }, due, before)).toEqual({ status: "open", late: false });
  });

  it("is concept with text or an attachment that is not handed in", () => {
    expect(submissionStatus({ ...empty, body: "Eerste opzet" }, due, before).status).toBe("concept");
    expect(submissionStatus({ ...empty, attachmentCount: 1 }, due, before).status).toBe("concept");
  });

  it("is te laat when not handed in after the due moment, also with a draft", () => {
    expect(submissionStatus(null, due, after)).toEqual({ status: "te-laat", late: true });
    expect(submissionStatus({ ...empty, body: "Opzet" }, due, after)).toEqual({ status: "te-laat", late: true });
  });

  it("is ingeleverd, marked late when handed in after the due moment", () => {
    expect(submissionStatus({ ...empty, body: "x", submittedAt: before }, due, after)).toEqual({
      status: "ingeleverd",
      late: false,
    });
    expect(submissionStatus({ ...empty, body: "x", submittedAt: after }, due, after)).toEqual({
      status: "ingeleverd",
      late: true,
    });
    expect(statusLabel({ status: "ingeleverd", late: true })).toBe("Ingeleverd (te laat)");
    expect(statusLabel({ status: "te-laat", late: true })).toBe("Te laat");
  });

  it("is feedback ontvangen once feedback is given", () => {
    const result = submissionStatus({ ...empty, body: "x", submittedAt: before, feedbackAt: after }, due, after);
    expect(result).toEqual({ status: "feedback", late: false });
    expect(statusLabel(result)).toBe("Feedback ontvangen");
  });

  it("accepts ISO strings (as loaders serialise dates)", () => {
    expect(
      submissionStatus({ ...empty, body: "x", submittedAt: after.toISOString() }, due.toISOString(), after).late,
    ).toBe(true);
  });
});

describe("submit, withdraw, edit", () => {
  it("refuses an empty submission and a second one", () => {
    expect(canSubmit(null).ok).toBe(false);
    expect(canSubmit({ ...empty, body: "   " })).toMatchObject({
      ok: false,
      reason: expect.stringContaining("lege opdracht"),
    });
    expect(canSubmit({ ...empty, body: "Klaar" }).ok).toBe(true);
    expect(canSubmit({ ...empty, attachmentCount: 1 }).ok).toBe(true);
    expect(canSubmit({ ...empty, body: "Klaar", submittedAt: before }).ok).toBe(false);
  });

  it("allows withdrawing and resubmitting only until feedback is given", () => {
    expect(canWithdraw({ submittedAt: before, feedbackAt: null }).ok).toBe(true);
    expect(canWithdraw({ submittedAt: null, feedbackAt: null }).ok).toBe(false);
    expect(canWithdraw({ submittedAt: before, feedbackAt: after })).toMatchObject({
      ok: false,
      reason: expect.stringContaining("feedback"),
    });
    // After withdrawing (submittedAt cleared) the text can be edited and handed in again.
    expect(canEdit({ submittedAt: null, feedbackAt: null })).toBe(true);
    expect(canEdit({ submittedAt: before, feedbackAt: null })).toBe(false);
    expect(canSubmit({ ...empty, body: "Nieuwe versie", feedbackAt: after }).ok).toBe(false);
  });

  it("knows what is due soon", () => {
    const day = 24 * 60 * 60 * 1000;
    expect(isDueSoon(due, before, 2 * day)).toBe(true);
    expect(isDueSoon(due, new Date(due.getTime() - 3 * day), 2 * day)).toBe(false);
    expect(isDueSoon(due, after, 2 * day)).toBe(false);
  });
});

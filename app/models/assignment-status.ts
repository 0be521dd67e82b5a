// The status of an assignment for a duo or participant, from the submission's timestamps (pure, `now` as a
// parameter so tests are deterministic).
//   open               nothing written yet, not yet due
//   concept            something written or attached, not handed in, not yet due
//   ingeleverd         handed in (late when after the due moment: allowed, but marked)
//   feedback           a facilitator wrote feedback ("feedback ontvangen")
//   te-laat            not handed in and past due
// Withdrawing and handing in again are possible until feedback is given.

export type SubmissionStatus = "open" | "concept" | "ingeleverd" | "feedback" | "te-laat";

export type SubmissionFacts = {
  body: string;
  attachmentCount: number;
  submittedAt: Date | string | null;
  feedbackAt: Date | string | null;
};

const time = (value: Date | string) => new Date(value).getTime();

export function submissionStatus(
  submission: SubmissionFacts | null,
  dueAt: Date | string,
  now: Date,
): { status: SubmissionStatus; late: boolean } {
  if (submission?.feedbackAt) {
    return { status: "feedback", late: submission.submittedAt ? time(submission.submittedAt) > time(dueAt) : false };
  }
  if (submission?.submittedAt) return { status: "ingeleverd", late: time(submission.submittedAt) > time(dueAt) };
  if (now.getTime() > time(dueAt)) return { status: "te-laat", late: true };
  const hasWork = Boolean(submission && (submission.body.trim() || submission.attachmentCount > 0));
  return { status: hasWork ? "concept" : "open", late: false };
}

export const submissionStatusLabels: Record<SubmissionStatus, string> = {
  open: "Open",
  concept: "Concept",
  ingeleverd: "Ingeleverd",
  feedback: "Feedback ontvangen",
  "te-laat": "Te laat",
};

/** The label with "te laat" added for work handed in after the due moment. */
export function statusLabel(result: { status: SubmissionStatus; late: boolean }): string {
  const label = submissionStatusLabels[result.status];
  return result.late && result.status !== "te-laat" ? `${label} (te laat)` : label;
}

/** The text can be edited (and files added) while it is not handed in and has no feedback. */
export function canEdit(submission: Pick<SubmissionFacts, "submittedAt" | "feedbackAt"> | null): boolean {
  return !submission?.submittedAt && !submission?.feedbackAt;
}

export function canSubmit(submission: SubmissionFacts | null): { ok: true } | { ok: false; reason: string } {
  if (submission?.feedbackAt) return { ok: false, reason: "Er is al feedback gegeven; inleveren kan niet meer." };
  if (submission?.submittedAt) return { ok: false, reason: "Deze opdracht is al ingeleverd." };
  if (!submission || (!submission.body.trim() && submission.attachmentCount === 0)) {
    return {
      ok: false,
      reason: "Schrijf eerst iets of voeg een bijlage toe. Een lege opdracht kun je niet inleveren.",
    };
  }
  return { ok: true };
}

export function canWithdraw(
  submission: Pick<SubmissionFacts, "submittedAt" | "feedbackAt"> | null,
): { ok: true } | { ok: false; reason: string } {
  if (!submission?.submittedAt) return { ok: false, reason: "Deze opdracht is nog niet ingeleverd." };
  if (submission.feedbackAt) return { ok: false, reason: "Er is al feedback gegeven; terugtrekken kan niet meer." };
  return { ok: true };
}

/** Due within `withinMs` from now and not yet handed in (for the start page and reminders). */
export function isDueSoon(dueAt: Date | string, now: Date, withinMs: number): boolean {
  const due = time(dueAt);
  return due > now.getTime() && due - now.getTime() <= withinMs;
}

// The pure rules of sharing a duo's plan with the cohort (app/models/plan-share.server.ts), also used by pages.
import { findSection } from "./action-plan-sections.ts";

export const WHOLE_PLAN = "";

/** What is shared: "het hele plan" or the title of one section. */
export function shareScopeLabel(sectionId: string): string {
  if (sectionId === WHOLE_PLAN) return "het hele plan";
  return `het onderdeel “${findSection(sectionId)?.title ?? sectionId}”`;
}

/** Shared with the cohort: every member of the duo agreed to the current share. */
export function isShared(
  share: { consents: { userId: string }[] } | null,
  memberIds: string[],
): share is { consents: { userId: string }[] } {
  if (!share || memberIds.length === 0) return false;
  return memberIds.every((id) => share.consents.some((consent) => consent.userId === id));
}

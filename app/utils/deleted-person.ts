// What the others see in place of a person who erased their account (AVG art. 17): their joint work stays
// (a duo's submission, the plan, feedback, replies in others' threads), the author is gone.
export const DELETED_PERSON = "verwijderde deelnemer";

/** The person's name, or "verwijderde deelnemer" when the account was erased (the author is null). */
export function personName(person: { name: string } | null | undefined): string {
  return person?.name ?? DELETED_PERSON;
}

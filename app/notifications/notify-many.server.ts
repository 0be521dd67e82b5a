// Records one notification for each of several people, with each person's own preference for the kind
// (one query for all the preferences). The writer of the thing is never told about it themselves.
import type { EmailContent } from "~/email/templates.server.ts";
import type { NotificationKindName } from "./kinds.ts";
import { type NotifyResult, notify } from "./notify.server.ts";
import { modesFor } from "./preferences.server.ts";

export type Recipient = { id: string; name: string; email: string };

export async function notifyMany(input: {
  kind: NotificationKindName;
  people: Recipient[];
  /** Whoever caused it: left out, even when they are among the people. */
  except?: string | null;
  /** Unique per thing and person, so recording twice records nothing new. */
  key: (user: Recipient) => string;
  title: string;
  url: string;
  email: (user: Recipient) => EmailContent;
}): Promise<Partial<Record<NotifyResult, number>>> {
  const unique = new Map<string, Recipient>();
  for (const person of input.people) if (person.id !== input.except) unique.set(person.id, person);
  const people = [...unique.values()];
  const modes = await modesFor(
    people.map((person) => person.id),
    input.kind,
  );
  const totals: Partial<Record<NotifyResult, number>> = {};
  for (const user of people) {
    const result = await notify({
      key: input.key(user),
      kind: input.kind,
      user,
      mode: modes.get(user.id)!,
      title: input.title,
      url: input.url,
      email: () => input.email(user),
    });
    totals[result] = (totals[result] ?? 0) + 1;
  }
  return totals;
}

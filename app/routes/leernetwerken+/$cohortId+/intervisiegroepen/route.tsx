// Coordinator: the intervisie groups of a cohort. A suggestion (mixing municipalities, splitting each duo)
// fills the form; the coordinator changes what they like and saves. Limits (4–8 members, 1–2 of the cohort's
// facilitators, each person in one group) are checked on the server. Per group the coordinator sees only
// which meetings took place and who attended — never a case or a note.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { requireCohortCoordinator } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { TableScroll } from "~/components/table-scroll.tsx";
import {
  groupCountProblem,
  MAX_GROUP_SIZE,
  maxGroupCount,
  MIN_GROUP_SIZE,
  suggestedGroupCount,
  suggestGroups,
  type ArrangementGroup,
} from "~/models/intervision-groups.ts";
import { cohortGroupsOverview, saveArrangement } from "~/models/intervision.server.ts";
import { cohortPage, cohortTitle } from "~/utils/cohort-page.ts";
import { type FieldErrors, formError, formList, parseForm, textValue } from "~/utils/forms.ts";
import { invalid, readForm } from "~/utils/forms.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { GroupMeetingsOverview } from "./group-meetings.tsx";
import { aantal } from "~/utils/plural.ts";

export const handle = cohortPage<typeof loader>({ adminNav: true });

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? cohortTitle(matches, "Intervisiegroepen") : "Intervisiegroepen — Leernetwerk" },
];

type Slot = { key: string; name: string; facilitatorIds: string[] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { cohortId } = await requireCohortCoordinator(request, params.cohortId);
  const overview = await cohortGroupsOverview(cohortId);
  const url = new URL(request.url);
  const { participants, facilitators, groups } = overview;
  const wantsSuggestion = url.searchParams.get("voorstel") === "1" || groups.length === 0;
  // The number asked for sizes the page (one slot per group), so it is bounded (maxGroupCount); a number
  // outside the bound gets a message and the usual count.
  const maxCount = maxGroupCount(participants.length, groups.length);
  const asked = url.searchParams.get("aantal")?.trim();
  const requested = asked ? Number(asked) : null;
  const requestedOk = requested !== null && Number.isInteger(requested) && requested >= 1 && requested <= maxCount;
  const count = requestedOk ? requested : Math.max(groups.length, suggestedGroupCount(participants.length) ?? 0);
  const countProblem =
    asked && !requestedOk
      ? `Vul bij Aantal groepen een heel getal van 1 tot en met ${maxCount} in.`
      : wantsSuggestion
        ? groupCountProblem(participants.length, count)
        : null;

  // The slots: existing groups first, then new ones up to the requested number.
  const slots: Slot[] = groups.map((group) => ({
    key: group.id,
    name: group.name,
    facilitatorIds: group.facilitators.map((f) => f.userId),
  }));
  for (let index = slots.length; index < count; index++) {
    slots.push({ key: `nieuw-${index + 1}`, name: `Groep ${index + 1}`, facilitatorIds: [] });
  }
  let assignment: Record<string, string> = Object.fromEntries(
    groups.flatMap((group) => group.members.map((member) => [member.userId, group.id])),
  );
  let suggested = false;
  if (wantsSuggestion && !countProblem && slots.length >= count) {
    const suggestion = suggestGroups(participants, count);
    assignment = Object.fromEntries(
      suggestion.flatMap((members, index) => members.map((person) => [person.id, slots[index]!.key])),
    );
    // Facilitators dealt out over the groups that have none yet.
    slots.slice(0, count).forEach((slot, index) => {
      if (slot.facilitatorIds.length === 0 && facilitators.length)
        slot.facilitatorIds = [facilitators[index % facilitators.length]!.id];
    });
    suggested = true;
  }
  return {
    participants,
    facilitators,
    slots,
    assignment,
    suggested,
    count,
    maxCount,
    countProblem,
    groups: groups.map((group) => ({
      id: group.id,
      name: group.name,
      members: group.members.map((member) => member.user.name),
      facilitators: group.facilitators.map((facilitator) => facilitator.user.name),
      meetings: group.meetings.map((meeting) => ({
        id: meeting.id,
        startsAt: meeting.startsAt,
        tookPlace: meeting.finishedAt !== null,
        attended: meeting.attendances.map((attendance) => attendance.user.name),
      })),
    })),
  };
}

// The fields are named after the groups and the people (name.<slot>, facilitator1.<slot>, member.<userId>):
// the schema reads the slots, the rest is read from what was submitted.
const schema = z.object({ slot: formList(z.string()) }).passthrough();
const isSlotKey = (key: string) => /^(nieuw-\d+|[0-9a-f-]{36})$/.test(key);

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, cohortId } = await requireCohortCoordinator(request, params.cohortId);
  const form = parseForm(schema, await readForm(request));
  if (!form.ok) return invalid(form.error);
  const { values } = form;
  const groups: ArrangementGroup[] = form.data.slot.filter(isSlotKey).map((key) => ({
    key,
    name: textValue(values, `name.${key}`) ?? "",
    memberIds: [],
    facilitatorIds: [textValue(values, `facilitator1.${key}`), textValue(values, `facilitator2.${key}`)].filter(
      (id): id is string => Boolean(id),
    ),
  }));
  for (const field of Object.keys(values)) {
    const slot = field.startsWith("member.") ? textValue(values, field) : undefined;
    if (slot) groups.find((group) => group.key === slot)?.memberIds.push(field.slice("member.".length));
  }
  const result = await saveArrangement(cohortId, groups, user);
  if (!result.ok) {
    // The refusals per group (keyed by the group's slot), "form" for the whole arrangement.
    const fieldErrors: FieldErrors = {};
    for (const { key, message } of result.errors) fieldErrors[key] = [...(fieldErrors[key] ?? []), message];
    return invalid(formError(values, fieldErrors, fieldErrors.form?.join(" ")));
  }
  return redirectWithToast(`/leernetwerken/${cohortId}/intervisiegroepen`, {
    title: "De intervisiegroepen zijn opgeslagen",
    description: result.warnings.join(" ") || undefined,
  });
}

export default function IntervisionGroupsPage() {
  const { participants, facilitators, slots, assignment, suggested, count, maxCount, countProblem } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const values = actionData?.values;
  const errorsFor = (key: string) => actionData?.fieldErrors[key] ?? [];
  const refusals = actionData
    ? [actionData.formError, ...Object.values(actionData.fieldErrors).flat()].filter(Boolean)
    : [];
  const slotName = (slot: Slot) => textValue(values, `name.${slot.key}`) ?? slot.name;
  return (
    <>
      <h1>Intervisiegroepen</h1>
      <p>
        Een intervisiegroep heeft {MIN_GROUP_SIZE} tot {MAX_GROUP_SIZE} deelnemers en één of twee begeleiders. Het
        voorstel mengt de gemeenten en zet de leden van een duo in verschillende groepen. Je kunt alles aanpassen
        voordat je opslaat.
      </p>

      {participants.length < MIN_GROUP_SIZE ? (
        <p className="alert alert-warning">
          Dit leernetwerk heeft {aantal(participants.length, "actieve deelnemer", "actieve deelnemers")}. Voor een
          intervisiegroep zijn er minstens {MIN_GROUP_SIZE} nodig.
        </p>
      ) : (
        <>
          <Form method="get" className="inline-form button-row" aria-label="Voorstel maken">
            <input type="hidden" name="voorstel" value="1" />
            <label htmlFor="aantal">Aantal groepen</label>
            <input
              id="aantal"
              name="aantal"
              type="number"
              min={1}
              max={maxCount}
              defaultValue={count}
              className="input-narrow"
            />
            <button type="submit" className="button-secondary">
              Voorstel maken
            </button>
          </Form>
          {countProblem ? (
            <p className="alert alert-error" role="alert">
              {countProblem}
            </p>
          ) : null}
          {suggested ? (
            <p className="alert alert-info" data-testid="suggestion-note">
              Hieronder staat een voorstel. Het is nog niet opgeslagen.
            </p>
          ) : null}

          {refusals.length ? (
            <div className="alert alert-error" role="alert">
              <p>De indeling is niet opgeslagen:</p>
              <ul>
                {refusals.map((message, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the messages of one answer, never reordered
                  <li key={index}>{message}</li>
                ))}
              </ul>
            </div>
          ) : null}

          <Form method="post" className="group-forming">
            <h2>Groepen en begeleiders</h2>
            <div className="group-slots">
              {slots.map((slot, index) => (
                <fieldset
                  key={slot.key}
                  className="card"
                  aria-describedby={errorsFor(slot.key).length ? `fouten-${slot.key}` : undefined}
                >
                  <legend>Groep {index + 1}</legend>
                  <input type="hidden" name="slot" value={slot.key} />
                  <div className="field">
                    <label htmlFor={`name-${slot.key}`}>Naam</label>
                    <input
                      id={`name-${slot.key}`}
                      name={`name.${slot.key}`}
                      defaultValue={slotName(slot)}
                      maxLength={60}
                    />
                  </div>
                  {[1, 2].map((position) => (
                    <div className="field" key={position}>
                      <label htmlFor={`facilitator${position}-${slot.key}`}>
                        {position === 1 ? "Begeleider" : "Tweede begeleider (mag leeg)"}
                      </label>
                      <select
                        id={`facilitator${position}-${slot.key}`}
                        name={`facilitator${position}.${slot.key}`}
                        defaultValue={
                          textValue(values, `facilitator${position}.${slot.key}`) ??
                          slot.facilitatorIds[position - 1] ??
                          ""
                        }
                      >
                        <option value="">— Geen —</option>
                        {facilitators.map((facilitator) => (
                          <option key={facilitator.id} value={facilitator.id}>
                            {facilitator.name}
                          </option>
                        ))}
                      </select>
                    </div>
                  ))}
                  {errorsFor(slot.key).length ? (
                    <p className="field-error" id={`fouten-${slot.key}`}>
                      {errorsFor(slot.key).join(" ")}
                    </p>
                  ) : null}
                </fieldset>
              ))}
            </div>
            {facilitators.length === 0 ? (
              <p className="alert alert-warning">Dit leernetwerk heeft nog geen begeleiders. Wijs ze eerst toe.</p>
            ) : null}

            <h2>Deelnemers</h2>
            <TableScroll label="Deelnemers en hun groep">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Deelnemer</th>
                    <th scope="col">Gemeente</th>
                    <th scope="col">Groep</th>
                  </tr>
                </thead>
                <tbody>
                  {participants.map((person) => (
                    <tr key={person.id}>
                      <th scope="row">{person.name}</th>
                      <td>{person.municipality}</td>
                      <td>
                        <label className="visually-hidden" htmlFor={`member-${person.id}`}>
                          Groep van {person.name}
                        </label>
                        <select
                          id={`member-${person.id}`}
                          name={`member.${person.id}`}
                          defaultValue={
                            values ? (textValue(values, `member.${person.id}`) ?? "") : (assignment[person.id] ?? "")
                          }
                        >
                          <option value="">Geen groep</option>
                          {slots.map((slot, index) => (
                            <option key={slot.key} value={slot.key}>
                              {slot.name || `Groep ${index + 1}`}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
            <p>
              <button type="submit" disabled={navigation.state === "submitting"}>
                Indeling opslaan
              </button>
            </p>
          </Form>
        </>
      )}

      <GroupMeetingsOverview />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

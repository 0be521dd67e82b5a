// E-mail preferences: per kind of notification, directly / in the weekly digest / off. Account and
// security e-mail (invitations, password resets) always goes and is not listed.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { z } from "zod";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { requireUser } from "~/auth/guards.server.ts";
import { ErrorSummary } from "~/components/forms.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import type { NotificationMode, Role } from "~/generated/prisma/enums.ts";
import { kindsForRole, modeLabel, notificationKinds, type NotificationKindName } from "~/notifications/kinds.ts";
import {
  getDigestSchedule,
  getPreferences,
  saveDigestSchedule,
  savePreferences,
} from "~/notifications/preferences.server.ts";
import { SelectField } from "~/components/forms.tsx";
import { parseForm, textValue } from "~/utils/forms.ts";
import { invalid, readForm } from "~/utils/forms.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = () => [{ title: "E-mailvoorkeuren — Leernetwerk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [preferences, digest] = await Promise.all([getPreferences(user), getDigestSchedule(user.id)]);
  return {
    digest,
    preferences: preferences.map((preference) => ({
      ...preference,
      label: notificationKinds[preference.kind].label,
      description: notificationKinds[preference.kind].description,
      options: (notificationKinds[preference.kind].modes as NotificationMode[]).map((mode) => ({
        mode,
        label: modeLabel(preference.kind, mode),
      })),
      defaultLabel: modeLabel(preference.kind, notificationKinds[preference.kind].defaultMode),
    })),
  };
}

/** One choice per kind of message the user's role gets. */
function preferencesSchema(role: Role) {
  const kinds = kindsForRole(role);
  return z.object(
    Object.fromEntries(
      kinds.map((kind) => {
        const message = `Kies hoe je "${notificationKinds[kind].label.toLowerCase()}" wilt ontvangen.`;
        const modes = notificationKinds[kind].modes as [NotificationMode, ...NotificationMode[]];
        return [kind, z.enum(modes, { errorMap: () => ({ message }) })];
      }),
    ) as Record<NotificationKindName, z.ZodEnum<[NotificationMode, ...NotificationMode[]]>>,
  );
}

/** When the digest goes (issue 19): daily or weekly, the day of a weekly one, the hour. */
const digestSchema = z.object({
  // Optional: a form without them (an older page) leaves the schedule as it is.
  digestFrequency: z
    .enum(["DAILY", "WEEKLY"], { errorMap: () => ({ message: "Kies hoe vaak je de samenvatting krijgt." }) })
    .optional(),
  digestWeekday: z.coerce
    .number({ invalid_type_error: "Kies een dag." })
    .int("Kies een dag.")
    .min(1, "Kies een dag.")
    .max(7, "Kies een dag.")
    .default(1),
  digestHour: z.coerce
    .number({ invalid_type_error: "Kies een uur." })
    .int("Kies een uur.")
    .min(0, "Kies een uur.")
    .max(23, "Kies een uur.")
    .default(8),
});

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = parseForm(preferencesSchema(user.role).and(digestSchema), await readForm(request));
  if (!form.ok) return invalid(form.error);
  const chosen = kindsForRole(user.role).map((kind) => ({ kind, mode: form.data[kind] }));
  await savePreferences(user.id, chosen);
  if (form.data.digestFrequency) {
    await saveDigestSchedule(user.id, {
      frequency: form.data.digestFrequency,
      weekday: form.data.digestWeekday,
      hour: form.data.digestHour,
    });
  }
  return redirectWithToast("/account/meldingen", { title: "Je e-mailvoorkeuren zijn opgeslagen" });
}

const HOURS = [...Array(24).keys()];
const WEEKDAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"];

export default function NotificationPreferencesPage() {
  const { preferences, digest } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to="/account">← Je account</Link>
      </p>
      <h1>E-mailvoorkeuren</h1>
      <p>
        Kies per soort bericht of je direct een e-mail krijgt, het bericht bundelt in één samenvatting (elke week of
        elke dag, op het moment dat je onderaan kiest), of geen e-mail wilt. Alles staat ook bij{" "}
        <Link to="/meldingen">Meldingen</Link>. Berichten over je account, zoals een nieuw wachtwoord, krijg je altijd.
      </p>
      {preferences.length === 0 ? (
        <p>Als coördinator krijg je geen meldingen per e-mail, alleen berichten over je account.</p>
      ) : null}
      <ErrorSummary errors={actionData?.fieldErrors} />
      {preferences.length === 0 ? null : (
        <Form method="post" className="stack" noValidate>
          {preferences.map((preference) => {
            const errors = actionData?.fieldErrors[preference.kind];
            const selected = textValue(actionData?.values, preference.kind) ?? preference.mode;
            const errorId = `${preference.kind}-error`;
            return (
              <fieldset
                key={preference.kind}
                className="choice-group"
                aria-describedby={[`${preference.kind}-hint`, errors ? errorId : ""].filter(Boolean).join(" ")}
              >
                <legend>{preference.label}</legend>
                <p className="field-hint" id={`${preference.kind}-hint`}>
                  {preference.description} Standaard: {preference.defaultLabel.toLowerCase()}.
                </p>
                {errors ? (
                  <p className="field-error" id={errorId}>
                    {errors.join(" ")}
                  </p>
                ) : null}
                {preference.options.map((option) => (
                  <label key={option.mode} className="choice">
                    <input
                      type="radio"
                      name={preference.kind}
                      value={option.mode}
                      defaultChecked={selected === option.mode}
                    />
                    {option.label}
                  </label>
                ))}
              </fieldset>
            );
          })}
          <fieldset className="choice-group">
            <legend>Wanneer je de samenvatting krijgt</legend>
            <p className="field-hint">Tijden zijn Nederlandse tijd.</p>
            {(["WEEKLY", "DAILY"] as const).map((frequency) => (
              <label key={frequency} className="choice">
                <input
                  type="radio"
                  name="digestFrequency"
                  value={frequency}
                  defaultChecked={(textValue(actionData?.values, "digestFrequency") ?? digest.frequency) === frequency}
                />
                {frequency === "WEEKLY" ? "Elke week" : "Elke dag"}
              </label>
            ))}
            <SelectField
              label="Dag (bij elke week)"
              name="digestWeekday"
              defaultValue={textValue(actionData?.values, "digestWeekday") ?? String(digest.weekday)}
              errors={actionData?.fieldErrors.digestWeekday}
            >
              {WEEKDAYS.map((day, index) => (
                <option key={day} value={index + 1}>
                  {day}
                </option>
              ))}
            </SelectField>
            <SelectField
              label="Hoe laat"
              name="digestHour"
              defaultValue={textValue(actionData?.values, "digestHour") ?? String(digest.hour)}
              errors={actionData?.fieldErrors.digestHour}
            >
              {HOURS.map((hour) => (
                <option key={hour} value={hour}>
                  {`${String(hour).padStart(2, "0")}:00 uur`}
                </option>
              ))}
            </SelectField>
          </fieldset>
          <div>
            <button type="submit">Voorkeuren opslaan</button>
          </div>
        </Form>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

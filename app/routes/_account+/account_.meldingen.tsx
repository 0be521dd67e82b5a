// E-mail preferences: per kind of notification, directly / in the weekly digest / off. Account and
// security e-mail (invitations, password resets) always goes and is not listed.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { z } from "zod";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/guards.server.ts";
import { ErrorSummary } from "~/components/forms.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import type { NotificationMode, Role } from "~/generated/prisma/enums.ts";
import { kindsForRole, modeLabel, notificationKinds, type NotificationKindName } from "~/notifications/kinds.ts";
import { getPreferences, savePreferences } from "~/notifications/preferences.server.ts";
import { parseForm, textValue } from "~/utils/forms.ts";
import { invalid, readForm } from "~/utils/forms.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = () => [{ title: "E-mailvoorkeuren — Leernetwerk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const preferences = await getPreferences(user);
  return {
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

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = parseForm(preferencesSchema(user.role), await readForm(request));
  if (!form.ok) return invalid(form.error);
  const chosen = kindsForRole(user.role).map((kind) => ({ kind, mode: form.data[kind] }));
  await savePreferences(user.id, chosen);
  return redirectWithToast("/account/meldingen", { title: "Je e-mailvoorkeuren zijn opgeslagen" });
}

export default function NotificationPreferencesPage() {
  const { preferences } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to="/account">← Je account</Link>
      </p>
      <h1>E-mailvoorkeuren</h1>
      <p>
        Kies per soort bericht of je direct een e-mail krijgt, het bericht bundelt in één wekelijkse samenvatting op
        maandagochtend, of het uitzet. Berichten over je account, zoals een nieuw wachtwoord, krijg je altijd.
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

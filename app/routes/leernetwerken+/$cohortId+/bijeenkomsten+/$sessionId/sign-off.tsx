import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, FormAlert, TextareaField } from "~/components/forms.tsx";
import { textValue } from "~/utils/forms.ts";
import { attendanceStatusLabels } from "~/utils/labels.ts";
import type { action, loader } from "./route.tsx";

/** A participant signs off for a coming session (with a reason), or withdraws the sign-off. */
export function SignOffSection() {
  const { session, ownAttendance, isFuture } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section aria-labelledby="afmelden">
      <h2 id="afmelden">Afmelden</h2>
      {ownAttendance?.status === "SIGNED_OFF" ? (
        <>
          <p>
            Je hebt je afgemeld. Je reden: <q>{ownAttendance.reason}</q>
          </p>
          {isFuture && !session.cancelledAt ? (
            <Form method="post">
              <input type="hidden" name="intent" value="withdraw" />
              <button type="submit" className="button-secondary">
                Toch aanwezig: afmelding intrekken
              </button>
            </Form>
          ) : null}
        </>
      ) : ownAttendance ? (
        <p>
          Je aanwezigheid: <strong>{attendanceStatusLabels[ownAttendance.status]}</strong>
        </p>
      ) : isFuture && !session.cancelledAt ? (
        <>
          <p>
            Kun je er niet bij zijn? Meld je dan hier af. De begeleiders en de coördinator zien je afmelding en je
            reden.
          </p>
          <ErrorSummary errors={actionData?.fieldErrors} />
          <FormAlert message={actionData?.formError} />
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="sign-off" />
            <TextareaField
              label="Reden"
              name="reason"
              required
              defaultValue={textValue(actionData?.values, "reason") ?? ""}
              errors={actionData?.fieldErrors.reason}
            />
            <div>
              <button type="submit">Afmelden</button>
            </div>
          </Form>
        </>
      ) : (
        <p className="muted">Afmelden kan alleen voor een bijeenkomst die nog moet komen.</p>
      )}
    </section>
  );
}

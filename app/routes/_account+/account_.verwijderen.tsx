// "Mijn account verwijderen" (AVG art. 17): the person erases their own account, confirmed with their
// password, after a plain warning of what goes and what stays (app/models/erasure.server.ts).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { z } from "zod";
import { requireUser } from "~/auth/guards.server.ts";
import { blankSessionCookie } from "~/auth/session.server.ts";
import { ErrorSummary, Field, FormAlert } from "~/components/forms.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ErasureWarning } from "~/components/erasure-warning.tsx";
import { eraseAccount, erasurePreview } from "~/models/erasure.server.ts";
import { confirmBox, formIntents, parseForm } from "~/utils/forms.ts";
import { domainErrorReply, invalid, readForm } from "~/utils/forms.server.ts";
import { invariantResponse } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = () => [{ title: "Mijn account verwijderen — Leernetwerk" }];

const schema = formIntents({
  erase: z.object({
    password: z.string({ required_error: "Vul je wachtwoord in." }).min(1, "Vul je wachtwoord in.").max(200),
    confirm: confirmBox("Vink aan dat je begrijpt dat dit niet terug te draaien is."),
  }),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const preview = await erasurePreview(user.id);
  invariantResponse(preview, "Dit account bestaat niet.");
  return { preview };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = parseForm(schema, await readForm(request), { secretFields: ["password"] });
  if (!form.ok) return invalid(form.error);
  try {
    await eraseAccount(user.id, { kind: "self", password: form.data.password });
  } catch (error) {
    return domainErrorReply(error, form.values);
  }
  return redirectWithToast(
    "/inloggen",
    {
      title: "Je account is verwijderd",
      description: "Je kunt niet meer inloggen. Wat alleen van jou was, is weg.",
    },
    { headers: { "Set-Cookie": blankSessionCookie() } },
  );
}

export default function EraseAccountPage() {
  const { preview } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <p>
        <Link to="/account/mijn-gegevens">← Mijn gegevens</Link>
      </p>
      <h1>Mijn account verwijderen</h1>
      <p>
        <strong>Let op: dit kun je niet ongedaan maken.</strong> Wil je je gegevens bewaren?{" "}
        <a href="/account/mijn-gegevens/gegevens.zip" download>
          Download ze dan eerst
        </a>
        .
      </p>
      <ErasureWarning preview={preview} subject="je" />
      <section aria-labelledby="bevestigen" className="panel danger-zone">
        <h2 id="bevestigen">Verwijderen bevestigen</h2>
        <ErrorSummary errors={refused?.fieldErrors} />
        <FormAlert message={refused?.formError} />
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="erase" />
          <Field
            label="Je wachtwoord"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            errors={refused?.fieldErrors.password}
          />
          <div className="field">
            <input
              type="checkbox"
              id="confirm"
              name="confirm"
              aria-describedby={refused?.fieldErrors.confirm ? "confirm-fout" : undefined}
            />{" "}
            <label htmlFor="confirm">Ik begrijp dat mijn account en mijn gegevens voorgoed worden verwijderd.</label>
            {refused?.fieldErrors.confirm ? (
              <p id="confirm-fout" className="field-error">
                {refused.fieldErrors.confirm[0]}
              </p>
            ) : null}
          </div>
          <div>
            <button type="submit" className="button-danger" disabled={busy}>
              Mijn account definitief verwijderen
            </button>
          </div>
        </Form>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { z } from "zod";
import { requireAnonymous } from "~/auth/guards.server.ts";
import { attemptLogin, LOGIN_WINDOW_MINUTES } from "~/auth/login.server.ts";
import { createUserSession } from "~/auth/session.server.ts";
import { challengeCookieHeader, createLoginChallenge, isTwoFactorEnabled } from "~/auth/two-factor.server.ts";
import { ErrorSummary, Field, FormAlert } from "~/components/forms.tsx";
import { emailField, formError, parseForm, textValue } from "~/utils/forms.ts";
import { invalid, readForm } from "~/utils/forms.server.ts";
import { safeRedirectPath } from "~/utils/http.server.ts";
import type { DescribedHandle } from "~/utils/page-description.ts";

export const meta: MetaFunction = () => [{ title: "Inloggen — Leernetwerk" }];

export const handle: DescribedHandle = {
  description: "Log in op Leernetwerk om je leernetwerk, opdrachten, journaal en intervisie te openen.",
};

const loginSchema = z.object({
  email: emailField,
  password: z.string({ required_error: "Vul je wachtwoord in." }).min(1, "Vul je wachtwoord in."),
  redirectTo: z.string().optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const form = parseForm(loginSchema, await readForm(request), { secretFields: ["password"] });
  if (!form.ok) return invalid(form.error);
  const result = await attemptLogin(form.data.email, form.data.password);
  if (!result.ok) {
    const throttled = result.reason === "throttled";
    const message = throttled
      ? `Er is te vaak een verkeerd wachtwoord ingevuld voor dit e-mailadres. Wacht ${LOGIN_WINDOW_MINUTES} minuten en probeer het dan opnieuw, of vraag een nieuw wachtwoord aan.`
      : "Het e-mailadres of het wachtwoord klopt niet. Controleer ze en probeer het opnieuw.";
    return invalid(formError(form.values, {}, message), throttled ? 429 : 400);
  }
  const redirectTo = safeRedirectPath(form.data.redirectTo, "/");
  if (await isTwoFactorEnabled(result.userId)) {
    // The password was right; the session only comes after the code (/inloggen/code).
    const token = await createLoginChallenge(result.userId, redirectTo);
    return redirect("/inloggen/code", { headers: { "Set-Cookie": await challengeCookieHeader(token) } });
  }
  const cookie = await createUserSession(request, result.userId);
  return redirect(redirectTo, { headers: { "Set-Cookie": cookie } });
}

export default function LoginPage() {
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  return (
    <div className="auth-box">
      <h1>Inloggen</h1>
      {searchParams.get("verlopen") ? (
        <p className="alert alert-info" role="status">
          Je bent uitgelogd. Dat gebeurt als je een tijd niets hebt gedaan, of als je op een ander apparaat overal bent
          uitgelogd. Log opnieuw in om verder te gaan.
        </p>
      ) : null}
      <p>Log in met het e-mailadres waarop je de uitnodiging voor het leernetwerk kreeg.</p>
      <ErrorSummary errors={actionData?.fieldErrors} />
      <FormAlert message={actionData?.formError} />
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <Field
          label="E-mailadres"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={textValue(actionData?.values, "email") ?? ""}
          errors={actionData?.fieldErrors.email}
        />
        <Field
          label="Wachtwoord"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          errors={actionData?.fieldErrors.password}
        />
        <div>
          <button type="submit" disabled={busy}>
            {busy ? "Bezig met inloggen…" : "Inloggen"}
          </button>
        </div>
      </Form>
      <p>
        <Link to="/wachtwoord-vergeten">Wachtwoord vergeten?</Link>
      </p>
      <section className="panel" aria-labelledby="meedoen">
        <h2 id="meedoen">Nog geen account?</h2>
        <p>
          Wil je gemeente meedoen aan een leernetwerk?{" "}
          <Link to="/aanmelden">Bekijk de leernetwerken en meld je gemeente aan</Link>.
        </p>
        <p>
          Benieuwd wat andere gemeenten leerden? Lees de <Link to="/kennisbank">kennisbank</Link>, zonder account.
        </p>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

// The second step of signing in for someone with two-factor sign-in: the password was right (/inloggen),
// now a code from the app or a recovery code. Only then is the session created.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { z } from "zod";
import { requireAnonymous } from "~/auth/guards.server.ts";
import { LOGIN_WINDOW_MINUTES } from "~/auth/login.server.ts";
import { createUserSession } from "~/auth/session.server.ts";
import {
  answerLoginChallenge,
  CHALLENGE_MINUTES,
  challengeTokenFrom,
  clearedChallengeCookieHeader,
  findLoginChallenge,
} from "~/auth/two-factor.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ErrorSummary, Field, FormAlert } from "~/components/forms.tsx";
import { fieldError, parseForm } from "~/utils/forms.ts";
import { invalid, readForm } from "~/utils/forms.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = () => [{ title: "Code invullen — Inloggen — Leernetwerk" }];

const schema = z.object({
  code: z
    .string({ required_error: "Vul de code in." })
    .trim()
    .min(1, "Vul de code uit je app in, of een herstelcode.")
    .max(40, "Dit is geen code: typ de 6 cijfers uit je app, of een herstelcode."),
});

async function startOver(description: string, title = "Log opnieuw in") {
  return redirectWithToast(
    "/inloggen",
    { type: "error", title, description },
    { headers: { "Set-Cookie": await clearedChallengeCookieHeader() } },
  );
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  const challenge = await findLoginChallenge(await challengeTokenFrom(request));
  if (!challenge) {
    throw await startOver(
      `Vul eerst je e-mailadres en wachtwoord in. Daarna heb je ${CHALLENGE_MINUTES} minuten voor de code.`,
    );
  }
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const form = parseForm(schema, await readForm(request), { secretFields: ["code"] });
  if (!form.ok) return invalid(form.error);
  const token = await challengeTokenFrom(request);
  const answer = await answerLoginChallenge(token, form.data.code);
  if (!answer.ok) {
    if (answer.reason === "wrong") return invalid(fieldError(form.values, "code", answer.message));
    if (answer.reason === "too-many") {
      return startOver(
        `Er is te vaak een verkeerde code ingevuld. Wacht ${LOGIN_WINDOW_MINUTES} minuten en log dan opnieuw in.`,
        "Te vaak een verkeerde code",
      );
    }
    return startOver(`De ${CHALLENGE_MINUTES} minuten voor de code zijn voorbij. Vul je wachtwoord opnieuw in.`);
  }
  const headers = new Headers();
  headers.append("Set-Cookie", await createUserSession(request, answer.userId));
  headers.append("Set-Cookie", await clearedChallengeCookieHeader());
  if (answer.recoveryCodesLeft !== undefined) {
    const left = answer.recoveryCodesLeft;
    // Few codes left: to the page where new ones are made.
    return redirectWithToast(
      left <= 3 ? "/account/tweestapsverificatie" : answer.redirectTo,
      {
        type: left <= 3 ? "error" : "info",
        title: "Je bent ingelogd met een herstelcode",
        description:
          left === 0
            ? "Je hebt geen herstelcodes meer. Maak nu nieuwe aan."
            : `Die code werkt nu niet meer. Je hebt nog ${left} herstelcode${left === 1 ? "" : "s"}.`,
      },
      { headers },
    );
  }
  return redirect(answer.redirectTo, { headers });
}

export default function LoginCodePage() {
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="auth-box">
      <h1>Code invullen</h1>
      <p>
        Je wachtwoord klopt. Open de app voor tweestapsverificatie op je telefoon en vul de code van 6 cijfers in die
        bij Leernetwerk staat.
      </p>
      <ErrorSummary errors={actionData?.fieldErrors} />
      <FormAlert message={actionData?.formError} />
      <Form method="post" className="stack" noValidate>
        <Field
          label="Code"
          name="code"
          autoComplete="one-time-code"
          spellCheck={false}
          autoCapitalize="none"
          required
          hint="De 6 cijfers uit je app. Heb je je telefoon niet bij je? Vul dan een van je herstelcodes in."
          errors={actionData?.fieldErrors.code}
        />
        <div>
          <button type="submit" disabled={busy}>
            {busy ? "Bezig met controleren…" : "Inloggen"}
          </button>
        </div>
      </Form>
      <p>
        <Link to="/inloggen">Terug naar inloggen</Link>
      </p>
      <p className="muted">
        Geen telefoon en geen herstelcodes meer? Neem contact op met de beheerder van Leernetwerk.
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

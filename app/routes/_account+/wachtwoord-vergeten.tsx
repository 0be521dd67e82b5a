import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { z } from "zod";
import { requireAnonymous } from "~/auth/guards.server.ts";
import { ErrorSummary, Field } from "~/components/forms.tsx";
import { RESET_REQUESTS_PER_ACCOUNT, requestPasswordReset } from "~/models/password-reset.server.ts";
import { emailField, parseForm, textValue } from "~/utils/forms.ts";
import { invalid, readForm } from "~/utils/forms.server.ts";
import { withinLimit } from "~/utils/rate-limit.server.ts";

export const meta: MetaFunction = () => [{ title: "Wachtwoord vergeten — Leernetwerk" }];

const schema = z.object({ email: emailField });

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const form = parseForm(schema, await readForm(request));
  if (!form.ok) return invalid(form.error);
  // Per address asked for (besides per IP, server/security.ts): past the limit no more mail is sent, and
  // the answer stays the same, so it tells nothing about the address.
  if (await withinLimit("reset-account", form.data.email.trim().toLowerCase(), RESET_REQUESTS_PER_ACCOUNT)) {
    await requestPasswordReset(form.data.email);
  }
  // The same answer whether or not the address has an account.
  return { status: "sent" as const, email: textValue(form.values, "email") ?? form.data.email };
}

export default function ForgotPasswordPage() {
  const actionData = useActionData<typeof action>();
  if (actionData?.status === "sent") {
    return (
      <div className="auth-box">
        <h1>Kijk in je e-mail</h1>
        <div className="alert alert-success" role="status">
          Als er een account is met het adres <strong>{actionData.email}</strong>, hebben we een e-mail gestuurd met een
          link om een nieuw wachtwoord te kiezen. De link werkt één uur.
        </div>
        <p>Geen e-mail gekregen? Kijk ook in je map met ongewenste e-mail, of vraag de link opnieuw aan.</p>
        <p>
          <Link to="/inloggen">Terug naar inloggen</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="auth-box">
      <h1>Wachtwoord vergeten</h1>
      <p>Vul je e-mailadres in. Je krijgt dan een e-mail met een link om een nieuw wachtwoord te kiezen.</p>
      <ErrorSummary errors={actionData?.fieldErrors} />
      <Form method="post" className="stack" noValidate>
        <Field
          label="E-mailadres"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={textValue(actionData?.values, "email") ?? ""}
          errors={actionData?.fieldErrors.email}
        />
        <div>
          <button type="submit">Stuur mij een link</button>
        </div>
      </Form>
      <p>
        <Link to="/inloggen">Terug naar inloggen</Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

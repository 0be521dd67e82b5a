import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireAnonymous } from "~/auth/guards.server.ts";
import { ErrorSummary, NewPasswordFields } from "~/components/forms.tsx";
import { LinkProblem } from "~/components/link-problem.tsx";
import { checkResetToken, resetPassword } from "~/models/password-reset.server.ts";
import { MIN_PASSWORD_LENGTH, newPasswordFields, parseForm, passwordsMatch } from "~/utils/forms.ts";
import { invalid, readForm } from "~/utils/forms.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = () => [{ title: "Nieuw wachtwoord kiezen — Leernetwerk" }];

const schema = z.object(newPasswordFields(MIN_PASSWORD_LENGTH)).superRefine(passwordsMatch);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  const state = await checkResetToken(params.token ?? "");
  return { status: state.status, email: state.status === "valid" ? state.email : null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const form = parseForm(schema, await readForm(request), { secretFields: ["password", "confirmPassword"] });
  if (!form.ok) return invalid(form.error);
  const state = await resetPassword(params.token ?? "", form.data.password);
  // Not invalid input: the link itself stopped working while the form was open.
  if (state.status !== "valid") return data({ linkProblem: state.status }, { status: 410 });
  return redirectWithToast("/inloggen", {
    title: "Je wachtwoord is gewijzigd",
    description: "Log in met je nieuwe wachtwoord. Je bent op andere apparaten uitgelogd.",
  });
}

export default function ResetPasswordPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const status = actionData && "linkProblem" in actionData ? actionData.linkProblem : loaderData.status;
  const fieldErrors = actionData && "fieldErrors" in actionData ? actionData.fieldErrors : undefined;
  if (status !== "valid") return <LinkProblem kind="reset" status={status} />;
  return (
    <div className="auth-box">
      <h1>Nieuw wachtwoord kiezen</h1>
      <p>
        Kies een nieuw wachtwoord voor <strong>{loaderData.email}</strong>. Gebruik minstens {MIN_PASSWORD_LENGTH}{" "}
        tekens; een zin van een paar woorden is sterk en makkelijk te onthouden.
      </p>
      <ErrorSummary errors={fieldErrors} />
      <Form method="post" className="stack" noValidate>
        <NewPasswordFields label="Nieuw wachtwoord" repeatLabel="Herhaal het nieuwe wachtwoord" errors={fieldErrors} />
        <div>
          <button type="submit">Wachtwoord opslaan</button>
        </div>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { createUserSession, getUser } from "~/auth/session.server.ts";
import { ErrorSummary, Field, NewPasswordFields } from "~/components/forms.tsx";
import { LinkProblem } from "~/components/link-problem.tsx";
import { acceptInvitation, checkInvitation } from "~/models/invitation.server.ts";
import {
  MIN_PASSWORD_LENGTH,
  nameField,
  newPasswordFields,
  parseForm,
  passwordsMatch,
  textValue,
} from "~/utils/forms.ts";
import { invalid, readForm } from "~/utils/forms.server.ts";
import { duoFunctionLabels, roleLabels } from "~/utils/labels.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = () => [{ title: "Uitnodiging aannemen — Leernetwerk" }];

const schema = z.object({ name: nameField, ...newPasswordFields(MIN_PASSWORD_LENGTH) }).superRefine(passwordsMatch);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const [state, currentUser] = await Promise.all([checkInvitation(params.token ?? ""), getUser(request)]);
  if (state.status !== "valid") return { status: state.status, invitation: null, signedInAs: null };
  const { invitation } = state;
  return {
    status: "valid" as const,
    signedInAs: currentUser?.email ?? null,
    invitation: {
      email: invitation.email,
      name: invitation.name,
      role: invitation.role,
      duoFunction: invitation.duoFunction,
      cohortName: invitation.cohort?.name ?? null,
      municipality: invitation.enrollment?.municipality.name ?? null,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = parseForm(schema, await readForm(request), { secretFields: ["password", "confirmPassword"] });
  if (!form.ok) return invalid(form.error);
  const result = await acceptInvitation(params.token ?? "", { name: form.data.name, password: form.data.password });
  // Not invalid input: the link itself stopped working (used, expired, revoked) while the form was open.
  if (!result.ok) return data({ linkProblem: result.status }, { status: 410 });
  const cookie = await createUserSession(request, result.userId);
  return redirectWithToast(
    result.landing,
    { title: "Welkom bij het Leernetwerk", description: "Je account is klaar. Hier vind je je leernetwerk." },
    { headers: { "Set-Cookie": cookie } },
  );
}

export default function AcceptInvitationPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const status = actionData && "linkProblem" in actionData ? actionData.linkProblem : loaderData.status;
  const refused = actionData && "fieldErrors" in actionData ? actionData : null;
  if (status !== "valid") return <LinkProblem kind="invitation" status={status} />;
  if (!loaderData.invitation) return <LinkProblem kind="invitation" status="unknown" />;
  const invitation = loaderData.invitation;
  const roleText =
    invitation.role === "PARTICIPANT" && invitation.duoFunction
      ? `deelnemer, als ${duoFunctionLabels[invitation.duoFunction].toLowerCase()}${invitation.municipality ? ` van de gemeente ${invitation.municipality}` : ""}`
      : roleLabels[invitation.role].toLowerCase();
  return (
    <div className="auth-box">
      <h1>Welkom bij het Leernetwerk</h1>
      <p>
        Je bent uitgenodigd{" "}
        {invitation.cohortName ? (
          <>
            voor <strong>{invitation.cohortName}</strong>{" "}
          </>
        ) : null}
        als {roleText}. Maak je account af: vul je naam in en kies een wachtwoord.
      </p>
      {loaderData.signedInAs ? (
        <div className="alert alert-info">
          Je bent nu ingelogd als {loaderData.signedInAs}. Als je deze uitnodiging aanneemt, word je ingelogd met het
          nieuwe account.
        </div>
      ) : null}
      <ErrorSummary errors={refused?.fieldErrors} />
      <Form method="post" className="stack" noValidate>
        <Field
          label="E-mailadres"
          name="email-display"
          type="email"
          value={invitation.email}
          readOnly
          hint="Dit is het adres waarop je de uitnodiging kreeg."
        />
        <Field
          label="Je naam"
          name="name"
          autoComplete="name"
          required
          defaultValue={textValue(refused?.values, "name") ?? invitation.name ?? ""}
          errors={refused?.fieldErrors.name}
        />
        <NewPasswordFields
          label="Kies een wachtwoord"
          repeatLabel="Herhaal het wachtwoord"
          hint={`Minstens ${MIN_PASSWORD_LENGTH} tekens.`}
          errors={refused?.fieldErrors}
        />
        <div>
          <button type="submit">Account aanmaken</button>
        </div>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

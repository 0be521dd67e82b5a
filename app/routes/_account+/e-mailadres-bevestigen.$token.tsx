// The link in the e-mail to a new address. Opening it only asks (mail scanners open links too); the button
// makes the new address the account's and ends every session of the account.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { createUserSession, getUser } from "~/auth/session.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { LinkProblem } from "~/components/link-problem.tsx";
import { checkEmailChange, confirmEmailChange } from "~/models/email-change.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = () => [{ title: "Nieuw e-mailadres bevestigen — Leernetwerk" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const state = await checkEmailChange(params.token ?? "");
  return { status: state.status, newEmail: state.status === "valid" ? state.newEmail : null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const signedIn = await getUser(request);
  const state = await confirmEmailChange(params.token ?? "");
  // Not invalid input: the link itself does not (or no longer) work.
  if (state.status !== "valid") return data({ linkProblem: state.status }, { status: 410 });
  const toast = {
    title: "Je e-mailadres is gewijzigd",
    description: `Je logt voortaan in met ${state.newEmail}. Op andere apparaten ben je uitgelogd.`,
  };
  // Every session ended; the browser that confirmed, when it was signed in to this account, gets a fresh one.
  if (signedIn?.id === state.userId) {
    const cookie = await createUserSession(request, state.userId);
    return redirectWithToast("/account", toast, { headers: { "Set-Cookie": cookie } });
  }
  return redirectWithToast("/inloggen", toast);
}

export default function ConfirmEmailChangePage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const status = actionData?.linkProblem ?? loaderData.status;
  if (status !== "valid") return <LinkProblem kind="email-change" status={status} />;
  return (
    <div className="auth-box">
      <h1>Nieuw e-mailadres bevestigen</h1>
      <p>
        Wil je voortaan inloggen met <strong>{loaderData.newEmail}</strong>? Na het bevestigen word je op je andere
        apparaten uitgelogd.
      </p>
      <Form method="post">
        <button type="submit">Ja, dit is mijn nieuwe e-mailadres</button>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

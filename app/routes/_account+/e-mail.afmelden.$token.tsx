// One-click unsubscribe from one kind of notification, from the link in the e-mail. Works without
// logging in: the signed link can only switch off that one kind for that one person. Opening the link
// changes nothing (mail scanners open links); the button does.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { notificationKinds } from "~/notifications/kinds.ts";
import { readUnsubscribeToken } from "~/notifications/links.server.ts";
import { findUnsubscriber, savePreferences } from "~/notifications/preferences.server.ts";
import { notFound } from "~/utils/http.server.ts";

export const meta: MetaFunction = () => [{ title: "Afmelden — Leernetwerk" }];

async function readToken(token: string | undefined) {
  const parsed = token ? readUnsubscribeToken(token) : null;
  if (!parsed)
    throw notFound(
      "Deze afmeldlink klopt niet. Kopieer de hele link uit de e-mail, of log in en kies je e-mailvoorkeuren.",
    );
  const user = await findUnsubscriber(parsed.userId);
  if (!user) throw notFound("Deze afmeldlink hoort bij een account dat niet meer bestaat.");
  return { user, kind: parsed.kind };
}

export async function loader({ params }: LoaderFunctionArgs) {
  const { user, kind } = await readToken(params.token);
  return { email: user.email, label: notificationKinds[kind].label };
}

export async function action({ params }: ActionFunctionArgs) {
  const { user, kind } = await readToken(params.token);
  await savePreferences(user.id, [{ kind, mode: "OFF" }]);
  return { done: true };
}

export default function UnsubscribePage() {
  const { email, label } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <h1>Afmelden</h1>
      {result?.done ? (
        <div className="alert alert-success" role="status">
          Je bent afgemeld voor <strong>{label.toLowerCase()}</strong>. Je krijgt deze berichten niet meer op {email}.
        </div>
      ) : (
        <>
          <p>
            Wil je geen e-mail meer over <strong>{label.toLowerCase()}</strong> op {email}?
          </p>
          <Form method="post">
            <button type="submit">Afmelden</button>
          </Form>
        </>
      )}
      <p>
        Je kunt dit altijd terugdraaien, en per soort bericht kiezen voor een wekelijkse samenvatting, bij je{" "}
        <Link to="/account/meldingen">e-mailvoorkeuren</Link> (daarvoor log je in).
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

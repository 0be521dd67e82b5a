// Signing out. The button in the header posts here; opening /uitloggen itself shows a page that asks first
// (a GET must not sign anyone out: any site could link to it). That page is also the benchmark's "empty
// page" (tests/bench/pages.ts): the root layout with a loader that does nothing of its own, the ceiling any
// page of this app can reach.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { getUser, logout } from "~/auth/session.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";

export const meta: MetaFunction = () => [{ title: "Uitloggen — Leernetwerk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  // The root loader validated the session for this request already; this reads the same answer.
  const user = await getUser(request);
  if (!user) throw redirect("/inloggen");
  return { name: user.name };
}

export async function action({ request }: ActionFunctionArgs) {
  return logout(request);
}

export default function LogoutPage() {
  const { name } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Uitloggen</h1>
      <p>Je bent ingelogd als {name}. Wil je uitloggen op dit apparaat?</p>
      <Form method="post" className="button-row">
        <button type="submit">Uitloggen</button>
        <Link to="/">Nee, terug naar de start</Link>
      </Form>
      <p className="muted">
        Uitloggen op al je apparaten tegelijk kan op je <Link to="/account#overal">accountpagina</Link>.
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

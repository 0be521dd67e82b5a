import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  data,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useMatches,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { AppHeader } from "~/components/app-header.tsx";
import { Link } from "~/components/link.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { Toast } from "~/components/toast.tsx";
import { getAuth } from "~/auth/session.server.ts";
import { publicEnv } from "~/utils/env.server.ts";
import { useNonce } from "~/utils/nonce.tsx";
import { pageDescription } from "~/utils/page-description.ts";
import { getToast } from "~/utils/toast.server.ts";
import styles from "~/styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Leernetwerk — ervaringskennis in beleid" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const [auth, { toast, setCookie }] = await Promise.all([getAuth(request), getToast(request)]);
  const headers = new Headers();
  if (setCookie) headers.append("Set-Cookie", setCookie);
  if (auth?.refreshedCookie) headers.append("Set-Cookie", auth.refreshedCookie);
  const user = auth
    ? {
        id: auth.user.id,
        name: auth.user.name,
        role: auth.user.role,
        // Issue 19: the inbox count in the header; no query of its own (it comes with the session).
        unread: auth.user.unreadNotifications,
      }
    : null;
  return data({ user, toast, env: publicEnv() }, { headers });
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const rootData = useRouteLoaderData<typeof loader>("root");
  const description = pageDescription(useMatches());
  return (
    <html lang="nl">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="description" content={description} />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#inhoud">
          Naar de inhoud
        </a>
        <AppHeader user={rootData?.user ?? null} />
        <main id="inhoud" className="container" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <div className="container">
            <p>Leernetwerk — samen leren werken met ervaringskennis in gemeentelijk beleid.</p>
            <nav aria-label="Over deze website">
              <ul className="footer-links">
                <li>
                  <Link to="/kennisbank">Kennisbank: wat gemeenten leerden</Link>
                </li>
                <li>
                  <Link to="/privacyverklaring">Privacyverklaring</Link>
                </li>
                <li>
                  <Link to="/toegankelijkheidsverklaring">Toegankelijkheidsverklaring</Link>
                </li>
              </ul>
            </nav>
          </div>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const { toast } = useLoaderData<typeof loader>();
  return (
    <>
      <Toast toast={toast} />
      <Outlet />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

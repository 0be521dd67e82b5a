// "Waar ben je ingelogd": my active sessions (device, last seen, this device), where I can end one or all others.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { z } from "zod";
import { endOtherSessions, endSession, listActiveSessions } from "~/auth/devices.server.ts";
import { requireUser } from "~/auth/guards.server.ts";
import { getAuth, idleMinutes } from "~/auth/session.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { formatDateTime } from "~/utils/dates.ts";
import { formIntents, parseForm } from "~/utils/forms.ts";
import { invalid, readForm } from "~/utils/forms.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = () => [{ title: "Waar je bent ingelogd — Leernetwerk" }];

const PAGE = "/account/sessies";

const schema = formIntents({
  end: z.object({
    sessionId: z.string({ required_error: "Kies een apparaat." }).regex(/^[0-9a-f]{64}$/, "Kies een apparaat."),
  }),
  "end-others": z.object({}),
});

async function requireSession(request: Request) {
  const user = await requireUser(request);
  const auth = await getAuth(request);
  // requireUser has just found the session, so it is there.
  return { user, sessionId: auth!.session.id };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, sessionId } = await requireSession(request);
  return { sessions: await listActiveSessions(user, sessionId), idleMinutes: idleMinutes(user.role) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, sessionId } = await requireSession(request);
  const form = parseForm(schema, await readForm(request));
  if (!form.ok) return invalid(form.error);
  if (form.data.intent === "end-others") {
    const count = await endOtherSessions(user.id, sessionId);
    return redirectWithToast(PAGE, {
      title: count === 0 ? "Je was nergens anders ingelogd" : "Je bent op alle andere apparaten uitgelogd",
    });
  }
  const ended = await endSession(user.id, form.data.sessionId, sessionId);
  return redirectWithToast(
    PAGE,
    ended
      ? { title: "Dat apparaat is uitgelogd" }
      : { type: "error", title: "Dat apparaat was al uitgelogd, of het is het apparaat dat je nu gebruikt." },
  );
}

export default function SessionsPage() {
  const { sessions, idleMinutes } = useLoaderData<typeof loader>();
  const others = sessions.filter((session) => !session.current).length;
  return (
    <>
      <p>
        <Link to="/account">← Je account</Link>
      </p>
      <h1>Waar je bent ingelogd</h1>
      <p>
        Hier zie je op welke apparaten en in welke browsers je bent ingelogd. Herken je er een niet, of gebruik je een
        apparaat niet meer? Log het dan uit. Na {idleMinutes} minuten zonder gebruik word je vanzelf uitgelogd.
      </p>
      <table>
        <caption className="visually-hidden">Apparaten waarop je bent ingelogd</caption>
        <thead>
          <tr>
            <th scope="col">Apparaat</th>
            <th scope="col">Ingelogd op</th>
            <th scope="col">Laatst gebruikt</th>
            <th scope="col">
              <span className="visually-hidden">Uitloggen</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((session) => (
            <tr key={session.id}>
              <td>
                {session.device}
                {session.current ? <strong> (dit apparaat)</strong> : null}
              </td>
              <td>{formatDateTime(session.createdAt)}</td>
              <td>{session.current ? "Nu" : formatDateTime(session.lastSeenAt)}</td>
              <td>
                {session.current ? null : (
                  <Form method="post">
                    <input type="hidden" name="intent" value="end" />
                    <input type="hidden" name="sessionId" value={session.id} />
                    <button type="submit" className="button-secondary">
                      Uitloggen<span className="visually-hidden"> op {session.device}</span>
                    </button>
                  </Form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {others > 0 ? (
        <Form method="post">
          <input type="hidden" name="intent" value="end-others" />
          <button type="submit">Uitloggen op alle andere apparaten</button>
        </Form>
      ) : (
        <p>Je bent nergens anders ingelogd.</p>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

// The inbox (issue 19): every notification the signed-in person received, newest first, unread ones marked;
// each links (through /meldingen/:id, which marks it read) to the thing itself. "Alles gelezen" marks all.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { z } from "zod";
import { requireUser } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { listInbox, markAllRead } from "~/notifications/inbox.server.ts";
import { formatDateTime } from "~/utils/dates.ts";
import { formIntents, parseForm } from "~/utils/forms.ts";
import { invalid, readForm } from "~/utils/forms.server.ts";
import { aantal } from "~/utils/plural.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = () => [{ title: "Meldingen — Leernetwerk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const items = await listInbox(user.id);
  return {
    items: items.map((item) => ({
      id: item.id,
      title: item.title,
      kindLabel: item.kindLabel,
      // Formatted on the server, so the browser renders the same text (no hydration mismatch).
      when: formatDateTime(item.createdAt),
      unread: item.readAt === null,
    })),
  };
}

const schema = formIntents({ "read-all": z.object({}) });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = parseForm(schema, await readForm(request));
  if (!form.ok) return invalid(form.error);
  const count = await markAllRead(user.id);
  return redirectWithToast("/meldingen", {
    title: count === 0 ? "Er waren geen ongelezen meldingen" : `${aantal(count, "melding", "meldingen")} gelezen`,
  });
}

export default function InboxPage() {
  const { items } = useLoaderData<typeof loader>();
  const unread = items.filter((item) => item.unread).length;
  return (
    <>
      <h1>Meldingen</h1>
      <p>
        Alles waarover het Leernetwerk je een bericht stuurde, ook wat je niet per e-mail wilt krijgen.{" "}
        <Link to="/account/meldingen">Kies welke meldingen je per e-mail krijgt</Link>.
      </p>
      {items.length === 0 ? (
        <p>Je hebt nog geen meldingen.</p>
      ) : (
        <>
          <div className="button-row">
            <p>{unread === 0 ? "Je hebt alles gelezen." : `${aantal(unread, "melding", "meldingen")} ongelezen.`}</p>
            {unread > 0 ? (
              <Form method="post">
                <button type="submit" name="intent" value="read-all" className="button-secondary button-small">
                  Alles gelezen
                </button>
              </Form>
            ) : null}
          </div>
          <ul className="inbox-list">
            {items.map((item) => (
              <li key={item.id} className={item.unread ? "unread" : undefined}>
                <Link to={`/meldingen/${item.id}`}>
                  {item.unread ? <span className="visually-hidden">Ongelezen: </span> : null}
                  {item.title}
                </Link>
                {item.unread ? (
                  <>
                    {" "}
                    <span className="badge" aria-hidden="true">
                      Nieuw
                    </span>
                  </>
                ) : null}
                <br />
                <span className="muted">
                  {item.kindLabel} · {item.when}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

// The outbox: every message the platform recorded, with its delivery status. Coordinators only.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guards.server.ts";
import { TableScroll } from "~/components/table-scroll.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { listEmailMessages } from "~/models/email.server.ts";
import { formatDateTime } from "~/utils/dates.ts";
import { getEnv } from "~/utils/env.server.ts";
import { emailStatusLabels } from "~/utils/labels.ts";

export const meta: MetaFunction = () => [{ title: "E-mail — Leernetwerk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "COORDINATOR");
  return { messages: await listEmailMessages(), delivering: Boolean(getEnv().RESEND_API_KEY) };
}

export default function EmailOutboxPage() {
  const { messages, delivering } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>E-mail</h1>
      {delivering ? (
        <p>Berichten worden verstuurd via Resend. Hieronder zie je per bericht of dat gelukt is.</p>
      ) : (
        <div className="alert alert-info">
          Er is geen e-maildienst ingesteld (RESEND_API_KEY ontbreekt). Berichten worden daarom niet verstuurd, maar hier
          bewaard. Open een bericht om het te lezen.
        </div>
      )}
      {messages.length === 0 ? (
        <p>Er zijn nog geen berichten.</p>
      ) : (
        <TableScroll label="Tabel met e-mailberichten">
          <table>
            <thead>
              <tr>
                <th scope="col">Aangemaakt</th>
                <th scope="col">Aan</th>
                <th scope="col">Onderwerp</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((message) => (
                <tr key={message.id}>
                  <td>{formatDateTime(message.createdAt)}</td>
                  <td>{message.to}</td>
                  <td>
                    <Link to={`/beheer/e-mail/${message.id}`}>{message.subject}</Link>
                  </td>
                  <td>
                    {emailStatusLabels[message.status]}
                    {message.error ? <span className="muted"> — {message.error}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

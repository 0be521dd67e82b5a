// The outbox and the background jobs: every message the platform recorded, with its delivery status,
// the health of the job queue, and a retry for failed messages. Coordinators only.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useSearchParams } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { z } from "zod";
import { isUuid, requireRole } from "~/auth/guards.server.ts";
import { TableScroll } from "~/components/table-scroll.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import {
  countEmailMessagesByStatus,
  isEmailStatus,
  listEmailMessages,
  listJobRuns,
  retryEmailMessage,
} from "~/models/email.server.ts";
import { formatDateTime } from "~/utils/dates.ts";
import { getEnv } from "~/utils/env.server.ts";
import { formIntents, parseForm } from "~/utils/forms.ts";
import { invalid, readForm } from "~/utils/forms.server.ts";
import { notFound } from "~/utils/http.server.ts";
import { emailStatusLabels, emailStatuses } from "~/utils/labels.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { queueHealth } from "../../../../jobs/engine.ts";

export const meta: MetaFunction = () => [{ title: "E-mail — Leernetwerk" }];

const jobLabels: Record<string, string> = {
  "sweep-outbox": "Wachtende berichten opnieuw aanbieden (elke minuut)",
  "clean-up": "Opruimen: verlopen sessies, oude inlogpogingen en herstellinks (elke 6 uur)",
  "schedule-notifications": "Herinneringen en wijzigingen van bijeenkomsten (elke 5 minuten)",
  "send-digests": "Wekelijkse samenvatting (elk uur gecontroleerd, maandag vanaf 08:00)",
  retention: "Bewaartermijnen: berichten vooraf en gegevens verwijderen (elke 24 uur)",
  "database-upkeep": "Onderhoud van de ingebouwde database: ruimte en statistieken (elke 24 uur)",
};

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "COORDINATOR");
  const status = new URL(request.url).searchParams.get("status");
  const filter = isEmailStatus(status) ? status : undefined;
  const [messages, counts, health, jobRuns] = await Promise.all([
    listEmailMessages({ status: filter }),
    countEmailMessagesByStatus(),
    queueHealth(),
    listJobRuns(),
  ]);
  return { messages, counts, health, jobRuns, filter: filter ?? null, delivering: Boolean(getEnv().RESEND_API_KEY) };
}

const schema = formIntents({ retry: z.object({ messageId: z.string().default(""), back: z.string().default("") }) });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "COORDINATOR");
  const form = parseForm(schema, await readForm(request));
  if (!form.ok) return invalid(form.error);
  const { messageId, back } = form.data;
  if (!isUuid(messageId)) throw notFound("Dit bericht bestaat niet.");
  const retried = await retryEmailMessage(messageId, user);
  return redirectWithToast(
    safeBack(back),
    retried
      ? { title: "Het bericht wordt opnieuw verstuurd", description: "Je ziet hier zo de nieuwe status." }
      : {
          type: "error",
          title: "Dit bericht kan niet opnieuw verstuurd worden",
          description: "Alleen mislukte berichten kun je opnieuw versturen.",
        },
  );
}

function safeBack(value: string) {
  return /^\/beheer\/e-mail(\/[0-9a-f-]{36})?(\?status=[A-Z]+)?$/.test(value) ? value : "/beheer/e-mail";
}

function QueueHealth({ health }: { health: ReturnType<typeof useLoaderData<typeof loader>>["health"] }) {
  if (health.mode === "in-process") {
    return (
      <>
        <p>
          Er is geen Redis ingesteld (REDIS_URL ontbreekt). De achtergrondtaken draaien in de webserver zelf:{" "}
          {health.started ? (
            <span className="status-ok">actief</span>
          ) : (
            <span className="status-problem">niet gestart</span>
          )}
          .
        </p>
        <ul className="health-grid">
          <li>
            <strong>{health.running}</strong> bezig
          </li>
          <li>
            <strong>{health.scheduled}</strong> wachtend
          </li>
          <li>
            <strong>{health.completed}</strong> klaar sinds start
          </li>
          <li>
            <strong>{health.failed}</strong> mislukt sinds start
          </li>
        </ul>
        {health.lastError ? (
          <p>
            Laatste fout ({formatDateTime(health.lastError.at)}, {health.lastError.job}): {health.lastError.message}
          </p>
        ) : null}
      </>
    );
  }
  return (
    <>
      <p>
        Wachtrij op Redis:{" "}
        {health.connected ? (
          <span className="status-ok">verbonden</span>
        ) : (
          <span className="status-problem">geen verbinding</span>
        )}
        .
        {health.connected
          ? null
          : " Berichten blijven bewaard en worden verstuurd zodra Redis en een worker weer draaien."}
      </p>
      {health.counts ? (
        <ul className="health-grid">
          <li>
            <strong>{health.counts.waiting}</strong> wachtend
          </li>
          <li>
            <strong>{health.counts.active}</strong> bezig
          </li>
          <li>
            <strong>{health.counts.delayed}</strong> later opnieuw
          </li>
          <li>
            <strong>{health.counts.failed}</strong> mislukt
          </li>
        </ul>
      ) : null}
      {health.lastError ? (
        <p>
          Laatste fout van Redis ({formatDateTime(health.lastError.at)}): {health.lastError.message}
        </p>
      ) : null}
    </>
  );
}

export default function EmailOutboxPage() {
  const { messages, counts, health, jobRuns, filter, delivering } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const back = `/beheer/e-mail${searchParams.get("status") ? `?status=${searchParams.get("status")}` : ""}`;
  return (
    <>
      <h1>E-mail</h1>
      {delivering ? (
        <p>Berichten worden verstuurd via Resend. Hieronder zie je per bericht of dat gelukt is.</p>
      ) : (
        <div className="alert alert-info">
          Er is geen e-maildienst ingesteld (RESEND_API_KEY ontbreekt). Berichten worden daarom niet verstuurd, maar
          hier bewaard. Open een bericht om het te lezen.
        </div>
      )}

      <section aria-labelledby="taken">
        <h2 id="taken">Achtergrondtaken</h2>
        <QueueHealth health={health} />
        {jobRuns.length > 0 ? (
          <TableScroll label="Tabel met vaste taken">
            <table>
              <thead>
                <tr>
                  <th scope="col">Taak</th>
                  <th scope="col">Laatst gedraaid</th>
                  <th scope="col">Keren</th>
                  <th scope="col">Fout</th>
                </tr>
              </thead>
              <tbody>
                {jobRuns.map((run) => (
                  <tr key={run.name}>
                    <td>{jobLabels[run.name] ?? run.name}</td>
                    <td>
                      {formatDateTime(run.lastRunAt)} <span className="muted">({run.durationMs} ms)</span>
                    </td>
                    <td>{run.runs}</td>
                    <td>{run.lastError ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : (
          <p>De vaste taken hebben nog niet gedraaid.</p>
        )}
      </section>

      <section aria-labelledby="berichten">
        <h2 id="berichten">Berichten</h2>
        <nav aria-label="Berichten filteren op status">
          <ul className="filter-links">
            <li>
              <Link to="/beheer/e-mail" aria-current={filter === null ? "page" : undefined}>
                Alle
              </Link>
            </li>
            {emailStatuses.map((status) => (
              <li key={status}>
                <Link to={`/beheer/e-mail?status=${status}`} aria-current={filter === status ? "page" : undefined}>
                  {emailStatusLabels[status]} ({counts[status]})
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {messages.length === 0 ? (
          <p>Er zijn {filter ? "geen berichten met deze status" : "nog geen berichten"}.</p>
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
                      {message.status === "PENDING" && message.attempts > 0 ? (
                        <span className="muted">
                          {" "}
                          — poging {message.attempts + 1} om {formatDateTime(message.nextAttemptAt)}
                        </span>
                      ) : null}
                      {message.error ? <span className="muted"> — {message.error}</span> : null}
                      {message.status === "FAILED" ? (
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="intent" value="retry" />
                          <input type="hidden" name="messageId" value={message.id} />
                          <input type="hidden" name="back" value={back} />{" "}
                          <button
                            type="submit"
                            className="button-secondary button-small"
                            aria-label={`Opnieuw versturen: ${message.subject} aan ${message.to}`}
                          >
                            Opnieuw versturen
                          </button>
                        </Form>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { Fragment } from "react";
import { isUuid, requireRole } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { getEmailMessage } from "~/models/email.server.ts";
import { formatDateTime } from "~/utils/dates.ts";
import { getEnv } from "~/utils/env.server.ts";
import { invariantResponse, notFound } from "~/utils/http.server.ts";
import { emailStatusLabels } from "~/utils/labels.ts";

export const meta: MetaFunction = () => [{ title: "E-mailbericht — Leernetwerk" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "COORDINATOR");
  if (!isUuid(params.messageId)) throw notFound("Dit bericht bestaat niet.");
  const env = getEnv();
  const message = await getEmailMessage(params.messageId, user, {
    delivering: Boolean(env.RESEND_API_KEY),
    demoMode: env.DEMO_MODE,
  });
  invariantResponse(message, "Dit bericht bestaat niet.");
  return { message };
}

function Linkified({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s]+)/g);
  return (
    <>
      {parts.map((part, index) =>
        /^https?:\/\//.test(part) ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text, never reordered
          <a key={index} href={part}>
            {part}
          </a>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text, never reordered
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </>
  );
}

export default function EmailMessagePage() {
  const { message } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/beheer/e-mail">← Alle berichten</Link>
      </p>
      <h1>{message.subject}</h1>
      <dl className="definition-list">
        <dt>Aan</dt>
        <dd>{message.to}</dd>
        <dt>Soort</dt>
        <dd>{message.kind}</dd>
        <dt>Aangemaakt</dt>
        <dd>{formatDateTime(message.createdAt)}</dd>
        <dt>Status</dt>
        <dd>
          {emailStatusLabels[message.status]}
          {message.sentAt ? `, ${formatDateTime(message.sentAt)}` : ""}
        </dd>
        <dt>Pogingen</dt>
        <dd>
          {message.attempts}
          {message.lastAttemptAt ? `, laatste ${formatDateTime(message.lastAttemptAt)}` : ""}
          {message.status === "PENDING" && message.attempts > 0
            ? `, volgende ${formatDateTime(message.nextAttemptAt)}`
            : ""}
        </dd>
        {message.error ? (
          <>
            <dt>Foutmelding</dt>
            <dd>{message.error}</dd>
          </>
        ) : null}
      </dl>
      {message.status === "FAILED" ? (
        <Form method="post" action="/beheer/e-mail?index">
          <input type="hidden" name="intent" value="retry" />
          <input type="hidden" name="messageId" value={message.id} />
          <input type="hidden" name="back" value={`/beheer/e-mail/${message.id}`} />
          <button type="submit">Opnieuw versturen</button>
        </Form>
      ) : null}
      <h2>Inhoud</h2>
      {message.text ? (
        <>
          {message.linksHidden ? (
            <p>
              Persoonlijke links (om een wachtwoord te kiezen, een uitnodiging aan te nemen of een e-mailadres te
              bevestigen) zijn verborgen: alleen de ontvanger mag ze gebruiken.
            </p>
          ) : null}
          <div className="email-body" data-testid="email-body">
            <Linkified text={message.text} />
          </div>
        </>
      ) : (
        <p>De inhoud wordt niet getoond omdat het bericht via de e-maildienst is verstuurd.</p>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

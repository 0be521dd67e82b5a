// Two-factor sign-in on one's own account: set it up (QR code + the secret as text, confirmed with a code;
// the recovery codes shown once), make new recovery codes, turn it off (password + code; not when the
// deployment requires it for staff). Staff who must set it up reach only this page until they have.
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { useState } from "react";
import { z } from "zod";
import { requireUserForTwoFactorSetup } from "~/auth/guards.server.ts";
import { createUserSession, invalidateAllSessions } from "~/auth/session.server.ts";
import {
  cancelTwoFactorSetup,
  confirmTwoFactorSetup,
  disableTwoFactor,
  getTwoFactorStatus,
  renewRecoveryCodes,
  startTwoFactorSetup,
  twoFactorRequiredFor,
} from "~/auth/two-factor.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ErrorSummary, Field, FormAlert } from "~/components/forms.tsx";
import { formatDateTime } from "~/utils/dates.ts";
import { formIntents, parseForm } from "~/utils/forms.ts";
import { domainErrorReply, invalid, readForm } from "~/utils/forms.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = () => [{ title: "Tweestapsverificatie — Leernetwerk" }];

// The secret and the recovery codes must not stay in any cache.
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

const PAGE = "/account/tweestapsverificatie";

const codeField = z
  .string({ required_error: "Vul de code in." })
  .trim()
  .min(1, "Vul de code uit je app in.")
  .max(40, "Dit is geen code: typ de 6 cijfers uit je app.");

const schema = formIntents({
  start: z.object({}),
  cancel: z.object({}),
  confirm: z.object({ code: codeField }),
  renew: z.object({ code: codeField }),
  disable: z.object({
    password: z.string({ required_error: "Vul je wachtwoord in." }).min(1, "Vul je wachtwoord in."),
    code: codeField,
  }),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserForTwoFactorSetup(request);
  const status = await getTwoFactorStatus(user);
  return { status, required: twoFactorRequiredFor(user.role) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserForTwoFactorSetup(request);
  const form = parseForm(schema, await readForm(request), { secretFields: ["password", "code"] });
  if (!form.ok) return invalid(form.error);
  const { data: input, values } = form;
  try {
    switch (input.intent) {
      case "start":
        await startTwoFactorSetup(user.id);
        return redirectWithToast(`${PAGE}#instellen`, { type: "info", title: "Scan de QR-code met je app" });
      case "cancel":
        await cancelTwoFactorSetup(user.id);
        return redirectWithToast(PAGE, { type: "info", title: "Het instellen is gestopt" });
      case "confirm": {
        const codes = await confirmTwoFactorSetup(user.id, input.code);
        // Sessions elsewhere were made with the password alone: they end; this browser gets a fresh one.
        await invalidateAllSessions(user.id);
        const cookie = await createUserSession(request, user.id);
        return data(
          { status: "codes" as const, reason: "enabled" as const, codes },
          { headers: { "Set-Cookie": cookie } },
        );
      }
      case "renew":
        return {
          status: "codes" as const,
          reason: "renewed" as const,
          codes: await renewRecoveryCodes(user.id, input.code),
        };
      case "disable":
        await disableTwoFactor(user, input);
        return redirectWithToast(PAGE, { title: "Tweestapsverificatie staat uit" });
    }
  } catch (error) {
    return domainErrorReply(error, values);
  }
}

export default function TwoFactorPage() {
  const { status, required } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const refused = actionData?.status === "error" ? actionData : undefined;
  const refusedFor = (intent: string) => (refused?.values.intent === intent ? refused : undefined);

  if (actionData?.status === "codes") {
    return <RecoveryCodes codes={actionData.codes} reason={actionData.reason} />;
  }

  return (
    <>
      <p className="no-print">
        <Link to="/account">← Je account</Link>
      </p>
      <h1>Tweestapsverificatie</h1>
      <p>
        Met tweestapsverificatie log je in met je wachtwoord én een code uit een app op je telefoon (zoals Microsoft
        Authenticator, Google Authenticator of FreeOTP). Wie je wachtwoord weet, kan dan nog niet bij je account.
      </p>
      {required && status.state !== "on" ? (
        <div className="alert alert-info" role="status">
          <p>
            <strong>Stel eerst tweestapsverificatie in.</strong> Als coördinator of begeleider kun je gegevens van
            anderen zien. Daarom is tweestapsverificatie voor jou verplicht. Pas als het is ingesteld, kun je verder.
          </p>
        </div>
      ) : null}
      <FormAlert message={refused?.formError} />

      {status.state === "off" ? (
        <section aria-labelledby="status">
          <h2 id="status">Tweestapsverificatie staat uit</h2>
          <p>Je hebt je telefoon nodig. Het instellen duurt ongeveer twee minuten.</p>
          <Form method="post">
            <input type="hidden" name="intent" value="start" />
            <button type="submit">Tweestapsverificatie instellen</button>
          </Form>
        </section>
      ) : null}

      {status.state === "pending" ? (
        <section aria-labelledby="instellen">
          <h2 id="instellen" tabIndex={-1}>
            Instellen
          </h2>
          <ol className="stack">
            <li>
              <p>Open de app op je telefoon en kies voor een nieuw account toevoegen. Scan deze QR-code:</p>
              <img
                className="qr-code"
                src={status.qrCode}
                alt="QR-code om Leernetwerk aan je app toe te voegen. Kun je niet scannen? Gebruik de sleutel hieronder."
                width={200}
                height={200}
              />
            </li>
            <li>
              <p>
                Kun je de QR-code niet scannen? Kies in de app voor een sleutel invoeren en typ deze sleutel over (de
                spaties mag je weglaten). Kies als soort &quot;op tijd gebaseerd&quot;.
              </p>
              <p className="secret-text">
                <span className="visually-hidden">Sleutel: </span>
                <code data-testid="two-factor-secret">{status.secretForTyping}</code>
              </p>
            </li>
            <li>
              <p>Vul de code van 6 cijfers in die de app nu bij Leernetwerk laat zien.</p>
              <ErrorSummary errors={refusedFor("confirm")?.fieldErrors} />
              <Form method="post" className="stack" noValidate>
                <input type="hidden" name="intent" value="confirm" />
                <Field
                  label="Code uit je app"
                  name="code"
                  autoComplete="one-time-code"
                  inputMode="numeric"
                  required
                  errors={refusedFor("confirm")?.fieldErrors.code}
                />
                <div>
                  <button type="submit">Bevestigen en aanzetten</button>
                </div>
              </Form>
            </li>
          </ol>
          <Form method="post">
            <input type="hidden" name="intent" value="cancel" />
            <button type="submit" className="button-secondary">
              Stoppen met instellen
            </button>
          </Form>
        </section>
      ) : null}

      {status.state === "on" ? (
        <>
          <section aria-labelledby="status">
            <h2 id="status">Tweestapsverificatie staat aan</h2>
            <p>
              Aangezet op {formatDateTime(status.enabledAt)}. Je hebt nog{" "}
              <strong>
                {status.recoveryCodesLeft} herstelcode{status.recoveryCodesLeft === 1 ? "" : "s"}
              </strong>{" "}
              die je kunt gebruiken als je je telefoon niet bij je hebt.
            </p>
          </section>

          <section aria-labelledby="nieuwe-codes">
            <h2 id="nieuwe-codes">Nieuwe herstelcodes maken</h2>
            <p>
              Ben je je herstelcodes kwijt, of heb je er bijna geen meer? Maak nieuwe. De oude werken dan niet meer.
            </p>
            <ErrorSummary errors={refusedFor("renew")?.fieldErrors} />
            <Form method="post" className="stack" noValidate>
              <input type="hidden" name="intent" value="renew" />
              <Field
                label="Code uit je app"
                name="code"
                id="renew-code"
                autoComplete="one-time-code"
                required
                errors={refusedFor("renew")?.fieldErrors.code}
              />
              <div>
                <button type="submit">Nieuwe herstelcodes maken</button>
              </div>
            </Form>
          </section>

          <section aria-labelledby="uitzetten">
            <h2 id="uitzetten">Tweestapsverificatie uitzetten</h2>
            {required ? (
              <p>Voor coördinatoren en begeleiders is tweestapsverificatie verplicht. Je kunt hem niet uitzetten.</p>
            ) : (
              <>
                <p>Zonder tweestapsverificatie is je account minder goed beschermd.</p>
                <ErrorSummary errors={refusedFor("disable")?.fieldErrors} />
                <Form method="post" className="stack" noValidate>
                  <input type="hidden" name="intent" value="disable" />
                  <Field
                    label="Je wachtwoord"
                    name="password"
                    type="password"
                    autoComplete="current-password"
                    required
                    errors={refusedFor("disable")?.fieldErrors.password}
                  />
                  <Field
                    label="Code uit je app of een herstelcode"
                    name="code"
                    id="disable-code"
                    autoComplete="one-time-code"
                    required
                    errors={refusedFor("disable")?.fieldErrors.code}
                  />
                  <div>
                    <button type="submit" className="button-secondary">
                      Tweestapsverificatie uitzetten
                    </button>
                  </div>
                </Form>
              </>
            )}
          </section>
        </>
      ) : null}
    </>
  );
}

/** The recovery codes, shown once: to print or copy. */
function RecoveryCodes({ codes, reason }: { codes: string[]; reason: "enabled" | "renewed" }) {
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  const copy = () => {
    navigator.clipboard
      .writeText(codes.join("\n"))
      .then(() => setCopied("yes"))
      .catch(() => setCopied("no"));
  };
  return (
    <>
      <h1>{reason === "enabled" ? "Tweestapsverificatie staat aan" : "Je nieuwe herstelcodes"}</h1>
      <div className="alert alert-success" role="status">
        <p>
          <strong>Bewaar deze herstelcodes goed.</strong> We laten ze maar één keer zien.
          {reason === "renewed"
            ? " Je oude herstelcodes werken niet meer."
            : " Op andere apparaten ben je uitgelogd: daar log je opnieuw in, met een code."}
        </p>
      </div>
      <p>
        Heb je je telefoon niet bij je, of ben je hem kwijt? Dan log je in met een van deze codes in plaats van de code
        uit je app. Elke code werkt één keer. Print ze of bewaar ze in een wachtwoordmanager, niet op je telefoon.
      </p>
      <ul className="recovery-codes" aria-label="Herstelcodes" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <div className="button-row no-print">
        <button type="button" onClick={() => window.print()}>
          Afdrukken
        </button>
        <button type="button" className="button-secondary" onClick={copy}>
          Kopiëren
        </button>
        <Link to="/">Klaar, naar de startpagina</Link>
      </div>
      <p role="status" className="no-print">
        {copied === "yes"
          ? "De herstelcodes zijn gekopieerd."
          : copied === "no"
            ? "Kopiëren lukte niet. Selecteer de codes en kopieer ze zelf."
            : null}
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

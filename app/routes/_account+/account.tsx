import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { z } from "zod";
import { requireUser } from "~/auth/guards.server.ts";
import { blankSessionCookie, createUserSession, invalidateAllSessions } from "~/auth/session.server.ts";
import { ErrorSummary, Field, FormAlert, NewPasswordFields } from "~/components/forms.tsx";
import { getFeedStatus, renewFeedToken, revokeFeedToken } from "~/models/calendar-feed.server.ts";
import { requestEmailChange } from "~/models/email-change.server.ts";
import { changePassword, getAccount, updateName } from "~/models/user.server.ts";
import { formatDateTime } from "~/utils/dates.ts";
import {
  MIN_PASSWORD_LENGTH,
  emailField,
  fieldError,
  formIntents,
  nameField,
  newPasswordFields,
  parseForm,
  passwordsMatch,
  textValue,
} from "~/utils/forms.ts";
import { domainErrorReply, invalid, readForm } from "~/utils/forms.server.ts";
import { roleLabels } from "~/utils/labels.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = () => [{ title: "Account — Leernetwerk" }];

const schema = formIntents({
  profile: z.object({ name: nameField }),
  email: z.object({
    email: emailField,
    emailChangePassword: z.string().min(1, "Vul je huidige wachtwoord in."),
  }),
  password: z.object({
    currentPassword: z.string().min(1, "Vul je huidige wachtwoord in."),
    ...newPasswordFields(MIN_PASSWORD_LENGTH),
  }),
  "feed-renew": z.object({}),
  "feed-revoke": z.object({}),
  "logout-everywhere": z.object({}),
}).superRefine((data, ctx) => {
  if (data.intent === "password") passwordsMatch(data, ctx);
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [account, feed] = await Promise.all([getAccount(user.id), getFeedStatus(user.id)]);
  return { account, feed, twoFactorEnabled: user.twoFactorEnabled };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = parseForm(schema, await readForm(request), {
    secretFields: ["currentPassword", "password", "confirmPassword", "emailChangePassword"],
  });
  if (!form.ok) return invalid(form.error);
  const { data: input, values } = form;
  switch (input.intent) {
    case "profile":
      await updateName(user.id, input.name);
      return redirectWithToast("/account", { title: "Je naam is opgeslagen" });
    case "email": {
      let result: Awaited<ReturnType<typeof requestEmailChange>>;
      try {
        result = await requestEmailChange(user.id, { email: input.email, currentPassword: input.emailChangePassword });
      } catch (error) {
        return domainErrorReply(error, values);
      }
      if (!result.ok) return invalid(fieldError(values, "emailChangePassword", "Je huidige wachtwoord klopt niet."));
      // The same answer whether or not the address already has an account: only that address is told.
      return redirectWithToast("/account", {
        title: "Kijk in je e-mail",
        description: `We hebben een e-mail gestuurd naar ${result.newEmail}. Klik op de link in die e-mail om je nieuwe adres te bevestigen. Tot dan blijft je huidige adres gelden.`,
      });
    }
    case "password": {
      if (!(await changePassword(user.id, input.currentPassword, input.password))) {
        return invalid(fieldError(values, "currentPassword", "Je huidige wachtwoord klopt niet."));
      }
      // A new password ends every other session; this browser gets a fresh one.
      await invalidateAllSessions(user.id);
      const cookie = await createUserSession(request, user.id);
      return redirectWithToast(
        "/account",
        { title: "Je wachtwoord is gewijzigd", description: "Je bent op andere apparaten uitgelogd." },
        { headers: { "Set-Cookie": cookie } },
      );
    }
    case "feed-renew":
      // A new calendar feed URL: shown once, never stored.
      return { status: "feed" as const, feedUrl: await renewFeedToken(user.id) };
    case "feed-revoke":
      await revokeFeedToken(user.id);
      return redirectWithToast("/account#agenda", {
        title: "Je agenda-link is ingetrokken",
        description: "Agenda's met deze link krijgen geen bijeenkomsten meer.",
      });
    case "logout-everywhere":
      await invalidateAllSessions(user.id);
      return redirectWithToast(
        "/inloggen",
        { title: "Je bent overal uitgelogd", description: "Op alle apparaten en browsers." },
        { headers: { "Set-Cookie": blankSessionCookie() } },
      );
  }
}

export default function AccountPage() {
  const { account, feed, twoFactorEnabled } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const newFeedUrl = actionData?.status === "feed" ? actionData.feedUrl : undefined;
  const refused = actionData?.status === "error" ? actionData : undefined;
  const profile = refused?.values.intent === "profile" ? refused : undefined;
  const password = refused?.values.intent === "password" ? refused : undefined;
  const emailChange = refused?.values.intent === "email" ? refused : undefined;
  return (
    <>
      <h1>Je account</h1>
      <p>
        Je rol: <strong>{roleLabels[account.role]}</strong>
        {account.title ? <> ({account.title})</> : null}
      </p>

      <section aria-labelledby="gegevens">
        <h2 id="gegevens">Je gegevens</h2>
        <ErrorSummary errors={profile?.fieldErrors} />
        <FormAlert message={profile?.formError} />
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="profile" />
          <Field
            label="Naam"
            name="name"
            autoComplete="name"
            required
            defaultValue={textValue(profile?.values, "name") ?? account.name}
            errors={profile?.fieldErrors.name}
          />
          <div>
            <button type="submit">Naam opslaan</button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="e-mailadres">
        <h2 id="e-mailadres">E-mailadres wijzigen</h2>
        <p>
          Je e-mailadres is nu <strong>{account.email}</strong>. Een nieuw adres gaat pas in als je het bevestigt via de
          link die we naar dat adres sturen. Je oude adres krijgt daarover ook een bericht.
        </p>
        <ErrorSummary errors={emailChange?.fieldErrors} />
        <FormAlert message={emailChange?.formError} />
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="email" />
          <Field
            label="Nieuw e-mailadres"
            name="email"
            type="email"
            autoComplete="email"
            required
            defaultValue={textValue(emailChange?.values, "email") ?? ""}
            errors={emailChange?.fieldErrors.email}
          />
          <Field
            label="Je huidige wachtwoord"
            hint="Ter controle dat jij het bent."
            name="emailChangePassword"
            type="password"
            autoComplete="current-password"
            required
            errors={emailChange?.fieldErrors.emailChangePassword}
          />
          <div>
            <button type="submit">Nieuw e-mailadres bevestigen</button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="wachtwoord">
        <h2 id="wachtwoord">Wachtwoord wijzigen</h2>
        <ErrorSummary errors={password?.fieldErrors} />
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="password" />
          <Field
            label="Huidig wachtwoord"
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            required
            errors={password?.fieldErrors.currentPassword}
          />
          <NewPasswordFields
            label="Nieuw wachtwoord"
            repeatLabel="Herhaal het nieuwe wachtwoord"
            hint={`Minstens ${MIN_PASSWORD_LENGTH} tekens.`}
            errors={password?.fieldErrors}
          />
          <div>
            <button type="submit">Wachtwoord wijzigen</button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="tweestaps">
        <h2 id="tweestaps">Tweestapsverificatie</h2>
        <p>
          {twoFactorEnabled
            ? "Tweestapsverificatie staat aan: je logt in met je wachtwoord én een code uit een app op je telefoon."
            : "Log in met je wachtwoord én een code uit een app op je telefoon, zodat alleen jij bij je account kunt."}{" "}
          <Link to="/account/tweestapsverificatie">
            {twoFactorEnabled ? "Tweestapsverificatie beheren" : "Tweestapsverificatie instellen"}
          </Link>
        </p>
      </section>

      <section aria-labelledby="agenda" id="agenda-sectie">
        <h2 id="agenda" tabIndex={-1}>
          Bijeenkomsten in je eigen agenda
        </h2>
        <p>
          Met een agenda-abonnement staan alle bijeenkomsten van je leernetwerk in Outlook, Google Agenda of de agenda
          op je telefoon. Verandert een bijeenkomst van tijd of plaats, of gaat hij niet door? Dan past je agenda zich
          vanzelf aan (meestal binnen een paar uur).
        </p>
        {newFeedUrl ? (
          <div className="alert alert-success" role="status">
            <p>
              <strong>Je nieuwe agenda-link staat klaar.</strong> Kopieer hem nu: we laten hem maar één keer zien. Een
              eerdere link werkt niet meer.
            </p>
            <Field
              label="Je agenda-link"
              name="feedUrl"
              readOnly
              value={newFeedUrl}
              onFocus={(event) => event.currentTarget.select()}
            />
            <ul>
              <li>
                <strong>Outlook:</strong> Agenda → Agenda toevoegen → Abonneren vanaf internet → plak de link.
              </li>
              <li>
                <strong>Google Agenda:</strong> Andere agenda&apos;s → + → Via URL → plak de link.
              </li>
            </ul>
            <p>Deel de link met niemand: wie hem heeft, ziet je bijeenkomsten.</p>
          </div>
        ) : feed ? (
          <p>
            Je hebt een agenda-link sinds {formatDateTime(feed.createdAt)}
            {feed.lastUsedAt
              ? `; je agenda haalde de bijeenkomsten het laatst op ${formatDateTime(feed.lastUsedAt)}`
              : "; hij is nog niet gebruikt"}
            . Ben je de link kwijt, of heeft iemand anders hem? Maak dan een nieuwe; de oude werkt dan niet meer.
          </p>
        ) : (
          <p>Je hebt nog geen agenda-link.</p>
        )}
        <div className="button-row">
          <Form method="post">
            <input type="hidden" name="intent" value="feed-renew" />
            <button type="submit">{feed ? "Nieuwe agenda-link maken" : "Agenda-link maken"}</button>
          </Form>
          {feed ? (
            <Form method="post">
              <input type="hidden" name="intent" value="feed-revoke" />
              <button type="submit" className="button-secondary">
                Agenda-link intrekken
              </button>
            </Form>
          ) : null}
        </div>
      </section>

      <section aria-labelledby="e-mail">
        <h2 id="e-mail">E-mail</h2>
        <p>
          Kies welke berichten je krijgt: direct, in een wekelijkse samenvatting of niet.{" "}
          <Link to="/account/meldingen">E-mailvoorkeuren aanpassen</Link>
        </p>
      </section>

      <section aria-labelledby="mijn-gegevens">
        <h2 id="mijn-gegevens">Mijn gegevens</h2>
        <p>
          Download alles wat we over je bewaren, of verwijder je account.{" "}
          <Link to="/account/mijn-gegevens">Naar mijn gegevens</Link>
        </p>
      </section>

      <section aria-labelledby="overal">
        <h2 id="overal">Overal uitloggen</h2>
        <p>
          Ben je ergens ingelogd gebleven, bijvoorbeeld op een computer van iemand anders? Log dan op alle apparaten
          tegelijk uit. <Link to="/account/sessies">Bekijk waar je bent ingelogd</Link>
        </p>
        <Form method="post">
          <input type="hidden" name="intent" value="logout-everywhere" />
          <button type="submit" className="button-secondary">
            Overal uitloggen
          </button>
        </Form>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

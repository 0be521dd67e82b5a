import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "~/auth/guards.server.ts";
import { blankSessionCookie, createUserSession, invalidateAllSessions } from "~/auth/session.server.ts";
import { ErrorSummary, Field, FormAlert, NewPasswordFields } from "~/components/forms.tsx";
import { changePassword, getAccount, updateProfile } from "~/models/user.server.ts";
import { MIN_PASSWORD_LENGTH, emailField, nameField, newPasswordFields, parseForm, passwordsMatch } from "~/utils/forms.ts";
import { roleLabels } from "~/utils/labels.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = () => [{ title: "Account — Leernetwerk" }];

const profileSchema = z.object({ name: nameField, email: emailField });
const passwordSchema = z
  .object({
    currentPassword: z.string().min(1, "Vul je huidige wachtwoord in."),
    ...newPasswordFields(MIN_PASSWORD_LENGTH),
  })
  .superRefine(passwordsMatch);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { account: await getAccount(user.id) };
}

type ActionResult = {
  intent: "profile" | "password";
  errors: Record<string, string[] | undefined>;
  formError?: string;
  values: Record<string, string>;
};

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const intent = formData.get("intent");

  if (intent === "profile") {
    const form = parseForm(profileSchema, formData);
    if (!form.ok) return data<ActionResult>({ intent, errors: form.errors, values: form.values }, { status: 400 });
    const result = await updateProfile(user.id, form.data);
    if (!result.ok) {
      return data<ActionResult>({ intent, errors: { [result.field]: [result.message] }, values: form.values }, { status: 400 });
    }
    return redirectWithToast("/account", { title: "Je gegevens zijn opgeslagen" });
  }

  if (intent === "password") {
    const secretFields = ["currentPassword", "password", "confirmPassword"];
    const form = parseForm(passwordSchema, formData, { secretFields });
    if (!form.ok) return data<ActionResult>({ intent, errors: form.errors, values: {} }, { status: 400 });
    const changed = await changePassword(user.id, form.data.currentPassword, form.data.password);
    if (!changed) {
      return data<ActionResult>(
        { intent, errors: { currentPassword: ["Je huidige wachtwoord klopt niet."] }, values: {} },
        { status: 400 },
      );
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

  if (intent === "logout-everywhere") {
    await invalidateAllSessions(user.id);
    return redirectWithToast(
      "/inloggen",
      { title: "Je bent overal uitgelogd", description: "Op alle apparaten en browsers." },
      { headers: { "Set-Cookie": blankSessionCookie() } },
    );
  }

  return data<ActionResult>({ intent: "profile", errors: {}, formError: "Onbekende actie.", values: {} }, { status: 400 });
}

export default function AccountPage() {
  const { account } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const profile = actionData?.intent === "profile" ? actionData : undefined;
  const password = actionData?.intent === "password" ? actionData : undefined;
  return (
    <>
      <h1>Je account</h1>
      <p>
        Je rol: <strong>{roleLabels[account.role]}</strong>
        {account.title ? <> ({account.title})</> : null}
      </p>

      <section aria-labelledby="gegevens">
        <h2 id="gegevens">Je gegevens</h2>
        <ErrorSummary errors={profile?.errors} />
        <FormAlert message={profile?.formError} />
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="profile" />
          <Field label="Naam" name="name" autoComplete="name" required defaultValue={profile?.values.name ?? account.name} errors={profile?.errors.name} />
          <Field
            label="E-mailadres"
            name="email"
            type="email"
            autoComplete="email"
            required
            defaultValue={profile?.values.email ?? account.email}
            errors={profile?.errors.email}
          />
          <div>
            <button type="submit">Gegevens opslaan</button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="wachtwoord">
        <h2 id="wachtwoord">Wachtwoord wijzigen</h2>
        <ErrorSummary errors={password?.errors} />
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="password" />
          <Field label="Huidig wachtwoord" name="currentPassword" type="password" autoComplete="current-password" required errors={password?.errors.currentPassword} />
          <NewPasswordFields
            label="Nieuw wachtwoord"
            repeatLabel="Herhaal het nieuwe wachtwoord"
            hint={`Minstens ${MIN_PASSWORD_LENGTH} tekens.`}
            errors={password?.errors}
          />
          <div>
            <button type="submit">Wachtwoord wijzigen</button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="e-mail">
        <h2 id="e-mail">E-mail</h2>
        <p>
          Kies welke berichten je krijgt: direct, in een wekelijkse samenvatting of niet.{" "}
          <Link to="/account/meldingen">E-mailvoorkeuren aanpassen</Link>
        </p>
      </section>

      <section aria-labelledby="overal">
        <h2 id="overal">Overal uitloggen</h2>
        <p>Ben je ergens ingelogd gebleven, bijvoorbeeld op een computer van iemand anders? Log dan op alle apparaten tegelijk uit.</p>
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

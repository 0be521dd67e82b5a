// A user's admin page for coordinators: who it is, and erasing the account on the person's request (AVG art. 17,
// app/models/erasure.server.ts). Reached from the duo members on a municipality's enrolment page.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { z } from "zod";
import { isUuid, requireRole } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ErasureWarning } from "~/components/erasure-warning.tsx";
import { FormAlert } from "~/components/forms.tsx";
import { eraseAccount, erasurePreview } from "~/models/erasure.server.ts";
import { confirmBox, formIntents, parseForm } from "~/utils/forms.ts";
import { domainErrorReply, invalid, readForm } from "~/utils/forms.server.ts";
import { invariantResponse, notFound } from "~/utils/http.server.ts";
import { roleLabels } from "~/utils/labels.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = () => [{ title: "Gebruiker — Leernetwerk" }];

const schema = formIntents({
  erase: z.object({
    confirm: confirmBox("Vink aan dat de persoon hierom heeft gevraagd."),
  }),
});

async function requirePreview(request: Request, userId: string | undefined) {
  const coordinator = await requireRole(request, "COORDINATOR");
  if (!isUuid(userId)) throw notFound("Deze gebruiker bestaat niet.");
  const preview = await erasurePreview(userId);
  invariantResponse(preview, "Deze gebruiker bestaat niet.");
  return { coordinator, preview };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { coordinator, preview } = await requirePreview(request, params.userId);
  return { preview, self: coordinator.id === preview.id };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { coordinator, preview } = await requirePreview(request, params.userId);
  const form = parseForm(schema, await readForm(request));
  if (!form.ok) return invalid(form.error);
  try {
    await eraseAccount(preview.id, { kind: "coordinator", actorId: coordinator.id });
  } catch (error) {
    return domainErrorReply(error, form.values);
  }
  return redirectWithToast("/beheer/logboek", {
    title: "Het account is verwijderd",
    description: "In het logboek staat dat het is gebeurd, zonder naam of e-mailadres.",
  });
}

export default function UserAdminPage() {
  const { preview, self } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  return (
    <>
      <h1>{preview.name}</h1>
      <dl>
        <dt>E-mailadres</dt>
        <dd>{preview.email}</dd>
        <dt>Rol</dt>
        <dd>{roleLabels[preview.role]}</dd>
      </dl>
      <section aria-labelledby="account-verwijderen" className="panel danger-zone">
        <h2 id="account-verwijderen">Account verwijderen op verzoek</h2>
        {self ? (
          <p>
            Dit is je eigen account. Verwijder het op <Link to="/account/verwijderen">je eigen accountpagina</Link>, met
            je wachtwoord.
          </p>
        ) : (
          <>
            <p>
              Doe dit alleen als {preview.name} daar zelf om heeft gevraagd (AVG artikel 17). Een deelnemer kan het ook
              zelf doen, via Account › Mijn gegevens. Dit is niet terug te draaien.
            </p>
            <ErasureWarning preview={preview} subject={preview.name} />
            <FormAlert message={refused?.formError ?? refused?.fieldErrors.form?.[0]} />
            <Form method="post" className="stack" noValidate>
              <input type="hidden" name="intent" value="erase" />
              <div className="field">
                <input
                  type="checkbox"
                  id="confirm"
                  name="confirm"
                  aria-describedby={refused?.fieldErrors.confirm ? "confirm-fout" : undefined}
                />{" "}
                <label htmlFor="confirm">{preview.name} heeft gevraagd het account te verwijderen.</label>
                {refused?.fieldErrors.confirm ? (
                  <p id="confirm-fout" className="field-error">
                    {refused.fieldErrors.confirm[0]}
                  </p>
                ) : null}
              </div>
              <div>
                <button type="submit" className="button-danger">
                  Account van {preview.name} verwijderen
                </button>
              </div>
            </Form>
          </>
        )}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

// /impactspoor/:municipalityId/toegang — who can open the municipality's trail. The duo invites facilitators
// of its cohorts to read and comment (also after the cohort closed) and ends that again; a coordinator gives a
// new colleague of the municipality access (an existing participant account) and ends it (audit-logged).
// Facilitators: 403; everyone else: 404.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { requireTrail } from "~/auth/guards.server.ts";
import { BackLink } from "~/components/assignment-parts.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { Field, FormAlert, SelectField } from "~/components/forms.tsx";
import { accessOverview, endAccess, grantColleague, inviteFacilitator } from "~/models/impact-trail.server.ts";
import { formatShortDate } from "~/utils/dates.ts";
import { emailField, formIntents, idField, isFormError, parseForm, textValue } from "~/utils/forms.ts";
import { domainErrorReply, invalid, readForm } from "~/utils/forms.server.ts";
import { forbidden } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Toegang tot het impactspoor van ${data.municipality.name} — Leernetwerk` : "Toegang — Leernetwerk" },
];

async function requireAccessPage(request: Request, municipalityId: string | undefined) {
  const trail = await requireTrail(request, municipalityId);
  if (trail.role === "reader") throw forbidden("Alleen het duo en de coördinator zien wie er toegang heeft.");
  return trail;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { role, municipality } = await requireAccessPage(request, params.municipalityId);
  return { role, municipality, ...(await accessOverview(municipality.id)) };
}

const schema = formIntents({
  invite: z.object({ userId: idField("Kies een begeleider.") }),
  uninvite: z.object({ accessId: idField("Deze toegang bestaat niet (meer).") }),
  grant: z.object({ email: emailField }),
  revoke: z.object({ accessId: idField("Deze toegang bestaat niet (meer).") }),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, role, municipality } = await requireAccessPage(request, params.municipalityId);
  const form = parseForm(schema, await readForm(request));
  if (!form.ok) return invalid(form.error);
  const { data: input, values } = form;
  const forDuo = input.intent === "invite" || input.intent === "uninvite";
  if (forDuo && role !== "editor") throw forbidden("Alleen het duo nodigt begeleiders uit.");
  if (!forDuo && role !== "coordinator") throw forbidden("Alleen een coördinator geeft collega's toegang.");
  const here = `/impactspoor/${municipality.id}/toegang`;
  try {
    if (input.intent === "invite") {
      await inviteFacilitator(user, municipality.id, input.userId);
      return redirectWithToast(here, { title: "De begeleider kan nu meelezen en reageren" });
    }
    if (input.intent === "grant") {
      await grantColleague(user, municipality.id, input.email);
      return redirectWithToast(here, { title: "De collega heeft nu toegang" });
    }
    await endAccess(user, municipality.id, input.accessId);
    return redirectWithToast(here, { title: "De toegang is beëindigd" });
  } catch (error) {
    return domainErrorReply(error, values, { field: input.intent === "grant" ? "email" : undefined });
  }
}

export default function TrailAccess() {
  const { role, municipality, duos, colleagues, facilitators, candidates } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const failed = isFormError(answer) ? answer : null;
  const intent = textValue(failed?.values, "intent");
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <BackLink to={`/impactspoor/${municipality.id}`}>Impactspoor van {municipality.name}</BackLink>
      <h1>Toegang tot het impactspoor van {municipality.name}</h1>
      <p className="lead">
        Het impactspoor blijft bij de gemeente. De duo's en collega's met toegang passen het aan. Begeleiders lezen mee
        en reageren zolang het leernetwerk loopt; daarna alleen als het duo hen uitnodigt.
      </p>

      <section aria-labelledby="duos-heading">
        <h2 id="duos-heading">Duo's van de gemeente</h2>
        {duos.length ? (
          <ul>
            {duos.map((duo) => (
              <li key={duo.id}>
                {duo.members.join(" en ") || "Nog geen leden"} · {duo.cohort}
                {duo.running
                  ? ` (loopt nu; begeleiders lezen mee: ${duo.facilitators.join(", ") || "geen"})`
                  : " (afgelopen of nog niet begonnen)"}
              </li>
            ))}
          </ul>
        ) : (
          <p>Geen duo's.</p>
        )}
      </section>

      <section aria-labelledby="colleagues-heading">
        <h2 id="colleagues-heading">Collega's met toegang</h2>
        {colleagues.length ? (
          <ul>
            {colleagues.map((grant) => (
              <li key={grant.id}>
                {grant.user.name} ({grant.user.email}) · sinds {formatShortDate(grant.createdAt)}
                {grant.grantedBy ? `, door ${grant.grantedBy.name}` : ""}
                {role === "coordinator" ? (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="revoke" />
                    <input type="hidden" name="accessId" value={grant.id} />
                    <button type="submit" className="button-link" disabled={busy}>
                      Toegang beëindigen <span className="visually-hidden">voor {grant.user.name}</span>
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>Geen.</p>
        )}
        {role === "coordinator" ? (
          <Form method="post" noValidate className="form-narrow">
            <input type="hidden" name="intent" value="grant" />
            <FormAlert message={intent === "grant" || intent === "revoke" ? failed?.formError : null} />
            <Field
              label="E-mailadres van de nieuwe collega"
              name="email"
              type="email"
              autoComplete="off"
              defaultValue={intent === "grant" ? (textValue(failed?.values, "email") ?? "") : ""}
              errors={intent === "grant" ? failed?.fieldErrors.email : undefined}
              hint="De collega heeft al een deelnemersaccount. Zo niet: nodig de collega eerst uit."
            />
            <button type="submit" disabled={busy}>
              Toegang geven
            </button>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="facilitators-heading">
        <h2 id="facilitators-heading">Uitgenodigde begeleiders</h2>
        {facilitators.length ? (
          <ul>
            {facilitators.map((grant) => (
              <li key={grant.id}>
                {grant.user.name}
                {grant.user.title ? ` (${grant.user.title})` : ""} · sinds {formatShortDate(grant.createdAt)}
                {role === "editor" ? (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="uninvite" />
                    <input type="hidden" name="accessId" value={grant.id} />
                    <button type="submit" className="button-link" disabled={busy}>
                      Uitnodiging intrekken <span className="visually-hidden">voor {grant.user.name}</span>
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>Geen.</p>
        )}
        {role === "editor" && candidates.length ? (
          <Form method="post" noValidate className="form-narrow">
            <input type="hidden" name="intent" value="invite" />
            <FormAlert message={intent === "invite" || intent === "uninvite" ? failed?.formError : null} />
            <SelectField
              label="Nodig een begeleider van jullie leernetwerk uit"
              name="userId"
              errors={intent === "invite" ? failed?.fieldErrors.userId : undefined}
              hint="De begeleider kan dan het impactspoor lezen en reageren, ook nadat het leernetwerk is afgelopen."
            >
              {candidates.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.name}
                  {candidate.title ? ` (${candidate.title})` : ""}
                </option>
              ))}
            </SelectField>
            <button type="submit" disabled={busy}>
              Uitnodigen
            </button>
          </Form>
        ) : null}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

// Coordinator: the facilitators (begeleiders) of this cohort: assign someone who has a facilitator account,
// or remove them. New facilitators are invited on the invitations page.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { z } from "zod";
import { isUuid, requireCohortCoordinator } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ErrorSummary, FormAlert, SelectField } from "~/components/forms.tsx";
import {
  assignFacilitator,
  listCohortFacilitators,
  listFacilitatorChoices,
  removeFacilitator,
} from "~/models/enrollment.server.ts";
import { cohortPage, cohortTitle } from "~/utils/cohort-page.ts";
import { formIntents, idField, parseForm, textValue } from "~/utils/forms.ts";
import { domainErrorReply, invalid, readForm } from "~/utils/forms.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const handle = cohortPage<typeof loader>({ adminNav: true });

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? cohortTitle(matches, "Begeleiders") : "Begeleiders — Leernetwerk" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { cohortId } = await requireCohortCoordinator(request, params.cohortId);
  const [facilitators, choices] = await Promise.all([
    listCohortFacilitators(cohortId),
    listFacilitatorChoices(cohortId),
  ]);
  return { facilitators, choices };
}

const schema = formIntents({
  assign: z.object({ userId: idField("Kies een begeleider uit de lijst.") }),
  remove: z.object({ userId: z.string().default("") }),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, cohortId } = await requireCohortCoordinator(request, params.cohortId);
  const here = `/leernetwerken/${cohortId}/begeleiders`;
  const form = parseForm(schema, await readForm(request));
  if (!form.ok) return invalid(form.error);
  const { data: input, values } = form;
  if (input.intent === "remove") {
    if (!isUuid(input.userId) || !(await removeFacilitator({ cohortId, userId: input.userId }, user))) {
      return redirectWithToast(here, {
        type: "error",
        title: "Deze begeleider hoorde niet (meer) bij dit leernetwerk.",
      });
    }
    return redirectWithToast(here, { title: "De begeleider is van het leernetwerk gehaald" });
  }
  try {
    const name = await assignFacilitator({ cohortId, userId: input.userId }, user);
    return redirectWithToast(here, { title: `${name} begeleidt nu dit leernetwerk` });
  } catch (error) {
    return domainErrorReply(error, values, { field: "userId" });
  }
}

export default function FacilitatorsPage() {
  const { facilitators, choices } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <h1>Begeleiders</h1>
      {facilitators.length === 0 ? (
        <p>Er zijn nog geen begeleiders toegewezen.</p>
      ) : (
        <ul className="person-list">
          {facilitators.map(({ user }) => (
            <li key={user.id}>
              {user.name}
              {user.title ? `, ${user.title}` : ""} ({user.email}){" "}
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="remove" />
                <input type="hidden" name="userId" value={user.id} />
                <button type="submit" className="button-link">
                  Weghalen<span className="visually-hidden"> ({user.name})</span>
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}

      <section aria-labelledby="toewijzen">
        <h2 id="toewijzen">Een begeleider toewijzen</h2>
        {choices.length === 0 ? (
          <p>Alle begeleiders met een account horen al bij dit leernetwerk.</p>
        ) : (
          <>
            <FormAlert message={actionData?.formError} />
            <ErrorSummary errors={actionData?.fieldErrors} />
            <Form method="post" className="stack" noValidate>
              <input type="hidden" name="intent" value="assign" />
              <SelectField
                label="Begeleider"
                name="userId"
                required
                defaultValue={textValue(actionData?.values, "userId") ?? ""}
                errors={actionData?.fieldErrors.userId}
              >
                <option value="">— Kies een begeleider —</option>
                {choices.map((choice) => (
                  <option key={choice.id} value={choice.id}>
                    {choice.name}
                    {choice.title ? `, ${choice.title}` : ""}
                  </option>
                ))}
              </SelectField>
              <div>
                <button type="submit">Toewijzen</button>
              </div>
            </Form>
          </>
        )}
        <p>
          Heeft de begeleider nog geen account? <Link to="/beheer/uitnodigingen">Nodig hem of haar uit</Link> met de rol
          Begeleider en dit leernetwerk.
        </p>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

// Coordinator: the facilitators (begeleiders) of this cohort: assign someone who has a facilitator account,
// or remove them. New facilitators are invited on the invitations page.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { isUuid, requireCohortCoordinator } from "~/auth/guards.server.ts";
import { CohortAdminNav } from "~/components/cohort-admin-nav.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ErrorSummary, SelectField } from "~/components/forms.tsx";
import {
  assignFacilitator,
  EnrollmentError,
  getCohortAdminHeader,
  listCohortFacilitators,
  listFacilitatorChoices,
  removeFacilitator,
} from "~/models/enrollment.server.ts";
import { invariantResponse } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Begeleiders — ${data.cohort.name} — Leernetwerk` : "Begeleiders — Leernetwerk" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { cohortId } = await requireCohortCoordinator(request, params.cohortId);
  const [cohort, facilitators, choices] = await Promise.all([
    getCohortAdminHeader(cohortId),
    listCohortFacilitators(cohortId),
    listFacilitatorChoices(cohortId),
  ]);
  invariantResponse(cohort, "Dit leernetwerk bestaat niet.");
  return { cohort, facilitators, choices };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, cohortId } = await requireCohortCoordinator(request, params.cohortId);
  const here = `/leernetwerken/${cohortId}/begeleiders`;
  const formData = await request.formData();
  const userId = String(formData.get("userId") ?? "");
  if (formData.get("intent") === "remove") {
    if (!isUuid(userId) || !(await removeFacilitator({ cohortId, userId }, user))) {
      return redirectWithToast(here, { type: "error", title: "Deze begeleider hoorde niet (meer) bij dit leernetwerk." });
    }
    return redirectWithToast(here, { title: "De begeleider is van het leernetwerk gehaald" });
  }
  if (!isUuid(userId))
    return data({ errors: { userId: ["Kies een begeleider uit de lijst."] }, values: { userId } }, { status: 400 });
  try {
    const name = await assignFacilitator({ cohortId, userId }, user);
    return redirectWithToast(here, { title: `${name} begeleidt nu dit leernetwerk` });
  } catch (error) {
    if (error instanceof EnrollmentError)
      return data({ errors: { userId: [error.message] }, values: { userId } }, { status: 400 });
    throw error;
  }
}

export default function FacilitatorsPage() {
  const { cohort, facilitators, choices } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <CohortAdminNav cohort={cohort} />
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
            <ErrorSummary errors={actionData?.errors} />
            <Form method="post" className="stack" noValidate>
              <input type="hidden" name="intent" value="assign" />
              <SelectField
                label="Begeleider"
                name="userId"
                required
                defaultValue={actionData?.values.userId ?? ""}
                errors={actionData?.errors.userId}
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

// The coordinator attaches modules or lessons to a session as preparation ("voorbereiding"). Participants
// see them on the cohort page and on their start page before the session.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { isUuid, requireCohortSession } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { FormAlert, SelectField } from "~/components/forms.tsx";
import { SessionSummary } from "~/components/session-summary.tsx";
import { addReading, readingChoices, removeReading, sessionReadings } from "~/models/course-progress.server.ts";
import { cohortPage, cohortTitle } from "~/utils/cohort-page.ts";
import { formIntents, parseForm, textValue } from "~/utils/forms.ts";
import { domainErrorReply, invalid, readForm } from "~/utils/forms.server.ts";
import { forbidden, invariantResponse } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const handle = cohortPage<typeof loader>({ breadcrumb: () => [{ label: "Voorbereiding" }] });

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? cohortTitle(matches, `Voorbereiding bijeenkomst ${data.session.number}`) : "Leernetwerk" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { relation, session } = await requireCohortSession(request, params.cohortId, params.sessionId, "staff");
  const readings = (await sessionReadings([session.id])).get(session.id) ?? [];
  const { agenda: _agenda, ...rest } = session;
  return { session: rest, readings, choices: readingChoices(), canEdit: relation === "coordinator" };
}

const schema = formIntents({
  add: z.object({ contentId: z.string().default("") }),
  remove: z.object({ readingId: z.string().default("") }),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, relation, cohortId, session } = await requireCohortSession(
    request,
    params.cohortId,
    params.sessionId,
    "staff",
  );
  // Facilitators may look, only coordinators change the preparation.
  if (relation !== "coordinator") throw forbidden("Alleen de coördinator kan de voorbereiding aanpassen.");
  const form = parseForm(schema, await readForm(request));
  if (!form.ok) return invalid(form.error);
  const { data: input, values } = form;
  const here = `/leernetwerken/${cohortId}/bijeenkomsten/${session.id}/voorbereiding`;
  if (input.intent === "add") {
    try {
      const reading = await addReading(session.id, input.contentId, user);
      return redirectWithToast(here, { type: "success", title: `"${reading.title}" toegevoegd aan de voorbereiding` });
    } catch (error) {
      return domainErrorReply(error, values);
    }
  }
  invariantResponse(
    isUuid(input.readingId) && (await removeReading(session.id, input.readingId, user)),
    "Dit onderdeel bestaat niet.",
  );
  return redirectWithToast(here, { type: "success", title: "Onderdeel verwijderd uit de voorbereiding" });
}

export default function SessionPreparationPage() {
  const { session, readings, choices, canEdit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const totalMinutes = readings.reduce((sum, reading) => sum + reading.minutes, 0);
  return (
    <>
      <h1>Voorbereiding voor bijeenkomst {session.number}</h1>
      <div className="card">
        <SessionSummary session={session} headingLevel={2} />
      </div>

      <h2>Lezen vóór deze bijeenkomst</h2>
      {readings.length === 0 ? (
        <p>Er staat nog niets klaar om te lezen.</p>
      ) : (
        <>
          <p className="muted">Samen ongeveer {totalMinutes} minuten lezen.</p>
          <ul className="reading-list">
            {readings.map((reading) => (
              <li key={reading.id}>
                <Link to={reading.href}>{reading.title}</Link>
                {reading.moduleTitle !== reading.title ? <span className="muted"> ({reading.moduleTitle})</span> : null}
                <span className="muted"> · {reading.minutes} min</span>
                {canEdit ? (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="remove" />
                    <input type="hidden" name="readingId" value={reading.id} />
                    <button type="submit" className="button-secondary button-small">
                      Verwijder <span className="visually-hidden">{reading.title}</span>
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      )}

      {canEdit ? (
        <Form method="post" className="card form-card">
          <h2>Module of les toevoegen</h2>
          <FormAlert message={actionData ? (actionData.formError ?? "Controleer je keuze.") : null} />
          <input type="hidden" name="intent" value="add" />
          <SelectField
            label="Wat moeten de deelnemers lezen?"
            name="contentId"
            defaultValue={textValue(actionData?.values, "contentId") ?? ""}
            errors={actionData?.fieldErrors.contentId}
          >
            <option value="">Kies een module of les</option>
            {choices.map((module) => (
              <optgroup key={module.value} label={module.moduleTitle}>
                <option value={module.value}>{module.label}</option>
                {module.lessons.map((lesson) => (
                  <option key={lesson.value} value={lesson.value}>
                    {lesson.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </SelectField>
          <button type="submit">Toevoegen</button>
        </Form>
      ) : (
        <p className="muted">Alleen de coördinator kan de voorbereiding aanpassen.</p>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

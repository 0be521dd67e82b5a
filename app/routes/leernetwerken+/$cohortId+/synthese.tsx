// /leernetwerken/:cohortId/synthese: the cohort's facilitators (and coordinators) write what this cohort
// learned across its duos, in their own words (issue 16). Saving sends it to a coordinator's review; once
// approved it is public in the knowledge base, without anyone's name. A coordinator's reason for sending it
// back shows here. Participants: 403; outside the cohort: 404.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { z } from "zod";
import { requireCohortStaff } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ErrorSummary, Field, FormAlert, TextareaField } from "~/components/forms.tsx";
import { deleteSynthesis, saveSynthesis, synthesisContext } from "~/models/cohort-synthesis.server.ts";
import {
  knowledgePhaseIds,
  knowledgePhases,
  knowledgeThemeIds,
  knowledgeThemes,
  SYNTHESIS_MAX_LENGTH,
} from "~/models/knowledge-rules.ts";
import { cohortPage, cohortTitle } from "~/utils/cohort-page.ts";
import { formatDateTime } from "~/utils/dates.ts";
import { confirmBox, formIntents, formList, listValue, parseForm, textValue } from "~/utils/forms.ts";
import { domainErrorReply, invalid, readForm } from "~/utils/forms.server.ts";
import { notFound } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const handle = cohortPage<typeof loader>({ breadcrumb: () => [{ label: "Synthese voor de kennisbank" }] });

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? cohortTitle(matches, "Synthese voor de kennisbank") : "Synthese — Leernetwerk" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { cohortId } = await requireCohortStaff(request, params.cohortId);
  const context = await synthesisContext(cohortId);
  if (!context) throw notFound("Dit leernetwerk bestaat niet.");
  // The names to check against stay on the server.
  return { cohortId, synthesis: context.synthesis };
}

const schema = formIntents({
  save: z.object({
    title: z.string().default(""),
    body: z.string().default(""),
    themes: formList(z.string()),
    phases: formList(z.string()),
  }),
  delete: z.object({ confirm: confirmBox("Vink aan dat je de synthese wilt verwijderen.") }),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, cohortId } = await requireCohortStaff(request, params.cohortId);
  const here = `/leernetwerken/${cohortId}/synthese`;
  const form = parseForm(schema, await readForm(request));
  if (!form.ok) return invalid(form.error);
  if (form.data.intent === "delete") {
    const deleted = await deleteSynthesis(cohortId);
    return redirectWithToast(
      here,
      deleted ? { title: "De synthese is verwijderd" } : { type: "info", title: "Er was geen synthese" },
    );
  }
  try {
    await saveSynthesis(user, cohortId, form.data);
    return redirectWithToast(here, {
      title: "De synthese is opgeslagen",
      description: "Een coördinator beoordeelt hem. Na goedkeuring staat hij openbaar in de kennisbank.",
    });
  } catch (error) {
    return domainErrorReply(error, form.values);
  }
}

const STATE = {
  PENDING: "Wacht op beoordeling door een coördinator. Nog niet openbaar.",
  APPROVED: "Goedgekeurd en openbaar in de kennisbank.",
  RETURNED: "Teruggestuurd door een coördinator. Niet openbaar.",
} as const;

export default function SynthesisEditPage() {
  const { synthesis } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const refused = actionData?.values.intent === "save" ? actionData : null;
  const deleteError = actionData?.values.intent === "delete" ? actionData.fieldErrors.confirm?.join(" ") : null;
  const errors = refused?.fieldErrors;
  const values = refused
    ? {
        title: textValue(refused.values, "title") ?? "",
        body: textValue(refused.values, "body") ?? "",
        themes: listValue(refused.values, "themes"),
        phases: listValue(refused.values, "phases"),
      }
    : {
        title: synthesis?.title ?? "",
        body: synthesis?.body ?? "",
        themes: synthesis?.themes ?? [],
        phases: synthesis?.phases ?? [],
      };
  return (
    <>
      <h1>Synthese voor de kennisbank</h1>
      <p className="lead">
        Wat heeft dit leernetwerk geleerd, over de duo&apos;s heen? Schrijf het in jullie eigen woorden, voor andere
        gemeenten. Noem geen namen van mensen en geen gemeenten. Een coördinator leest de tekst voordat hij openbaar in
        de <Link to="/kennisbank">kennisbank</Link> komt; jullie namen staan er niet bij.
      </p>
      {synthesis ? (
        <section className="panel" aria-labelledby="state-heading">
          <h2 id="state-heading">Stand van zaken</h2>
          <p data-testid="synthesis-state">
            {STATE[synthesis.reviewStatus]} Laatst opgeslagen op {formatDateTime(synthesis.updatedAt)}.
          </p>
          {synthesis.reviewStatus === "RETURNED" && synthesis.reviewNote ? (
            <p>
              <strong>Reden van de coördinator:</strong> {synthesis.reviewNote}
            </p>
          ) : null}
          {synthesis.reviewStatus === "APPROVED" ? (
            <p>
              <Link to={`/kennisbank/synthese/${synthesis.id}`}>Bekijk de synthese in de kennisbank</Link>
              {synthesis.reviewNote ? ` (opmerking van de coördinator: “${synthesis.reviewNote}”)` : null}
            </p>
          ) : null}
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="delete" />
            <div className="checkbox-field">
              <input
                type="checkbox"
                id="confirm-delete"
                name="confirm"
                aria-describedby={deleteError ? "confirm-delete-error" : undefined}
              />
              <label htmlFor="confirm-delete">Ja, verwijder de synthese (ook uit de kennisbank)</label>
            </div>
            {deleteError ? (
              <p className="field-error" id="confirm-delete-error">
                {deleteError}
              </p>
            ) : null}
            <div className="button-row">
              <button type="submit" className="button-danger" disabled={busy}>
                Synthese verwijderen
              </button>
            </div>
          </Form>
        </section>
      ) : null}
      <section aria-labelledby="form-heading">
        <h2 id="form-heading">{synthesis ? "Synthese aanpassen" : "Synthese schrijven"}</h2>
        {synthesis?.reviewStatus === "APPROVED" ? (
          <p>Pas je de tekst aan, dan is hij niet openbaar tot een coördinator hem opnieuw heeft goedgekeurd.</p>
        ) : null}
        <ErrorSummary errors={errors} />
        <FormAlert message={refused?.formError} />
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="save" />
          <Field label="Titel" name="title" defaultValue={values.title} maxLength={150} errors={errors?.title} />
          <TextareaField
            label="Wat heeft dit leernetwerk geleerd?"
            name="body"
            rows={14}
            maxLength={SYNTHESIS_MAX_LENGTH}
            defaultValue={values.body}
            errors={errors?.body}
            hint="Laat een lege regel tussen alinea's."
          />
          <fieldset className="fieldset" aria-describedby={errors?.themes ? "themes-error" : undefined}>
            <legend>Thema&apos;s</legend>
            <div className="checkbox-grid">
              {knowledgeThemeIds.map((theme) => (
                <div className="checkbox-field" key={theme}>
                  <input
                    type="checkbox"
                    id={`theme-${theme}`}
                    name="themes"
                    value={theme}
                    defaultChecked={values.themes.includes(theme)}
                  />
                  <label htmlFor={`theme-${theme}`}>{knowledgeThemes[theme]}</label>
                </div>
              ))}
            </div>
            {errors?.themes ? (
              <p className="field-error" id="themes-error">
                {errors.themes.join(" ")}
              </p>
            ) : null}
          </fieldset>
          <fieldset className="fieldset" aria-describedby={errors?.phases ? "phases-error" : undefined}>
            <legend>Over welke fasen van de lemniscaat gaat het? (niet verplicht)</legend>
            {knowledgePhaseIds.map((phase) => (
              <div className="checkbox-field" key={phase}>
                <input
                  type="checkbox"
                  id={`phase-${phase}`}
                  name="phases"
                  value={phase}
                  defaultChecked={values.phases.includes(phase)}
                />
                <label htmlFor={`phase-${phase}`}>{knowledgePhases[phase]}</label>
              </div>
            ))}
            {errors?.phases ? (
              <p className="field-error" id="phases-error">
                {errors.phases.join(" ")}
              </p>
            ) : null}
          </fieldset>
          <div className="button-row">
            <button type="submit" disabled={busy}>
              Opslaan en laten beoordelen
            </button>
          </div>
        </Form>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

// A participant answers one evaluation (after a session that took place, or "einde" after the last one), once.
// Bad input (a scale question without an answer, a text too long) returns the form with everything typed kept.
// The answers are stored without the participant's name (app/models/evaluation.server.ts), so they cannot be
// changed afterwards; the page says so before sending. Staff never see the form: 403.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { z } from "zod";
import { requireCohortMember } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ErrorSummary, FormAlert, TextareaField } from "~/components/forms.tsx";
import { OPEN_ANSWER_MAX } from "~/content/evaluation-schema.ts";
import { findTarget, hasAnswered, submitEvaluation } from "~/models/evaluation.server.ts";
import { answersFromForm, MIN_ANSWERS } from "~/models/evaluation-results.ts";
import { cohortPage, cohortTitle, useCohortHeader } from "~/utils/cohort-page.ts";
import { formatDate } from "~/utils/dates.ts";
import { formError, formIntents, parseForm, textValue } from "~/utils/forms.ts";
import { domainFormError, invalid, readForm } from "~/utils/forms.server.ts";
import { forbidden, invariantResponse } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const handle = cohortPage<typeof loader>({
  breadcrumb: ({ target }, cohortPath) => [
    { label: "Evaluatie", to: `${cohortPath}/evaluatie` },
    { label: target.title },
  ],
});

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? cohortTitle(matches, data.target.title, "Evaluatie") : "Evaluatie — Leernetwerk" },
];

async function load(request: Request, params: LoaderFunctionArgs["params"]) {
  const { user, relation, cohortId, cohort } = await requireCohortMember(request, params.cohortId);
  if (relation !== "participant") throw forbidden("Alleen deelnemers vullen de evaluatie in. Jij ziet de uitkomsten.");
  const found = await findTarget(cohortId, params.target);
  invariantResponse(found, "Deze evaluatie bestaat niet.");
  return { user, cohortId, archived: cohort.archivedAt !== null, ...found };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, cohortId, target, form, archived } = await load(request, params);
  return { target, form, archived, answered: await hasAnswered(user, cohortId, target.key) };
}

// The answers' fields follow the form in content/evaluaties: they are read from what was sent (answersFromForm).
const schema = formIntents({ submit: z.object({}).passthrough() });

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, cohortId, target, form } = await load(request, params);
  const parsed = parseForm(schema, await readForm(request));
  if (!parsed.ok) return invalid(parsed.error);
  const { values } = parsed;
  const { answers, errors } = answersFromForm(form, values);
  if (Object.keys(errors).length) return invalid(formError(values, errors));
  try {
    await submitEvaluation({ user, cohortId, target, form, answers });
  } catch (error) {
    return invalid(domainFormError(error, values));
  }
  return redirectWithToast(`/leernetwerken/${cohortId}/evaluatie`, { title: "Dank je wel! Je evaluatie is verstuurd" });
}

export default function AnswerEvaluationPage() {
  const { target, form, answered, archived } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const { cohort } = useCohortHeader();
  const values = actionData?.values;
  const errors = actionData?.fieldErrors;
  return (
    <>
      <h1>{form.title}</h1>
      <p className="muted">
        {target.title}
        {target.date ? `, ${formatDate(target.date)}` : ""}
      </p>
      <p className="lead">{form.summary}</p>
      {answered ? (
        <p className="alert alert-info">
          Je hebt deze evaluatie al ingevuld. Dank je wel! Je antwoorden zijn niet aan je naam gekoppeld, daarom kun je
          ze niet meer wijzigen.
        </p>
      ) : archived ? (
        <p className="alert alert-info">Dit leernetwerk is afgesloten; de evaluatie kan niet meer worden ingevuld.</p>
      ) : !target.open ? (
        <p className="alert alert-info">
          {target.kind === "end"
            ? "De eindevaluatie kun je invullen na de laatste bijeenkomst."
            : "Deze evaluatie kun je invullen als de bijeenkomst is geweest."}
        </p>
      ) : (
        <>
          <FormAlert message={actionData?.formError} />
          <ErrorSummary errors={errors} />
          <Form method="post" className="stack" noValidate>
            {form.questions.map((question) => {
              const error = errors?.[question.id];
              const baseId = `field-${question.id}`;
              if (question.type === "open") {
                return (
                  <TextareaField
                    key={question.id}
                    label={question.text}
                    name={question.id}
                    rows={4}
                    maxLength={OPEN_ANSWER_MAX}
                    hint={question.hint}
                    defaultValue={textValue(values, question.id) ?? ""}
                    errors={error}
                  />
                );
              }
              const describedBy =
                [question.hint ? `${baseId}-hint` : null, error ? `${baseId}-error` : null].filter(Boolean).join(" ") ||
                undefined;
              return (
                <fieldset key={question.id} className="choice-group" aria-describedby={describedBy}>
                  <legend>{question.text}</legend>
                  {question.hint ? (
                    <p className="field-hint" id={`${baseId}-hint`}>
                      {question.hint}
                    </p>
                  ) : null}
                  {error ? (
                    <p className="field-error" id={`${baseId}-error`}>
                      {error.join(" ")}
                    </p>
                  ) : null}
                  <div className="scale-options">
                    {Array.from({ length: form.scale.max }, (_, index) => {
                      const value = String(index + 1);
                      const end =
                        index === 0 ? form.scale.minLabel : index + 1 === form.scale.max ? form.scale.maxLabel : null;
                      return (
                        <label className="choice" key={value}>
                          <input
                            type="radio"
                            name={question.id}
                            value={value}
                            defaultChecked={textValue(values, question.id) === value}
                            aria-invalid={error ? true : undefined}
                          />
                          <span>{end ? `${value}: ${end}` : value}</span>
                        </label>
                      );
                    })}
                  </div>
                </fieldset>
              );
            })}
            <p className="muted">
              Je antwoorden worden zonder je naam bewaard. Begeleiders en de coördinator zien alleen de uitkomst van de
              hele groep, en pas als minstens {MIN_ANSWERS} deelnemers hebben geantwoord. Daardoor kun je je antwoorden
              na het versturen niet meer wijzigen.
            </p>
            <div className="button-row">
              <button type="submit" name="intent" value="submit" disabled={busy}>
                Evaluatie versturen
              </button>
            </div>
          </Form>
        </>
      )}
      <p>
        <Link to={`/leernetwerken/${cohort.id}/evaluatie`}>Terug naar de evaluaties</Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

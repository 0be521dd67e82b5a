// /impactspoor/:municipalityId/onderwerpen/:topicId/stappen/:stepId — change or delete one step. Every save
// carries the version it was based on: when the duo partner saved in between, nothing is overwritten; the
// stored step is shown next to the form, which keeps what was typed. Editors only.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { isUuid, requireTopic } from "~/auth/guards.server.ts";
import { BackLink } from "~/components/assignment-parts.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ErrorSummary, FormAlert } from "~/components/forms.tsx";
import {
  dateText,
  PersonalDataNotice,
  StepFormFields,
  StepValues,
  stepFormValues,
} from "~/components/impact-trail.tsx";
import { stepFields, stepInput, versionField } from "~/models/impact-trail-forms.ts";
import { phaseOf, type StepInput } from "~/models/impact-trail-phases.ts";
import { deleteStep, getStep, linkOptions, saveStep } from "~/models/impact-trail.server.ts";
import {
  confirmBox,
  formError,
  formIntents,
  type FormValues,
  isFormError,
  parseForm,
  textValue,
} from "~/utils/forms.ts";
import { domainErrorReply, invalid, readForm } from "~/utils/forms.server.ts";
import { forbidden, notFound } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

const STEP_NOT_FOUND = "Deze stap bestaat niet (meer).";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Stap wijzigen: ${data.step.title} — Leernetwerk` : "Stap wijzigen — Leernetwerk" },
];

async function requireStep(request: Request, params: LoaderFunctionArgs["params"]) {
  const access = await requireTopic(request, params.municipalityId, params.topicId);
  if (access.role !== "editor")
    throw forbidden("Alleen het duo en collega's van de gemeente passen het impactspoor aan.");
  if (!isUuid(params.stepId)) throw notFound(STEP_NOT_FOUND);
  const step = await getStep(access.topic.id, params.stepId);
  if (!step) throw notFound(STEP_NOT_FOUND);
  return { ...access, step };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { municipality, topic, step } = await requireStep(request, params);
  const last = Math.max(0, ...topic.steps.map((candidate) => candidate.round));
  return {
    municipality,
    topic: { id: topic.id, title: topic.title },
    step: { ...step, values: stepFormValues(step) },
    rounds: Array.from({ length: last + 1 }, (_, index) => index + 1),
    linkOptions: (await linkOptions(municipality.id)).map(({ value, label }) => ({ value, label })),
  };
}

const schema = formIntents({
  save: stepFields.extend({ version: versionField }),
  delete: z.object({ confirm: confirmBox("Vink aan dat je deze stap wilt verwijderen.") }),
});

type StepConflict = {
  status: "conflict";
  current: StepInput & { version: number; updatedBy: string | null };
  values: FormValues;
};

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, municipality, topic, step } = await requireStep(request, params);
  const form = parseForm(schema, await readForm(request));
  if (!form.ok) return invalid(form.error);
  const { data: parsed, values } = form;
  const back = `/impactspoor/${municipality.id}/onderwerpen/${topic.id}`;
  if (parsed.intent === "delete") {
    try {
      await deleteStep(user, municipality.id, topic.id, step.id);
    } catch (error) {
      return domainErrorReply(error, values);
    }
    return redirectWithToast(back, { title: "De stap is verwijderd" });
  }
  const checked = stepInput(step.phase, parsed, values);
  if (!checked.ok) return invalid(formError(values, checked.fieldErrors));
  try {
    const result = await saveStep(user, municipality.id, topic.id, step.id, checked.input, parsed.version);
    if (result.status === "not-found") throw notFound(STEP_NOT_FOUND);
    if (result.status === "conflict")
      return data<StepConflict>({ status: "conflict", current: result.current, values }, { status: 409 });
  } catch (error) {
    if (error instanceof Response) throw error;
    return domainErrorReply(error, values);
  }
  return redirectWithToast(`${back}#stap-${step.id}`, { title: "De stap is opgeslagen" });
}

export default function EditStep() {
  const { municipality, topic, step, rounds, linkOptions } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const failed = isFormError(answer) ? answer : null;
  const conflict = answer && "status" in answer && answer.status === "conflict" ? (answer as StepConflict) : null;
  const busy = useNavigation().state === "submitting";
  const phase = phaseOf(step.phase)!;
  const saveFailed = failed && textValue(failed.values, "intent") === "save" ? failed : null;
  const deleteFailed = failed && textValue(failed.values, "intent") === "delete" ? failed : null;
  return (
    <>
      <BackLink to={`/impactspoor/${municipality.id}/onderwerpen/${topic.id}`}>{topic.title}</BackLink>
      <h1>
        Stap wijzigen: fase {phase.number}, {phase.short.toLowerCase()}
      </h1>
      <p className="lead">{phase.intro}</p>
      {conflict ? (
        <section className="alert alert-warning" role="alert" aria-labelledby="conflict-heading">
          <h2 id="conflict-heading">Ondertussen gewijzigd</h2>
          <p>
            {conflict.current.updatedBy ?? "Iemand anders"} heeft deze stap opgeslagen terwijl jij hem aanpaste. Er is
            niets overschreven: jouw tekst staat nog in het formulier hieronder. Dit is wat er nu is opgeslagen:
          </p>
          <p>
            <strong>
              Ronde {conflict.current.round} · {conflict.current.title}
            </strong>{" "}
            ({dateText(conflict.current.happenedOn)})
          </p>
          <StepValues phase={step.phase} content={conflict.current.content} />
          <p>Neem over wat je wilt houden en sla opnieuw op; dan vervangt jouw versie de opgeslagen versie.</p>
        </section>
      ) : null}
      <PersonalDataNotice />
      <Form
        method="post"
        noValidate
        className="form-narrow"
        key={conflict ? `conflict-${conflict.current.version}` : `v${step.version}`}
      >
        <input type="hidden" name="intent" value="save" />
        <input type="hidden" name="version" value={conflict?.current.version ?? step.version} />
        <ErrorSummary errors={saveFailed?.fieldErrors} />
        <FormAlert message={saveFailed?.formError} />
        <StepFormFields
          phase={step.phase}
          values={conflict?.values ?? saveFailed?.values ?? step.values}
          errors={saveFailed?.fieldErrors}
          rounds={rounds}
          linkOptions={linkOptions}
        />
        <button type="submit" disabled={busy}>
          Opslaan
        </button>
      </Form>
      <details className="danger-zone">
        <summary>Stap verwijderen</summary>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="delete" />
          <FormAlert
            message={deleteFailed ? (deleteFailed.fieldErrors.confirm?.[0] ?? deleteFailed.formError) : null}
          />
          <label className="choice">
            <input type="checkbox" name="confirm" /> Ja, verwijder deze stap en de reacties erbij
          </label>
          <button type="submit" className="button-danger" disabled={busy}>
            Verwijderen
          </button>
        </Form>
      </details>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

// /impactspoor/:municipalityId/onderwerpen/:topicId/stappen/nieuw?fase=GATHER — a new step on the timeline
// in one lemniscaat phase (the phase decides the fields). Editors only (readers and coordinators: 403).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireTopic } from "~/auth/guards.server.ts";
import { BackLink } from "~/components/assignment-parts.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ErrorSummary, FormAlert } from "~/components/forms.tsx";
import { PersonalDataNotice, StepFormFields } from "~/components/impact-trail.tsx";
import { phaseField, stepFields, stepInput } from "~/models/impact-trail-forms.ts";
import { isTrailPhase, phaseOf, type TrailPhaseId } from "~/models/impact-trail-phases.ts";
import { createStep, linkOptions } from "~/models/impact-trail.server.ts";
import { amsterdamDate } from "~/utils/dates.ts";
import { formError, isFormError, parseForm } from "~/utils/forms.ts";
import { domainErrorReply, invalid, readForm } from "~/utils/forms.server.ts";
import { forbidden } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `Stap toevoegen: ${data.phase.short} — ${data.topic.title} — Leernetwerk`
      : "Stap toevoegen — Leernetwerk",
  },
];

async function requireEditor(request: Request, params: LoaderFunctionArgs["params"]) {
  const access = await requireTopic(request, params.municipalityId, params.topicId);
  if (access.role !== "editor")
    throw forbidden("Alleen het duo en collega's van de gemeente passen het impactspoor aan.");
  return access;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { municipality, topic } = await requireEditor(request, params);
  const url = new URL(request.url);
  const requested = url.searchParams.get("fase") ?? "";
  const phase: TrailPhaseId = isTrailPhase(requested) ? requested : "GATHER";
  const last = Math.max(0, ...topic.steps.map((step) => step.round));
  const rounds = Array.from({ length: last + 1 }, (_, index) => index + 1);
  const wanted = Number(url.searchParams.get("ronde"));
  const round = Number.isInteger(wanted) && rounds.includes(wanted) ? wanted : Math.max(1, last);
  return {
    municipality,
    topic: { id: topic.id, title: topic.title },
    phase: phaseOf(phase)!,
    rounds,
    defaults: { round: String(round), happenedOn: amsterdamDate() },
    linkOptions: (await linkOptions(municipality.id)).map(({ value, label }) => ({ value, label })),
  };
}

const schema = stepFields.extend({ phase: phaseField });

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, municipality, topic } = await requireEditor(request, params);
  const form = parseForm(schema, await readForm(request));
  if (!form.ok) return invalid(form.error);
  const { data: parsed, values } = form;
  const checked = stepInput(parsed.phase, parsed, values);
  if (!checked.ok) return invalid(formError(values, checked.fieldErrors));
  try {
    const step = await createStep(user, municipality.id, topic.id, checked.input);
    return redirectWithToast(`/impactspoor/${municipality.id}/onderwerpen/${topic.id}#stap-${step.id}`, {
      title: "De stap is toegevoegd",
    });
  } catch (error) {
    return domainErrorReply(error, values);
  }
}

export default function NewStep() {
  const { municipality, topic, phase, rounds, defaults, linkOptions } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const failed = isFormError(answer) ? answer : null;
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <BackLink to={`/impactspoor/${municipality.id}/onderwerpen/${topic.id}`}>{topic.title}</BackLink>
      <h1>
        Fase {phase.number}: {phase.title}
      </h1>
      <p className="lead">{phase.intro}</p>
      <PersonalDataNotice />
      <Form method="post" noValidate className="form-narrow">
        <input type="hidden" name="phase" value={phase.id} />
        <ErrorSummary errors={failed?.fieldErrors} />
        <FormAlert message={failed?.formError} />
        <StepFormFields
          phase={phase.id}
          values={failed?.values ?? defaults}
          errors={failed?.fieldErrors}
          rounds={rounds}
          linkOptions={linkOptions}
        />
        <button type="submit" disabled={busy}>
          Stap opslaan
        </button>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

// /impactspoor/:municipalityId/onderwerpen/:topicId — one policy topic's timeline, round by round through
// the four lemniscaat phases. Editors (the duo, colleagues with access) add and change steps and the topic's
// name (version-checked: a save based on an older version is refused and both texts are shown); readers
// (facilitators with access) and editors comment per step or on the topic.
import { personName } from "~/utils/deleted-person.ts";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { z } from "zod";
import { requireTopic } from "~/auth/guards.server.ts";
import { BackLink } from "~/components/assignment-parts.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ErrorSummary, Field, FormAlert, TextareaField } from "~/components/forms.tsx";
import { dateText, PhaseProgressList, StepLinkView, StepValues } from "~/components/impact-trail.tsx";
import { commentFields, topicFields, versionField } from "~/models/impact-trail-forms.ts";
import { phaseOf, phaseProgress, trailPhases } from "~/models/impact-trail-phases.ts";
import { addTopicComment, deleteTopic, linkOptions, saveTopic, stepLink } from "~/models/impact-trail.server.ts";
import { formatDateTime } from "~/utils/dates.ts";
import { confirmBox, formIntents, type FormValues, isFormError, parseForm, textValue } from "~/utils/forms.ts";
import { domainErrorReply, invalid, readForm } from "~/utils/forms.server.ts";
import { forbidden, notFound } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `${data.topic.title} — impactspoor ${data.municipality.name} — Leernetwerk`
      : "Impactspoor — Leernetwerk",
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { role, municipality, topic } = await requireTopic(request, params.municipalityId, params.topicId);
  const options = await linkOptions(municipality.id);
  const rounds = [...new Set(topic.steps.map((step) => step.round))].sort((a, b) => a - b);
  return {
    role,
    municipality,
    topic: {
      id: topic.id,
      title: topic.title,
      description: topic.description,
      version: topic.version,
      updatedAt: topic.updatedAt,
      updatedBy: topic.updatedBy?.name ?? null,
    },
    progress: phaseProgress(topic.steps),
    rounds: rounds.map((round) => ({
      round,
      steps: topic.steps
        .filter((step) => step.round === round)
        .map((step) => ({
          id: step.id,
          phase: step.phase,
          title: step.title,
          happenedOn: step.happenedOn,
          content: step.content,
          link: stepLink(step, options),
          updatedAt: step.updatedAt,
          updatedBy: step.updatedBy?.name ?? null,
        })),
    })),
    comments: topic.comments,
    documents: topic.documents,
  };
}

const schema = formIntents({
  topic: z.object({ ...topicFields, version: versionField }),
  comment: z.object(commentFields),
  delete: z.object({ confirm: confirmBox("Vink aan dat je dit onderwerp met alle stappen wilt verwijderen.") }),
});

type TopicConflict = {
  status: "conflict";
  current: { title: string; description: string; version: number; updatedBy: string | null };
  values: FormValues;
};

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, role, municipality, topic } = await requireTopic(request, params.municipalityId, params.topicId);
  const form = parseForm(schema, await readForm(request));
  if (!form.ok) return invalid(form.error);
  const { data: input, values } = form;
  const here = `/impactspoor/${municipality.id}/onderwerpen/${topic.id}`;

  if (input.intent === "comment") {
    try {
      await addTopicComment(user, municipality.id, topic.id, input.stepId || null, input.body);
    } catch (error) {
      return domainErrorReply(error, values, { field: "body" });
    }
    return redirectWithToast(`${here}#${input.stepId ? `stap-${input.stepId}` : "reacties"}`, {
      title: "Je reactie is geplaatst",
    });
  }

  if (role !== "editor") throw forbidden("Alleen het duo en collega's van de gemeente passen het impactspoor aan.");
  if (input.intent === "delete") {
    try {
      await deleteTopic(user, municipality.id, topic.id);
    } catch (error) {
      return domainErrorReply(error, values);
    }
    return redirectWithToast(`/impactspoor/${municipality.id}`, { title: "Het onderwerp is verwijderd" });
  }
  try {
    const result = await saveTopic(user, municipality.id, topic.id, input, input.version);
    if (result.status === "not-found") throw notFound("Dit onderwerp bestaat niet (meer).");
    if (result.status === "conflict")
      return data<TopicConflict>({ status: "conflict", current: result.current, values }, { status: 409 });
  } catch (error) {
    if (error instanceof Response) throw error;
    return domainErrorReply(error, values);
  }
  return redirectWithToast(here, { title: "Het onderwerp is opgeslagen" });
}

function CommentList({
  comments,
}: {
  comments: {
    id: string;
    body: string;
    createdAt: Date | string;
    author: { name: string; title: string | null } | null;
  }[];
}) {
  if (!comments.length) return null;
  return (
    <ol className="comment-list">
      {comments.map((comment) => (
        <li key={comment.id}>
          <p className="muted">
            {personName(comment.author)}
            {comment.author?.title ? ` (${comment.author.title})` : ""} · {formatDateTime(comment.createdAt)}
          </p>
          <p className="pre-line">{comment.body}</p>
        </li>
      ))}
    </ol>
  );
}

function CommentForm({
  stepId,
  label,
  failed,
}: {
  stepId: string;
  label: string;
  failed: ReturnType<typeof useFailed>;
}) {
  const mine =
    failed && textValue(failed.values, "stepId") === stepId && textValue(failed.values, "intent") === "comment";
  const id = `reactie-${stepId || "onderwerp"}`;
  return (
    <Form method="post" className="comment-form no-print" noValidate>
      <input type="hidden" name="intent" value="comment" />
      <input type="hidden" name="stepId" value={stepId} />
      {mine ? <FormAlert message={failed.formError} /> : null}
      <TextareaField
        id={id}
        label={label}
        name="body"
        rows={2}
        defaultValue={mine ? (textValue(failed.values, "body") ?? "") : ""}
        errors={mine ? failed.fieldErrors.body : undefined}
      />
      <button type="submit" className="button-secondary button-small">
        Reageren
      </button>
    </Form>
  );
}

function useFailed() {
  const answer = useActionData<typeof action>();
  return isFormError(answer) ? answer : null;
}

export default function TopicPage() {
  const { role, municipality, topic, progress, rounds, comments, documents } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const failed = useFailed();
  const conflict = answer && "status" in answer && answer.status === "conflict" ? (answer as TopicConflict) : null;
  const busy = useNavigation().state === "submitting";
  const isEditor = role === "editor";
  const base = `/impactspoor/${municipality.id}/onderwerpen/${topic.id}`;
  const nextRound = Math.max(progress.round, 1);
  const topicFailed = failed && textValue(failed.values, "intent") === "topic" ? failed : null;
  const topicValues = conflict?.values ?? topicFailed?.values;
  return (
    <>
      <BackLink to={`/impactspoor/${municipality.id}`}>Impactspoor van {municipality.name}</BackLink>
      <h1>{topic.title}</h1>
      {topic.description ? <p className="lead pre-line">{topic.description}</p> : null}
      <p className="muted">
        Gemeente {municipality.name}
        {topic.updatedBy ? ` · naam laatst gewijzigd door ${topic.updatedBy}` : ""}
      </p>
      <ul className="link-row no-print">
        <li>
          <Link to={`${base}/terugkoppeling`}>Wat hebben we met uw ervaringen gedaan? (afdrukken)</Link>
        </li>
        <li>
          <a href={`${base}/terugkoppeling.docx`} download>
            Downloaden als Word-bestand (.docx)
          </a>
        </li>
      </ul>
      <PhaseProgressList progress={progress} label="Fasen in de laatste ronde" />

      {isEditor ? (
        <section aria-labelledby="add-heading" className="panel no-print">
          <h2 id="add-heading">Stap toevoegen</h2>
          <p>Kies de fase van de lemniscaat. Na fase 4 begint een nieuwe ronde bij fase 1.</p>
          <ul className="link-row">
            {trailPhases.map((phase) => (
              <li key={phase.id}>
                <Link to={`${base}/stappen/nieuw?fase=${phase.id}`}>
                  {phase.number}. {phase.short}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Tijdlijn</h2>
        {rounds.length ? null : (
          <p>Nog geen stappen. {isEditor ? "Begin met fase 1: hoe en bij wie haalden jullie ervaringen op?" : ""}</p>
        )}
        {rounds.map(({ round, steps }) => (
          <section key={round} aria-labelledby={`ronde-${round}`} className="trail-round">
            <h3 id={`ronde-${round}`}>Ronde {round}</h3>
            <ol className="trail-timeline">
              {steps.map((step) => {
                const phase = phaseOf(step.phase)!;
                const stepComments = comments.filter((comment) => comment.stepId === step.id);
                return (
                  <li key={step.id} id={`stap-${step.id}`} className="trail-step">
                    <h4>
                      Fase {phase.number} · {phase.short}: {step.title}
                    </h4>
                    <p className="muted">
                      {dateText(step.happenedOn)}
                      {step.updatedBy ? ` · bijgewerkt door ${step.updatedBy}` : ""}
                    </p>
                    <StepValues phase={step.phase} content={step.content} />
                    <StepLinkView link={step.link} />
                    {isEditor ? (
                      <p className="no-print">
                        <Link to={`${base}/stappen/${step.id}`}>
                          Wijzig stap <span className="visually-hidden">“{step.title}”</span>
                        </Link>
                      </p>
                    ) : null}
                    <CommentList comments={stepComments} />
                    <CommentForm stepId={step.id} label={`Reactie bij “${step.title}”`} failed={failed} />
                  </li>
                );
              })}
            </ol>
          </section>
        ))}
        {rounds.length && progress.doneCount === 4 && isEditor ? (
          <p className="no-print">
            Ronde {nextRound} heeft alle vier de fasen. Begin een nieuwe ronde met{" "}
            <Link to={`${base}/stappen/nieuw?fase=GATHER&ronde=${nextRound + 1}`}>nieuwe ervaringen ophalen</Link>.
          </p>
        ) : null}
      </section>

      {documents.length ? (
        <section aria-labelledby="bewaard">
          <h2 id="bewaard">Bewaard uit het leernetwerk</h2>
          <p className="muted">
            Werk dat het duo hier bewaarde: het blijft bij de gemeente, ook als het leernetwerk na de bewaartermijn
            wordt opgeruimd.
          </p>
          {documents.map((document) => (
            <article key={document.id} aria-labelledby={`stuk-${document.id}`} className="panel">
              <h3 id={`stuk-${document.id}`}>{document.title}</h3>
              <p className="muted">
                {document.source} · bewaard door {personName(document.keptBy)} op {formatDateTime(document.createdAt)}
              </p>
              {document.body ? <p className="pre-line">{document.body}</p> : null}
              {document.files.length ? (
                <ul>
                  {document.files.map((file) => (
                    <li key={file.id}>
                      <a href={`/impactspoor/${municipality.id}/bestanden/${file.id}`} download>
                        {file.fileName}
                      </a>{" "}
                      <span className="muted">({Math.max(1, Math.round(file.size / 1024))} kB)</span>
                    </li>
                  ))}
                </ul>
              ) : null}
            </article>
          ))}
        </section>
      ) : null}

      <section aria-labelledby="reacties" className="no-print">
        <h2 id="reacties">Reacties op het onderwerp</h2>
        <CommentList comments={comments.filter((comment) => !comment.stepId)} />
        <CommentForm stepId="" label="Jouw reactie op het onderwerp" failed={failed} />
      </section>

      {isEditor ? (
        <section aria-labelledby="edit-heading" className="form-narrow no-print">
          <h2 id="edit-heading">Naam en toelichting wijzigen</h2>
          {conflict ? (
            <div className="alert alert-warning" role="alert">
              <p>
                {conflict.current.updatedBy ?? "Iemand anders"} heeft dit onderwerp ondertussen gewijzigd. Jouw tekst
                staat nog in het formulier. Dit is wat er nu is opgeslagen:
              </p>
              <p>
                <strong>Naam:</strong> {conflict.current.title}
              </p>
              <p className="pre-line">
                <strong>Toelichting:</strong> {conflict.current.description || "(leeg)"}
              </p>
              <p>Pas je tekst zo nodig aan en sla opnieuw op; dan vervangt jouw tekst de opgeslagen tekst.</p>
            </div>
          ) : null}
          <Form method="post" noValidate key={conflict ? `c${conflict.current.version}` : `v${topic.version}`}>
            <input type="hidden" name="intent" value="topic" />
            <input type="hidden" name="version" value={conflict?.current.version ?? topic.version} />
            <ErrorSummary errors={topicFailed?.fieldErrors} />
            <FormAlert message={topicFailed?.formError} />
            <Field
              label="Beleidsonderwerp"
              name="title"
              required
              maxLength={200}
              defaultValue={textValue(topicValues, "title") ?? topic.title}
              errors={topicFailed?.fieldErrors.title}
            />
            <TextareaField
              label="Toelichting"
              name="description"
              rows={3}
              defaultValue={textValue(topicValues, "description") ?? topic.description}
              errors={topicFailed?.fieldErrors.description}
            />
            <button type="submit" disabled={busy}>
              Opslaan
            </button>
          </Form>
          <details className="danger-zone">
            <summary>Onderwerp verwijderen</summary>
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="delete" />
              <FormAlert
                message={
                  failed && textValue(failed.values, "intent") === "delete"
                    ? (failed.fieldErrors.confirm?.[0] ?? failed.formError)
                    : null
                }
              />
              <label className="choice">
                <input type="checkbox" name="confirm" /> Ja, verwijder dit onderwerp met alle stappen en reacties
              </label>
              <button type="submit" className="button-danger" disabled={busy}>
                Verwijderen
              </button>
            </Form>
          </details>
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

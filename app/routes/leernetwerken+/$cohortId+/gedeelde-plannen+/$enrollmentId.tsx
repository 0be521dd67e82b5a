// /leernetwerken/:cohortId/gedeelde-plannen/:enrollmentId: a duo's plan (or one section) as shared with the
// cohort, and the reactions. Readers: everyone in the cohort at the moment of reading, while both members of
// the duo agree to share (otherwise, and for anyone outside the cohort: 404). Readers other than the duo
// react; the duo answers a reaction. The duo itself always opens its own page (to read the reactions).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { z } from "zod";
import { requireCohortMember } from "~/auth/guards.server.ts";
import { SectionValues } from "~/components/action-plan.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { TextareaField } from "~/components/forms.tsx";
import { findSection } from "~/models/action-plan-sections.ts";
import { addReaction, answerReaction, getSharedPlan } from "~/models/plan-share.server.ts";
import { cohortPage, cohortTitle, useCohortHeader } from "~/utils/cohort-page.ts";
import { formatDateTime } from "~/utils/dates.ts";
import { personName } from "~/utils/deleted-person.ts";
import { formIntents, idField, isFormError, parseForm, requiredText, textValue } from "~/utils/forms.ts";
import { domainErrorReply, invalid, readForm } from "~/utils/forms.server.ts";
import { forbidden, notFound } from "~/utils/http.server.ts";
import { isUuid } from "~/auth/guards.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

const NOT_SHARED = "Dit plan bestaat niet of wordt niet met het leernetwerk gedeeld.";

export const handle = cohortPage<typeof loader>({
  breadcrumb: ({ plan }, cohortPath) => [
    { label: "Gedeelde plannen", to: `${cohortPath}/gedeelde-plannen` },
    { label: plan.municipality },
  ],
});

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? cohortTitle(matches, `Aanpak van ${data.plan.municipality}`, "Gedeelde plannen") : "Leernetwerk" },
];

async function requireSharedPlan(request: Request, cohortId: string | undefined, enrollmentId: string | undefined) {
  const member = await requireCohortMember(request, cohortId);
  if (!isUuid(enrollmentId)) throw notFound(NOT_SHARED);
  const plan = await getSharedPlan(member.user, member.cohortId, enrollmentId);
  if (!plan) throw notFound(NOT_SHARED);
  return { ...member, plan };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { plan } = await requireSharedPlan(request, params.cohortId, params.enrollmentId);
  return { plan };
}

const bodyField = requiredText(1, 5000, "Schrijf eerst je reactie.", "Een reactie mag maximaal 5.000 tekens hebben.");
const schema = formIntents({
  react: z.object({ body: bodyField }),
  answer: z.object({ reactionId: idField("Kies de reactie die je beantwoordt."), body: bodyField }),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, cohortId, plan } = await requireSharedPlan(request, params.cohortId, params.enrollmentId);
  const form = parseForm(schema, await readForm(request));
  if (!form.ok) return invalid(form.error);
  const { data: input, values } = form;
  const here = `/leernetwerken/${cohortId}/gedeelde-plannen/${plan.enrollmentId}`;
  if (input.intent === "react") {
    if (plan.isDuo) throw forbidden("Op je eigen plan beantwoord je de reacties van anderen.");
    try {
      const created = await addReaction(user, cohortId, plan.enrollmentId, input.body);
      return redirectWithToast(`${here}#reactie-${created.id}`, { title: "Je reactie is geplaatst" });
    } catch (error) {
      return domainErrorReply(error, values, { field: "body" });
    }
  }
  if (!plan.isDuo) throw forbidden("Alleen het duo beantwoordt de reacties op zijn plan.");
  try {
    const created = await answerReaction(user, plan.enrollmentId, input.reactionId, input.body);
    return redirectWithToast(`${here}#reactie-${created.id}`, { title: "Je antwoord is geplaatst" });
  } catch (error) {
    return domainErrorReply(error, values, { field: "body" });
  }
}

type Reaction = ReturnType<typeof useLoaderData<typeof loader>>["plan"]["reactions"][number];

function Byline({ reaction }: { reaction: Omit<Reaction, "answers"> }) {
  const author = reaction.author;
  return (
    <p className="muted">
      <strong>{personName(author)}</strong>
      {author?.title ? ` (${author.title})` : author?.role === "FACILITATOR" ? " (begeleider)" : ""} ·{" "}
      {formatDateTime(reaction.createdAt)}
    </p>
  );
}

export default function SharedPlanPage() {
  const { plan } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { cohort } = useCohortHeader();
  const error = isFormError(actionData) ? actionData : null;
  const errorFor = (intent: string, reactionId = "") =>
    error &&
    textValue(error.values, "intent") === intent &&
    (textValue(error.values, "reactionId") ?? "") === reactionId
      ? error
      : null;
  const reactError = errorFor("react");
  return (
    <>
      <h1>Aanpak van {plan.municipality}</h1>
      <p className="lead">
        Van het duo {plan.members.join(" en ")}. {plan.shared ? `Zij delen ${plan.scope} met het leernetwerk.` : null}
      </p>
      {plan.isDuo ? (
        <p className={plan.shared ? undefined : "alert"}>
          {plan.shared
            ? "Dit is jullie eigen plan, zoals de anderen in het leernetwerk het zien."
            : "Jullie delen je aanpak nu niet: alleen jullie zien deze pagina."}{" "}
          <Link to={`/leernetwerken/${cohort.id}/aanpak/${plan.enrollmentId}/delen`}>Delen aanpassen</Link>
        </p>
      ) : null}
      {plan.updatedAt && plan.shared ? (
        <p className="muted">Laatst gewijzigd op {formatDateTime(plan.updatedAt)}.</p>
      ) : null}
      {plan.sectionIds.map((sectionId) => {
        const section = findSection(sectionId)!;
        return (
          <section key={section.id} className="canvas-section" aria-labelledby={`sectie-${section.id}`}>
            <h2 id={`sectie-${section.id}`}>{section.title}</h2>
            <SectionValues section={section} content={plan.content} />
          </section>
        );
      })}

      <section aria-labelledby="reacties" className="panel">
        <h2 id="reacties">Reacties</h2>
        {plan.reactions.length ? (
          <ol className="reply-list" aria-labelledby="reacties">
            {plan.reactions.map((reaction) => {
              const answerError = errorFor("answer", reaction.id);
              return (
                <li key={reaction.id} id={`reactie-${reaction.id}`} className="card">
                  <Byline reaction={reaction} />
                  <p className="pre-line">{reaction.body}</p>
                  {reaction.answers.length ? (
                    <ol className="reply-list" aria-label={`Antwoorden van het duo op ${personName(reaction.author)}`}>
                      {reaction.answers.map((answer) => (
                        <li key={answer.id} id={`reactie-${answer.id}`} className="card">
                          <Byline reaction={answer} />
                          <p className="pre-line">{answer.body}</p>
                        </li>
                      ))}
                    </ol>
                  ) : null}
                  {plan.isDuo ? (
                    <Form method="post" key={`${reaction.id}-${reaction.answers.length}`}>
                      <input type="hidden" name="reactionId" value={reaction.id} />
                      <TextareaField
                        label={`Jullie antwoord aan ${personName(reaction.author)}`}
                        name="body"
                        id={`antwoord-${reaction.id}`}
                        rows={2}
                        maxLength={5000}
                        defaultValue={answerError ? (textValue(answerError.values, "body") ?? "") : ""}
                        errors={answerError?.fieldErrors.body}
                      />
                      <button type="submit" name="intent" value="answer" className="button-secondary">
                        Antwoord plaatsen
                      </button>
                    </Form>
                  ) : null}
                </li>
              );
            })}
          </ol>
        ) : (
          <p className="muted">Nog geen reacties.</p>
        )}
        {!plan.isDuo ? (
          <Form method="post" key={plan.reactions.length}>
            <TextareaField
              label={`Jouw reactie aan ${plan.members.join(" en ")}`}
              name="body"
              id="reactie-nieuw"
              rows={3}
              maxLength={5000}
              hint="Wat spreekt je aan, wat zou je anders doen, wat wil je vragen?"
              defaultValue={reactError ? (textValue(reactError.values, "body") ?? "") : ""}
              errors={reactError?.fieldErrors.body}
            />
            <button type="submit" name="intent" value="react">
              Reactie plaatsen
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

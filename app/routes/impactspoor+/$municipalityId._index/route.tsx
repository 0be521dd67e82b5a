// /impactspoor/:municipalityId — the municipality's policy topics with their phase progress. The duo (and
// colleagues with access) add topics; facilitators with access read; coordinators see only how many topics
// there are and manage who has access (the topics themselves are the municipality's).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { z } from "zod";
import { requireTrail } from "~/auth/guards.server.ts";
import { BackLink } from "~/components/assignment-parts.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ErrorSummary, Field, FormAlert, TextareaField } from "~/components/forms.tsx";
import { PhaseProgressList } from "~/components/impact-trail.tsx";
import { topicFields } from "~/models/impact-trail-forms.ts";
import { createTopic, listTopics } from "~/models/impact-trail.server.ts";
import { formatShortDate } from "~/utils/dates.ts";
import { formIntents, isFormError, parseForm, textValue } from "~/utils/forms.ts";
import { domainErrorReply, invalid, readForm } from "~/utils/forms.server.ts";
import { forbidden } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Impactspoor van ${data.municipality.name} — Leernetwerk` : "Impactspoor — Leernetwerk" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { role, municipality } = await requireTrail(request, params.municipalityId);
  const topics = await listTopics(municipality.id);
  if (role === "coordinator") return { role, municipality, topicCount: topics.length, topics: [] };
  return { role, municipality, topicCount: topics.length, topics };
}

const schema = formIntents({ create: z.object(topicFields) });

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, role, municipality } = await requireTrail(request, params.municipalityId);
  const form = parseForm(schema, await readForm(request));
  if (!form.ok) return invalid(form.error);
  if (role !== "editor") throw forbidden("Alleen het duo en collega's van de gemeente voegen onderwerpen toe.");
  const { data: input, values } = form;
  try {
    const topic = await createTopic(user, municipality.id, input);
    return redirectWithToast(`/impactspoor/${municipality.id}/onderwerpen/${topic.id}`, {
      title: "Het onderwerp is toegevoegd",
    });
  } catch (error) {
    return domainErrorReply(error, values);
  }
}

export default function MunicipalityTrail() {
  const { role, municipality, topics, topicCount } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const failed = isFormError(answer) ? answer : null;
  const busy = useNavigation().state === "submitting";
  const base = `/impactspoor/${municipality.id}`;
  return (
    <>
      <BackLink to="/impactspoor">Impactspoor</BackLink>
      <h1>Impactspoor van {municipality.name}</h1>
      <p className="lead">
        Per beleidsonderwerp: welke ervaringen de gemeente ophaalde, wat die betekenen, wat er in beleid of uitvoering
        verandert, en wat de mensen daarover hebben gehoord. Daarna begint een nieuwe ronde.
      </p>
      {role !== "reader" ? (
        <p>
          <Link to={`${base}/toegang`}>Wie heeft toegang?</Link>
        </p>
      ) : null}

      {role === "coordinator" ? (
        <p>
          Deze gemeente heeft {topicCount === 1 ? "1 onderwerp" : `${topicCount} onderwerpen`} in het impactspoor. De
          inhoud is van de gemeente; als coördinator geef je nieuwe collega's van de gemeente toegang.
        </p>
      ) : (
        <section aria-labelledby="topics-heading">
          <h2 id="topics-heading">Onderwerpen</h2>
          {topics.length ? (
            <ul className="card-list">
              {topics.map((topic) => (
                <li key={topic.id} className="panel">
                  <h3>
                    <Link to={`${base}/onderwerpen/${topic.id}`}>{topic.title}</Link>
                  </h3>
                  <PhaseProgressList progress={topic.progress} label={`Fasen van “${topic.title}”`} />
                  <p className="muted">
                    {topic.stepCount === 1 ? "1 stap" : `${topic.stepCount} stappen`} · bijgewerkt op{" "}
                    {formatShortDate(topic.updatedAt)}
                  </p>
                </li>
              ))}
            </ul>
          ) : (
            <p>Er zijn nog geen onderwerpen.</p>
          )}
        </section>
      )}

      {role === "editor" ? (
        <section aria-labelledby="new-topic-heading" className="form-narrow">
          <h2 id="new-topic-heading">Nieuw onderwerp</h2>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="create" />
            <ErrorSummary errors={failed?.fieldErrors} />
            <FormAlert message={failed?.formError} />
            <Field
              label="Beleidsonderwerp"
              name="title"
              required
              maxLength={200}
              defaultValue={textValue(failed?.values, "title") ?? ""}
              errors={failed?.fieldErrors.title}
              hint="Bijvoorbeeld: Toegang tot de schuldhulpverlening."
            />
            <TextareaField
              label="Toelichting (niet verplicht)"
              name="description"
              rows={3}
              defaultValue={textValue(failed?.values, "description") ?? ""}
              errors={failed?.fieldErrors.description}
              hint="Waarom dit onderwerp? Wat willen jullie bereiken?"
            />
            <button type="submit" className="button" disabled={busy}>
              Onderwerp toevoegen
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

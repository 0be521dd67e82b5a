// A coordinator changes a session (time, place, texts) or calls it off. Every change raises the session's
// iCalendar SEQUENCE, so subscribed calendars move or cancel the event.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { z } from "zod";
import { requireCohortSession } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { SessionFormFields } from "~/components/session-form.tsx";
import { checkSessionPlace, sessionFields } from "~/models/schedule-forms.ts";
import { checkSessionForm, type SessionFormError, sessionFormError } from "~/models/session-form.server.ts";
import { SessionConflict, setSessionCancelled, updateSession } from "~/models/session.server.ts";
import { cohortPage } from "~/utils/cohort-page.ts";
import { amsterdamParts } from "~/utils/dates.ts";
import { formError, formIntents, parseForm } from "~/utils/forms.ts";
import { domainFormError, invalid, readForm } from "~/utils/forms.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const handle = cohortPage<typeof loader>({
  breadcrumb: ({ session }, cohortPath) => [
    { label: `Bijeenkomst ${session.number}`, to: `${cohortPath}/bijeenkomsten/${session.id}` },
  ],
});

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Bijeenkomst ${data.session.number} bewerken — Leernetwerk` : "Leernetwerk" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { session } = await requireCohortSession(request, params.cohortId, params.sessionId, "coordinator");
  return { session };
}

/** Invalid input, or a conflict: someone else saved the session after this form was loaded. */
type SessionEditError = SessionFormError & { conflict?: { version: number } };

const schema = formIntents({
  update: sessionFields.extend({ version: z.coerce.number().int().optional().catch(undefined) }),
  cancel: z.object({}),
  restore: z.object({}),
}).superRefine((data, ctx) => {
  if (data.intent === "update") checkSessionPlace(data, ctx);
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, cohortId, session } = await requireCohortSession(
    request,
    params.cohortId,
    params.sessionId,
    "coordinator",
  );
  const form = parseForm(schema, await readForm(request));
  if (!form.ok) return invalid<SessionEditError>(sessionFormError(form.error));
  const { data: input, values } = form;
  const sessionPage = `/leernetwerken/${cohortId}/bijeenkomsten/${session.id}`;
  if (input.intent !== "update") {
    await setSessionCancelled(cohortId, session.id, input.intent === "cancel", user);
    return redirectWithToast(sessionPage, {
      title: input.intent === "cancel" ? "De bijeenkomst is afgelast" : "De bijeenkomst gaat weer door",
      description: "Agenda's met een abonnement nemen dit vanzelf over.",
    });
  }
  const outcome = await checkSessionForm(input, values, cohortId, session);
  if (!outcome.ok) return invalid<SessionEditError>(outcome.error);
  try {
    const result = await updateSession(cohortId, session.id, outcome.fields, user, input.version);
    return redirectWithToast(sessionPage, {
      title: result?.changed ? "De bijeenkomst is opgeslagen" : "Er was niets veranderd",
      description: result?.moved
        ? "Agenda's met een abonnement nemen de nieuwe tijd of plaats vanzelf over."
        : undefined,
    });
  } catch (error) {
    if (error instanceof SessionConflict) {
      // Keep what this person typed; show that the session changed, and save only on a deliberate second try.
      return invalid<SessionEditError>(
        { ...sessionFormError(formError(values)), conflict: { version: error.current.sequence } },
        409,
      );
    }
    return invalid<SessionEditError>(sessionFormError(domainFormError(error, values)));
  }
}

export default function EditSessionPage() {
  const { session } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const start = amsterdamParts(session.startsAt);
  const values = actionData?.values ?? {
    number: String(session.number),
    title: session.title,
    date: start.date,
    start: start.time,
    end: amsterdamParts(session.endsAt).time,
    format: session.format,
    location: session.location ?? "",
    meetingUrl: session.meetingUrl ?? "",
    agenda: session.agenda,
    preparation: session.preparation,
  };
  const back = `/leernetwerken/${session.cohortId}/bijeenkomsten/${session.id}`;
  return (
    <>
      <h1>Bijeenkomst {session.number} bewerken</h1>
      {session.cancelledAt ? (
        <div className="alert alert-info">
          <p>Deze bijeenkomst is afgelast.</p>
          <Form method="post">
            <input type="hidden" name="intent" value="restore" />
            <button type="submit" className="button-secondary">
              Bijeenkomst gaat toch door
            </button>
          </Form>
        </div>
      ) : null}
      {actionData?.conflict ? (
        <div className="alert alert-error" role="alert">
          <p>
            <strong>Niet opgeslagen: iemand anders heeft deze bijeenkomst intussen gewijzigd.</strong>
          </p>
          <p>
            Jouw wijzigingen staan hieronder nog. Bekijk de{" "}
            <Link to={back} target="_blank">
              huidige versie (opent in een nieuw tabblad)
            </Link>
            , pas zo nodig aan en kies opnieuw &quot;Opslaan&quot; om jouw versie te bewaren.
          </p>
        </div>
      ) : null}
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value="update" />
        <input
          type="hidden"
          name="version"
          value={actionData?.conflict ? actionData.conflict.version : session.sequence}
        />
        <SessionFormFields
          values={values}
          errors={actionData?.fieldErrors ?? {}}
          formError={actionData?.formError}
          warnings={actionData?.warnings ?? []}
          submitLabel="Opslaan"
        />
      </Form>
      {!session.cancelledAt ? (
        <section aria-labelledby="afgelasten">
          <h2 id="afgelasten">Bijeenkomst afgelasten</h2>
          <p>
            De bijeenkomst blijft in het programma staan, met de melding dat hij niet doorgaat. In agenda&apos;s wordt
            hij geannuleerd.
          </p>
          <Form method="post">
            <input type="hidden" name="intent" value="cancel" />
            <button type="submit" className="button-danger">
              Bijeenkomst afgelasten
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

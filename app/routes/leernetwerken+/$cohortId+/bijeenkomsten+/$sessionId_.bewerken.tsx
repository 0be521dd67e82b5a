// A coordinator changes a session (time, place, texts) or calls it off. Every change raises the session's
// iCalendar SEQUENCE, so subscribed calendars move or cancel the event.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { isUuid, requireCohortCoordinator } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { SessionFormFields } from "~/components/session-form.tsx";
import { readSessionForm } from "~/models/session-form.server.ts";
import { getSessionInCohort, SessionConflict, SessionError, setSessionCancelled, updateSession } from "~/models/session.server.ts";
import { amsterdamParts } from "~/utils/dates.ts";
import { invariantResponse, notFound } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Bijeenkomst ${data.session.number} bewerken — Leernetwerk` : "Leernetwerk" },
];

async function load(request: Request, params: { cohortId?: string; sessionId?: string }) {
  const { user, cohortId } = await requireCohortCoordinator(request, params.cohortId);
  if (!isUuid(params.sessionId)) throw notFound("Deze bijeenkomst bestaat niet.");
  const session = await getSessionInCohort(cohortId, params.sessionId);
  invariantResponse(session, "Deze bijeenkomst bestaat niet.");
  return { user, cohortId, session };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { session } = await load(request, params);
  return { session };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, cohortId, session } = await load(request, params);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const sessionPage = `/leernetwerken/${cohortId}/bijeenkomsten/${session.id}`;
  if (intent === "cancel" || intent === "restore") {
    await setSessionCancelled(cohortId, session.id, intent === "cancel", user);
    return redirectWithToast(sessionPage, {
      title: intent === "cancel" ? "De bijeenkomst is afgelast" : "De bijeenkomst gaat weer door",
      description: "Agenda's met een abonnement nemen dit vanzelf over.",
    });
  }
  const outcome = await readSessionForm(formData, cohortId, session);
  if (!outcome.ok) return data(outcome, { status: 400 });
  const version = Number(formData.get("version"));
  try {
    const result = await updateSession(cohortId, session.id, outcome.fields, user, Number.isInteger(version) ? version : undefined);
    return redirectWithToast(sessionPage, {
      title: result?.changed ? "De bijeenkomst is opgeslagen" : "Er was niets veranderd",
      description: result?.moved ? "Agenda's met een abonnement nemen de nieuwe tijd of plaats vanzelf over." : undefined,
    });
  } catch (error) {
    if (error instanceof SessionConflict) {
      // Keep what this person typed; show that the session changed, and save only on a deliberate second try.
      return data(
        { ok: false as const, errors: {}, warnings: [], values: outcome.values, conflict: { version: error.current.sequence } },
        { status: 409 },
      );
    }
    if (error instanceof SessionError) {
      return data({ ok: false as const, errors: { [error.field]: [error.message] }, warnings: [], values: outcome.values }, { status: 400 });
    }
    throw error;
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
      <p>
        <Link to={back}>← Terug naar de bijeenkomst</Link>
      </p>
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
      {actionData && "conflict" in actionData && actionData.conflict ? (
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
        <input type="hidden" name="version" value={actionData && "conflict" in actionData && actionData.conflict ? actionData.conflict.version : session.sequence} />
        <SessionFormFields values={values} errors={actionData?.errors ?? {}} warnings={actionData?.warnings ?? []} submitLabel="Opslaan" />
      </Form>
      {!session.cancelledAt ? (
        <section aria-labelledby="afgelasten">
          <h2 id="afgelasten">Bijeenkomst afgelasten</h2>
          <p>De bijeenkomst blijft in het programma staan, met de melding dat hij niet doorgaat. In agenda&apos;s wordt hij geannuleerd.</p>
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

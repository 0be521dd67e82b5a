// The coordinator attaches modules or lessons to a session as preparation ("voorbereiding"). Participants
// see them on the cohort page and on their start page before the session.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { isUuid, requireCohortStaff } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { FormAlert, SelectField } from "~/components/forms.tsx";
import { SessionSummary } from "~/components/session-summary.tsx";
import { describeContent } from "~/content/library.server.ts";
import { recordAudit } from "~/models/audit.server.ts";
import { sessionSummarySelect } from "~/models/cohort.server.ts";
import { addReading, readingChoices, removeReading, sessionReadings } from "~/models/course-progress.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { forbidden, invariantResponse } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Voorbereiding bijeenkomst ${data.session.number} — ${data.cohort.name} — Leernetwerk` : "Leernetwerk" },
];

async function requireSession(request: Request, params: LoaderFunctionArgs["params"]) {
  const { user, relation, cohortId } = await requireCohortStaff(request, params.cohortId);
  const notFoundMessage = "Deze bijeenkomst bestaat niet.";
  invariantResponse(isUuid(params.sessionId), notFoundMessage);
  const session = await prisma.cohortSession.findFirst({
    where: { id: params.sessionId, cohortId },
    select: { ...sessionSummarySelect, cohort: { select: { id: true, name: true } } },
  });
  invariantResponse(session, notFoundMessage);
  return { user, relation, session };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { relation, session } = await requireSession(request, params);
  const readings = (await sessionReadings([session.id])).get(session.id) ?? [];
  const { cohort, ...rest } = session;
  return { cohort, session: rest, readings, choices: readingChoices(), canEdit: relation === "coordinator" };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, relation, session } = await requireSession(request, params);
  // Facilitators may look, only coordinators change the preparation.
  if (relation !== "coordinator") throw forbidden("Alleen de coördinator kan de voorbereiding aanpassen.");
  const formData = await request.formData();
  const intent = formData.get("intent");
  const here = `/leernetwerken/${session.cohort.id}/bijeenkomsten/${session.id}/voorbereiding`;

  if (intent === "add") {
    const contentId = String(formData.get("contentId") ?? "");
    const described = contentId ? describeContent(contentId) : null;
    if (!described) {
      return data({ errors: { contentId: ["Kies een module of les uit de lijst."] }, values: { contentId } }, { status: 400 });
    }
    const existing = await prisma.sessionPreparation.count({ where: { sessionId: session.id, contentId } });
    if (existing) {
      return data({ errors: { contentId: [`"${described.title}" staat al bij deze bijeenkomst.`] }, values: { contentId } }, { status: 400 });
    }
    const reading = await addReading(session.id, contentId);
    await recordAudit({ actorId: user.id, action: "session.reading.add", entityType: "CohortSession", entityId: session.id, details: { contentId, readingId: reading.id } });
    return redirectWithToast(here, { type: "success", title: `"${described.title}" toegevoegd aan de voorbereiding` });
  }

  if (intent === "remove") {
    const readingId = String(formData.get("readingId") ?? "");
    invariantResponse(isUuid(readingId), "Dit onderdeel bestaat niet.");
    const removed = await removeReading(session.id, readingId);
    invariantResponse(removed.count > 0, "Dit onderdeel bestaat niet.");
    await recordAudit({ actorId: user.id, action: "session.reading.remove", entityType: "CohortSession", entityId: session.id, details: { readingId } });
    return redirectWithToast(here, { type: "success", title: "Onderdeel verwijderd uit de voorbereiding" });
  }

  throw new Response("Onbekende actie", { status: 400 });
}

export default function SessionPreparationPage() {
  const { cohort, session, readings, choices, canEdit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const totalMinutes = readings.reduce((sum, reading) => sum + reading.minutes, 0);
  return (
    <>
      <nav aria-label="Kruimelpad" className="breadcrumbs">
        <Link to={`/leernetwerken/${cohort.id}`}>{cohort.name}</Link> <span aria-hidden="true">›</span> Voorbereiding
      </nav>
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
          <FormAlert message={actionData?.errors ? "Controleer je keuze." : null} />
          <input type="hidden" name="intent" value="add" />
          <SelectField label="Wat moeten de deelnemers lezen?" name="contentId" defaultValue={actionData?.values.contentId ?? ""} errors={actionData?.errors.contentId}>
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

// Preparing a session (issue 19: facilitators as co-leads). The cohort's facilitators and coordinators set
// the programme, the preparation text and who leads the session (version-checked like the session form),
// attach modules or lessons to read, and upload handouts (slides, PDFs) that the cohort downloads from the
// session page. Participants: 403; a facilitator of another cohort: 404. Time, place and calling off stay on
// the coordinator's edit page.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { z } from "zod";
import { isUuid, requireCohortSession } from "~/auth/guards.server.ts";
import { formatBytes } from "~/components/assignment-parts.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { FormAlert, SelectField, TextareaField } from "~/components/forms.tsx";
import { SessionSummary } from "~/components/session-summary.tsx";
import { addReading, readingChoices, removeReading, sessionReadings } from "~/models/course-progress.server.ts";
import { addHandout, deleteHandout, listHandouts } from "~/models/session-handout.server.ts";
import { SessionConflict, sessionLeaderChoices, updateSessionContent } from "~/models/session.server.ts";
import { attachmentTooLargeMessage, MAX_ATTACHMENT_BYTES } from "~/storage/file-type.ts";
import { cohortPage, cohortTitle } from "~/utils/cohort-page.ts";
import {
  formError,
  type FormError,
  fieldError,
  formIntents,
  optionalText,
  parseForm,
  textValue,
} from "~/utils/forms.ts";
import { domainFormError, invalid, readForm } from "~/utils/forms.server.ts";
import { invariantResponse } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { isMultipart, multipartProblemMessages, readMultipartForm } from "~/utils/upload.server.ts";

export const handle = cohortPage<typeof loader>({
  breadcrumb: ({ session }, cohortPath) => [
    { label: `Bijeenkomst ${session.number}`, to: `${cohortPath}/bijeenkomsten/${session.id}` },
    { label: "Voorbereiding" },
  ],
});

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? cohortTitle(matches, `Voorbereiding bijeenkomst ${data.session.number}`) : "Leernetwerk" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { cohortId, session } = await requireCohortSession(request, params.cohortId, params.sessionId, "staff");
  const [readings, leaders, handouts] = await Promise.all([
    sessionReadings([session.id]).then((map) => map.get(session.id) ?? []),
    sessionLeaderChoices(cohortId),
    listHandouts(session.id),
  ]);
  return {
    session,
    readings,
    choices: readingChoices(),
    leaders: leaders.map(({ user }) => user),
    handouts,
  };
}

/** Invalid input, or a conflict: someone else changed the session after this form was loaded. */
type ContentError = FormError & { conflict?: { version: number } };

const schema = formIntents({
  content: z.object({
    agenda: optionalText(10000, "Het programma mag maximaal 10.000 tekens hebben."),
    preparation: optionalText(4000, "De voorbereiding mag maximaal 4000 tekens hebben."),
    leaderId: z.string().default(""),
    version: z.coerce.number().int().catch(-1),
  }),
  add: z.object({ contentId: z.string().default("") }),
  remove: z.object({ readingId: z.string().default("") }),
  "delete-handout": z.object({ handoutId: z.string().default("") }),
});

// A multipart post is always the handout upload (its form's hidden intent names it for the page).
const uploadSchema = z.object({
  file: z.instanceof(File, { message: "Kies een bestand." }).refine((file) => file.size > 0, "Kies een bestand."),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, cohortId, session } = await requireCohortSession(request, params.cohortId, params.sessionId, "staff");
  const here = `/leernetwerken/${cohortId}/bijeenkomsten/${session.id}/voorbereiding`;

  if (isMultipart(request)) {
    const upload = await readMultipartForm(request, MAX_ATTACHMENT_BYTES);
    if (!upload.ok) {
      const { problem } = upload;
      return invalid<ContentError>(
        fieldError(
          { intent: "upload-handout" },
          "file",
          problem === "file-too-large" ? attachmentTooLargeMessage : multipartProblemMessages[problem],
        ),
      );
    }
    const form = parseForm(uploadSchema, upload.formData);
    if (!form.ok) return invalid<ContentError>({ ...form.error, values: { intent: "upload-handout" } });
    try {
      const added = await addHandout(user, session.id, {
        name: form.data.file.name,
        bytes: new Uint8Array(await form.data.file.arrayBuffer()),
      });
      return redirectWithToast(here, { title: `${added.fileName} is toegevoegd als hand-out` });
    } catch (error) {
      return invalid<ContentError>(domainFormError(error, { intent: "upload-handout" }, { field: "file" }));
    }
  }

  const form = parseForm(schema, await readForm(request));
  if (!form.ok) return invalid<ContentError>(form.error);
  const { data: input, values } = form;
  switch (input.intent) {
    case "content": {
      const leaderId = input.leaderId === "" ? null : input.leaderId;
      if (leaderId !== null && !isUuid(leaderId))
        return invalid<ContentError>(fieldError(values, "leaderId", "Kies een begeleider van dit leernetwerk."));
      try {
        const result = await updateSessionContent(
          cohortId,
          session.id,
          { agenda: input.agenda, preparation: input.preparation, leaderId },
          user,
          input.version,
        );
        invariantResponse(result, "Deze bijeenkomst bestaat niet.");
        return redirectWithToast(here, {
          title: result.changed ? "Het programma en de voorbereiding zijn opgeslagen" : "Er was niets veranderd",
        });
      } catch (error) {
        if (error instanceof SessionConflict) {
          // Keep what this person typed; save only on a deliberate second try.
          return invalid<ContentError>({ ...formError(values), conflict: { version: error.current.sequence } }, 409);
        }
        return invalid<ContentError>(domainFormError(error, values));
      }
    }
    case "add":
      try {
        const reading = await addReading(session.id, input.contentId, user);
        return redirectWithToast(here, {
          type: "success",
          title: `"${reading.title}" toegevoegd aan de voorbereiding`,
        });
      } catch (error) {
        return invalid<ContentError>(domainFormError(error, values));
      }
    case "remove":
      invariantResponse(
        isUuid(input.readingId) && (await removeReading(session.id, input.readingId, user)),
        "Dit onderdeel bestaat niet.",
      );
      return redirectWithToast(here, { type: "success", title: "Onderdeel verwijderd uit de voorbereiding" });
    case "delete-handout":
      invariantResponse(
        isUuid(input.handoutId) && (await deleteHandout(user, session.id, input.handoutId)),
        "Deze hand-out bestaat niet.",
      );
      return redirectWithToast(here, { type: "success", title: "De hand-out is verwijderd" });
  }
}

export default function SessionPreparationPage() {
  const { session, readings, choices, leaders, handouts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const intent = textValue(actionData?.values, "intent");
  const contentData = intent === "content" ? actionData : undefined;
  const readingData = intent === "add" ? actionData : undefined;
  const uploadError = intent === "upload-handout" ? (actionData?.fieldErrors.file ?? actionData?.formError) : null;
  const totalMinutes = readings.reduce((sum, reading) => sum + reading.minutes, 0);
  const sessionPage = `/leernetwerken/${session.cohortId}/bijeenkomsten/${session.id}`;
  return (
    <>
      <h1>Voorbereiding voor bijeenkomst {session.number}</h1>
      <div className="card">
        <SessionSummary session={session} headingLevel={2} />
      </div>

      <section aria-labelledby="programma">
        <h2 id="programma">Programma, voorbereiding en leiding</h2>
        {contentData?.conflict ? (
          <div className="alert alert-error" role="alert">
            <p>
              <strong>Niet opgeslagen: iemand anders heeft deze bijeenkomst intussen gewijzigd.</strong>
            </p>
            <p>
              Jouw tekst staat hieronder nog. Bekijk de{" "}
              <Link to={sessionPage} target="_blank">
                huidige versie (opent in een nieuw tabblad)
              </Link>
              , pas zo nodig aan en kies opnieuw &quot;Opslaan&quot; om jouw versie te bewaren.
            </p>
          </div>
        ) : (
          <FormAlert message={contentData?.formError} />
        )}
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="content" />
          <input type="hidden" name="version" value={contentData?.conflict?.version ?? session.sequence} />
          <TextareaField
            label="Programma"
            name="agenda"
            hint="Gewone tekst of Markdoc: een lege regel begint een nieuwe alinea, - maakt een opsomming, **vet** maakt tekst vet."
            defaultValue={textValue(contentData?.values, "agenda") ?? session.agenda}
            errors={contentData?.fieldErrors.agenda}
            rows={8}
          />
          <TextareaField
            label="Voorbereiding voor deelnemers"
            name="preparation"
            defaultValue={textValue(contentData?.values, "preparation") ?? session.preparation}
            errors={contentData?.fieldErrors.preparation}
            rows={4}
          />
          <SelectField
            label="Wie leidt deze bijeenkomst?"
            name="leaderId"
            defaultValue={textValue(contentData?.values, "leaderId") ?? session.leaderId ?? ""}
            errors={contentData?.fieldErrors.leaderId}
          >
            <option value="">Nog niemand gekozen</option>
            {leaders.map((leader) => (
              <option key={leader.id} value={leader.id}>
                {leader.name}
                {leader.title ? ` (${leader.title})` : ""}
              </option>
            ))}
          </SelectField>
          <div>
            <button type="submit" disabled={busy}>
              Opslaan
            </button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="lezen">
        <h2 id="lezen">Lezen vóór deze bijeenkomst</h2>
        {readings.length === 0 ? (
          <p>Er staat nog niets klaar om te lezen.</p>
        ) : (
          <>
            <p className="muted">Samen ongeveer {totalMinutes} minuten lezen.</p>
            <ul className="reading-list">
              {readings.map((reading) => (
                <li key={reading.id}>
                  <Link to={reading.href}>{reading.title}</Link>
                  {reading.moduleTitle !== reading.title ? (
                    <span className="muted"> ({reading.moduleTitle})</span>
                  ) : null}
                  <span className="muted"> · {reading.minutes} min</span>
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="remove" />
                    <input type="hidden" name="readingId" value={reading.id} />
                    <button type="submit" className="button-secondary button-small">
                      Verwijder <span className="visually-hidden">{reading.title}</span>
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          </>
        )}
        <Form method="post" className="card form-card">
          <h3>Module of les toevoegen</h3>
          <FormAlert message={readingData ? (readingData.formError ?? "Controleer je keuze.") : null} />
          <input type="hidden" name="intent" value="add" />
          <SelectField
            label="Wat moeten de deelnemers lezen?"
            name="contentId"
            defaultValue={textValue(readingData?.values, "contentId") ?? ""}
            errors={readingData?.fieldErrors.contentId}
          >
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
      </section>

      <section aria-labelledby="hand-outs">
        <h2 id="hand-outs">Hand-outs</h2>
        <p>De deelnemers downloaden de hand-outs op de pagina van de bijeenkomst.</p>
        {handouts.length ? (
          <ul>
            {handouts.map((handout) => (
              <li key={handout.id}>
                <a href={`${sessionPage}/hand-outs/${handout.id}`} download>
                  {handout.fileName}
                </a>{" "}
                <span className="muted">
                  · {formatBytes(handout.size)}
                  {handout.uploadedBy ? ` · van ${handout.uploadedBy.name}` : ""}
                </span>
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="delete-handout" />
                  <input type="hidden" name="handoutId" value={handout.id} />
                  <button type="submit" className="button-secondary button-small">
                    Verwijderen<span className="visually-hidden"> {handout.fileName}</span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">Er zijn nog geen hand-outs.</p>
        )}
        <Form method="post" encType="multipart/form-data" className="stack" noValidate>
          <input type="hidden" name="intent" value="upload-handout" />
          <div className="field">
            <label htmlFor="hand-out-bestand">Bestand voor een hand-out</label>
            <p id="hand-out-hint" className="hint">
              PDF, Word (.docx), Excel (.xlsx), PowerPoint (.pptx) of een afbeelding (PNG, JPEG, GIF, WebP). Hoogstens{" "}
              {MAX_ATTACHMENT_BYTES / 1024 / 1024} MB per bestand.
            </p>
            <input
              id="hand-out-bestand"
              type="file"
              name="file"
              accept=".pdf,.docx,.xlsx,.pptx,.png,.jpg,.jpeg,.gif,.webp"
              aria-describedby={uploadError ? "hand-out-hint hand-out-fout" : "hand-out-hint"}
              aria-invalid={uploadError ? true : undefined}
            />
            {uploadError ? (
              <p id="hand-out-fout" className="field-error">
                {Array.isArray(uploadError) ? uploadError.join(" ") : uploadError}
              </p>
            ) : null}
          </div>
          <div>
            <button type="submit" className="button-secondary" disabled={busy}>
              Hand-out uploaden
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

// The aanpak canvas of one duo. The duo's members edit it together (autosave with a version check: when the
// partner saved in between, both texts are shown and nothing is overwritten) and save a version per session;
// the page shows what changed since the last version. The cohort's facilitators read it and comment per
// section; the duo replies there. Coordinators: 403 (they see only whether a canvas exists); others: 404.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { z } from "zod";
import { requirePlanAccess } from "~/auth/guards.server.ts";
import { SectionDiffs, SectionValues } from "~/components/action-plan.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import {
  canvasSections,
  changedSectionIds,
  contentFromForm,
  fieldName,
  findSection,
  MAX_FIELD_LENGTH,
  sectionAsText,
  tooLongFields,
} from "~/models/action-plan-sections.ts";
import {
  addComment,
  defaultSessionId,
  getPlan,
  savePlan,
  saveVersion,
  versionLabel,
} from "~/models/action-plan.server.ts";
import { cohortPage, useCohortHeader } from "~/utils/cohort-page.ts";
import { formatDateTime, formatShortDate } from "~/utils/dates.ts";
import { formError, formIntents, parseForm, requiredText } from "~/utils/forms.ts";
import { domainErrorReply, invalid, readForm } from "~/utils/forms.server.ts";
import { forbidden } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import type { AutosaveResponse, FieldValues } from "~/utils/versioned.ts";
import { wordDiff } from "~/utils/word-diff.ts";
import { CommentThreadWithErrors } from "./comment-thread.tsx";
import { DuoEditor } from "./canvas-editor.tsx";
import { personName } from "~/utils/deleted-person.ts";

export const handle = cohortPage<typeof loader>({
  breadcrumb: ({ mode }, cohortPath) => [
    mode === "duo" ? { label: "Aanpak" } : { label: "Aanpak per duo", to: `${cohortPath}/aanpak` },
  ],
});

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Aanpak van ${data.municipality} — Leernetwerk` : "Aanpak — Leernetwerk" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { mode, enrollment } = await requirePlanAccess(request, params.cohortId, params.enrollmentId);
  const plan = await getPlan(enrollment);
  const last = plan.versions[0];
  const diffs = last
    ? changedSectionIds(last.content, plan.content).map((sectionId) => {
        const section = findSection(sectionId)!;
        return {
          sectionId,
          title: section.title,
          parts: wordDiff(sectionAsText(section, last.content), sectionAsText(section, plan.content)),
        };
      })
    : [];
  return {
    mode,
    enrollmentId: enrollment.id,
    municipality: enrollment.municipality.name,
    municipalityId: enrollment.municipality.id,
    members: enrollment.members.map((member) => member.user.name),
    content: plan.content,
    version: plan.version,
    updatedAt: plan.updatedAt,
    updatedBy: plan.updatedBy?.name ?? null,
    versions: plan.versions.map(({ content: _content, ...version }) => ({ ...version, label: versionLabel(version) })),
    diffs,
    comments: plan.comments,
    sessions: enrollment.cohort.sessions.map((session) => ({
      id: session.id,
      label: `Bijeenkomst ${session.number}: ${session.title} (${formatShortDate(session.startsAt)})`,
    })),
    defaultSessionId: defaultSessionId(enrollment.cohort.sessions),
  };
}

// The canvas fields are read from what was submitted (contentFromForm), with their length checked apart.
const canvasForm = z.object({ version: z.coerce.number().int().nonnegative().catch(0) }).passthrough();

const schema = formIntents({
  comment: z.object({
    sectionId: z.string().default(""),
    body: requiredText(1, 5000, "Schrijf eerst je reactie.", "Een reactie mag maximaal 5.000 tekens hebben."),
  }),
  autosave: canvasForm,
  save: canvasForm,
  version: canvasForm.extend({ sessionId: z.string().default("") }),
});

export { autosaveClientAction as clientAction } from "~/components/autosave.tsx";

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, mode, enrollment } = await requirePlanAccess(request, params.cohortId, params.enrollmentId);
  const form = parseForm(schema, await readForm(request));
  if (!form.ok) return invalid(form.error);
  const { data: input, values } = form;
  const here = `/leernetwerken/${enrollment.cohortId}/aanpak/${enrollment.id}`;

  if (input.intent === "comment") {
    try {
      await addComment(user, enrollment, input.sectionId, input.body);
    } catch (error) {
      return domainErrorReply(error, values, { field: "body" });
    }
    return redirectWithToast(`${here}#reacties-${input.sectionId}`, { title: "Je reactie is geplaatst" });
  }

  // Only the duo edits its canvas.
  if (mode !== "duo") throw forbidden("Alleen het duo zelf past de aanpak aan.");
  const tooLong = tooLongFields(values);
  if (tooLong.length) {
    const message = `Dit veld mag maximaal ${MAX_FIELD_LENGTH.toLocaleString("nl-NL")} tekens hebben.`;
    return invalid(formError(values, Object.fromEntries(tooLong.map((name) => [name, [message]]))));
  }
  const result = await savePlan(user, enrollment.id, contentFromForm(values), input.version);
  if (result.status === "conflict") {
    const current: FieldValues = {};
    for (const section of canvasSections)
      for (const field of section.fields)
        current[fieldName(section, field)] = result.current.content[section.id]?.[field.id] ?? "";
    return data<AutosaveResponse>(
      { status: "conflict", id: enrollment.id, version: result.current.version, current, values },
      { status: 409 },
    );
  }
  if (input.intent === "version") {
    try {
      const saved = await saveVersion(user, enrollment, input.sessionId || null);
      return redirectWithToast(here, { title: `Versie ${saved.number} is opgeslagen` });
    } catch (error) {
      return domainErrorReply(error, values);
    }
  }
  if (input.intent === "autosave") {
    return data<AutosaveResponse>({
      status: "saved",
      id: enrollment.id,
      version: result.version,
      savedAt: new Date().toISOString(),
    });
  }
  return redirectWithToast(here, { title: "Jullie aanpak is opgeslagen" });
}

export default function ActionPlanPage() {
  const loaderData = useLoaderData<typeof loader>();
  const { mode, municipality, content, versions, diffs, comments } = loaderData;
  const { cohort } = useCohortHeader();
  const base = `/leernetwerken/${cohort.id}/aanpak/${loaderData.enrollmentId}`;
  const isDuo = mode === "duo";
  return (
    <>
      <h1>Aanpak van {municipality}</h1>
      <p className="lead">
        {isDuo
          ? "Jullie eigen plan om ervaringskennis te gebruiken in jullie gemeente, langs de vier fasen van de lemniscaat. Jullie werken er samen aan; wat je typt wordt elke paar seconden bewaard."
          : `Het plan van het duo (${loaderData.members.join(" en ")}). Je kunt bij elk onderdeel reageren; het duo krijgt daar bericht van.`}
      </p>
      {loaderData.updatedAt ? (
        <p className="muted">
          Laatst gewijzigd op {formatDateTime(loaderData.updatedAt)}
          {loaderData.updatedBy ? ` door ${loaderData.updatedBy}` : ""}.
        </p>
      ) : null}
      <ul className="link-row no-print">
        <li>
          <Link to={`${base}/afdrukken`}>Afdrukken of bewaren als PDF</Link>
        </li>
        <li>
          <a href={`${base}/aanpak.docx`} download>
            Downloaden als Word-bestand (.docx)
          </a>
        </li>
        {isDuo ? (
          <li>
            <Link to={`${base}/delen`}>Delen met het leernetwerk</Link>
          </li>
        ) : null}
        {isDuo ? (
          <li>
            <Link to="/aanpak/delen">Delen in de kennisbank</Link>
          </li>
        ) : null}
        <li>
          <Link to={`/impactspoor/${loaderData.municipalityId}`}>Impactspoor van {municipality}</Link>
        </li>
      </ul>

      <section aria-labelledby="versions-heading" className="panel">
        <h2 id="versions-heading">Versies</h2>
        {versions.length ? (
          <>
            <ol className="version-list">
              {versions.map((version) => (
                <li key={version.id}>
                  <Link to={`${base}/versies/${version.number}`}>{version.label}</Link>
                  <span className="muted">
                    {" "}
                    · opgeslagen {formatDateTime(version.createdAt)}
                    {` door ${personName(version.savedBy)}`}
                  </span>
                </li>
              ))}
            </ol>
            <details className="changes" open={diffs.length > 0}>
              <summary>Wat is er veranderd sinds {versions[0]!.label.toLowerCase()}?</summary>
              <SectionDiffs diffs={diffs} />
            </details>
          </>
        ) : (
          <p>
            {isDuo
              ? "Nog geen versies. Sla na elke bijeenkomst een versie op: dan zien jullie later wat er veranderd is."
              : "Het duo heeft nog geen versie opgeslagen."}
          </p>
        )}
      </section>

      {isDuo ? (
        <DuoEditor />
      ) : (
        canvasSections.map((section) => (
          <section key={section.id} className="canvas-section" aria-labelledby={`sectie-${section.id}`}>
            <h2 id={`sectie-${section.id}`}>{section.title}</h2>
            <SectionValues section={section} content={content} />
            <CommentThreadWithErrors
              sectionId={section.id}
              comments={comments}
              label={`Jouw reactie bij “${section.title}”`}
            />
          </section>
        ))
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

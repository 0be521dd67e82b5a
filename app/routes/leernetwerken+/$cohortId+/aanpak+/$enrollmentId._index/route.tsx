// The aanpak canvas of one duo. The duo's members edit it together (autosave with a version check: when the
// partner saved in between, both texts are shown and nothing is overwritten) and save a version per session;
// the page shows what changed since the last version. The cohort's facilitators read it and comment per
// section; the duo replies there. Coordinators: 403 (they see only whether a canvas exists); others: 404.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { z } from "zod";
import { CommentForms, CommentThread, commentFormId, SectionDiffs, SectionValues } from "~/components/action-plan.tsx";
import { AutosaveConflictPanel, AutosaveStatus, useAutosave } from "~/components/autosave.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ErrorSummary, FormAlert, SelectField, TextareaField } from "~/components/forms.tsx";
import {
  canvasSections,
  changedSectionIds,
  conditionStatuses,
  conditionStatusLabels,
  contentFromForm,
  fieldName,
  fieldTitle,
  findSection,
  MAX_FIELD_LENGTH,
  sectionAsText,
  tooLongFields,
} from "~/models/action-plan-sections.ts";
import {
  addComment,
  defaultSessionId,
  getPlan,
  PlanError,
  requirePlanAccess,
  savePlan,
  saveVersion,
  versionLabel,
} from "~/models/action-plan.server.ts";
import { formatDateTime, formatShortDate } from "~/utils/dates.ts";
import { forbidden } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import type { AutosaveResponse, FieldValues } from "~/utils/versioned.ts";
import { wordDiff } from "~/utils/word-diff.ts";

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
        return { sectionId, title: section.title, parts: wordDiff(sectionAsText(section, last.content), sectionAsText(section, plan.content)) };
      })
    : [];
  return {
    mode,
    cohort: { id: enrollment.cohort.id, name: enrollment.cohort.name },
    enrollmentId: enrollment.id,
    municipality: enrollment.municipality.name,
    members: enrollment.members.map((member) => member.user.name),
    content: plan.content,
    version: plan.version,
    updatedAt: plan.updatedAt,
    updatedBy: plan.updatedBy?.name ?? null,
    versions: plan.versions.map(({ content: _content, ...version }) => ({ ...version, label: versionLabel(version) })),
    diffs,
    comments: plan.comments,
    sessions: enrollment.cohort.sessions.map((session) => ({ id: session.id, label: `Bijeenkomst ${session.number}: ${session.title} (${formatShortDate(session.startsAt)})` })),
    defaultSessionId: defaultSessionId(enrollment.cohort.sessions),
  };
}

const commentSchema = z.object({
  sectionId: z.string(),
  body: z.string().trim().min(1, "Schrijf eerst je reactie.").max(5000, "Een reactie mag maximaal 5.000 tekens hebben."),
});

type CommentError = { status: "comment-invalid"; sectionId: string; errors: Record<string, string[] | undefined>; values: Record<string, string> };
type VersionError = { status: "version-invalid"; errors: Record<string, string[] | undefined> };

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, mode, enrollment } = await requirePlanAccess(request, params.cohortId, params.enrollmentId);
  const formData = await request.formData();
  const intents = formData.getAll("intent").map(String);
  const here = `/leernetwerken/${enrollment.cohortId}/aanpak/${enrollment.id}`;

  if (intents.includes("comment")) {
    const parsed = commentSchema.safeParse({ sectionId: formData.get("sectionId"), body: formData.get("body") ?? "" });
    const sectionId = String(formData.get("sectionId") ?? "");
    if (!parsed.success || !findSection(parsed.data.sectionId)) {
      const errors = parsed.success ? { body: ["Dit onderdeel bestaat niet."] } : parsed.error.flatten().fieldErrors;
      return data<CommentError>({ status: "comment-invalid", sectionId, errors, values: { body: String(formData.get("body") ?? "") } }, { status: 400 });
    }
    await addComment(user, enrollment, parsed.data.sectionId, parsed.data.body);
    return redirectWithToast(`${here}#reacties-${parsed.data.sectionId}`, { title: "Je reactie is geplaatst" });
  }

  // Only the duo edits its canvas.
  if (mode !== "duo") throw forbidden("Alleen het duo zelf past de aanpak aan.");
  const values: FieldValues = {};
  for (const section of canvasSections) for (const field of section.fields) values[fieldName(section, field)] = String(formData.get(fieldName(section, field)) ?? "");
  const tooLong = tooLongFields(formData);
  if (tooLong.length) {
    const errors = Object.fromEntries(tooLong.map((name) => [name, [`Dit veld mag maximaal ${MAX_FIELD_LENGTH.toLocaleString("nl-NL")} tekens hebben.`]]));
    return data<AutosaveResponse>({ status: "invalid", errors, values }, { status: 400 });
  }
  const version = Number(formData.get("version") ?? "0");
  const result = await savePlan(user, enrollment.id, contentFromForm(formData), Number.isInteger(version) && version >= 0 ? version : 0);
  if (result.status === "conflict") {
    const current: FieldValues = {};
    for (const section of canvasSections) for (const field of section.fields) current[fieldName(section, field)] = result.current.content[section.id]?.[field.id] ?? "";
    return data<AutosaveResponse>({ status: "conflict", id: enrollment.id, version: result.current.version, current, values }, { status: 409 });
  }
  if (intents.includes("version")) {
    const sessionId = String(formData.get("sessionId") ?? "");
    try {
      const saved = await saveVersion(user, enrollment, sessionId || null);
      return redirectWithToast(here, { title: `Versie ${saved.number} is opgeslagen` });
    } catch (error) {
      if (error instanceof PlanError) return data<VersionError>({ status: "version-invalid", errors: { [error.field]: [error.message] } }, { status: 400 });
      throw error;
    }
  }
  if (intents.includes("autosave")) {
    return data<AutosaveResponse>({ status: "saved", id: enrollment.id, version: result.version, savedAt: new Date().toISOString() });
  }
  return redirectWithToast(here, { title: "Jullie aanpak is opgeslagen" });
}

export default function ActionPlanPage() {
  const loaderData = useLoaderData<typeof loader>();
  const { mode, cohort, municipality, content, versions, diffs, comments } = loaderData;
  const base = `/leernetwerken/${cohort.id}/aanpak/${loaderData.enrollmentId}`;
  const isDuo = mode === "duo";
  return (
    <>
      <nav aria-label="Kruimelpad" className="breadcrumbs">
        <Link to={`/leernetwerken/${cohort.id}`}>{cohort.name}</Link> <span aria-hidden="true">›</span>{" "}
        {isDuo ? "Aanpak" : <Link to={`/leernetwerken/${cohort.id}/aanpak`}>Aanpak per duo</Link>}
      </nav>
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
            <Link to="/aanpak/delen">Delen in de kennisbank</Link>
          </li>
        ) : null}
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
                    {version.savedBy ? ` door ${version.savedBy.name}` : ""}
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
          <p>{isDuo ? "Nog geen versies. Sla na elke bijeenkomst een versie op: dan zien jullie later wat er veranderd is." : "Het duo heeft nog geen versie opgeslagen."}</p>
        )}
      </section>

      {isDuo ? <DuoEditor /> : (
        canvasSections.map((section) => (
          <section key={section.id} className="canvas-section" aria-labelledby={`sectie-${section.id}`}>
            <h2 id={`sectie-${section.id}`}>{section.title}</h2>
            <SectionValues section={section} content={content} />
            <CommentThreadWithErrors sectionId={section.id} comments={comments} label={`Jouw reactie bij “${section.title}”`} />
          </section>
        ))
      )}
    </>
  );
}

function CommentThreadWithErrors({ sectionId, comments, label, formId }: { sectionId: string; comments: ReturnType<typeof useLoaderData<typeof loader>>["comments"]; label: string; formId?: string }) {
  const actionData = useActionData<typeof action>();
  const section = findSection(sectionId)!;
  const own = comments.filter((comment) => comment.sectionId === sectionId);
  const error = actionData && "sectionId" in actionData && actionData.status === "comment-invalid" && actionData.sectionId === sectionId ? actionData : null;
  return (
    <CommentThread
      // A new comment empties the field (the thread is drawn anew).
      key={`${sectionId}-${own.length}`}
      section={section}
      comments={own}
      label={label}
      formId={formId}
      values={error?.values}
      errors={error?.errors.body}
    />
  );
}

function DuoEditor() {
  const { content, version, comments, sessions, defaultSessionId: sessionId, cohort, enrollmentId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const formRef = useRef<HTMLFormElement>(null);
  // Which button was pressed. Kept in state (not only in the DOM): a submit that waits for an autosave sends
  // the form's own data later, without the button, and React would reset an uncontrolled hidden field.
  const [intent, setIntent] = useState<"save" | "version">("save");
  const intentRef = useRef<HTMLInputElement>(null);
  const choose = (value: "save" | "version") => {
    if (intentRef.current) intentRef.current.value = value;
    setIntent(value);
  };
  // After a version was saved, a later Enter or "Opslaan" is a plain save again.
  const versionCount = useLoaderData<typeof loader>().versions.length;
  useEffect(() => setIntent("save"), [versionCount]);
  const here = `/leernetwerken/${cohort.id}/aanpak/${enrollmentId}`;
  const autosave = useAutosave({ formRef, action: here, version });
  const submitting = navigation.state === "submitting" && navigation.formData?.get("intent") !== "comment";

  const saveErrors = actionData?.status === "invalid" ? actionData.errors : (autosave.errors ?? undefined);
  const versionErrors = actionData?.status === "version-invalid" ? actionData.errors : undefined;
  const conflictFields = autosave.conflict
    ? canvasSections.flatMap((section) =>
        section.fields
          .filter((field) => (autosave.conflict!.mine[fieldName(section, field)] ?? "") !== (autosave.conflict!.theirs[fieldName(section, field)] ?? ""))
          .map((field) => ({ name: fieldName(section, field), label: `${section.title} — ${fieldTitle(field)}` })),
      )
    : [];
  const conflictStatus = actionData?.status === "conflict" ? actionData : null;

  return (
    <>
      {autosave.conflict ? (
        <AutosaveConflictPanel
          conflict={autosave.conflict}
          fields={conflictFields}
          heading="Je duopartner heeft de aanpak intussen gewijzigd"
          intro="Er is niets overschreven. Hieronder staan alleen de velden die verschillen. Kies welke versie jullie houden."
          theirsLabel="Opgeslagen versie (door je duopartner)"
          onKeepMine={autosave.keepMine}
          onTakeTheirs={autosave.takeTheirs}
        />
      ) : conflictStatus ? (
        <FormAlert message="Niet opgeslagen: je duopartner heeft de aanpak intussen gewijzigd. Laad de pagina opnieuw om de nieuwste versie te zien; kopieer eerst wat je wilt bewaren." />
      ) : null}
      <ErrorSummary errors={actionData?.status === "invalid" ? actionData.errors : undefined} />
      <Form ref={formRef} method="post" action={here} className="canvas-form" noValidate preventScrollReset {...autosave.formProps}>
        <input ref={intentRef} type="hidden" name="intent" value={intent} />
        <input type="hidden" name="version" value={autosave.version} />
        {canvasSections.map((section) => {
          // Consecutive fields of one precondition form a group with its own legend.
          const groups: { group?: string; fields: typeof section.fields }[] = [];
          for (const field of section.fields) {
            const last = groups[groups.length - 1];
            if (last && last.group === field.group) last.fields.push(field);
            else groups.push({ group: field.group, fields: [field] });
          }
          const control = (field: (typeof section.fields)[number]) => {
            const name = fieldName(section, field);
            const value = content[section.id]?.[field.id] ?? "";
            return field.kind === "status" ? (
              <SelectField key={field.id} label={field.label} name={name} defaultValue={value} errors={saveErrors?.[name]}>
                {conditionStatuses.map((status) => (
                  <option key={status} value={status}>
                    {conditionStatusLabels[status]}
                  </option>
                ))}
              </SelectField>
            ) : (
              <TextareaField
                key={field.id}
                label={field.label}
                name={name}
                rows={field.rows ?? 3}
                defaultValue={value}
                maxLength={MAX_FIELD_LENGTH}
                hint={field.hint}
                errors={saveErrors?.[name]}
              />
            );
          };
          return (
            <section key={section.id} className="canvas-section" aria-labelledby={`sectie-${section.id}`}>
              <h2 id={`sectie-${section.id}`}>{section.title}</h2>
              <p className="muted">{section.intro}</p>
              {groups.map((group, index) =>
                group.group ? (
                  <fieldset key={group.group} className="fieldset canvas-fieldset">
                    <legend>{group.group}</legend>
                    {group.fields.map(control)}
                  </fieldset>
                ) : (
                  <div key={index}>{group.fields.map(control)}</div>
                ),
              )}
              <CommentThreadWithErrors sectionId={section.id} comments={comments} label={`Reageren bij “${section.title}”`} formId={commentFormId(section.id)} />
            </section>
          );
        })}
        <div className="canvas-savebar">
          <AutosaveStatus autosave={autosave} idleText={version ? "Alles is opgeslagen." : ""} conflictText="Niet opgeslagen: je duopartner heeft intussen iets gewijzigd." />
          <div className="button-row">
            <button type="submit" disabled={submitting || Boolean(autosave.conflict)} onClick={() => choose("save")}>
              Opslaan
            </button>
          </div>
        </div>
        <div className="canvas-version">
          <fieldset className="fieldset">
            <legend>Versie opslaan</legend>
            <FormAlert message={versionErrors?.form?.join(" ")} />
            <p className="field-hint">Leg na een bijeenkomst vast hoe jullie aanpak er nu uitziet. Later zie je wat er sindsdien veranderd is.</p>
            {sessions.length ? (
              <SelectField label="Bij welke bijeenkomst hoort deze versie?" name="sessionId" defaultValue={sessionId} errors={versionErrors?.sessionId}>
                {sessions.map((session) => (
                  <option key={session.id} value={session.id}>
                    {session.label}
                  </option>
                ))}
              </SelectField>
            ) : (
              <input type="hidden" name="sessionId" value="" />
            )}
            <div className="button-row">
              <button
                type="submit"
                name="intent"
                value="version"
                className="button-secondary"
                disabled={submitting || Boolean(autosave.conflict)}
                onClick={() => choose("version")}
              >
                Versie opslaan
              </button>
            </div>
          </fieldset>
        </div>
      </Form>
      <CommentForms sections={canvasSections} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

// Filling in one self-scan at one moment (intake, halverwege, einde), by the duo itself. The duo chooses to
// answer together (one response) or each on their own (then shown side by side). "Opslaan als concept" keeps
// partial answers; "Afronden" needs every question answered. Every save names the version it was based on:
// when the partner saved in between, nothing is overwritten — the stored answers are shown and what was
// typed stays in the form. While the form is open, the answers are also saved automatically every few
// seconds and when focus leaves a field (intent "autosave", like the other editors: app/components/autosave.tsx),
// so an answer typed and not yet saved is not lost.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { data, Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { useRef } from "react";
import { z } from "zod";
import { requireCohortMember } from "~/auth/guards.server.ts";
import { AutosaveStatus, useAutosave } from "~/components/autosave.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ErrorSummary, FormAlert } from "~/components/forms.tsx";
import { findSelfScan } from "~/content/library.server.ts";
import { type Answers, momentFromSlug, momentLabels, type SelfScan } from "~/content/self-scan-schema.ts";
import {
  canEdit,
  dueMomentFor,
  findOwnDuo,
  modeOf,
  reopenResponse,
  responsesFor,
  saveResponse,
  setMode,
} from "~/models/self-scan.server.ts";
import { answersFromForm, answersToValues, missingAnswers } from "~/models/self-scan-scoring.ts";
import { cohortPage, useCohortHeader } from "~/utils/cohort-page.ts";
import { formatDateTime } from "~/utils/dates.ts";
import { type FormError, formError, formIntents, parseForm, textValue } from "~/utils/forms.ts";
import { domainFormError, invalid, readForm } from "~/utils/forms.server.ts";
import { forbidden, invariantResponse } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import type { AutosaveResponse } from "~/utils/versioned.ts";
import { SectionFields } from "./self-scan-form.tsx";
import { AnswersTable, ConflictNotice, ModeChoice, PartnerAnswers } from "./duo-answers.tsx";

export const handle = cohortPage<typeof loader>({
  breadcrumb: ({ scan }, cohortPath) => [{ label: "Zelfscans", to: `${cohortPath}/zelfscans` }, { label: scan.title }],
});

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `${data.scan.title}, ${momentLabels[data.moment].toLowerCase()} — Zelfscans — Leernetwerk`
      : "Leernetwerk",
  },
];

/**
 * An autosave does not reload the page's data: the form is keyed by the stored version, so a reload would
 * replace the form (and its save status) after every autosave. A normal save or "Afronden" reloads as usual.
 */
// A failed autosave shows "Opslaan lukte niet…" instead of the error page.
export { autosaveClientAction as clientAction } from "~/components/autosave.tsx";

export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData?.get("intent") === "autosave" ? false : defaultShouldRevalidate;

/** Guards shared by loader and action: only a member of an active duo of the cohort, only a known scan and moment. */
async function load(request: Request, params: LoaderFunctionArgs["params"]) {
  const { user, relation, cohortId } = await requireCohortMember(request, params.cohortId);
  // Staff never see a single duo's form: facilitators read the results page, coordinators only the aggregate.
  if (relation !== "participant") throw forbidden("Alleen het duo zelf vult zijn zelfscans in.");
  const scan = findSelfScan(params.scanId);
  invariantResponse(scan, "Deze zelfscan bestaat niet.");
  const moment = momentFromSlug(params.moment);
  invariantResponse(moment, "Dit moment bestaat niet. Kies intake, halverwege of einde.");
  const duo = await findOwnDuo(user, cohortId);
  invariantResponse(duo, "Je doet niet mee met een duo in dit leernetwerk.");
  return { user, cohortId, scan, moment, duo };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scan, moment, duo } = await load(request, params);
  const mode = modeOf(duo, scan.id, moment);
  const responses = responsesFor(duo, scan.id, moment);
  const mine = mode === "DUO" ? responses[0] : responses.find((response) => response.respondentKey === user.id);
  const partners = duo.members.filter((member) => member.user.id !== user.id);
  return {
    scan,
    moment,
    mode,
    due: dueMomentFor(duo),
    editable: canEdit(duo),
    modeLocked: responses.some((response) => response.completedAt),
    response: mine
      ? {
          answers: mine.answers as Answers,
          version: mine.version,
          completedAt: mine.completedAt,
          updatedAt: mine.updatedAt,
          updatedBy: mine.updatedBy?.name ?? null,
        }
      : null,
    partners: partners.map((member) => {
      const response =
        mode === "INDIVIDUAL" ? responses.find((candidate) => candidate.respondentKey === member.user.id) : undefined;
      return {
        id: member.user.id,
        name: member.user.name,
        completed: Boolean(response?.completedAt),
        answers: response?.completedAt ? (response.answers as Answers) : null,
      };
    }),
  };
}

/**
 * The one answer to a refused save, with what this page adds: `draft` when "Afronden" kept the answers as a
 * draft (open questions at their fields), `conflict` with the stored answers when the partner saved in between.
 */
type SelfScanFormError = FormError & {
  draft?: { version: number };
  conflict?: { answers: Answers; version: number; completedAt: Date | null; updatedBy: string | null };
};

// The answers' fields depend on the scan: they are read from what was submitted (answersFromForm).
const answersFields = z.object({ version: z.coerce.number().int().nonnegative() }).passthrough();

const schema = formIntents({
  mode: z.object({
    mode: z.enum(["DUO", "INDIVIDUAL"], { errorMap: () => ({ message: "Kies hoe jullie de zelfscan invullen." }) }),
  }),
  reopen: z.object({}),
  save: answersFields,
  complete: answersFields,
  autosave: answersFields,
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, cohortId, scan, moment, duo } = await load(request, params);
  const form = parseForm(schema, await readForm(request));
  if (!form.ok) return invalid<SelfScanFormError>(form.error);
  const { data: input, values } = form;
  const here = `/leernetwerken/${cohortId}/zelfscans/${scan.id}/${params.moment}`;
  try {
    if (input.intent === "mode") {
      await setMode({ duo, scanId: scan.id, moment, mode: input.mode });
      return redirectWithToast(here, {
        title:
          input.mode === "DUO" ? "Jullie vullen deze zelfscan samen in" : "Jullie vullen deze zelfscan ieder apart in",
      });
    }
    if (input.intent === "reopen") {
      await reopenResponse({ user, duo, scanId: scan.id, moment });
      return redirectWithToast(here, { title: "De zelfscan is weer open om te wijzigen" });
    }

    const { answers, errors } = answersFromForm(scan, values);
    if (Object.keys(errors).length) return invalid<SelfScanFormError>(formError(values, errors));

    if (input.intent === "autosave") {
      // A draft save while typing: the answer the autosave hook understands, never a redirect.
      const saved = await saveResponse({ user, duo, scan, moment, answers, version: input.version, complete: false });
      if (saved.status === "conflict")
        return data<AutosaveResponse>(
          {
            status: "conflict",
            id: scan.id,
            version: saved.current.version,
            current: answersToValues(saved.current.answers as Answers),
          },
          { status: 409 },
        );
      return data<AutosaveResponse>({
        status: "saved",
        id: saved.id,
        version: saved.version,
        savedAt: new Date().toISOString(),
      });
    }

    const complete = input.intent === "complete";
    const missing = complete ? missingAnswers(scan, answers) : [];
    const result = await saveResponse({
      user,
      duo,
      scan,
      moment,
      answers,
      version: input.version,
      complete: complete && missing.length === 0,
    });
    if (result.status === "conflict")
      return invalid<SelfScanFormError>({ ...formError(values), conflict: result.current }, 409);
    if (missing.length) {
      // Kept as a draft; say what still needs an answer.
      const missingErrors = Object.fromEntries(
        missing.map((item) => [item.field, ["Beantwoord deze vraag om af te ronden."]]),
      );
      return invalid<SelfScanFormError>({ ...formError(values, missingErrors), draft: { version: result.version } });
    }
    if (result.completed) {
      return redirectWithToast(`/leernetwerken/${cohortId}/zelfscans/${scan.id}/resultaten`, {
        title: `${scan.title} (${momentLabels[moment].toLowerCase()}) is afgerond`,
      });
    }
    return redirectWithToast(here, { title: "Je antwoorden zijn opgeslagen als concept" });
  } catch (error) {
    return invalid<SelfScanFormError>(domainFormError(error, values));
  }
}

export default function FillSelfScanPage() {
  const loaderData = useLoaderData<typeof loader>();
  // Autosaves go through a fetcher (useAutosave): what reaches the page is a refused save or "afronden".
  const actionData = useActionData<typeof action>() as SelfScanFormError | undefined;
  const navigation = useNavigation();
  const { scan, moment, mode, response, editable } = loaderData;
  const { cohort } = useCohortHeader();
  const base = `/leernetwerken/${cohort.id}/zelfscans`;
  const completed = Boolean(response?.completedAt);
  // After a refused save: what was typed. Otherwise (also after refusing the mode choice): what is stored.
  const intent = textValue(actionData?.values, "intent");
  const typed = actionData && (intent === "save" || intent === "complete") ? actionData.values : null;
  const values = typed ?? answersToValues(response?.answers ?? {});
  const version = actionData?.conflict
    ? actionData.conflict.version
    : actionData?.draft
      ? actionData.draft.version
      : (response?.version ?? 0);
  const errors = actionData?.fieldErrors;
  const outcome = actionData?.conflict ? "conflict" : actionData?.draft ? "draft" : actionData ? "invalid" : "loaded";
  const busy = navigation.state !== "idle";
  // A new form (with new defaults) whenever the stored answers or the outcome of a save change.
  const formKey = `${response?.version ?? 0}-${outcome}-${version}`;

  return (
    <>
      <h1>
        {scan.title}: {momentLabels[moment].toLowerCase()}
      </h1>
      <p className="lead">{scan.summary}</p>
      <p className="muted">
        Gebaseerd op: {scan.sourceTitle}.
        {scan.lesson ? (
          <>
            {" "}
            <Link to={scan.lesson}>Lees de achtergrond</Link>.
          </>
        ) : null}
        {moment === loaderData.due
          ? " Dit moment is nu aan de beurt."
          : ` Nu aan de beurt is: ${momentLabels[loaderData.due].toLowerCase()}.`}
      </p>

      <ModeChoice />

      {actionData?.conflict ? <ConflictNotice scan={scan} current={actionData.conflict} /> : null}
      <FormAlert message={actionData?.formError} />
      {actionData?.draft ? (
        <div className="alert alert-warning" role="alert">
          Je antwoorden zijn opgeslagen als concept.{" "}
          {Object.keys(actionData.fieldErrors).length === 1
            ? "Om af te ronden moet nog 1 vraag beantwoord worden; die is hieronder gemarkeerd."
            : `Om af te ronden moeten nog ${Object.keys(actionData.fieldErrors).length} vragen beantwoord worden; ze zijn hieronder gemarkeerd.`}
        </div>
      ) : (
        <ErrorSummary errors={actionData?.conflict ? undefined : actionData?.fieldErrors} />
      )}

      {completed && !actionData?.conflict ? (
        <section aria-labelledby="afgerond" className="panel">
          <h2 id="afgerond">Afgerond</h2>
          <p>
            {mode === "DUO" ? "Jullie hebben" : "Je hebt"} deze zelfscan afgerond op{" "}
            {formatDateTime(response!.completedAt!)}
            {response!.updatedBy ? ` (door ${response!.updatedBy})` : ""}.{" "}
            <Link to={`${base}/${scan.id}/resultaten`}>Bekijk de uitkomst</Link>.
          </p>
          <AnswersTable
            scan={scan}
            columns={[
              { key: "mine", name: mode === "DUO" ? "Jullie antwoord" : "Jouw antwoord", answers: response!.answers },
            ]}
          />
          {editable ? (
            <Form method="post" className="button-row">
              <button type="submit" name="intent" value="reopen" className="button-secondary">
                Weer openen om te wijzigen
              </button>
            </Form>
          ) : null}
        </section>
      ) : editable ? (
        <SelfScanEditor key={formKey} scan={scan} version={version} busy={busy}>
          {response ? (
            <p className="muted">
              Concept, laatst opgeslagen {formatDateTime(response.updatedAt)}
              {response.updatedBy ? ` door ${response.updatedBy}` : ""}.
            </p>
          ) : null}
          {scan.sections.map((section) => (
            <SectionFields key={section.id} section={section} values={values} errors={errors} />
          ))}
          <div className="button-row">
            <button type="submit" name="intent" value="save" className="button-secondary" disabled={busy}>
              Opslaan als concept
            </button>
            <button type="submit" name="intent" value="complete" disabled={busy}>
              Afronden
            </button>
          </div>
          <p className="muted">
            {mode === "DUO"
              ? "Jullie vullen deze zelfscan samen in: wat je opslaat, ziet je duopartner ook."
              : "Je vult deze zelfscan voor jezelf in. Na het afronden zien jullie elkaars antwoorden naast elkaar."}{" "}
            De begeleiders van het leernetwerk zien jullie afgeronde zelfscans; de coördinator ziet alleen gemiddelden
            van alle duo&apos;s, zonder namen.
          </p>
        </SelfScanEditor>
      ) : (
        <p className="alert alert-info">
          Dit leernetwerk is afgesloten; de zelfscans kunnen niet meer worden gewijzigd.
        </p>
      )}

      {mode === "INDIVIDUAL" ? <PartnerAnswers /> : null}
    </>
  );
}

/**
 * The form with autosave: a fresh one (and a fresh autosave state) for every stored version, because the
 * page gives it a new key. When the partner saved in between, the stored answers are shown and nothing that
 * was typed is lost; "Mijn antwoorden bewaren" saves this window's answers over them.
 */
function SelfScanEditor({
  scan,
  version,
  busy,
  children,
}: {
  scan: SelfScan;
  version: number;
  busy: boolean;
  children: React.ReactNode;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const autosave = useAutosave({ formRef, action: ".", version, submitThroughConflict: true });
  return (
    <>
      {autosave.conflict ? (
        <>
          <ConflictNotice
            scan={scan}
            current={{
              answers: answersFromForm(scan, autosave.conflict.theirs).answers,
              version: autosave.conflict.version,
              completedAt: null,
              updatedBy: null,
            }}
          />
          <div className="button-row">
            <button type="button" onClick={autosave.keepMine}>
              Mijn antwoorden bewaren
            </button>
          </div>
        </>
      ) : null}
      <Form
        method="post"
        ref={formRef}
        {...autosave.formProps}
        className="stack self-scan-form"
        noValidate
        aria-busy={busy || undefined}
      >
        <input type="hidden" name="version" value={autosave.version} />
        {children}
        <AutosaveStatus autosave={autosave} />
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

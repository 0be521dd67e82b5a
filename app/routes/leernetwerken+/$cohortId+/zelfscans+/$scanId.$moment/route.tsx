// Filling in one self-scan at one moment (intake, halverwege, einde), by the duo itself. The duo chooses to
// answer together (one response) or each on their own (then shown side by side). "Opslaan als concept" keeps
// partial answers; "Afronden" needs every question answered. Every save names the version it was based on:
// when the partner saved in between, nothing is overwritten — the stored answers are shown and what was
// typed stays in the form.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { requireCohortMember } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ErrorSummary, Field, FormAlert, TextareaField } from "~/components/forms.tsx";
import { AnswerView } from "~/components/self-scan-results.tsx";
import { TableScroll } from "~/components/table-scroll.tsx";
import { findSelfScan } from "~/content/library.server.ts";
import {
  type Answers,
  judgementChoices,
  judgementLabels,
  momentFromSlug,
  momentLabels,
  type SelfScan,
  type SelfScanSection,
} from "~/content/self-scan-schema.ts";
import {
  canEdit,
  dueMomentFor,
  findOwnDuo,
  modeOf,
  reopenResponse,
  responsesFor,
  saveResponse,
  SelfScanError,
  setMode,
} from "~/models/self-scan.server.ts";
import { answersFromForm, answersToValues, missingAnswers } from "~/models/self-scan-scoring.ts";
import { formatDateTime } from "~/utils/dates.ts";
import { formValues } from "~/utils/forms.ts";
import { forbidden, invariantResponse } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.scan.title}, ${momentLabels[data.moment].toLowerCase()} — Zelfscans — Leernetwerk` : "Leernetwerk" },
];

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
    cohort: { id: duo.cohort.id, name: duo.cohort.name },
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
      const response = mode === "INDIVIDUAL" ? responses.find((candidate) => candidate.respondentKey === member.user.id) : undefined;
      return {
        id: member.user.id,
        name: member.user.name,
        completed: Boolean(response?.completedAt),
        answers: response?.completedAt ? (response.answers as Answers) : null,
      };
    }),
  };
}

type ActionResult =
  | { status: "invalid"; errors: Record<string, string[]>; values: Record<string, string>; formError?: string }
  | { status: "incomplete"; errors: Record<string, string[]>; values: Record<string, string>; version: number }
  | {
      status: "conflict";
      values: Record<string, string>;
      current: { answers: Answers; version: number; completedAt: Date | null; updatedBy: string | null };
    };

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, cohortId, scan, moment, duo } = await load(request, params);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const here = `/leernetwerken/${cohortId}/zelfscans/${scan.id}/${params.moment}`;
  try {
    if (intent === "mode") {
      const mode = formData.get("mode");
      if (mode !== "DUO" && mode !== "INDIVIDUAL") {
        return data<ActionResult>({ status: "invalid", errors: { mode: ["Kies hoe jullie de zelfscan invullen."] }, values: {} }, { status: 400 });
      }
      await setMode({ duo, scanId: scan.id, moment, mode });
      return redirectWithToast(here, { title: mode === "DUO" ? "Jullie vullen deze zelfscan samen in" : "Jullie vullen deze zelfscan ieder apart in" });
    }
    if (intent === "reopen") {
      await reopenResponse({ user, duo, scanId: scan.id, moment });
      return redirectWithToast(here, { title: "De zelfscan is weer open om te wijzigen" });
    }
    if (intent !== "save" && intent !== "complete") throw new Response("Onbekende actie", { status: 400 });

    const values = formValues(formData);
    const versionText = formData.get("version");
    const version = typeof versionText === "string" && /^\d+$/.test(versionText) ? Number(versionText) : NaN;
    if (!Number.isSafeInteger(version)) throw new Response("Ongeldig formulier", { status: 400 });
    const { answers, errors } = answersFromForm(scan, Object.fromEntries(formData));
    if (Object.keys(errors).length) return data<ActionResult>({ status: "invalid", errors, values }, { status: 400 });

    const missing = intent === "complete" ? missingAnswers(scan, answers) : [];
    const result = await saveResponse({ user, duo, scan, moment, answers, version, complete: intent === "complete" && missing.length === 0 });
    if (result.status === "conflict") return data<ActionResult>({ status: "conflict", values, current: result.current }, { status: 409 });
    if (missing.length) {
      // Kept as a draft; say what still needs an answer.
      const missingErrors = Object.fromEntries(missing.map((item) => [item.field, ["Beantwoord deze vraag om af te ronden."]]));
      return data<ActionResult>({ status: "incomplete", errors: missingErrors, values, version: result.version }, { status: 400 });
    }
    if (result.completed) {
      return redirectWithToast(`/leernetwerken/${cohortId}/zelfscans/${scan.id}/resultaten`, {
        title: `${scan.title} (${momentLabels[moment].toLowerCase()}) is afgerond`,
      });
    }
    return redirectWithToast(here, { title: "Je antwoorden zijn opgeslagen als concept" });
  } catch (error) {
    if (error instanceof SelfScanError) {
      return data<ActionResult>({ status: "invalid", errors: {}, values: formValues(formData), formError: error.message }, { status: 400 });
    }
    throw error;
  }
}

export default function FillSelfScanPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { scan, moment, mode, response, cohort, editable } = loaderData;
  const base = `/leernetwerken/${cohort.id}/zelfscans`;
  const completed = Boolean(response?.completedAt);
  // After a refused save: what was typed. Otherwise: what is stored.
  const values =
    actionData && (actionData.status !== "invalid" || Object.keys(actionData.values).length) ? actionData.values : answersToValues(response?.answers ?? {});
  const version =
    actionData?.status === "conflict" ? actionData.current.version : actionData?.status === "incomplete" ? actionData.version : (response?.version ?? 0);
  const errors = actionData && "errors" in actionData ? actionData.errors : undefined;
  const busy = navigation.state !== "idle";
  // A new form (with new defaults) whenever the stored answers or the outcome of a save change.
  const formKey = `${response?.version ?? 0}-${actionData?.status ?? "loaded"}-${version}`;

  return (
    <>
      <nav aria-label="Kruimelpad" className="breadcrumbs">
        <Link to={`/leernetwerken/${cohort.id}`}>{cohort.name}</Link> <span aria-hidden="true">›</span> <Link to={base}>Zelfscans</Link>{" "}
        <span aria-hidden="true">›</span> {scan.title}
      </nav>
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
        {moment === loaderData.due ? " Dit moment is nu aan de beurt." : ` Nu aan de beurt is: ${momentLabels[loaderData.due].toLowerCase()}.`}
      </p>

      <ModeChoice />

      {actionData?.status === "conflict" ? <ConflictNotice scan={scan} current={actionData.current} /> : null}
      <FormAlert message={actionData?.status === "invalid" ? actionData.formError : null} />
      {actionData?.status === "incomplete" ? (
        <div className="alert alert-warning" role="alert">
          Je antwoorden zijn opgeslagen als concept.{" "}
          {Object.keys(actionData.errors).length === 1
            ? "Om af te ronden moet nog 1 vraag beantwoord worden; die is hieronder gemarkeerd."
            : `Om af te ronden moeten nog ${Object.keys(actionData.errors).length} vragen beantwoord worden; ze zijn hieronder gemarkeerd.`}
        </div>
      ) : (
        <ErrorSummary errors={actionData?.status === "invalid" ? actionData.errors : undefined} />
      )}

      {completed && actionData?.status !== "conflict" ? (
        <section aria-labelledby="afgerond" className="panel">
          <h2 id="afgerond">Afgerond</h2>
          <p>
            {mode === "DUO" ? "Jullie hebben" : "Je hebt"} deze zelfscan afgerond op {formatDateTime(response!.completedAt!)}
            {response!.updatedBy ? ` (door ${response!.updatedBy})` : ""}. <Link to={`${base}/${scan.id}/resultaten`}>Bekijk de uitkomst</Link>.
          </p>
          <AnswersTable scan={scan} columns={[{ key: "mine", name: mode === "DUO" ? "Jullie antwoord" : "Jouw antwoord", answers: response!.answers }]} />
          {editable ? (
            <Form method="post" className="button-row">
              <button type="submit" name="intent" value="reopen" className="button-secondary">
                Weer openen om te wijzigen
              </button>
            </Form>
          ) : null}
        </section>
      ) : editable ? (
        <Form method="post" key={formKey} className="stack self-scan-form" noValidate>
          <input type="hidden" name="version" value={version} />
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
            De begeleiders van het leernetwerk zien jullie afgeronde zelfscans; de coördinator ziet alleen gemiddelden van alle duo&apos;s, zonder namen.
          </p>
        </Form>
      ) : (
        <p className="alert alert-info">Dit leernetwerk is afgesloten; de zelfscans kunnen niet meer worden gewijzigd.</p>
      )}

      {mode === "INDIVIDUAL" ? <PartnerAnswers /> : null}
    </>
  );
}

function ModeChoice() {
  const { mode, modeLocked, editable, partners } = useLoaderData<typeof loader>();
  if (partners.length === 0) return null;
  if (!editable || modeLocked) {
    return (
      <p>
        <strong>Zo vullen jullie deze zelfscan in:</strong> {mode === "DUO" ? "samen, één keer voor het duo." : "ieder apart, naast elkaar."}
      </p>
    );
  }
  return (
    <Form method="post" className="panel mode-choice">
      <fieldset className="choice-group">
        <legend>Hoe vullen jullie deze zelfscan in?</legend>
        <label className="choice">
          <input type="radio" name="mode" value="DUO" defaultChecked={mode === "DUO"} /> Samen: één keer voor het hele duo
        </label>
        <label className="choice">
          <input type="radio" name="mode" value="INDIVIDUAL" defaultChecked={mode === "INDIVIDUAL"} /> Ieder apart: daarna zien jullie elkaars antwoorden
          naast elkaar
        </label>
      </fieldset>
      <p className="button-row">
        <button type="submit" name="intent" value="mode" className="button-secondary button-small">
          Keuze opslaan
        </button>
      </p>
    </Form>
  );
}

function PartnerAnswers() {
  const { partners, scan, response } = useLoaderData<typeof loader>();
  const done = partners.filter((partner) => partner.answers);
  return (
    <section aria-labelledby="naast-elkaar">
      <h2 id="naast-elkaar">Naast elkaar</h2>
      {partners
        .filter((partner) => !partner.completed)
        .map((partner) => (
          <p key={partner.id}>{partner.name} heeft deze zelfscan nog niet afgerond.</p>
        ))}
      {done.length ? (
        <AnswersTable
          scan={scan}
          columns={[
            ...(response?.completedAt ? [{ key: "mine", name: "Jij", answers: response.answers }] : []),
            ...done.map((partner) => ({ key: partner.id, name: partner.name, answers: partner.answers! })),
          ]}
        />
      ) : null}
    </section>
  );
}

function AnswersTable({ scan, columns }: { scan: SelfScan; columns: { key: string; name: string; answers: Answers }[] }) {
  return (
    <TableScroll label={`Antwoorden ${scan.title}`}>
      <table className="answers-table">
        <thead>
          <tr>
            <th scope="col">Vraag</th>
            {columns.map((column) => (
              <th scope="col" key={column.key}>
                {column.name}
              </th>
            ))}
          </tr>
        </thead>
        {scan.sections.map((section) => (
          <tbody key={section.id}>
            <tr>
              <th scope="colgroup" colSpan={columns.length + 1} className="answers-section">
                {section.title}
              </th>
            </tr>
            {section.questions.map((question) => (
              <tr key={question.id}>
                <th scope="row">{question.text}</th>
                {columns.map((column) => (
                  <td key={column.key}>
                    <AnswerView question={question} answer={column.answers[question.id]} scaleMax={section.scale?.max} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </TableScroll>
  );
}

function ConflictNotice({ scan, current }: { scan: SelfScan; current: { answers: Answers; version: number; completedAt: Date | string | null; updatedBy: string | null } }) {
  return (
    <section className="alert alert-error conflict" role="alert" aria-labelledby="conflict-heading">
      <h2 id="conflict-heading">Intussen is er iets anders opgeslagen</h2>
      <p>
        {current.updatedBy ?? "Iemand anders"} heeft deze zelfscan opgeslagen terwijl jij bezig was
        {current.completedAt ? " en hem afgerond" : ""}. Er is niets overschreven: jouw antwoorden staan nog in het formulier hieronder, de opgeslagen
        antwoorden staan in deze tabel.
      </p>
      <AnswersTable scan={scan} columns={[{ key: "stored", name: "Opgeslagen antwoorden", answers: current.answers }]} />
      <p>
        {current.completedAt
          ? "Wil je toch iets wijzigen? Laad de pagina opnieuw en open de zelfscan weer."
          : "Sla opnieuw op om jouw antwoorden te bewaren, of gebruik de opgeslagen antwoorden."}{" "}
        <Link to=".">De opgeslagen antwoorden gebruiken</Link>
      </p>
    </section>
  );
}

function fieldError(errors: Record<string, string[] | undefined> | undefined, name: string) {
  return errors?.[name]?.length ? errors[name]!.join(" ") : null;
}

function SectionFields({
  section,
  values,
  errors,
}: {
  section: SelfScanSection;
  values: Record<string, string>;
  errors: Record<string, string[] | undefined> | undefined;
}) {
  return (
    <section className="self-scan-section" aria-labelledby={`section-${section.id}`}>
      <h2 id={`section-${section.id}`}>{section.title}</h2>
      {section.intro ? <p>{section.intro}</p> : null}
      {section.questions.map((question) => {
        const id = question.id;
        if (question.type === "text") {
          return (
            <Field
              key={id}
              label={question.text}
              name={`${id}.text`}
              defaultValue={values[`${id}.text`] ?? ""}
              maxLength={300}
              hint={question.hint}
              errors={errors?.[`${id}.text`]}
            />
          );
        }
        const remark = (
          <TextareaField
            label="Toelichting (mag leeg blijven)"
            name={`${id}.remark`}
            rows={2}
            defaultValue={values[`${id}.remark`] ?? ""}
            errors={errors?.[`${id}.remark`]}
          />
        );
        return (
          <div key={id} className="self-scan-question">
            {question.type === "scale" && section.scale ? (
              <RadioGroup
                name={`${id}.value`}
                legend={question.text}
                hint={question.hint}
                value={values[`${id}.value`]}
                error={fieldError(errors, `${id}.value`)}
                className="scale-options"
                options={Array.from({ length: section.scale.max }, (_, index) => {
                  const value = index + 1;
                  const end = value === 1 ? section.scale!.minLabel : value === section.scale!.max ? section.scale!.maxLabel : null;
                  return { value: String(value), label: end ? `${value}: ${end}` : String(value) };
                })}
              >
                {remark}
              </RadioGroup>
            ) : null}
            {question.type === "judgement" ? (
              <RadioGroup
                name={`${id}.choice`}
                legend={question.text}
                hint={question.hint}
                value={values[`${id}.choice`]}
                error={fieldError(errors, `${id}.choice`)}
                options={judgementChoices.map((choice) => ({ value: choice, label: judgementLabels[choice] }))}
              >
                <TextareaField
                  label="Waarom? Jullie redenen"
                  name={`${id}.reasons`}
                  rows={4}
                  defaultValue={values[`${id}.reasons`] ?? ""}
                  errors={errors?.[`${id}.reasons`]}
                />
              </RadioGroup>
            ) : null}
            {question.type === "ladder" ? (
              <fieldset className="choice-group">
                <legend>{question.text}</legend>
                {(["now", "wanted"] as const).map((field) => (
                  <RadioGroup
                    key={field}
                    name={`${id}.${field}`}
                    legend={field === "now" ? "Waar staan inwoners met ervaringskennis nu?" : "Waar willen jullie dat ze komen te staan?"}
                    value={values[`${id}.${field}`]}
                    error={fieldError(errors, `${id}.${field}`)}
                    options={question.rungs.map((rung, index) => ({
                      value: String(index + 1),
                      label: `${index + 1}. ${rung.label}`,
                      description: rung.description,
                    }))}
                  />
                ))}
                {remark}
              </fieldset>
            ) : null}
          </div>
        );
      })}
    </section>
  );
}

function RadioGroup({
  name,
  legend,
  hint,
  value,
  error,
  options,
  className,
  children,
}: {
  name: string;
  legend: string;
  hint?: string;
  value: string | undefined;
  error: string | null;
  options: { value: string; label: string; description?: string }[];
  className?: string;
  children?: ReactNode;
}) {
  const baseId = `field-${name.replace(/\W/g, "-")}`;
  const describedBy = [hint ? `${baseId}-hint` : null, error ? `${baseId}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className="choice-group" aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="field-hint" id={`${baseId}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${baseId}-error`}>
          {error}
        </p>
      ) : null}
      <div className={className ?? "choice-list"}>
        {options.map((option) => (
          <label className="choice" key={option.value}>
            <input type="radio" name={name} value={option.value} defaultChecked={value === option.value} aria-invalid={error ? true : undefined} />
            <span>
              {option.label}
              {option.description ? <span className="choice-description">{option.description}</span> : null}
            </span>
          </label>
        ))}
      </div>
      {children}
    </fieldset>
  );
}

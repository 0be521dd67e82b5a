// /beheer/kennisbank: the coordinator's review queue (issue 16). A duo's summary (after both members
// consented) and a cohort synthesis are public only after a coordinator approved them here: approve with an
// optional note (and, for a summary, the kind of municipality for the public filter), or send back with a
// reason the duo or the facilitators see; an approved text can be taken offline again (sent back with a reason).
// Every decision is in the audit log.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { z } from "zod";
import { requireRole } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { FormAlert, SelectField, TextareaField } from "~/components/forms.tsx";
import { KnowledgeTags, Paragraphs } from "~/components/knowledge.tsx";
import { municipalitySizeIds, municipalitySizes } from "~/models/knowledge-rules.ts";
import { approveForPublication, reviewQueue, sendBack } from "~/models/knowledge-review.server.ts";
import { formatDateTime } from "~/utils/dates.ts";
import { formIntents, idField, optionalText, parseForm } from "~/utils/forms.ts";
import { domainErrorReply, invalid, readForm } from "~/utils/forms.server.ts";
import { notFound } from "~/utils/http.server.ts";
import { aantal } from "~/utils/plural.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = () => [{ title: "Kennisbank beoordelen — Leernetwerk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "COORDINATOR");
  return reviewQueue();
}

const target = {
  kind: z.enum(["samenvatting", "synthese"], { message: "Dit formulier kwam niet goed aan." }),
  id: idField("Deze tekst bestaat niet."),
};

const withReason = z.object({
  ...target,
  reason: optionalText(2_000, "De reden mag maximaal 2.000 tekens hebben."),
});

const schema = formIntents({
  approve: z.object({
    ...target,
    note: optionalText(2_000, "De opmerking mag maximaal 2.000 tekens hebben."),
    sizeClass: z
      .enum(["", ...municipalitySizeIds] as [string, ...string[]], { message: "Kies een soort gemeente uit de lijst." })
      .optional()
      .transform((value) => value ?? ""),
  }),
  return: withReason,
  // An approved text taken out of the public knowledge base: sent back with a reason, like a returned one.
  offline: withReason,
});

const GONE = "Deze tekst bestaat niet (meer). Misschien is hij intussen ingetrokken.";

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "COORDINATOR");
  const form = parseForm(schema, await readForm(request));
  if (!form.ok) return invalid(form.error);
  const { data } = form;
  try {
    if (data.intent === "approve") {
      const sizeClass = municipalitySizeIds.find((id) => id === data.sizeClass) ?? null;
      const done = await approveForPublication(user, { kind: data.kind, id: data.id, note: data.note, sizeClass });
      if (!done) throw notFound(GONE);
      return redirectWithToast("/beheer/kennisbank", {
        title: "Goedgekeurd: de tekst staat nu openbaar in de kennisbank",
      });
    }
    const done = await sendBack(user, { kind: data.kind, id: data.id, reason: data.reason });
    if (!done) throw notFound(GONE);
    return redirectWithToast("/beheer/kennisbank", {
      title: data.intent === "offline" ? "Offline gehaald: de tekst staat niet meer in de kennisbank" : "Teruggestuurd",
      description:
        data.kind === "samenvatting"
          ? "Het duo ziet je reden bij Delen in de kennisbank."
          : "De begeleiders zien je reden bij de synthese.",
    });
  } catch (error) {
    return domainErrorReply(error, form.values);
  }
}

const statusLabels = { APPROVED: "goedgekeurd", RETURNED: "teruggestuurd", PENDING: "wacht" } as const;

export default function ReviewQueuePage() {
  const { pending, reviewed, published } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const refusedId = typeof actionData?.values.id === "string" ? actionData.values.id : null;
  return (
    <>
      <h1>Kennisbank beoordelen</h1>
      <p className="lead">
        Samenvattingen van duo&apos;s en syntheses van begeleiders komen pas openbaar in de{" "}
        <Link to="/kennisbank">kennisbank</Link> als een coördinator ze heeft goedgekeurd. Iedereen kan ze dan lezen,
        ook zonder account. Controleer vooral of er niets in staat waaraan mensen te herkennen zijn.
      </p>
      <h2>Wacht op beoordeling</h2>
      <p role="status">{aantal(pending.length, "tekst wacht", "teksten wachten")} op beoordeling.</p>
      {pending.map((item) => {
        const headingId = `review-${item.id}`;
        const errors = refusedId === item.id ? actionData : null;
        return (
          <section key={item.id} className="panel review-item" aria-labelledby={headingId}>
            <h3 id={headingId}>{item.title}</h3>
            <p className="muted">
              {item.kind === "samenvatting"
                ? `Samenvatting van het duo van ${item.municipality} (${item.municipalityShown ? "de gemeente wordt genoemd" : "de gemeente wordt niet genoemd"})`
                : "Synthese van de begeleiders"}{" "}
              · {item.cohort} · aangeboden op {formatDateTime(item.submittedAt)}
            </p>
            <KnowledgeTags themes={item.themes} phases={item.phases} />
            <div className="review-text">
              {item.body !== null ? (
                <Paragraphs text={item.body} />
              ) : (
                item.sections.map((section) => (
                  <div key={section.sectionId}>
                    <h4>{section.title}</h4>
                    <Paragraphs text={section.text} />
                  </div>
                ))
              )}
            </div>
            <FormAlert message={errors?.formError} />
            <div className="review-forms">
              <Form method="post" className="stack" noValidate>
                <input type="hidden" name="intent" value="approve" />
                <input type="hidden" name="kind" value={item.kind} />
                <input type="hidden" name="id" value={item.id} />
                {item.kind === "samenvatting" ? (
                  <SelectField
                    label={`Soort gemeente (${item.municipality})`}
                    name="sizeClass"
                    defaultValue={item.sizeClass ?? ""}
                    hint="Voor het filter in de kennisbank. De naam van de gemeente blijft verborgen als het duo dat koos."
                  >
                    <option value="">Onbekend</option>
                    {municipalitySizeIds.map((id) => (
                      <option key={id} value={id}>
                        {municipalitySizes[id]}
                      </option>
                    ))}
                  </SelectField>
                ) : null}
                <TextareaField
                  label="Opmerking bij goedkeuren (niet verplicht)"
                  name="note"
                  id={`note-${item.id}`}
                  rows={2}
                  maxLength={2_000}
                  errors={errors?.values.intent === "approve" ? errors.fieldErrors.note : undefined}
                />
                <div className="button-row">
                  <button type="submit" disabled={busy}>
                    Goedkeuren en publiceren<span className="visually-hidden">: {item.title}</span>
                  </button>
                </div>
              </Form>
              <ReasonForm
                intent="return"
                item={item}
                label="Reden om terug te sturen"
                fieldId={`reason-${item.id}`}
                button="Terugsturen"
                refused={errors?.values.intent === "return" ? errors : null}
                busy={busy}
              />
            </div>
          </section>
        );
      })}
      <section aria-labelledby="openbaar">
        <h2 id="openbaar">Openbaar in de kennisbank</h2>
        <p>
          {aantal(published.length, "tekst staat", "teksten staan")} openbaar. Blijkt er toch iets in te staan waaraan
          mensen te herkennen zijn? Haal de tekst dan offline. Hij gaat terug naar{" "}
          {published.some((item) => item.kind === "samenvatting") ? "het duo of " : ""}de begeleiders, met je reden, en
          komt pas weer openbaar na een nieuwe goedkeuring.
        </p>
        {published.length ? (
          <ul className="published-list">
            {published.map((item) => {
              const errors = refusedId === item.id && actionData?.values.intent === "offline" ? actionData : null;
              return (
                <li key={item.id}>
                  <Link
                    to={item.kind === "samenvatting" ? `/kennisbank/${item.id}` : `/kennisbank/synthese/${item.id}`}
                  >
                    {item.title}
                  </Link>{" "}
                  <span className="muted">
                    ({item.kind === "samenvatting" ? "samenvatting" : "synthese"}, {item.cohort}
                    {item.approvedAt ? `, goedgekeurd op ${formatDateTime(item.approvedAt)}` : ""})
                  </span>
                  <details open={errors !== null}>
                    <summary>
                      Offline halen<span className="visually-hidden">: {item.title}</span>
                    </summary>
                    <ReasonForm
                      intent="offline"
                      item={item}
                      label="Reden om offline te halen"
                      fieldId={`offline-${item.id}`}
                      button="Offline halen"
                      refused={errors}
                      busy={busy}
                      showFormError
                    />
                  </details>
                </li>
              );
            })}
          </ul>
        ) : null}
      </section>
      {reviewed.length ? (
        <section aria-labelledby="laatst-beoordeeld">
          <h2 id="laatst-beoordeeld">Laatst beoordeeld</h2>
          <ul>
            {reviewed.map((item) => (
              <li key={item.id}>
                {item.reviewStatus === "APPROVED" ? (
                  <Link
                    to={item.kind === "samenvatting" ? `/kennisbank/${item.id}` : `/kennisbank/synthese/${item.id}`}
                  >
                    {item.title}
                  </Link>
                ) : (
                  item.title
                )}{" "}
                ({item.kind}): {statusLabels[item.reviewStatus]} op {formatDateTime(item.reviewedAt!)}
                {item.reviewNote ? ` — “${item.reviewNote}”` : ""}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

type Refused = {
  formError?: string | null;
  fieldErrors: Partial<Record<string, string[]>>;
  values: Record<string, unknown>;
} | null;

/** Sending a text back, or taking a public one offline: both need a reason that the duo or the facilitators see. */
function ReasonForm(props: {
  intent: "return" | "offline";
  item: { kind: "samenvatting" | "synthese"; id: string; title: string };
  label: string;
  fieldId: string;
  button: string;
  /** The refused answer for this form (what was typed comes back), else null. */
  refused: Refused;
  busy: boolean;
  showFormError?: boolean;
}) {
  const { item, refused } = props;
  return (
    <Form method="post" className="stack" noValidate>
      {props.showFormError ? <FormAlert message={refused?.formError} /> : null}
      <input type="hidden" name="intent" value={props.intent} />
      <input type="hidden" name="kind" value={item.kind} />
      <input type="hidden" name="id" value={item.id} />
      <TextareaField
        label={props.label}
        name="reason"
        id={props.fieldId}
        rows={2}
        maxLength={2_000}
        hint={
          item.kind === "samenvatting"
            ? "Het duo ziet deze reden en kan de tekst aanpassen."
            : "De begeleiders zien deze reden en kunnen de tekst aanpassen."
        }
        defaultValue={refused ? String(refused.values.reason ?? "") : undefined}
        errors={refused?.fieldErrors.reason}
      />
      <div className="button-row">
        <button type="submit" className="button-secondary" disabled={props.busy}>
          {props.button}
          <span className="visually-hidden">: {item.title}</span>
        </button>
      </div>
    </Form>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

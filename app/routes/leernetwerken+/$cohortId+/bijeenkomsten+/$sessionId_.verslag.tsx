// The report of a session (verslag, issue 19): what was discussed, the agreements and the follow-up. Written
// by the cohort's facilitators or a coordinator (participants: 403; a facilitator of another cohort: 404),
// shown to the cohort on the session page. A save based on an older version is refused: the stored report is
// shown next to what this person typed, which stays in the form, and only a second, deliberate save keeps it.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { requireCohortSession } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { FormAlert, TextareaField } from "~/components/forms.tsx";
import { getSessionReport, type ReportFields, saveSessionReport } from "~/models/session-report.server.ts";
import { cohortPage, cohortTitle } from "~/utils/cohort-page.ts";
import { formatDateTime } from "~/utils/dates.ts";
import { type FormError, formError, formIntents, optionalText, parseForm, textValue } from "~/utils/forms.ts";
import { invalid, readForm } from "~/utils/forms.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const handle = cohortPage<typeof loader>({
  breadcrumb: ({ session }, cohortPath) => [
    { label: `Bijeenkomst ${session.number}`, to: `${cohortPath}/bijeenkomsten/${session.id}` },
    { label: "Verslag" },
  ],
});

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? cohortTitle(matches, `Verslag bijeenkomst ${data.session.number}`) : "Leernetwerk" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { session } = await requireCohortSession(request, params.cohortId, params.sessionId, "staff");
  const report = await getSessionReport(session.id);
  return {
    session: { id: session.id, number: session.number, title: session.title, cohortId: session.cohortId },
    report,
  };
}

type ReportError = FormError & { conflict?: { version: number; current: ReportFields } };

const schema = formIntents({
  save: z.object({
    discussed: optionalText(10000, "Wat er besproken is mag maximaal 10.000 tekens hebben."),
    agreements: optionalText(10000, "De afspraken mogen maximaal 10.000 tekens hebben."),
    followUp: optionalText(10000, "Het vervolg mag maximaal 10.000 tekens hebben."),
    version: z.coerce.number().int().min(0).catch(0),
  }),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, cohortId, session } = await requireCohortSession(request, params.cohortId, params.sessionId, "staff");
  const form = parseForm(schema, await readForm(request));
  if (!form.ok) return invalid<ReportError>(form.error);
  const { discussed, agreements, followUp, version } = form.data;
  const saved = await saveSessionReport(user, session.id, { discussed, agreements, followUp }, version);
  if (saved.status === "conflict") {
    const { version: currentVersion, ...current } = saved.current;
    return invalid<ReportError>({ ...formError(form.values), conflict: { version: currentVersion, current } }, 409);
  }
  return redirectWithToast(`/leernetwerken/${cohortId}/bijeenkomsten/${session.id}`, {
    title: "Het verslag is opgeslagen",
    description: "Het leernetwerk ziet het op de pagina van de bijeenkomst.",
  });
}

const fields = [
  { name: "discussed", label: "Wat is besproken" },
  { name: "agreements", label: "Afspraken" },
  { name: "followUp", label: "Vervolg" },
] as const;

export default function SessionReportPage() {
  const { session, report } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const conflict = actionData?.conflict;
  return (
    <>
      <h1>
        Verslag van bijeenkomst {session.number}: {session.title}
      </h1>
      {report ? (
        <p className="muted">
          Laatst bijgewerkt op {formatDateTime(report.updatedAt)}
          {report.updatedBy ? ` door ${report.updatedBy.name}` : ""}.
        </p>
      ) : (
        <p>Schrijf na de bijeenkomst op wat er besproken is, welke afspraken er zijn en wat het vervolg is.</p>
      )}
      {conflict ? (
        <div className="alert alert-error" role="alert">
          <p>
            <strong>Niet opgeslagen: iemand anders heeft het verslag intussen gewijzigd.</strong>
          </p>
          <p>Jouw tekst staat hieronder nog. Dit is de opgeslagen versie:</p>
          <dl>
            {fields.map((field) => (
              <div key={field.name}>
                <dt>{field.label}</dt>
                <dd className="pre-line">{conflict.current[field.name] || "—"}</dd>
              </div>
            ))}
          </dl>
          <p>Neem over wat je wilt houden en kies opnieuw &quot;Verslag opslaan&quot; om jouw versie te bewaren.</p>
        </div>
      ) : (
        <FormAlert message={actionData?.formError} />
      )}
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value="save" />
        <input type="hidden" name="version" value={conflict?.version ?? report?.version ?? 0} />
        {fields.map((field) => (
          <TextareaField
            key={field.name}
            label={field.label}
            name={field.name}
            rows={6}
            defaultValue={textValue(actionData?.values, field.name) ?? report?.[field.name] ?? ""}
            errors={actionData?.fieldErrors[field.name]}
          />
        ))}
        <div>
          <button type="submit" disabled={navigation.state !== "idle"}>
            Verslag opslaan
          </button>
        </div>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

// Coordinator: the closing routine of a cohort, after its last session. A checklist: end self-scans, the
// programme's evaluation (how many answered), the duos invited to publish their summary, certificates of participation, the retention clock, and
// archiving (read-only from then on). Each step can be undone until the cohort is archived; every change
// is in the audit log (app/models/cohort-closing.server.ts).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { z } from "zod";
import { requireCohortCoordinator } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ErrorSummary, Field, FormAlert } from "~/components/forms.tsx";
import { TableScroll } from "~/components/table-scroll.tsx";
import { archiveCohort, getClosingOverview, setClosingStep } from "~/models/cohort-closing.server.ts";
import { cohortPage, cohortTitle } from "~/utils/cohort-page.ts";
import { formatDate, formatDateTime } from "~/utils/dates.ts";
import { confirmBox, formIntents, parseForm, textValue } from "~/utils/forms.ts";
import { domainErrorReply, invalid, readForm } from "~/utils/forms.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const handle = cohortPage<typeof loader>({ breadcrumb: () => [{ label: "Afsluiten" }], adminNav: true });

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? cohortTitle(matches, "Afsluiten") : "Afsluiten — Leernetwerk" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { cohortId } = await requireCohortCoordinator(request, params.cohortId);
  return getClosingOverview(cohortId);
}

const schema = formIntents({
  done: z.object({
    step: z.enum(["selfScans", "evaluation", "summaries", "retention"], { message: "Deze stap kennen we niet." }),
  }),
  undo: z.object({
    step: z.enum(["selfScans", "evaluation", "summaries", "certificates", "retention"], {
      message: "Deze stap kennen we niet.",
    }),
  }),
  certificates: z.object({
    requiredSessions: z
      .string({ required_error: "Vul een aantal bijeenkomsten in." })
      .trim()
      .regex(/^\d{1,3}$/, "Vul een aantal bijeenkomsten in, als getal."),
  }),
  archive: z.object({
    confirm: confirmBox("Vink aan dat je begrijpt dat het leernetwerk daarna niet meer kan worden veranderd."),
  }),
});

const doneTitles = {
  selfScans: "De eindzelfscans zijn gecontroleerd",
  evaluation: "De evaluatie is bekeken",
  summaries: "De duo's zijn uitgenodigd om hun samenvatting te delen",
  retention: "De bewaartermijn loopt",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, cohortId } = await requireCohortCoordinator(request, params.cohortId);
  const here = `/leernetwerken/${cohortId}/afsluiten`;
  const form = parseForm(schema, await readForm(request));
  if (!form.ok) return invalid(form.error);
  const { data: input, values } = form;
  try {
    if (input.intent === "archive") {
      await archiveCohort(cohortId, user);
      return redirectWithToast(here, { title: "Het leernetwerk is gearchiveerd" });
    }
    if (input.intent === "certificates") {
      const requiredSessions = Number(input.requiredSessions);
      await setClosingStep({ cohortId, step: "certificates", done: true, requiredSessions }, user);
      return redirectWithToast(here, { title: "De deelnamebewijzen zijn uitgegeven" });
    }
    await setClosingStep({ cohortId, step: input.step, done: input.intent === "done" }, user);
    return redirectWithToast(here, {
      title: input.intent === "done" ? doneTitles[input.step] : "De stap is teruggedraaid",
    });
  } catch (error) {
    return domainErrorReply(error, values);
  }
}

function Undo({ step, label }: { step: string; label: string }) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value="undo" />
      <input type="hidden" name="step" value={step} />
      <button type="submit" className="button-secondary">
        Terugdraaien<span className="visually-hidden"> ({label})</span>
      </button>
    </Form>
  );
}

function Done({ step, label }: { step: string; label: string }) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value="done" />
      <input type="hidden" name="step" value={step} />
      <button type="submit">{label}</button>
    </Form>
  );
}

function Status({ at, text }: { at: string | Date | null | undefined; text: string }) {
  return at ? (
    <p>
      <strong>Gedaan:</strong> {text} op {formatDateTime(at)}.
    </p>
  ) : (
    <p>
      <strong>Nog niet gedaan.</strong>
    </p>
  );
}

export default function ClosingPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { cohort, closing, duos, participants, retention, evaluation } = data;
  const inReview = duos.filter((duo) => duo.summaryInReview).length;
  const archived = cohort.archivedAt !== null;
  const open = !archived && data.afterLastSession;
  const scansDone = duos.filter((duo) => duo.missingScans.length === 0).length;
  const qualifying = participants.filter((p) => p.qualifies).length;
  const base = `/leernetwerken/${cohort.id}`;
  return (
    <>
      <h1>Leernetwerk afsluiten</h1>
      <p>
        Doe deze stappen na de laatste bijeenkomst. Tot je het leernetwerk archiveert, kun je elke stap terugdraaien.
      </p>
      {archived ? (
        <p className="alert alert-info">
          Dit leernetwerk is gearchiveerd op {formatDateTime(cohort.archivedAt!)}. De deelnemers kunnen alles nog lezen
          tot de bewaartermijn verloopt. Er kan niets meer worden veranderd.
        </p>
      ) : !data.afterLastSession ? (
        <p className="alert alert-info">
          {data.lastSessionEndsAt
            ? `De laatste bijeenkomst is op ${formatDateTime(data.lastSessionEndsAt)}. Daarna kun je het leernetwerk afsluiten.`
            : "Dit leernetwerk heeft nog geen bijeenkomsten. Afsluiten kan pas na de laatste bijeenkomst."}
        </p>
      ) : null}
      <FormAlert message={actionData?.formError} />
      <ErrorSummary errors={actionData?.fieldErrors} />

      <ol className="stack">
        <li>
          <section aria-labelledby="stap-zelfscans">
            <h2 id="stap-zelfscans">Eindzelfscans</h2>
            <p>
              {scansDone} van {duos.length} duo's hebben alle {data.scanCount} zelfscans van het einde ingevuld.
            </p>
            {duos.some((duo) => duo.missingScans.length > 0) ? (
              <table>
                <caption>Duo's die nog niet alles hebben ingevuld</caption>
                <thead>
                  <tr>
                    <th scope="col">Gemeente</th>
                    <th scope="col">Duo</th>
                    <th scope="col">Nog niet ingevuld</th>
                  </tr>
                </thead>
                <tbody>
                  {duos
                    .filter((duo) => duo.missingScans.length > 0)
                    .map((duo) => (
                      <tr key={duo.enrollmentId}>
                        <td>{duo.municipality}</td>
                        <td>{duo.members.join(", ")}</td>
                        <td>{duo.missingScans.join(", ")}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            ) : null}
            <Status at={closing?.selfScansCheckedAt} text="gecontroleerd" />
            {open ? (
              closing?.selfScansCheckedAt ? (
                <Undo step="selfScans" label="eindzelfscans" />
              ) : (
                <Done step="selfScans" label="Eindzelfscans gecontroleerd" />
              )
            ) : null}
          </section>
        </li>

        <li>
          <section aria-labelledby="stap-evaluatie">
            <h2 id="stap-evaluatie">Evaluatie ingevuld</h2>
            <p data-testid="evaluatie-einde">
              {evaluation.end} van {evaluation.participants} deelnemers hebben de eindevaluatie ingevuld.
            </p>
            {evaluation.sessions.length ? (
              <ul aria-label="Evaluatie per bijeenkomst">
                {evaluation.sessions.map((session) => (
                  <li key={session.number}>
                    Bijeenkomst {session.number}: {session.answered} van {evaluation.participants} ingevuld
                  </li>
                ))}
              </ul>
            ) : null}
            <p className="muted">
              De antwoorden zijn anoniem: je ziet alleen hoeveel deelnemers hebben geantwoord, niet wie.{" "}
              <Link to={`${base}/evaluatie/resultaten`}>Uitkomsten van het leernetwerk</Link>
            </p>
            <Status at={closing?.evaluationCheckedAt} text="bekeken" />
            {open ? (
              closing?.evaluationCheckedAt ? (
                <Undo step="evaluation" label="evaluatie" />
              ) : (
                <Done step="evaluation" label="Evaluatie bekeken" />
              )
            ) : null}
          </section>
        </li>

        <li>
          <section aria-labelledby="stap-samenvatting">
            <h2 id="stap-samenvatting">Samenvatting delen in de kennisbank</h2>
            <p>
              {duos.filter((duo) => duo.published).length} van {duos.length} duo's hebben hun samenvatting gedeeld
              (goedgekeurd en openbaar in de kennisbank).
              {inReview > 0
                ? ` ${inReview === 1 ? "Van 1 duo wacht de samenvatting" : `Van ${inReview} duo's wacht de samenvatting`} nog op beoordeling of aanpassing.`
                : ""}{" "}
              De uitnodiging gaat per e-mail naar de leden van de duo's die nog niets hebben ingediend.
            </p>
            <Status at={closing?.summaryInvitedAt} text="uitgenodigd" />
            {open ? (
              closing?.summaryInvitedAt ? (
                <>
                  <p className="muted">Terugdraaien haalt verstuurde e-mails niet terug.</p>
                  <Undo step="summaries" label="uitnodiging samenvatting" />
                </>
              ) : (
                <Done step="summaries" label="Duo's uitnodigen" />
              )
            ) : null}
          </section>
        </li>

        <li>
          <section aria-labelledby="stap-deelnamebewijs">
            <h2 id="stap-deelnamebewijs">Deelnamebewijzen</h2>
            <p>
              Een deelnemer krijgt een deelnamebewijs als hij of zij bij genoeg bijeenkomsten aanwezig was. Er zijn{" "}
              {data.heldSessions} bijeenkomsten geweest. {qualifying} van {participants.length} deelnemers krijgen een
              deelnamebewijs
              {closing?.requiredSessions ? "" : " als je alle bijeenkomsten vereist"}.
            </p>
            <TableScroll label="Wie een deelnamebewijs krijgt">
              <table>
                <caption>Wie een deelnamebewijs krijgt</caption>
                <thead>
                  <tr>
                    <th scope="col">Deelnemer</th>
                    <th scope="col">Gemeente</th>
                    <th scope="col">Aanwezig</th>
                    <th scope="col">Deelnamebewijs</th>
                    <th scope="col">Waarom</th>
                  </tr>
                </thead>
                <tbody>
                  {participants.map((p) => (
                    <tr key={p.userId}>
                      <td>{p.name}</td>
                      <td>{p.municipality}</td>
                      <td>{p.attended}</td>
                      <td>{p.qualifies ? "Ja" : "Nee"}</td>
                      <td>{p.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
            <Status at={closing?.certificatesIssuedAt} text="uitgegeven" />
            {open ? (
              closing?.certificatesIssuedAt ? (
                <Undo step="certificates" label="deelnamebewijzen" />
              ) : (
                <Form method="post" className="stack" noValidate>
                  <input type="hidden" name="intent" value="certificates" />
                  <Field
                    label="Aantal bijeenkomsten dat iemand aanwezig moet zijn geweest"
                    name="requiredSessions"
                    inputMode="numeric"
                    required
                    defaultValue={
                      textValue(actionData?.values, "requiredSessions") ??
                      String(closing?.requiredSessions ?? data.heldSessions)
                    }
                    errors={actionData?.fieldErrors.requiredSessions}
                  />
                  <div>
                    <button type="submit">Deelnamebewijzen uitgeven</button>
                  </div>
                </Form>
              )
            ) : null}
            {closing?.certificatesIssuedAt ? (
              <p className="muted">Deelnemers downloaden hun eigen deelnamebewijs via de pagina van het leernetwerk.</p>
            ) : null}
          </section>
        </li>

        <li>
          <section aria-labelledby="stap-bewaartermijn">
            <h2 id="stap-bewaartermijn">Bewaartermijn</h2>
            <p>
              {retention.months} maanden nadat de bewaartermijn start, verwijderen we de journaals, intervisiecasussen
              en aantekeningen, opmerkingen bij zelfscans, teksten en bestanden van opdrachten van dit leernetwerk.
              Deelnemers krijgen eerder een e-mail met een link om hun gegevens te downloaden.
            </p>
            {closing?.retentionStartedAt && closing.retentionEndsAt ? (
              <p>
                <strong>Gestart</strong> op {formatDateTime(closing.retentionStartedAt)}. Verwijderen op{" "}
                {formatDate(closing.retentionEndsAt)}; e-mail aan de deelnemers vanaf {formatDate(retention.noticeAt)}.
              </p>
            ) : (
              <p>
                <strong>Nog niet gestart.</strong> Als je nu start: verwijderen op {formatDate(retention.endsAt)}.
              </p>
            )}
            {open ? (
              closing?.retentionStartedAt ? (
                <Undo step="retention" label="bewaartermijn" />
              ) : (
                <Done step="retention" label="Bewaartermijn starten" />
              )
            ) : null}
            <p>
              <Link to="/beheer/bewaartermijnen">Wat wordt wanneer verwijderd (alle leernetwerken)</Link>
            </p>
          </section>
        </li>

        <li>
          <section aria-labelledby="stap-archiveren">
            <h2 id="stap-archiveren">Archiveren</h2>
            <p>
              Na archiveren kan niemand meer iets veranderen in dit leernetwerk. De deelnemers kunnen alles nog lezen
              tot de bewaartermijn verloopt. Is de bewaartermijn nog niet gestart, dan start hij nu. Archiveren kun je
              niet terugdraaien.
            </p>
            {open ? (
              <Form method="post" className="stack" noValidate>
                <input type="hidden" name="intent" value="archive" />
                <div className="field checkbox-field">
                  <input
                    type="checkbox"
                    id="confirm-archive"
                    name="confirm"
                    aria-describedby={actionData?.fieldErrors.confirm ? "confirm-archive-error" : undefined}
                  />
                  <label htmlFor="confirm-archive">
                    Ik begrijp dat het leernetwerk daarna niet meer kan worden veranderd
                  </label>
                  {actionData?.fieldErrors.confirm ? (
                    <p className="field-error" id="confirm-archive-error">
                      {actionData.fieldErrors.confirm.join(" ")}
                    </p>
                  ) : null}
                </div>
                <div>
                  <button type="submit">Leernetwerk archiveren</button>
                </div>
              </Form>
            ) : archived ? (
              <p>
                <strong>Gearchiveerd.</strong>
              </p>
            ) : null}
          </section>
        </li>
      </ol>
      <p>
        <Link to={base}>Terug naar het leernetwerk</Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

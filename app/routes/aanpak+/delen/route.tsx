// /aanpak/delen: at the end of the cohort a duo may publish an anonymised summary of its approach in the
// knowledge base — chosen sections, edited before publishing, with themes and a title — and withdraw it
// again (the published copy is deleted). Both duo members see the state and the consent history. Publishing
// needs the consent of every member of the duo to the same text; the page names whose consent is missing.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { z } from "zod";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { requireRole } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ErrorSummary, Field, FormAlert, TextareaField } from "~/components/forms.tsx";
import { canvasSections } from "~/models/action-plan-sections.ts";
import { knowledgeThemeIds, knowledgeThemes } from "~/models/knowledge-rules.ts";
import { publishArticle, publishContext, withdrawArticle } from "~/models/knowledge.server.ts";
import { formatDateTime } from "~/utils/dates.ts";
import { confirmBox, formIntents, formList, type FormValues, listValue, parseForm, textValue } from "~/utils/forms.ts";
import { domainErrorReply, invalid, readForm } from "~/utils/forms.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = () => [{ title: "Delen in de kennisbank — Leernetwerk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "PARTICIPANT");
  const context = await publishContext(user);
  if (!context) return { context: null };
  // The names to check against stay on the server.
  const { names: _names, ...visible } = context;
  return { context: visible };
}

type PublishValues = {
  title: string;
  themes: string[];
  showMunicipality: boolean;
  consent: boolean;
  include: string[];
  texts: Record<string, string>;
};
/** What was submitted on the publish form, as the form's shape (also to fill it again after an error). */
function readValues(values: FormValues): PublishValues {
  const texts: Record<string, string> = {};
  for (const section of canvasSections) texts[section.id] = textValue(values, `text:${section.id}`) ?? "";
  return {
    title: textValue(values, "title") ?? "",
    themes: listValue(values, "themes"),
    showMunicipality: textValue(values, "showMunicipality") === "on",
    consent: textValue(values, "consent") === "on",
    include: canvasSections
      .filter((section) => textValue(values, `include:${section.id}`) === "on")
      .map((section) => section.id),
    texts,
  };
}

// The sections' check boxes and texts (include:<id>, text:<id>) are read with readValues.
const schema = formIntents({
  publish: z.object({ title: z.string().default(""), themes: formList(z.string()) }).passthrough(),
  withdraw: z.object({ confirm: confirmBox("Vink aan dat jullie de samenvatting uit de kennisbank willen halen.") }),
});

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "PARTICIPANT");
  const form = parseForm(schema, await readForm(request));
  if (!form.ok) return invalid(form.error);
  if (form.data.intent === "withdraw") {
    const withdrawn = await withdrawArticle(user);
    return redirectWithToast(
      "/aanpak/delen",
      withdrawn
        ? { title: "De samenvatting is uit de kennisbank verwijderd" }
        : { type: "info", title: "Er was geen samenvatting gedeeld" },
    );
  }
  const values = readValues(form.values);
  try {
    const result = await publishArticle(user, {
      consent: values.consent,
      title: values.title,
      themes: values.themes,
      showMunicipality: values.showMunicipality,
      sections: values.include.map((sectionId) => ({ sectionId, text: values.texts[sectionId] ?? "" })),
    });
    if (!result.article) {
      return redirectWithToast("/aanpak/delen", {
        title: "Je toestemming is vastgelegd",
        description: `De samenvatting wordt gedeeld als ook ${result.waitingFor.join(" en ")} toestemming geeft.`,
      });
    }
    return redirectWithToast("/aanpak/delen", {
      title: "Jullie samenvatting wacht op beoordeling",
      description: "Een coördinator leest hem. Na goedkeuring staat hij openbaar in de kennisbank.",
    });
  } catch (error) {
    return domainErrorReply(error, form.values);
  }
}

export default function PublishPage() {
  const { context } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  if (!context) {
    return (
      <>
        <h1>Delen in de kennisbank</h1>
        <p>Je doet (nog) niet mee aan een leernetwerk met een duo. Alleen duo&apos;s kunnen hun aanpak delen.</p>
        <p>
          <Link to="/kennisbank">Naar de kennisbank</Link>
        </p>
      </>
    );
  }
  const refused = actionData?.values.intent === "publish" ? actionData : null;
  const withdrawError = actionData?.values.intent === "withdraw" ? actionData.fieldErrors.confirm?.join(" ") : null;
  // The form starts from a pending proposal (so the other member consents to the same text), else the article.
  const proposal = context.proposal;
  const article = context.article;
  const shown = proposal ?? article;
  const values: PublishValues = refused
    ? readValues(refused.values)
    : {
        title: shown?.title ?? "",
        themes: shown?.themes ?? [],
        showMunicipality: Boolean(shown?.municipality),
        consent: false,
        include: shown
          ? shown.sections.map((section) => section.sectionId)
          : context.sections.filter((section) => section.text).map((section) => section.id),
        texts: Object.fromEntries(
          context.sections.map((section) => [
            section.id,
            shown?.sections.find((chosen) => chosen.sectionId === section.id)?.text ?? section.text,
          ]),
        ),
      };
  const errors = refused?.fieldErrors;
  return (
    <>
      <nav aria-label="Kruimelpad" className="breadcrumbs">
        <Link to="/aanpak">Aanpak</Link>
      </nav>
      <h1>Delen in de kennisbank</h1>
      <p className="lead">
        Aan het eind van het leernetwerk kunnen jullie een samenvatting van jullie aanpak delen in de openbare
        kennisbank, zodat andere gemeenten ervan leren. Jullie kiezen wat erin staat. Namen van mensen horen er niet in;
        de naam van jullie gemeente alleen als jullie dat willen. Een coördinator leest de samenvatting voordat hij
        openbaar wordt.
      </p>

      <section aria-labelledby="state-heading" className="panel">
        <h2 id="state-heading">Stand van zaken</h2>
        {proposal ? (
          <div data-testid="consent-state">
            <p>
              Er is een voorstel “{proposal.title}”. Het wordt pas gedeeld als iedereen van jullie duo toestemming geeft
              voor precies deze tekst.
            </p>
            <ul>
              {proposal.members.map((member) => (
                <li key={member.user.id}>
                  {member.user.name}:{" "}
                  {member.consentedAt
                    ? `toestemming gegeven op ${formatDateTime(member.consentedAt)}`
                    : "toestemming ontbreekt nog"}
                </li>
              ))}
            </ul>
            {proposal.missing.length ? (
              <p>
                <strong>Nog nodig: toestemming van {proposal.missing.join(" en ")}.</strong> Lees de tekst hieronder,
                vink de toestemming aan en kies “Delen in de kennisbank”. Pas je de tekst aan, dan moet de ander opnieuw
                toestemming geven.
              </p>
            ) : null}
          </div>
        ) : null}
        {article || proposal ? (
          <>
            {article?.reviewStatus === "APPROVED" ? (
              <p data-testid="publication-state">
                Openbaar in de kennisbank sinds {formatDateTime(article.publishedAt)}:{" "}
                <Link to={`/kennisbank/${article.id}`}>{article.title}</Link>
                {article.reviewNote ? ` (opmerking van de coördinator: “${article.reviewNote}”)` : null}
              </p>
            ) : article?.reviewStatus === "PENDING" ? (
              <p data-testid="publication-state">
                “{article.title}” wacht op beoordeling door een coördinator. Daarna staat hij openbaar in de kennisbank.
              </p>
            ) : article ? (
              <div data-testid="publication-state" className="alert alert-warning">
                <p>Een coördinator heeft “{article.title}” teruggestuurd. Hij staat niet in de kennisbank.</p>
                {article.reviewNote ? (
                  <p>
                    <strong>Reden:</strong> {article.reviewNote}
                  </p>
                ) : null}
                <p>Pas de tekst hieronder aan en deel hem opnieuw; dan moeten jullie allebei weer toestemming geven.</p>
              </div>
            ) : (
              <p data-testid="publication-state">Jullie hebben (nog) niets gedeeld.</p>
            )}
            <Form method="post" className="stack" noValidate>
              <input type="hidden" name="intent" value="withdraw" />
              <div className="checkbox-field">
                <input
                  type="checkbox"
                  id="confirm-withdraw"
                  name="confirm"
                  aria-describedby={withdrawError ? "confirm-withdraw-error" : undefined}
                />
                <label htmlFor="confirm-withdraw">
                  {article
                    ? "Ja, haal onze samenvatting uit de kennisbank (hij wordt verwijderd)"
                    : "Ja, trek het voorstel in (het wordt verwijderd)"}
                </label>
              </div>
              {withdrawError ? (
                <p className="field-error" id="confirm-withdraw-error">
                  {withdrawError}
                </p>
              ) : null}
              <div className="button-row">
                <button type="submit" className="button-danger" disabled={busy}>
                  Toestemming intrekken
                </button>
              </div>
            </Form>
          </>
        ) : (
          <p data-testid="publication-state">Jullie hebben (nog) niets gedeeld.</p>
        )}
        {context.consents.length ? (
          <>
            <h3>Geschiedenis van de toestemming</h3>
            <ul>
              {context.consents.map((event) => (
                <li key={event.id}>
                  {formatDateTime(event.createdAt)}:{" "}
                  {event.action === "GIVEN" ? "toestemming gegeven" : "toestemming ingetrokken"}
                  {event.user ? ` door ${event.user.name}` : ""} (“{event.title}”)
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      {!context.window.open ? (
        <section aria-labelledby="not-yet-heading">
          <h2 id="not-yet-heading">Nog niet mogelijk</h2>
          <p>{context.window.reason}</p>
        </section>
      ) : (
        <section aria-labelledby="form-heading">
          <h2 id="form-heading">{article ? "Samenvatting bijwerken" : "Samenvatting maken"}</h2>
          {!context.hasPlan ? (
            <p>
              Jullie aanpak is nog leeg. Vul eerst jullie <Link to="/aanpak">aanpak</Link> in.
            </p>
          ) : null}
          <ErrorSummary errors={errors} />
          <FormAlert message={refused?.formError} />
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="publish" />
            <Field
              label="Titel"
              name="title"
              defaultValue={values.title}
              maxLength={150}
              errors={errors?.title}
              hint="Bijvoorbeeld: Inwoners met schulden denken mee over armoedebeleid"
            />
            <fieldset className="fieldset" aria-describedby={errors?.themes ? "themes-error" : undefined}>
              <legend>Thema&apos;s</legend>
              <div className="checkbox-grid">
                {knowledgeThemeIds.map((theme) => (
                  <div className="checkbox-field" key={theme}>
                    <input
                      type="checkbox"
                      id={`theme-${theme}`}
                      name="themes"
                      value={theme}
                      defaultChecked={values.themes.includes(theme)}
                    />
                    <label htmlFor={`theme-${theme}`}>{knowledgeThemes[theme]}</label>
                  </div>
                ))}
              </div>
              {errors?.themes ? (
                <p className="field-error" id="themes-error">
                  {errors.themes.join(" ")}
                </p>
              ) : null}
            </fieldset>
            <div className="checkbox-field">
              <input
                type="checkbox"
                id="show-municipality"
                name="showMunicipality"
                defaultChecked={values.showMunicipality}
              />
              <label htmlFor="show-municipality">Noem de naam van onze gemeente ({context.municipality})</label>
            </div>
            <fieldset className="fieldset" aria-describedby={errors?.sections ? "sections-error" : undefined}>
              <legend>Onderdelen van jullie aanpak</legend>
              <p className="field-hint">
                Kies wat jullie delen en pas de tekst aan. Haal namen van mensen weg; we controleren dat ook.
              </p>
              {errors?.sections ? (
                <p className="field-error" id="sections-error">
                  {errors.sections.join(" ")}
                </p>
              ) : null}
              {context.sections.map((section) => (
                <div key={section.id} className="publish-section">
                  <div className="checkbox-field">
                    <input
                      type="checkbox"
                      id={`include-${section.id}`}
                      name={`include:${section.id}`}
                      defaultChecked={values.include.includes(section.id)}
                    />
                    <label htmlFor={`include-${section.id}`}>Neem “{section.title}” op</label>
                  </div>
                  <TextareaField
                    label={`Tekst voor “${section.title}”`}
                    name={`text:${section.id}`}
                    rows={6}
                    maxLength={10_000}
                    defaultValue={values.texts[section.id] ?? ""}
                    errors={errors?.[`text:${section.id}`]}
                  />
                </div>
              ))}
            </fieldset>
            <div className="checkbox-field">
              <input
                type="checkbox"
                id="consent"
                name="consent"
                defaultChecked={values.consent}
                aria-describedby={errors?.consent ? "consent-error" : undefined}
              />
              <label htmlFor="consent">
                Wij geven toestemming om deze samenvatting openbaar te delen in de kennisbank: iedereen kan hem lezen,
                ook zonder account. We kunnen dit altijd weer intrekken.
              </label>
            </div>
            {errors?.consent ? (
              <p className="field-error" id="consent-error">
                {errors.consent.join(" ")}
              </p>
            ) : null}
            <div className="button-row">
              <button type="submit" disabled={busy}>
                {article ? "Bijgewerkte samenvatting delen" : "Delen in de kennisbank"}
              </button>
            </div>
          </Form>
        </section>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

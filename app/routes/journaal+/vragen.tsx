// Facilitators: reflection questions ("prompts") for the participants of their cohorts, e.g. before a
// session. A prompt shows on the participants' start pages with a link to write about it in their journal.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { z } from "zod";
import { isUuid, requireRole } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ErrorSummary, FormAlert, SelectField, TextareaField } from "~/components/forms.tsx";
import { createPrompt, deletePrompt, facilitatorCohorts, listFacilitatorPrompts } from "~/models/journal.server.ts";
import { formatDate, formatDateTime } from "~/utils/dates.ts";
import { formIntents, parseForm } from "~/utils/forms.ts";
import { domainErrorReply, invalid, readForm } from "~/utils/forms.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = () => [{ title: "Reflectievragen — Leernetwerk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "FACILITATOR");
  const [cohorts, prompts] = await Promise.all([facilitatorCohorts(user), listFacilitatorPrompts(user)]);
  // ?groep=<id>: opened from an intervisie group's page, with that group chosen.
  const group = new URL(request.url).searchParams.get("groep");
  const preselectedGroup =
    cohorts
      .flatMap((cohort) => cohort.intervisionGroups.map((g) => ({ ...g, cohortId: cohort.id })))
      .find((g) => g.id === group) ?? null;
  return { cohorts, prompts, preselectedGroup };
}

const promptFields = z.object({
  cohortId: z.string().refine(isUuid, "Kies een leernetwerk."),
  sessionId: z
    .string()
    .default("")
    .refine((value) => value === "" || isUuid(value), "Kies een bijeenkomst uit de lijst."),
  groupId: z
    .string()
    .default("")
    .refine((value) => value === "" || isUuid(value), "Kies een intervisiegroep uit de lijst."),
  text: z
    .string({ required_error: "Schrijf de vraag op." })
    .trim()
    .min(5, "Schrijf de vraag op (minstens 5 tekens).")
    .max(1000, "De vraag mag maximaal 1000 tekens hebben."),
});

const schema = formIntents({
  create: promptFields,
  delete: z.object({ promptId: z.string().default("") }),
});

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "FACILITATOR");
  const form = parseForm(schema, await readForm(request));
  if (!form.ok) return invalid(form.error);
  const input = form.data;
  if (input.intent === "delete") {
    if (!isUuid(input.promptId) || !(await deletePrompt(user, input.promptId))) {
      return redirectWithToast("/journaal/vragen", { type: "error", title: "Deze vraag bestaat niet (meer)." });
    }
    return redirectWithToast("/journaal/vragen", {
      title: "De vraag is weggehaald",
      description: "Wat deelnemers erover schreven, blijft in hun journaal.",
    });
  }
  try {
    await createPrompt(user, {
      cohortId: input.cohortId,
      sessionId: input.sessionId || null,
      groupId: input.groupId || null,
      text: input.text,
    });
  } catch (error) {
    return domainErrorReply(error, form.values);
  }
  return redirectWithToast("/journaal/vragen", { title: "Je vraag staat nu op de startpagina van de deelnemers" });
}

export default function PromptsPage() {
  const { cohorts, prompts, preselectedGroup } = useLoaderData<typeof loader>();
  const groupChoices = cohorts.filter((cohort) => cohort.intervisionGroups.length > 0);
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const values = actionData?.values ?? {};
  return (
    <>
      <nav aria-label="Kruimelpad" className="breadcrumbs">
        <Link to="/journaal/gedeeld">Gedeelde journaals</Link>
      </nav>
      <h1>Reflectievragen</h1>
      <p>
        Stel de deelnemers van je leernetwerk een vraag om over te schrijven, bijvoorbeeld voor een bijeenkomst. De
        vraag staat op hun startpagina. Wat ze schrijven blijft privé, tenzij ze het zelf met de begeleiders delen.
      </p>
      {cohorts.length === 0 ? (
        <p>Je begeleidt nog geen leernetwerk.</p>
      ) : (
        <section aria-labelledby="new-prompt">
          <h2 id="new-prompt">Nieuwe vraag</h2>
          <ErrorSummary errors={actionData?.fieldErrors} />
          <FormAlert message={actionData?.formError} />
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="create" />
            <SelectField
              label="Leernetwerk"
              name="cohortId"
              required
              defaultValue={
                values.cohortId ?? preselectedGroup?.cohortId ?? (cohorts.length === 1 ? cohorts[0]!.id : "")
              }
              errors={actionData?.fieldErrors.cohortId}
            >
              {cohorts.length > 1 ? <option value="">— Kies een leernetwerk —</option> : null}
              {cohorts.map((cohort) => (
                <option key={cohort.id} value={cohort.id}>
                  {cohort.name}
                </option>
              ))}
            </SelectField>
            <SelectField
              label="Voor bijeenkomst (mag leeg blijven)"
              name="sessionId"
              defaultValue={values.sessionId ?? ""}
              errors={actionData?.fieldErrors.sessionId}
            >
              <option value="">— Geen bijeenkomst —</option>
              {cohorts.map((cohort) => (
                <optgroup key={cohort.id} label={cohort.name}>
                  {cohort.sessions.map((session) => (
                    <option key={session.id} value={session.id}>
                      Bijeenkomst {session.number}: {session.title} ({formatDate(session.startsAt)})
                    </option>
                  ))}
                </optgroup>
              ))}
            </SelectField>
            {groupChoices.length ? (
              <SelectField
                label="Voor wie"
                name="groupId"
                defaultValue={values.groupId ?? preselectedGroup?.id ?? ""}
                errors={actionData?.fieldErrors.groupId}
                hint="Een vraag voor je intervisiegroep zien alleen de leden van die groep."
              >
                <option value="">Alle deelnemers van het leernetwerk</option>
                {groupChoices.map((cohort) => (
                  <optgroup key={cohort.id} label={cohort.name}>
                    {cohort.intervisionGroups.map((group) => (
                      <option key={group.id} value={group.id}>
                        Alleen intervisie {group.name}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </SelectField>
            ) : null}
            <TextareaField
              label="Vraag"
              name="text"
              rows={3}
              required
              defaultValue={values.text ?? ""}
              errors={actionData?.fieldErrors.text}
              hint="Bijvoorbeeld: Wat heb je deze maand gemerkt van de leefwereld in je beleid?"
            />
            <div>
              <button type="submit" disabled={navigation.state === "submitting"}>
                Vraag plaatsen
              </button>
            </div>
          </Form>
        </section>
      )}
      <section aria-labelledby="posted">
        <h2 id="posted">Geplaatste vragen</h2>
        {prompts.length === 0 ? (
          <p>Er zijn nog geen vragen geplaatst.</p>
        ) : (
          <ul className="session-list">
            {prompts.map((prompt) => (
              <li key={prompt.id} className="card">
                <p>{prompt.text}</p>
                <p className="muted">
                  {prompt.cohort.name}
                  {prompt.intervisionGroup ? ` · alleen intervisie ${prompt.intervisionGroup.name}` : ""}
                  {prompt.session ? ` · bijeenkomst ${prompt.session.number}: ${prompt.session.title}` : ""} ·{" "}
                  {formatDateTime(prompt.createdAt)}
                  {prompt.author ? ` · door ${prompt.author.name}` : ""}
                </p>
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="delete" />
                  <input type="hidden" name="promptId" value={prompt.id} />
                  <button type="submit" className="button-link">
                    Weghalen<span className="visually-hidden"> (vraag van {formatDateTime(prompt.createdAt)})</span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

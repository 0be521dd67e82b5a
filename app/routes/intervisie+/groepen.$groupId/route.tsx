// An intervisie group, for its members and facilitators only (everyone else, coordinators included: 404):
// the members and facilitators, the group's agreements (edited by a facilitator, accepted by each member once
// per version) and the meetings; a facilitator plans a new meeting here.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { z } from "zod";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { requireIntervisionGroup } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ErrorSummary, Field, FormAlert, SelectField, TextareaField } from "~/components/forms.tsx";
import { MarkdocText } from "~/components/markdoc-text.tsx";
import { getMethods } from "~/content/methods.server.ts";
import { agreementsSchema, checkMeeting, meetingFields } from "~/models/intervision-forms.ts";
import { acceptAgreements, planMeeting, updateAgreements } from "~/models/intervision.server.ts";
import { amsterdamTime, formatDateTime, formatSessionTime } from "~/utils/dates.ts";
import { formIntents, parseForm, textValue } from "~/utils/forms.ts";
import { domainErrorReply, invalid, readForm } from "~/utils/forms.server.ts";
import { forbidden, invariantResponse } from "~/utils/http.server.ts";
import { aantal } from "~/utils/plural.ts";
import { renderText } from "~/utils/markdoc-text.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.group.name} — Intervisie — Leernetwerk` : "Intervisie — Leernetwerk" },
];

const NOT_FOUND = "Deze intervisiegroep bestaat niet of je hoort er niet bij.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { group } = await requireIntervisionGroup(request, params.groupId);
  return {
    group: { ...group, agreementsTree: renderText(group.agreements) },
    methods: getMethods().map((method) => ({ slug: method.slug, title: method.title, minutes: method.minutes })),
    now: new Date(),
  };
}

const schema = formIntents({
  accept: z.object({}),
  agreements: agreementsSchema,
  plan: meetingFields,
}).superRefine((data, ctx) => {
  if (data.intent === "plan") checkMeeting(data, ctx);
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, group } = await requireIntervisionGroup(request, params.groupId);
  const form = parseForm(schema, await readForm(request));
  if (!form.ok) return invalid(form.error);
  const { data: input, values } = form;
  const here = `/intervisie/groepen/${group.id}`;
  if (input.intent === "accept") {
    if (!group.isMember) throw forbidden("Alleen leden van de groep accepteren de afspraken.");
    await acceptAgreements(user, group.id);
    return redirectWithToast(here, { title: "Je hebt de afspraken geaccepteerd" });
  }
  if (!group.isFacilitator) throw forbidden("Alleen de begeleider van de groep kan dit doen.");
  if (input.intent === "agreements") {
    await updateAgreements(user, group.id, input.agreements);
    return redirectWithToast(here, {
      title: "De afspraken zijn aangepast",
      description: "Elk lid accepteert de nieuwe versie opnieuw.",
    });
  }
  try {
    const meeting = await planMeeting(user, group.id, {
      sessionId: input.sessionId || null,
      startsAt: amsterdamTime(input.date, input.start),
      endsAt: amsterdamTime(input.date, input.end),
      location: input.location || null,
      meetingUrl: input.meetingUrl || null,
      methodSlug: input.methodSlug || null,
    });
    invariantResponse(meeting, NOT_FOUND);
    return redirectWithToast(`/intervisie/bijeenkomsten/${meeting.id}`, { title: "De bijeenkomst is gepland" });
  } catch (error) {
    return domainErrorReply(error, values);
  }
}

export default function GroupPage() {
  const { group, methods, now } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const planErrors = actionData?.values.intent === "plan" ? actionData.fieldErrors : undefined;
  const planValues = actionData?.values.intent === "plan" ? actionData.values : undefined;
  const upcoming = group.meetings.filter((meeting) => !meeting.finishedAt && new Date(meeting.endsAt) >= new Date(now));
  const past = group.meetings.filter((meeting) => !upcoming.includes(meeting));
  return (
    <>
      <nav aria-label="Kruimelpad" className="breadcrumbs">
        <Link to="/intervisie">Intervisie</Link>
      </nav>
      <h1>{group.name}</h1>
      <p className="muted">{group.cohort.name}</p>

      <section aria-labelledby="wie">
        <h2 id="wie">Wie zitten erin</h2>
        <p>
          <strong>Begeleiding:</strong>{" "}
          {group.facilitators
            .map(
              (facilitator) =>
                `${facilitator.user.name}${facilitator.user.title ? ` (${facilitator.user.title})` : ""}`,
            )
            .join(", ")}
        </p>
        <ul className="person-list" aria-label="Leden">
          {group.members.map((member) => (
            <li key={member.userId}>
              {member.name}
              {member.municipality ? <span className="muted"> · {member.municipality}</span> : null}{" "}
              {member.acceptedCurrent ? (
                <span className="badge badge-success">Afspraken geaccepteerd</span>
              ) : (
                <span className="badge badge-warning">Afspraken nog niet geaccepteerd</span>
              )}
            </li>
          ))}
        </ul>
        {group.isFacilitator ? (
          <p>
            <Link to={`/journaal/vragen?groep=${group.id}`}>Een reflectievraag aan deze groep stellen</Link> (voor in
            hun journaal)
          </p>
        ) : null}
      </section>

      <section aria-labelledby="afspraken" className="panel">
        <h2 id="afspraken">Afspraken van de groep</h2>
        <p className="muted">Versie {group.agreementsVersion}</p>
        <MarkdocText tree={group.agreementsTree} />
        {group.isMember ? (
          group.acceptedCurrent ? (
            <p data-testid="agreements-status">Je hebt deze afspraken geaccepteerd.</p>
          ) : (
            <Form method="post">
              <input type="hidden" name="intent" value="accept" />
              <button type="submit" disabled={busy}>
                Ik accepteer deze afspraken
              </button>
            </Form>
          )
        ) : null}
        {group.isFacilitator ? (
          <details open={actionData?.values.intent === "agreements"}>
            <summary>Afspraken aanpassen</summary>
            <Form method="post" className="stack" noValidate>
              <input type="hidden" name="intent" value="agreements" />
              <TextareaField
                label="Afspraken"
                name="agreements"
                rows={8}
                defaultValue={
                  actionData?.values.intent === "agreements"
                    ? textValue(actionData.values, "agreements")
                    : group.agreements
                }
                errors={actionData?.values.intent === "agreements" ? actionData.fieldErrors.agreements : undefined}
                hint="Na het opslaan accepteert elk lid de nieuwe versie opnieuw. Een regel die begint met - wordt een opsomming."
              />
              <div>
                <button type="submit" disabled={busy}>
                  Afspraken opslaan
                </button>
              </div>
            </Form>
          </details>
        ) : null}
      </section>

      <section aria-labelledby="bijeenkomsten">
        <h2 id="bijeenkomsten">Bijeenkomsten</h2>
        {upcoming.length === 0 && past.length === 0 ? <p>Er zijn nog geen bijeenkomsten gepland.</p> : null}
        {upcoming.length ? (
          <>
            <h3>Gepland</h3>
            <ul>
              {upcoming.map((meeting) => (
                <li key={meeting.id}>
                  <Link to={`/intervisie/bijeenkomsten/${meeting.id}`}>
                    {formatSessionTime(meeting.startsAt, meeting.endsAt)}
                  </Link>
                  {meeting.session ? (
                    <span className="muted"> · tijdens bijeenkomst {meeting.session.number}</span>
                  ) : null}
                  <span className="muted"> · {aantal(meeting._count.cases, "casus", "casussen")} ingebracht</span>
                  {meeting.startedAt ? <span className="badge badge-success"> Nu bezig</span> : null}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {past.length ? (
          <>
            <h3>Geweest</h3>
            <ul>
              {past.map((meeting) => (
                <li key={meeting.id}>
                  <Link to={`/intervisie/bijeenkomsten/${meeting.id}`}>{formatDateTime(meeting.startsAt)}</Link>
                  {meeting.finishedAt ? <span className="muted"> · afgerond</span> : null}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      {group.isFacilitator ? (
        <section aria-labelledby="plannen" className="panel">
          <h2 id="plannen">Een bijeenkomst plannen</h2>
          <ErrorSummary errors={planErrors} />
          <FormAlert message={actionData?.values.intent === "plan" ? actionData.formError : null} />
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="plan" />
            <SelectField
              label="Tijdens een bijeenkomst van het leernetwerk (mag leeg)"
              name="sessionId"
              defaultValue={planValues?.sessionId ?? ""}
              errors={planErrors?.sessionId}
            >
              <option value="">Los van de bijeenkomsten</option>
              {group.cohort.sessions.map((session) => (
                <option key={session.id} value={session.id}>
                  Bijeenkomst {session.number}: {session.title} ({formatDateTime(session.startsAt)})
                </option>
              ))}
            </SelectField>
            <Field
              label="Datum"
              name="date"
              type="date"
              required
              defaultValue={planValues?.date ?? ""}
              errors={planErrors?.date}
            />
            <Field
              label="Begintijd"
              name="start"
              type="time"
              required
              defaultValue={planValues?.start ?? ""}
              errors={planErrors?.start}
            />
            <Field
              label="Eindtijd"
              name="end"
              type="time"
              required
              defaultValue={planValues?.end ?? ""}
              errors={planErrors?.end}
            />
            <Field
              label="Plaats"
              name="location"
              defaultValue={planValues?.location ?? ""}
              errors={planErrors?.location}
              hint="Een plaats, een link of allebei."
            />
            <Field
              label="Link (online)"
              name="meetingUrl"
              type="url"
              defaultValue={planValues?.meetingUrl ?? ""}
              errors={planErrors?.meetingUrl}
            />
            <SelectField
              label="Methode (kan later)"
              name="methodSlug"
              defaultValue={planValues?.methodSlug ?? ""}
              errors={planErrors?.methodSlug}
            >
              <option value="">Nog niet gekozen</option>
              {methods.map((method) => (
                <option key={method.slug} value={method.slug}>
                  {method.title} (ongeveer {method.minutes} minuten)
                </option>
              ))}
            </SelectField>
            <div>
              <button type="submit" disabled={busy}>
                Bijeenkomst plannen
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

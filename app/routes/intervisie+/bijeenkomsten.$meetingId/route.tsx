// One intervisie meeting, for the group's members and facilitators only (everyone else: 404). Members
// propose a case beforehand (case intake); the facilitator chooses the case(s) and the method, records who
// was there and opens the live view to run the meeting.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { z } from "zod";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { isUuid, requireIntervisionMeeting } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { SelectField } from "~/components/forms.tsx";
import { getMethods } from "~/content/methods.server.ts";
import { caseSchema } from "~/models/intervision-forms.ts";
import { proposeCase, recordAttendance, setCaseChosen, setMethod } from "~/models/intervision.server.ts";
import { formatSessionTime } from "~/utils/dates.ts";
import { formIntents, formList, parseForm } from "~/utils/forms.ts";
import { domainErrorReply, invalid, readForm } from "~/utils/forms.server.ts";
import { forbidden } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { ProposeCaseForm } from "./propose-case.tsx";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Intervisie ${data.meeting.group.name} — Leernetwerk` : "Intervisie — Leernetwerk" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, meeting } = await requireIntervisionMeeting(request, params.meetingId);
  return {
    meeting,
    userId: user.id,
    methods: getMethods().map((method) => ({ slug: method.slug, title: method.title, minutes: method.minutes })),
  };
}

const caseChoice = z.object({ caseId: z.string().default("") });

const schema = formIntents({
  propose: caseSchema,
  method: z.object({ methodSlug: z.string().default("") }),
  choose: caseChoice,
  unchoose: caseChoice,
  attendance: z.object({ present: formList(z.string()) }),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, meeting } = await requireIntervisionMeeting(request, params.meetingId);
  const form = parseForm(schema, await readForm(request));
  if (!form.ok) return invalid(form.error);
  const { data: input, values } = form;
  const here = `/intervisie/bijeenkomsten/${meeting.id}`;
  if (input.intent === "propose") {
    if (!meeting.isMember) throw forbidden("Alleen leden van de groep brengen een casus in.");
    try {
      await proposeCase(user, meeting.id, {
        title: input.title,
        situation: input.situation,
        question: input.question,
        wish: input.wish,
      });
    } catch (error) {
      return domainErrorReply(error, values, { field: "form" });
    }
    return redirectWithToast(here, {
      title: "Je casus is ingebracht",
      description: "De begeleider kiest welke casus besproken wordt.",
    });
  }
  if (!meeting.isFacilitator) throw forbidden("Alleen de begeleider van de groep kan dit doen.");
  switch (input.intent) {
    case "method":
      try {
        await setMethod(user, meeting.id, input.methodSlug);
      } catch (error) {
        return domainErrorReply(error, values, { field: "methodSlug" });
      }
      return redirectWithToast(here, { title: "De methode is gekozen" });
    case "choose":
    case "unchoose":
      if (!isUuid(input.caseId) || !(await setCaseChosen(user, meeting.id, input.caseId, input.intent === "choose"))) {
        return redirectWithToast(here, { type: "error", title: "Deze casus kan niet (meer) worden gekozen." });
      }
      return redirectWithToast(here, {
        title: input.intent === "choose" ? "De casus is gekozen" : "De casus staat weer bij de voorstellen",
      });
    case "attendance":
      await recordAttendance(user, meeting.id, input.present);
      return redirectWithToast(here, { title: "De aanwezigheid is opgeslagen" });
  }
}

const phaseLabels = { "not-started": "Nog niet begonnen", running: "Nu bezig", finished: "Afgerond" } as const;

export default function MeetingPage() {
  const { meeting, userId, methods } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const chosen = meeting.cases.filter((item) => item.status === "CHOSEN");
  const proposed = meeting.cases.filter((item) => item.status === "PROPOSED");
  const attendance = new Map(meeting.attendances.map((row) => [row.userId, row.present]));
  return (
    <>
      <nav aria-label="Kruimelpad" className="breadcrumbs">
        <Link to="/intervisie">Intervisie</Link> ›{" "}
        <Link to={`/intervisie/groepen/${meeting.group.id}`}>{meeting.group.name}</Link>
      </nav>
      <h1>Intervisie {meeting.group.name}</h1>
      <p>
        {formatSessionTime(meeting.startsAt, meeting.endsAt)}{" "}
        <span className="badge">{phaseLabels[meeting.phase]}</span>
      </p>
      <ul className="plain-list">
        {meeting.session ? (
          <li>
            Tijdens bijeenkomst {meeting.session.number}: {meeting.session.title}
          </li>
        ) : null}
        {meeting.location ? <li>Plaats: {meeting.location}</li> : null}
        {meeting.meetingUrl ? (
          <li>
            Link: <a href={meeting.meetingUrl}>{meeting.meetingUrl}</a>
          </li>
        ) : null}
        <li>
          Methode:{" "}
          {meeting.method ? (
            <Link to={`/intervisie/methoden/${meeting.method.slug}`}>{meeting.method.title}</Link>
          ) : (
            "nog niet gekozen"
          )}
        </li>
      </ul>

      {meeting.method && meeting.phase !== "finished" ? (
        <p>
          <Link to={`/intervisie/bijeenkomsten/${meeting.id}/live`} className="button">
            {meeting.isFacilitator ? "Bijeenkomst leiden" : "Meekijken met de bijeenkomst"}
          </Link>
        </p>
      ) : null}
      {meeting.phase === "finished" ? (
        <p>
          <Link to={`/intervisie/bijeenkomsten/${meeting.id}/live`}>Terugkijken: stappen en notities</Link>
        </p>
      ) : null}

      {meeting.isFacilitator && meeting.phase === "not-started" ? (
        <section aria-labelledby="methode-kiezen" className="panel">
          <h2 id="methode-kiezen">Methode kiezen</h2>
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="method" />
            <SelectField
              label="Methode"
              name="methodSlug"
              defaultValue={meeting.method?.slug ?? ""}
              errors={actionData?.values.intent === "method" ? actionData.fieldErrors.methodSlug : undefined}
            >
              <option value="">— Kies een methode —</option>
              {methods.map((method) => (
                <option key={method.slug} value={method.slug}>
                  {method.title} (ongeveer {method.minutes} minuten)
                </option>
              ))}
            </SelectField>
            <div>
              <button type="submit" disabled={busy}>
                Methode opslaan
              </button>
            </div>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="casussen">
        <h2 id="casussen">Casussen</h2>
        <p className="muted">
          Casussen zijn alleen zichtbaar voor de groep en de begeleiding. De inbrenger kan een casus altijd verwijderen.
        </p>
        {meeting.cases.length === 0 ? <p>Er is nog geen casus ingebracht.</p> : null}
        {[
          { title: "Gekozen om te bespreken", list: chosen },
          { title: "Voorgesteld", list: proposed },
        ].map(({ title, list }) =>
          list.length ? (
            <div key={title}>
              <h3>{title}</h3>
              <ul className="card-list">
                {list.map((item) => (
                  <li key={item.id} className="card">
                    <h4>
                      <Link to={`/intervisie/casussen/${item.id}`}>{item.title}</Link>
                    </h4>
                    <p className="muted">Ingebracht door {item.author.id === userId ? "jou" : item.author.name}</p>
                    <p>
                      <strong>Vraag:</strong> {item.question}
                    </p>
                    {meeting.isFacilitator && meeting.phase !== "finished" ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value={item.status === "CHOSEN" ? "unchoose" : "choose"} />
                        <input type="hidden" name="caseId" value={item.id} />
                        <button type="submit" className="button-secondary button-small" disabled={busy}>
                          {item.status === "CHOSEN" ? "Terugzetten" : "Kiezen"}
                          <span className="visually-hidden"> ({item.title})</span>
                        </button>
                      </Form>
                    ) : null}
                  </li>
                ))}
              </ul>
            </div>
          ) : null,
        )}
      </section>

      {meeting.isMember && meeting.phase !== "finished" ? (
        <ProposeCaseForm
          busy={busy}
          readers={[...meeting.group.members, ...meeting.group.facilitators]
            .filter((person) => person.userId !== userId)
            .map((person) => person.user.name)}
        />
      ) : null}

      <section aria-labelledby="aanwezig">
        <h2 id="aanwezig">Aanwezigheid</h2>
        {meeting.isFacilitator ? (
          <Form method="post">
            <input type="hidden" name="intent" value="attendance" />
            <fieldset>
              <legend>Wie was er?</legend>
              {meeting.group.members.map((member) => (
                <div key={member.userId} className="checkbox-field">
                  <input
                    type="checkbox"
                    id={`present-${member.userId}`}
                    name="present"
                    value={member.userId}
                    defaultChecked={attendance.get(member.userId) ?? false}
                  />
                  <label htmlFor={`present-${member.userId}`}>{member.user.name}</label>
                </div>
              ))}
            </fieldset>
            <p>
              <button type="submit" className="button-secondary" disabled={busy}>
                Aanwezigheid opslaan
              </button>
            </p>
          </Form>
        ) : attendance.size ? (
          <p>
            Aanwezig:{" "}
            {meeting.group.members
              .filter((member) => attendance.get(member.userId))
              .map((member) => member.user.name)
              .join(", ")}
          </p>
        ) : (
          <p className="muted">De begeleider houdt de aanwezigheid bij.</p>
        )}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

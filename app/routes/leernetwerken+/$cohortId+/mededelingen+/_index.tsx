// Announcements (mededelingen) of a cohort (issue 19): everyone in the cohort reads the ones meant for them;
// its coordinators and facilitators write a new one, to the whole cohort, the duos of one session or one
// intervisie group. The audience hears of it in their inbox, and by e-mail as their preference says.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { z } from "zod";
import { requireCohortMember, requireCohortStaff } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ErrorSummary, Field, FormAlert, SelectField, TextareaField } from "~/components/forms.tsx";
import {
  type AnnouncementAudience,
  announcementAudiences,
  audienceLabel,
  createAnnouncement,
  listAnnouncements,
} from "~/models/announcement.server.ts";
import { cohortPage, cohortTitle } from "~/utils/cohort-page.ts";
import { formatDateTime } from "~/utils/dates.ts";
import { formIntents, parseForm, requiredText, textValue } from "~/utils/forms.ts";
import { domainErrorReply, invalid, readForm } from "~/utils/forms.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { personName } from "~/utils/deleted-person.ts";
import { aantal } from "~/utils/plural.ts";

export const handle = cohortPage<typeof loader>({ breadcrumb: () => [{ label: "Mededelingen" }] });

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? cohortTitle(matches, "Mededelingen") : "Mededelingen — Leernetwerk" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, relation, cohortId } = await requireCohortMember(request, params.cohortId);
  const isStaff = relation !== "participant";
  const [announcements, audiences] = await Promise.all([
    listAnnouncements(cohortId, { id: user.id, relation }),
    isStaff ? announcementAudiences(cohortId) : null,
  ]);
  return {
    cohortId,
    audiences,
    announcements: announcements.map((announcement) => ({
      id: announcement.id,
      title: announcement.title,
      author: personName(announcement.author),
      audience: audienceLabel(announcement),
      // Formatted on the server, so the browser renders the same text.
      when: formatDateTime(announcement.createdAt),
    })),
  };
}

const AUDIENCE = /^(cohort|session:[0-9a-f-]{36}|group:[0-9a-f-]{36})$/i;

const schema = formIntents({
  create: z.object({
    title: requiredText(1, 150, "Geef de mededeling een titel.", "De titel mag maximaal 150 tekens hebben."),
    body: requiredText(1, 5000, "Schrijf wat je wilt laten weten.", "De tekst mag maximaal 5000 tekens hebben."),
    audience: z
      .string({ required_error: "Kies aan wie de mededeling is." })
      .regex(AUDIENCE, "Kies aan wie de mededeling is."),
  }),
});

function readAudience(value: string): AnnouncementAudience {
  const [kind, id] = value.split(":");
  if (kind === "session" && id) return { kind: "session", sessionId: id };
  if (kind === "group" && id) return { kind: "group", groupId: id };
  return { kind: "cohort" };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, cohortId, cohort } = await requireCohortStaff(request, params.cohortId);
  const form = parseForm(schema, await readForm(request));
  if (!form.ok) return invalid(form.error);
  const { data: input, values } = form;
  try {
    const { id, recipients } = await createAnnouncement(user, cohort, {
      title: input.title,
      body: input.body,
      audience: readAudience(input.audience),
    });
    return redirectWithToast(`/leernetwerken/${cohortId}/mededelingen/${id}`, {
      title: `De mededeling is verstuurd naar ${aantal(recipients, "persoon", "personen")}`,
    });
  } catch (error) {
    return domainErrorReply(error, values, { field: "audience" });
  }
}

export default function AnnouncementsPage() {
  const { cohortId, audiences, announcements } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <h1>Mededelingen</h1>
      {announcements.length === 0 ? (
        <p>Er zijn nog geen mededelingen.</p>
      ) : (
        <ul className="inbox-list">
          {announcements.map((announcement) => (
            <li key={announcement.id}>
              <Link to={`/leernetwerken/${cohortId}/mededelingen/${announcement.id}`}>{announcement.title}</Link>
              <br />
              <span className="muted">
                {announcement.author} · {announcement.when} · {announcement.audience}
              </span>
            </li>
          ))}
        </ul>
      )}
      {audiences ? (
        <section aria-labelledby="nieuwe-mededeling">
          <h2 id="nieuwe-mededeling">Nieuwe mededeling</h2>
          <p>
            Iedereen aan wie je schrijft ziet de mededeling bij Meldingen en krijgt een e-mail, zoals ieder dat heeft
            gekozen.
          </p>
          <FormAlert message={actionData?.formError} />
          <ErrorSummary errors={actionData?.fieldErrors} />
          <Form method="post" className="stack form-narrow" noValidate>
            <input type="hidden" name="intent" value="create" />
            <SelectField
              label="Aan wie"
              name="audience"
              required
              defaultValue={textValue(actionData?.values, "audience") ?? ""}
              errors={actionData?.fieldErrors.audience}
            >
              <option value="">— Kies aan wie —</option>
              <option value="cohort">Het hele leernetwerk</option>
              {audiences.sessions.length > 0 ? (
                <optgroup label="De deelnemers van een bijeenkomst">
                  {audiences.sessions.map((session) => (
                    <option key={session.id} value={`session:${session.id}`}>
                      Bijeenkomst {session.number}: {session.title}
                    </option>
                  ))}
                </optgroup>
              ) : null}
              {audiences.groups.length > 0 ? (
                <optgroup label="Een intervisiegroep">
                  {audiences.groups.map((group) => (
                    <option key={group.id} value={`group:${group.id}`}>
                      {group.name}
                    </option>
                  ))}
                </optgroup>
              ) : null}
            </SelectField>
            <Field
              label="Titel"
              name="title"
              required
              maxLength={150}
              defaultValue={textValue(actionData?.values, "title") ?? ""}
              errors={actionData?.fieldErrors.title}
            />
            <TextareaField
              label="Mededeling"
              name="body"
              required
              rows={6}
              defaultValue={textValue(actionData?.values, "body") ?? ""}
              errors={actionData?.fieldErrors.body}
            />
            <div>
              <button type="submit">Mededeling versturen</button>
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

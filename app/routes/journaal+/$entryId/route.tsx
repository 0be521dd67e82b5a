// One journal entry with its conversation. Anyone the entry is shared with may read and answer it; only the
// author sees who can read it, changes or withdraws the sharing (with its history), edits and deletes it.
// An entry not shared with you is a 404, the same as one that does not exist.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { isUuid, requireUser } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { MarkdocText } from "~/components/markdoc-text.tsx";
import { TextareaField } from "~/components/forms.tsx";
import type { JournalAudience } from "~/generated/prisma/enums.ts";
import {
  addReply,
  deleteEntry,
  getEntryForViewer,
  JournalError,
  offeredAudiences,
  readersDescription,
  setAudience,
} from "~/models/journal.server.ts";
import { formatDate, formatDateTime } from "~/utils/dates.ts";
import { parseForm } from "~/utils/forms.ts";
import { invariantResponse, notFound } from "~/utils/http.server.ts";
import { journalAudienceLabels, roleLabels } from "~/utils/labels.ts";
import { renderText } from "~/utils/markdoc-text.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.entry.title || "Journaalstuk"} — Journaal — Leernetwerk` : "Journaal — Leernetwerk" },
];

async function loadEntry(request: Request, entryId: string | undefined) {
  const user = await requireUser(request);
  if (!isUuid(entryId)) throw notFound("Dit journaalstuk bestaat niet of is niet met je gedeeld.");
  const entry = await getEntryForViewer(user, entryId);
  invariantResponse(entry, "Dit journaalstuk bestaat niet of is niet met je gedeeld.");
  return { user, entry };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { entry } = await loadEntry(request, params.entryId);
  const { body, replies, enrollment, ...rest } = entry;
  // What each choice would mean, in names, so the author knows before choosing.
  const audienceChoices = entry.isAuthor
    ? offeredAudiences
        .filter((audience) => audience === "PRIVATE" || enrollment)
        // "Mijn intervisiegroep" only for an author who is in a group.
        .filter((audience) => audience !== "GROUP" || entry.authorGroups.length > 0)
        .map((audience) => ({ audience, readers: readersDescription(audience, enrollment, entry.authorGroups) }))
    : [];
  return {
    entry: {
      ...rest,
      bodyTree: renderText(body),
      replies: replies.map(({ body: replyBody, ...reply }) => ({ ...reply, bodyTree: renderText(replyBody) })),
      cohortName: enrollment?.cohort.name ?? null,
    },
    audienceChoices,
  };
}

const replySchema = z.object({
  body: z.string({ required_error: "Schrijf een reactie." }).trim().min(1, "Schrijf een reactie.").max(10_000, "Je reactie mag maximaal 10.000 tekens hebben."),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, entry } = await loadEntry(request, params.entryId);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const here = `/journaal/${entry.id}`;
  if (intent === "reply") {
    const parsed = parseForm(replySchema, formData);
    if (!parsed.ok) return data({ intent: "reply" as const, errors: parsed.errors, values: parsed.values }, { status: 400 });
    const reply = await addReply(user, entry.id, parsed.data.body);
    invariantResponse(reply, "Dit journaalstuk bestaat niet of is niet met je gedeeld.");
    return redirectWithToast(`${here}#reactie-${reply.id}`, { title: "Je reactie is geplaatst" });
  }
  // Everything below is for the author only.
  if (!entry.isAuthor) throw new Response("Alleen de schrijver kan dit doen.", { status: 403 });
  if (intent === "share") {
    const audience = String(formData.get("audience") ?? "");
    if (!(offeredAudiences as readonly string[]).includes(audience)) {
      return data({ intent: "share" as const, errors: { audience: ["Kies met wie je dit stuk deelt."] }, values: { audience } }, { status: 400 });
    }
    try {
      await setAudience(user, entry.id, audience as JournalAudience);
    } catch (error) {
      if (error instanceof JournalError) return data({ intent: "share" as const, errors: { audience: [error.message] }, values: { audience } }, { status: 400 });
      throw error;
    }
    return redirectWithToast(here, {
      title: audience === "PRIVATE" ? "Dit stuk is weer privé" : "Je hebt gekozen met wie je dit stuk deelt",
      description: readersDescription(audience as JournalAudience, entry.enrollment, entry.authorGroups),
    });
  }
  if (intent === "delete") {
    if (formData.get("confirm") !== "ja") {
      return data({ intent: "delete" as const, errors: { confirm: ["Vink aan dat je dit stuk echt wilt verwijderen."] }, values: {} }, { status: 400 });
    }
    await deleteEntry(user, entry.id);
    return redirectWithToast("/journaal", { title: "Het journaalstuk en de reacties zijn verwijderd" });
  }
  throw new Response("Onbekende actie", { status: 400 });
}

export default function JournalEntryPage() {
  const { entry, audienceChoices } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const title = entry.title || `Journaalstuk van ${formatDate(entry.writtenOn)}`;
  return (
    <>
      <nav aria-label="Kruimelpad" className="breadcrumbs">
        {entry.isAuthor ? <Link to="/journaal">Journaal</Link> : <Link to="/journaal/gedeeld">Gedeelde journaals</Link>}
      </nav>
      <article className="journal-entry" aria-labelledby="entry-title">
        <h1 id="entry-title">{title}</h1>
        <p className="muted">
          {entry.isAuthor ? "Jouw stuk" : `Van ${entry.author.name}`} · {formatDate(entry.writtenOn)}
          {entry.cohortName ? ` · ${entry.cohortName}` : ""}
        </p>
        {entry.tags.length ? (
          <ul className="tag-list" aria-label="Labels">
            {entry.tags.map((tag) => (
              <li key={tag} className="badge">
                {tag}
              </li>
            ))}
          </ul>
        ) : null}
        {entry.reflectie ? (
          <div className="reflectie">
            <p className="box-label">
              <strong>Reflectievraag</strong>
            </p>
            <p>{entry.reflectie.text}</p>
            <p className="muted">
              Uit de les <Link to={entry.reflectie.lesson.href}>{entry.reflectie.lesson.title}</Link>
            </p>
          </div>
        ) : null}
        {entry.prompt ? (
          <div className="reflectie">
            <p className="box-label">
              <strong>Vraag van {entry.prompt.author?.name ?? "je begeleider"}</strong>
            </p>
            <p>{entry.prompt.text}</p>
          </div>
        ) : null}
        {entry.session ? (
          <p>
            Hoort bij{" "}
            <Link to={`/leernetwerken/${entry.session.cohortId}/bijeenkomsten/${entry.session.id}`}>
              bijeenkomst {entry.session.number}: {entry.session.title}
            </Link>
          </p>
        ) : null}
        {entry.intervisionMeeting ? (
          <p>
            Wat ik meeneem uit{" "}
            <Link to={`/intervisie/bijeenkomsten/${entry.intervisionMeeting.id}`}>
              de intervisie van {entry.intervisionMeeting.group.name} op {formatDate(entry.intervisionMeeting.startsAt)}
            </Link>
          </p>
        ) : null}
        <MarkdocText tree={entry.bodyTree} />
        {entry.isAuthor ? (
          <p>
            <Link to={`/journaal/schrijven/${entry.id}`}>Bewerken</Link>
          </p>
        ) : null}
      </article>

      {entry.isAuthor ? (
        <section aria-labelledby="sharing-heading" className="panel">
          <h2 id="sharing-heading">Wie kan dit lezen?</h2>
          <p className="readers" data-testid="readers">
            <strong>{entry.readers}</strong>
          </p>
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="share" />
            <fieldset>
              <legend>Delen</legend>
              {audienceChoices.map((choice) => (
                <div key={choice.audience} className="radio">
                  <input
                    type="radio"
                    id={`audience-${choice.audience}`}
                    name="audience"
                    value={choice.audience}
                    defaultChecked={entry.audience === choice.audience}
                    aria-describedby={`audience-${choice.audience}-hint`}
                  />
                  <div>
                    <label htmlFor={`audience-${choice.audience}`}>{journalAudienceLabels[choice.audience]}</label>
                    <p className="field-hint" id={`audience-${choice.audience}-hint`}>
                      {choice.readers}
                    </p>
                  </div>
                </div>
              ))}
              {audienceChoices.length === 1 ? (
                <p className="muted">Je doet (nog) niet mee aan een leernetwerk, dus dit stuk kan alleen privé blijven.</p>
              ) : null}
              {actionData?.intent === "share" && actionData.errors.audience ? (
                <p className="field-error" role="alert">
                  {actionData.errors.audience.join(" ")}
                </p>
              ) : null}
            </fieldset>
            <div>
              <button type="submit" disabled={busy}>
                Delen opslaan
              </button>
            </div>
          </Form>
          {entry.shareChanges.length ? (
            <details>
              <summary>Geschiedenis van het delen</summary>
              <ul>
                {entry.shareChanges.map((change) => (
                  <li key={change.id}>
                    {formatDateTime(change.changedAt)}: van “{journalAudienceLabels[change.from]}” naar “{journalAudienceLabels[change.to]}”
                  </li>
                ))}
              </ul>
              <p className="muted">Deze geschiedenis ziet alleen jij.</p>
            </details>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="replies-heading">
        <h2 id="replies-heading">Reacties</h2>
        {entry.replies.length === 0 ? (
          <p>{entry.isAuthor && entry.audience === "PRIVATE" ? "Dit stuk is privé; er kan alleen jij op reageren." : "Nog geen reacties."}</p>
        ) : (
          <ol className="reply-list">
            {entry.replies.map((reply) => (
              <li key={reply.id} id={`reactie-${reply.id}`} className="card">
                <p className="muted">
                  <strong>{reply.author.name}</strong>
                  {reply.author.role !== "PARTICIPANT" ? ` (${reply.author.title ?? roleLabels[reply.author.role].toLowerCase()})` : ""} ·{" "}
                  {formatDateTime(reply.createdAt)}
                </p>
                <MarkdocText tree={reply.bodyTree} />
              </li>
            ))}
          </ol>
        )}
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="reply" />
          <TextareaField
            label={entry.isAuthor ? "Jouw reactie" : "Jouw antwoord"}
            name="body"
            rows={5}
            required
            defaultValue={actionData?.intent === "reply" ? (actionData.values.body ?? "") : ""}
            errors={actionData?.intent === "reply" ? actionData.errors.body : undefined}
          />
          <div>
            <button type="submit" disabled={busy}>
              Plaatsen
            </button>
          </div>
        </Form>
      </section>

      {entry.isAuthor ? (
        <section aria-labelledby="delete-heading">
          <h2 id="delete-heading">Verwijderen</h2>
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="delete" />
            <div className="checkbox-field">
              <input
                type="checkbox"
                id="confirm-delete"
                name="confirm"
                value="ja"
                aria-invalid={actionData?.intent === "delete" ? true : undefined}
                aria-describedby={actionData?.intent === "delete" ? "confirm-delete-error" : undefined}
              />
              <label htmlFor="confirm-delete">Ja, verwijder dit stuk met alle reacties. Dit kan niet ongedaan worden gemaakt.</label>
            </div>
            {actionData?.intent === "delete" ? (
              <p className="field-error" id="confirm-delete-error">
                {actionData.errors.confirm?.join(" ")}
              </p>
            ) : null}
            <div>
              <button type="submit" className="button-danger" disabled={busy}>
                Verwijderen
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

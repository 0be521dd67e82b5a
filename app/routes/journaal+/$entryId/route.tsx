// One journal entry with its conversation. Anyone the entry is shared with may read and answer it (each read
// by someone else is recorded); only the author sees who can read it and who read it, changes or withdraws
// the sharing (with its history), edits and deletes it. Whoever wrote a reply may delete it.
// An entry not shared with you is a 404, the same as one that does not exist.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { z } from "zod";
import { requireJournalEntry } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { MarkdocText } from "~/components/markdoc-text.tsx";
import {
  addReply,
  deleteEntry,
  deleteReply,
  offeredAudiences,
  readerNames,
  readersDescription,
  readersFor,
  recordEntryRead,
  setAudiences,
} from "~/models/journal.server.ts";
import { formatDate } from "~/utils/dates.ts";
import { confirmBox, formIntents, formList, idField, parseForm } from "~/utils/forms.ts";
import { domainErrorReply, invalid, readForm } from "~/utils/forms.server.ts";
import { forbidden, notFound } from "~/utils/http.server.ts";
import { renderText } from "~/utils/markdoc-text.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { KeepInTrail } from "~/components/keep-in-trail.tsx";
import { keepChoices } from "~/models/impact-trail-keep.server.ts";
import { Replies } from "./replies.tsx";
import { SharingPanel } from "./sharing-panel.tsx";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.entry.title || "Journaalstuk"} — Journaal — Leernetwerk` : "Journaal — Leernetwerk" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, entry } = await requireJournalEntry(request, params.entryId);
  // Reading someone else's entry is recorded (one insert); the author sees it under "Gelezen door".
  if (!entry.isAuthor) await recordEntryRead(user, entry.id);
  const { body, replies, enrollment, authorGroups, ...rest } = entry;
  // What each choice would mean, in names, so the author knows before choosing. An audience already chosen
  // keeps the readers fixed when it was shared (the list under "Gedeeld met").
  const audienceChoices =
    entry.isAuthor && enrollment
      ? offeredAudiences
          // "Mijn intervisiegroep" only for an author who is in a group.
          .filter((audience) => audience !== "GROUP" || authorGroups.length > 0)
          .map((audience) => ({
            audience,
            readers: readersDescription(audience, enrollment, authorGroups),
            names: readersFor(audience, enrollment, authorGroups).map((person) => person.name),
          }))
      : [];
  // "Bewaren in het impactspoor": the author only, for an entry of an enrolment (their municipality's trail).
  const topics = entry.isAuthor && enrollment ? await keepChoices(user, enrollment.municipalityId) : null;
  return {
    keep: topics && enrollment ? { municipalityId: enrollment.municipalityId, topics } : null,
    entry: {
      ...rest,
      bodyTree: renderText(body),
      replies: replies.map(({ body: replyBody, ...reply }) => ({ ...reply, bodyTree: renderText(replyBody) })),
      cohortName: enrollment?.cohort.name ?? null,
    },
    viewerId: user.id,
    audienceChoices,
  };
}

const replySchema = z.object({
  body: z
    .string({ required_error: "Schrijf een reactie." })
    .trim()
    .min(1, "Schrijf een reactie.")
    .max(10_000, "Je reactie mag maximaal 10.000 tekens hebben."),
});

const schema = formIntents({
  reply: replySchema,
  // Check boxes: none ticked is private.
  share: z.object({
    audiences: formList(z.enum(offeredAudiences, { errorMap: () => ({ message: "Kies met wie je dit stuk deelt." }) })),
  }),
  "delete-reply": z.object({ replyId: idField("Deze reactie bestaat niet (meer).") }),
  delete: z.object({ confirm: confirmBox("Vink aan dat je dit stuk echt wilt verwijderen.") }),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, entry } = await requireJournalEntry(request, params.entryId);
  const form = parseForm(schema, await readForm(request));
  if (!form.ok) return invalid(form.error);
  const { data: input, values } = form;
  const here = `/journaal/${entry.id}`;
  // Everything but answering (and deleting one's own reply) is for the author only.
  if (input.intent !== "reply" && input.intent !== "delete-reply" && !entry.isAuthor)
    throw forbidden("Alleen de schrijver kan dit doen.");
  switch (input.intent) {
    case "reply": {
      const reply = await addReply(user, entry.id, input.body);
      if (!reply) throw notFound("Dit journaalstuk bestaat niet of is niet met je gedeeld.");
      return redirectWithToast(`${here}#reactie-${reply.id}`, { title: "Je reactie is geplaatst" });
    }
    case "delete-reply": {
      // Only the reply's own writer (the entry's author too, for their own replies only).
      if (!(await deleteReply(user, entry.id, input.replyId))) {
        throw notFound("Deze reactie bestaat niet of is niet van jou.");
      }
      return redirectWithToast(`${here}#replies-heading`, { title: "Je reactie is verwijderd" });
    }
    case "share": {
      let readers: Awaited<ReturnType<typeof setAudiences>>;
      try {
        readers = await setAudiences(user, entry.id, input.audiences);
      } catch (error) {
        return domainErrorReply(error, values, { field: "audiences" });
      }
      if (!readers) throw notFound("Dit journaalstuk bestaat niet of is niet met je gedeeld.");
      return redirectWithToast(here, {
        title: input.audiences.length === 0 ? "Dit stuk is weer privé" : "Je hebt gekozen met wie je dit stuk deelt",
        description: readerNames(readers),
      });
    }
    case "delete":
      await deleteEntry(user, entry.id);
      return redirectWithToast("/journaal", { title: "Het journaalstuk en de reacties zijn verwijderd" });
  }
}

export default function JournalEntryPage() {
  const { entry, keep } = useLoaderData<typeof loader>();
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

      {entry.isAuthor ? <SharingPanel /> : null}

      <Replies />

      {keep ? <KeepInTrail choices={keep} kind="journal" id={entry.id} what="dit stuk" /> : null}

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
                aria-invalid={actionData?.values.intent === "delete" ? true : undefined}
                aria-describedby={actionData?.values.intent === "delete" ? "confirm-delete-error" : undefined}
              />
              <label htmlFor="confirm-delete">
                Ja, verwijder dit stuk met alle reacties. Dit kan niet ongedaan worden gemaakt.
              </label>
            </div>
            {actionData?.values.intent === "delete" ? (
              <p className="field-error" id="confirm-delete-error">
                {actionData.fieldErrors.confirm?.join(" ")}
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

import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { TextareaField } from "~/components/forms.tsx";
import { MarkdocText } from "~/components/markdoc-text.tsx";
import { formatDateTime } from "~/utils/dates.ts";
import { roleLabels } from "~/utils/labels.ts";
import type { action, loader } from "./route.tsx";
import { textValue } from "~/utils/forms.ts";
import { personName } from "~/utils/deleted-person.ts";

/** The replies under an entry and the form to add one. */
export function Replies() {
  const { entry, viewerId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <section aria-labelledby="replies-heading">
      <h2 id="replies-heading">Reacties</h2>
      {entry.replies.length === 0 ? (
        <p>
          {entry.isAuthor && entry.audiences.length === 0
            ? "Dit stuk is privé; er kan alleen jij op reageren."
            : "Nog geen reacties."}
        </p>
      ) : (
        <ol className="reply-list">
          {entry.replies.map((reply) => (
            <li key={reply.id} id={`reactie-${reply.id}`} className="card">
              <p className="muted">
                <strong>{personName(reply.author)}</strong>
                {reply.author && reply.author.role !== "PARTICIPANT"
                  ? ` (${reply.author.title ?? roleLabels[reply.author.role].toLowerCase()})`
                  : ""}{" "}
                · {formatDateTime(reply.createdAt)}
              </p>
              <MarkdocText tree={reply.bodyTree} />
              {reply.author?.id === viewerId ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="delete-reply" />
                  <input type="hidden" name="replyId" value={reply.id} />
                  <button type="submit" className="button-secondary" disabled={busy}>
                    Mijn reactie verwijderen
                  </button>
                </Form>
              ) : null}
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
          defaultValue={actionData?.values.intent === "reply" ? (textValue(actionData.values, "body") ?? "") : ""}
          errors={actionData?.values.intent === "reply" ? actionData.fieldErrors.body : undefined}
        />
        <div>
          <button type="submit" disabled={busy}>
            Plaatsen
          </button>
        </div>
      </Form>
    </section>
  );
}

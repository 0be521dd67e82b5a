// The session's discussion on the session page: the staff's question(s), the participants' answers and the
// reactions to them. Every form posts to …/gesprek with its own fetcher, so an error stays at that form.
import { useFetcher, useLoaderData } from "@remix-run/react";
import { TextareaField } from "~/components/forms.tsx";
import { formatDateTime } from "~/utils/dates.ts";
import { personName } from "~/utils/deleted-person.ts";
import { isFormError, textValue } from "~/utils/forms.ts";
import type { loader } from "./route.tsx";

type Post = ReturnType<typeof useLoaderData<typeof loader>>["discussion"][number];

function PostForm({
  action,
  intent,
  parentId,
  label,
  button,
  id,
}: {
  action: string;
  intent: "question" | "reply";
  parentId?: string;
  label: string;
  button: string;
  id: string;
}) {
  const fetcher = useFetcher();
  const error = isFormError(fetcher.data) ? fetcher.data : null;
  return (
    <fetcher.Form method="post" action={action} className="discussion-form">
      <input type="hidden" name="intent" value={intent} />
      {parentId ? <input type="hidden" name="parentId" value={parentId} /> : null}
      <TextareaField
        label={label}
        name="body"
        id={id}
        rows={intent === "question" ? 3 : 2}
        maxLength={5000}
        defaultValue={error ? (textValue(error.values, "body") ?? "") : ""}
        errors={error?.fieldErrors.body ?? (error?.formError ? [error.formError] : undefined)}
      />
      <button type="submit" className={intent === "question" ? undefined : "button-secondary"}>
        {fetcher.state === "idle" ? button : "Bezig…"}
      </button>
    </fetcher.Form>
  );
}

function DeleteButton({ action, post }: { action: string; post: Post }) {
  const fetcher = useFetcher();
  return (
    <fetcher.Form method="post" action={action} className="inline-form">
      <input type="hidden" name="intent" value="delete" />
      <input type="hidden" name="postId" value={post.id} />
      <button type="submit" className="button-link">
        Mijn bericht verwijderen
      </button>
    </fetcher.Form>
  );
}

function PostBody({ post, action }: { post: Post; action: string }) {
  return (
    <>
      <p className="muted">
        <strong>{personName(post.author)}</strong>
        {post.author?.title ? ` (${post.author.title})` : post.author?.role === "FACILITATOR" ? " (begeleider)" : ""} ·{" "}
        {formatDateTime(post.createdAt)}
      </p>
      {post.deletedAt ? (
        <p className="muted">Dit bericht is verwijderd door de schrijver.</p>
      ) : (
        <p className="pre-line">{post.body}</p>
      )}
      {post.mine && !post.deletedAt ? <DeleteButton action={action} post={post} /> : null}
    </>
  );
}

export function SessionDiscussion() {
  const { discussion, relation, discussionUrl } = useLoaderData<typeof loader>();
  const isStaff = relation !== "participant";
  return (
    <section aria-labelledby="gesprek" id="gesprek-sectie">
      <h2 id="gesprek" tabIndex={-1}>
        Gesprek
      </h2>
      <p className="muted">
        {isStaff
          ? "Stel de deelnemers een vraag bij deze bijeenkomst. Iedereen van het leernetwerk leest mee en kan antwoorden."
          : "De begeleiders stellen hier een vraag bij deze bijeenkomst. Geef je antwoord en reageer op elkaar; iedereen van het leernetwerk leest mee."}
      </p>
      {discussion.length === 0 ? <p>Er is nog geen vraag gesteld.</p> : null}
      {discussion.map((question, index) => (
        <article key={question.id} id={`bericht-${question.id}`} className="card discussion-question">
          <h3>{discussion.length > 1 ? `Vraag ${index + 1}` : "Vraag"}</h3>
          <PostBody post={question} action={discussionUrl} />
          {question.replies.length ? (
            <ol className="reply-list" aria-label="Antwoorden">
              {question.replies.map((answer) => (
                <li key={answer.id} id={`bericht-${answer.id}`} className="card">
                  <PostBody post={answer} action={discussionUrl} />
                  {answer.replies.length ? (
                    <ol className="reply-list" aria-label={`Reacties op ${personName(answer.author)}`}>
                      {answer.replies.map((reaction) => (
                        <li key={reaction.id} id={`bericht-${reaction.id}`} className="card">
                          <PostBody post={reaction} action={discussionUrl} />
                        </li>
                      ))}
                    </ol>
                  ) : null}
                  {answer.deletedAt ? null : (
                    <details>
                      <summary>Reageren op {personName(answer.author)}</summary>
                      <PostForm
                        key={answer.replies.length}
                        action={discussionUrl}
                        intent="reply"
                        parentId={answer.id}
                        id={`reactie-${answer.id}`}
                        label={`Jouw reactie op ${personName(answer.author)}`}
                        button="Reactie plaatsen"
                      />
                    </details>
                  )}
                </li>
              ))}
            </ol>
          ) : null}
          {question.deletedAt ? null : (
            <PostForm
              key={question.replies.length}
              action={discussionUrl}
              intent="reply"
              parentId={question.id}
              id={`antwoord-${question.id}`}
              label="Jouw antwoord op deze vraag"
              button="Antwoord plaatsen"
            />
          )}
        </article>
      ))}
      {isStaff ? (
        <PostForm
          key={discussion.length}
          action={discussionUrl}
          intent="question"
          id="nieuwe-vraag"
          label="Een vraag voor de deelnemers"
          button="Vraag stellen"
        />
      ) : null}
    </section>
  );
}

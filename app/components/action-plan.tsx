// Pieces of the aanpak canvas pages: a section read as text, the changes between versions, and the comment
// thread under a section.
import { Form } from "@remix-run/react";
import type { Role } from "~/generated/prisma/enums.ts";
import { type CanvasContent, type CanvasSection, fieldText } from "~/models/action-plan-sections.ts";
import { formatDateTime } from "~/utils/dates.ts";
import type { DiffPart } from "~/utils/word-diff.ts";
import { TextareaField } from "./forms.tsx";
import { personName } from "~/utils/deleted-person.ts";

/** The filled-in fields of a section (read-only), per group (the randvoorwaarden), or a note that it is empty. */
export function SectionValues({ section, content }: { section: CanvasSection; content: CanvasContent }) {
  const filled = section.fields.filter((field) => fieldText(field, content[section.id]?.[field.id]));
  if (!filled.length) return <p className="muted">Nog niet ingevuld.</p>;
  const groups: { group?: string; fields: typeof filled }[] = [];
  for (const field of filled) {
    const last = groups[groups.length - 1];
    if (last && last.group === field.group) last.fields.push(field);
    else groups.push({ group: field.group, fields: [field] });
  }
  return (
    <>
      {groups.map((group, index) => (
        <div key={group.group ?? index}>
          {group.group ? <h3 className="canvas-group">{group.group}</h3> : null}
          <dl className="canvas-values">
            {group.fields.map((field) => (
              <div key={field.id}>
                <dt>{field.label}</dt>
                <dd className="canvas-text">{fieldText(field, content[section.id]?.[field.id])}</dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
    </>
  );
}

/** A word diff: removed words struck through, added words marked; both also said in words for screen readers. */
export function DiffText({ parts }: { parts: DiffPart[] }) {
  return (
    <p className="diff-text">
      {parts.map((part, index) =>
        // The parts of one diff never move: their place is their identity.
        part.type === "same" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: a diff part's place is its identity
          <span key={index}>{part.text}</span>
        ) : part.type === "added" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: a diff part's place is its identity
          <ins key={index}>
            <span className="visually-hidden">[toegevoegd: </span>
            {part.text}
            <span className="visually-hidden">]</span>
          </ins>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: a diff part's place is its identity
          <del key={index}>
            <span className="visually-hidden">[weggehaald: </span>
            {part.text}
            <span className="visually-hidden">]</span>
          </del>
        ),
      )}
    </p>
  );
}

export type SectionDiff = { sectionId: string; title: string; parts: DiffPart[] };

/** What changed per section; sections without changes are left out. */
export function SectionDiffs({ diffs, headingLevel = 3 }: { diffs: SectionDiff[]; headingLevel?: 2 | 3 }) {
  if (!diffs.length) return <p>Er is niets veranderd.</p>;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <>
      <p className="muted">
        <del>Doorgestreept</del> is weggehaald, <ins>onderstreept</ins> is nieuw.
      </p>
      {diffs.map((diff) => (
        <div key={diff.sectionId} className="diff-section">
          <Heading>{diff.title}</Heading>
          <DiffText parts={diff.parts} />
        </div>
      ))}
    </>
  );
}

export type PlanComment = {
  id: string;
  sectionId: string;
  body: string;
  createdAt: Date | string;
  author: { id: string; name: string; role: Role; title: string | null } | null;
};

/**
 * The thread under one section and the form to add to it. With `formId`, the text field and button belong to
 * a form rendered elsewhere (the duo's page has the canvas form around the sections, and forms cannot nest).
 */
export function CommentThread({
  section,
  comments,
  label,
  formId,
  values,
  errors,
}: {
  section: CanvasSection;
  comments: PlanComment[];
  label: string;
  formId?: string;
  values?: Record<string, string>;
  errors?: string[];
}) {
  const headingId = `reacties-${section.id}`;
  const field = (
    <>
      <TextareaField
        label={label}
        name="body"
        rows={3}
        maxLength={5000}
        form={formId}
        defaultValue={values?.body ?? ""}
        errors={errors}
      />
      <div className="button-row">
        <button type="submit" className="button-secondary" form={formId}>
          Reactie plaatsen
        </button>
      </div>
    </>
  );
  return (
    <div className="canvas-comments">
      <h3 id={headingId} tabIndex={-1}>
        Reacties bij dit onderdeel{comments.length ? ` (${comments.length})` : ""}
      </h3>
      {comments.length ? (
        <ol className="reply-list" aria-labelledby={headingId}>
          {comments.map((comment) => (
            <li key={comment.id} className="card">
              <p className="muted">
                <strong>{personName(comment.author)}</strong>
                {comment.author?.title
                  ? ` (${comment.author.title})`
                  : comment.author?.role === "FACILITATOR"
                    ? " (begeleider)"
                    : ""}
                , {formatDateTime(comment.createdAt)}
              </p>
              <p className="canvas-text">{comment.body}</p>
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">Nog geen reacties.</p>
      )}
      {formId ? (
        field
      ) : (
        <Form method="post" className="stack" noValidate preventScrollReset>
          <input type="hidden" name="intent" value="comment" />
          <input type="hidden" name="sectionId" value={section.id} />
          {field}
        </Form>
      )}
    </div>
  );
}

/** The hidden forms that the duo's comment fields (inside the canvas form) belong to. */
export function CommentForms({ sections }: { sections: CanvasSection[] }) {
  return (
    <>
      {sections.map((section) => (
        <Form key={section.id} id={commentFormId(section.id)} method="post" noValidate preventScrollReset>
          <input type="hidden" name="intent" value="comment" />
          <input type="hidden" name="sectionId" value={section.id} />
        </Form>
      ))}
    </>
  );
}

export const commentFormId = (sectionId: string) => `reactie-formulier-${sectionId}`;

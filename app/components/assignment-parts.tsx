// Pieces shared by the participants' and the facilitators' assignment pages.
import { Form } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import type { ReactNode } from "react";
import { MarkdocText } from "~/components/markdoc-text.tsx";
import { TextareaField } from "~/components/forms.tsx";
import type { SubmissionStatus } from "~/models/assignment-status.ts";
import { formatDateTime } from "~/utils/dates.ts";
import { roleLabels } from "~/utils/labels.ts";
import { personName } from "~/utils/deleted-person.ts";

const badgeClass: Record<SubmissionStatus, string> = {
  open: "badge",
  concept: "badge badge-warning",
  ingeleverd: "badge badge-success",
  feedback: "badge badge-success",
  "te-laat": "badge badge-error",
};

export function StatusBadge({ status, label }: { status: SubmissionStatus; label: string }) {
  return <span className={badgeClass[status]}>{label}</span>;
}

export function formatBytes(size: number): string {
  if (size < 1024) return `${size} bytes`;
  if (size < 1024 * 1024) return `${Math.round(size / 1024)} kB`;
  return `${(size / 1024 / 1024).toFixed(1).replace(".", ",")} MB`;
}

export function AttachmentList({
  attachments,
  renderAction,
}: {
  attachments: {
    id: string;
    fileName: string;
    size: number;
    createdAt: Date | string;
    uploadedBy?: { name: string } | null;
  }[];
  renderAction?: (attachment: { id: string; fileName: string }) => ReactNode;
}) {
  if (attachments.length === 0) return <p className="muted">Er zijn geen bijlagen.</p>;
  return (
    <ul className="attachment-list">
      {attachments.map((attachment) => (
        <li key={attachment.id}>
          <a href={`/bijlagen/${attachment.id}`} download>
            {attachment.fileName}
          </a>{" "}
          <span className="muted">
            ({formatBytes(attachment.size)}
            {attachment.uploadedBy ? `, toegevoegd door ${attachment.uploadedBy.name}` : ""},{" "}
            {formatDateTime(attachment.createdAt)})
          </span>{" "}
          {renderAction?.(attachment)}
        </li>
      ))}
    </ul>
  );
}

export type ThreadMessage = {
  id: string;
  createdAt: Date | string;
  bodyTree: unknown;
  author: { id: string; name: string; role: keyof typeof roleLabels; title: string | null } | null;
};

/** The feedback and the replies, oldest first, with a form to add one. */
export function MessageThread({
  messages,
  formLabel,
  buttonLabel,
  canWrite,
  error,
  value,
  busy,
}: {
  messages: ThreadMessage[];
  formLabel: string;
  buttonLabel: string;
  canWrite: boolean;
  error?: string[];
  value?: string;
  busy?: boolean;
}) {
  return (
    <>
      {messages.length === 0 ? (
        <p className="muted">Er is nog geen feedback.</p>
      ) : (
        <ol className="reply-list">
          {messages.map((message) => (
            <li key={message.id} id={`bericht-${message.id}`} className="card">
              <p className="muted">
                <strong>{personName(message.author)}</strong>
                {message.author && message.author.role !== "PARTICIPANT"
                  ? ` (${message.author.title ?? roleLabels[message.author.role].toLowerCase()})`
                  : ""}{" "}
                · {formatDateTime(message.createdAt)}
              </p>
              <MarkdocText tree={message.bodyTree} />
            </li>
          ))}
        </ol>
      )}
      {canWrite ? (
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="message" />
          <TextareaField label={formLabel} name="body" rows={5} required defaultValue={value ?? ""} errors={error} />
          <div>
            <button type="submit" disabled={busy}>
              {buttonLabel}
            </button>
          </div>
        </Form>
      ) : null}
    </>
  );
}

export function AssignmentFacts({
  assignment,
}: {
  assignment: {
    dueAt: Date | string;
    kind: "DUO" | "INDIVIDUAL";
    allowFiles: boolean;
    session: { number: number; title: string };
  };
}) {
  return (
    <dl className="facts">
      <div>
        <dt>Bij bijeenkomst</dt>
        <dd>
          {assignment.session.number}: {assignment.session.title}
        </dd>
      </div>
      <div>
        <dt>Inleveren vóór</dt>
        <dd>{formatDateTime(assignment.dueAt)}</dd>
      </div>
      <div>
        <dt>Soort</dt>
        <dd>
          {assignment.kind === "DUO" ? "Duo-opdracht: jullie leveren samen één uitwerking in" : "Individuele opdracht"}
        </dd>
      </div>
      <div>
        <dt>Bijlagen</dt>
        <dd>
          {assignment.allowFiles
            ? "Toegestaan (PDF, Word, Excel, PowerPoint, afbeeldingen; max. 10 MB)"
            : "Niet bij deze opdracht"}
        </dd>
      </div>
    </dl>
  );
}

export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <nav aria-label="Kruimelpad" className="breadcrumbs">
      <Link to={to}>{children}</Link>
    </nav>
  );
}

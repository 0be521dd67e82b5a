import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { AttachmentList } from "~/components/assignment-parts.tsx";
import { FormAlert } from "~/components/forms.tsx";
import { attachmentTooLargeMessage, MAX_ATTACHMENT_BYTES } from "~/storage/file-type.ts";

export function Attachments({
  action,
  attachments,
  canChange,
  allowFiles,
}: {
  action: string;
  attachments: {
    id: string;
    fileName: string;
    size: number;
    createdAt: Date | string;
    uploadedBy: { name: string } | null;
  }[];
  canChange: boolean;
  allowFiles: boolean;
}) {
  const upload = useFetcher<{ status: string; message?: string; fieldErrors?: Record<string, string[] | undefined> }>({
    key: "upload",
  });
  const remove = useFetcher<{ status: string; message?: string; fieldErrors?: Record<string, string[] | undefined> }>({
    key: "remove-attachment",
  });
  const uploadForm = useRef<HTMLFormElement>(null);
  const uploaded = upload.state === "idle" && upload.data?.status === "done";
  useEffect(() => {
    if (uploaded) uploadForm.current?.reset();
  }, [uploaded]);
  // A file over the limit is refused here, before sending: the server would answer a larger body with a
  // bare 413 (server/body-limits.ts) instead of this message next to the field.
  const [tooLarge, setTooLarge] = useState(false);
  const serverError = upload.data?.status === "error" ? upload.data.fieldErrors?.file : undefined;
  const uploadError = tooLarge ? [attachmentTooLargeMessage] : serverError;
  const removeError = remove.data?.status === "error" ? remove.data.fieldErrors?.file?.join(" ") : null;
  return (
    <>
      <AttachmentList
        attachments={attachments}
        renderAction={
          canChange
            ? (attachment) => (
                <remove.Form method="post" action={action} className="inline-form">
                  <input type="hidden" name="intent" value="delete-attachment" />
                  <input type="hidden" name="attachmentId" value={attachment.id} />
                  <button type="submit" className="button-secondary button-small" disabled={remove.state !== "idle"}>
                    Verwijderen<span className="visually-hidden"> {attachment.fileName}</span>
                  </button>
                </remove.Form>
              )
            : undefined
        }
      />
      <FormAlert message={removeError} />
      {canChange ? (
        <upload.Form
          ref={uploadForm}
          method="post"
          action={action}
          encType="multipart/form-data"
          className="stack"
          noValidate
          onSubmit={(event) => {
            const file = event.currentTarget.querySelector<HTMLInputElement>('input[type="file"]')?.files?.[0];
            const refused = Boolean(file && file.size > MAX_ATTACHMENT_BYTES);
            setTooLarge(refused);
            if (refused) event.preventDefault();
          }}
        >
          <div className="field">
            <label htmlFor="bijlage-bestand">Kies een bestand</label>
            <p id="bijlage-hint" className="hint">
              PDF, Word (.docx), Excel (.xlsx), PowerPoint (.pptx) of een afbeelding (PNG, JPEG, GIF, WebP). Hoogstens
              10 MB per bestand.
            </p>
            <input
              id="bijlage-bestand"
              type="file"
              name="file"
              accept=".pdf,.docx,.xlsx,.pptx,.png,.jpg,.jpeg,.gif,.webp"
              aria-describedby={uploadError ? "bijlage-hint bijlage-fout" : "bijlage-hint"}
              aria-invalid={uploadError ? true : undefined}
            />
            {uploadError ? (
              <p id="bijlage-fout" className="field-error">
                {uploadError.join(" ")}
              </p>
            ) : null}
          </div>
          <div>
            <button type="submit" className="button-secondary" disabled={upload.state !== "idle"}>
              {upload.state !== "idle" ? "Bezig met toevoegen…" : "Bestand toevoegen"}
            </button>
          </div>
          <p role="status" className="muted">
            {upload.state === "idle" && upload.data?.status === "done" ? upload.data.message : ""}
            {remove.state === "idle" && remove.data?.status === "done" ? remove.data.message : ""}
          </p>
        </upload.Form>
      ) : !allowFiles ? (
        <p className="muted">Bij deze opdracht voeg je geen bestanden toe.</p>
      ) : null}
    </>
  );
}

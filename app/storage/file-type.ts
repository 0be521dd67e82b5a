// The kinds of file an upload may be: PDF, DOCX, XLSX, PPTX, PNG, JPEG, GIF, WebP, with their content type,
// extension and Dutch label. Which kind a file really is, is decided by its content on the server
// (file-type.server.ts). This module is also used by pages (the size limit), so it has no server imports.

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** Said by the server, and by the page before sending (a larger body is refused with a 413 before the app sees it). */
export const attachmentTooLargeMessage = `Dit bestand is groter dan ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB. Maak het kleiner (bijvoorbeeld als PDF) en probeer het opnieuw.`;

export type FileKind = "pdf" | "docx" | "xlsx" | "pptx" | "png" | "jpeg" | "gif" | "webp";

export const fileKinds: Record<FileKind, { contentType: string; extension: string; label: string }> = {
  pdf: { contentType: "application/pdf", extension: "pdf", label: "PDF" },
  docx: {
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extension: "docx",
    label: "Word",
  },
  xlsx: {
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    extension: "xlsx",
    label: "Excel",
  },
  pptx: {
    contentType: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    extension: "pptx",
    label: "PowerPoint",
  },
  png: { contentType: "image/png", extension: "png", label: "PNG-afbeelding" },
  jpeg: { contentType: "image/jpeg", extension: "jpg", label: "JPEG-afbeelding" },
  gif: { contentType: "image/gif", extension: "gif", label: "GIF-afbeelding" },
  webp: { contentType: "image/webp", extension: "webp", label: "WebP-afbeelding" },
};

export const ALLOWED_TYPES_TEXT =
  "PDF, Word (.docx), Excel (.xlsx), PowerPoint (.pptx) of een afbeelding (PNG, JPEG, GIF, WebP)";

/** A file name safe to show and to put in Content-Disposition, with the extension of its real kind. */
export function safeFileName(name: string, kind: FileKind): string {
  const base = name
    .replace(/\.[^.]*$/, "")
    .normalize("NFC")
    .replace(/[^\p{L}\p{N} _,()-]+/gu, "_")
    .trim()
    .slice(0, 100);
  return `${base || "bijlage"}.${fileKinds[kind].extension}`;
}

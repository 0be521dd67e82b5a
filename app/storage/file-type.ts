// Which kind of file an upload really is, decided by its content (magic bytes), never by its name or the
// type the browser claims. Allowed: PDF, DOCX, XLSX, PPTX (zip files with [Content_Types].xml and their
// own folder), PNG, JPEG, GIF, WebP. Pure, so it is unit-tested without files.

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export type FileKind = "pdf" | "docx" | "xlsx" | "pptx" | "png" | "jpeg" | "gif" | "webp";

export const fileKinds: Record<FileKind, { contentType: string; extension: string; label: string }> = {
  pdf: { contentType: "application/pdf", extension: "pdf", label: "PDF" },
  docx: { contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extension: "docx", label: "Word" },
  xlsx: { contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extension: "xlsx", label: "Excel" },
  pptx: { contentType: "application/vnd.openxmlformats-officedocument.presentationml.presentation", extension: "pptx", label: "PowerPoint" },
  png: { contentType: "image/png", extension: "png", label: "PNG-afbeelding" },
  jpeg: { contentType: "image/jpeg", extension: "jpg", label: "JPEG-afbeelding" },
  gif: { contentType: "image/gif", extension: "gif", label: "GIF-afbeelding" },
  webp: { contentType: "image/webp", extension: "webp", label: "WebP-afbeelding" },
};

export const ALLOWED_TYPES_TEXT = "PDF, Word (.docx), Excel (.xlsx), PowerPoint (.pptx) of een afbeelding (PNG, JPEG, GIF, WebP)";

function startsWith(bytes: Uint8Array, signature: number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((byte, index) => bytes[offset + index] === byte);
}

const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

/** The names of the entries in a zip file, read from its central directory (no decompression needed). */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is in the last 22 + 65535 (comment) bytes.
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  const names: string[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return null;
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    if (offset + 46 + nameLength > bytes.length) return null;
    names.push(decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

function officeKind(bytes: Uint8Array): FileKind | null {
  const names = zipEntryNames(bytes);
  if (!names || !names.includes("[Content_Types].xml")) return null;
  if (names.some((name) => name.startsWith("word/"))) return "docx";
  if (names.some((name) => name.startsWith("xl/"))) return "xlsx";
  if (names.some((name) => name.startsWith("ppt/"))) return "pptx";
  return null;
}

/** The kind of file, or null when it is none of the allowed kinds. */
export function detectFileKind(bytes: Uint8Array): FileKind | null {
  if (startsWith(bytes, ascii("%PDF-"))) return "pdf";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) return "gif";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "webp";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return officeKind(bytes);
  return null;
}

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

// Which kind of file an upload really is, decided by its content (magic bytes, and for Office files the main
// part named in [Content_Types].xml), never by its name or the type the browser claims. The sniffing is done
// by the file-type package; this module only says which of its answers we accept.
import { fileTypeFromBuffer } from "file-type";
import type { FileKind } from "./file-type.ts";

// file-type's extension → our kind. Anything else (zip, exe, macro-enabled .docm/.xlsm/.pptm, templates, …)
// is refused.
const accepted: Record<string, FileKind> = {
  pdf: "pdf",
  docx: "docx",
  xlsx: "xlsx",
  pptx: "pptx",
  png: "png",
  jpg: "jpeg",
  gif: "gif",
  webp: "webp",
};

/** The kind of file, or null when it is none of the allowed kinds. */
export async function detectFileKind(bytes: Uint8Array): Promise<FileKind | null> {
  const type = await fileTypeFromBuffer(bytes);
  return (type && Object.hasOwn(accepted, type.ext) && accepted[type.ext]) || null;
}

// Reading a multipart form with a file, the size limit enforced while the upload streams in (a too-large
// file is never held in full). Remix's memory upload handler stops at `maxPartSize`.
import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
} from "@remix-run/node";
import { badForm } from "./forms.server.ts";

export function isMultipart(request: Request): boolean {
  return (request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data");
}

export async function readMultipartForm(
  request: Request,
  maxBytes: number,
): Promise<{ ok: true; formData: FormData } | { ok: false; tooLarge: true }> {
  try {
    const formData = await parseMultipartFormData(request, createMemoryUploadHandler({ maxPartSize: maxBytes }));
    return { ok: true, formData };
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { ok: false, tooLarge: true };
    // A body without (or with a wrong) boundary, or cut off: a 400 with a Dutch message, not a 500.
    throw badForm();
  }
}

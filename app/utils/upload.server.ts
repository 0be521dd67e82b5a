// Reading a multipart form with a file, every size and count bounded while the upload streams in (nothing
// too large is ever held in full): the file at most `maxBytes`, every other field at most 64 KB, at most
// 10 parts. The whole body is bounded before this too (server/body-limits.ts).
import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
  type UploadHandler,
} from "@remix-run/node";

export const MAX_MULTIPART_PARTS = 10;
export const MAX_FIELD_BYTES = 64 * 1024;

export function isMultipart(request: Request): boolean {
  return (request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data");
}

export type MultipartProblem = "file-too-large" | "field-too-large" | "too-many-parts" | "malformed";

/** What to tell the user when the form could not be read (a too-large file has its own message). */
export const multipartProblemMessages: Record<Exclude<MultipartProblem, "file-too-large">, string> = {
  "field-too-large": "Een van de velden van dit formulier is te lang. Maak het korter en probeer het opnieuw.",
  "too-many-parts": `Dit formulier heeft te veel onderdelen (hoogstens ${MAX_MULTIPART_PARTS}). Stuur één bestand tegelijk.`,
  malformed: "Dit formulier kon niet worden gelezen. Kies het bestand opnieuw en probeer het nog eens.",
};

class TooManyPartsError extends Error {}

export async function readMultipartForm(
  request: Request,
  maxBytes: number,
): Promise<{ ok: true; formData: FormData } | { ok: false; problem: MultipartProblem }> {
  const files = createMemoryUploadHandler({ maxPartSize: maxBytes });
  const fields = createMemoryUploadHandler({ maxPartSize: MAX_FIELD_BYTES });
  let parts = 0;
  let current = "field" as "file" | "field";
  const handler: UploadHandler = (part) => {
    parts += 1;
    if (parts > MAX_MULTIPART_PARTS) throw new TooManyPartsError();
    current = part.filename === undefined ? "field" : "file";
    return current === "file" ? files(part) : fields(part);
  };
  try {
    return { ok: true, formData: await parseMultipartFormData(request, handler) };
  } catch (error) {
    if (error instanceof TooManyPartsError) return { ok: false, problem: "too-many-parts" };
    if (error instanceof MaxPartSizeExceededError) {
      return { ok: false, problem: current === "file" ? "file-too-large" : "field-too-large" };
    }
    // No boundary, a broken body, a client that went away: the form cannot be read (a 400, not a 500).
    return { ok: false, problem: "malformed" };
  }
}

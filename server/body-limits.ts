// Bounds on request bodies, checked before Remix reads anything: a form post may be at most 1 MB, a file
// upload (multipart, on the upload routes only) 11 MB. Too large → 413; a body the app cannot read as a
// form (multipart without a boundary, a content type no form sends) → 400 or 415; a body of unknown length
// (chunked) → 411. Node's HTTP parser delivers exactly Content-Length bytes, so checking the header bounds
// what Remix will read. Multipart parts are bounded further where uploads are parsed (app/utils/upload.server.ts).
import type { NextFunction, Request, Response } from "express";
import { limitPath } from "./security.ts";

export const MAX_FORM_BYTES = 1024 * 1024;
/** An attachment may be 10 MB (app/storage/file-type.ts); the rest of the form and the multipart framing fit in the 11th. */
export const MAX_UPLOAD_BYTES = 11 * 1024 * 1024;

/** Where files are uploaded: an assignment's page (its attachment form), a session's preparation (handouts). */
const uploadPaths = [/^\/opdrachten\/[^/]+$/, /^\/leernetwerken\/[^/]+\/bijeenkomsten\/[^/]+\/voorbereiding$/];

const bodyMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

function page(res: Response, status: number, title: string, message: string) {
  // A body too large or of unknown length is not read (and so not waited for): the connection ends with the
  // answer. A small unreadable one is read and dropped by Node, so the connection can be reused.
  if (status === 413 || status === 411) res.set("Connection", "close");
  res
    .status(status)
    .type("text/html; charset=utf-8")
    .send(`<!doctype html><html lang="nl"><head><meta charset="utf-8">
<title>${title} — Leernetwerk</title></head><body><main><h1>${title}</h1><p>${message}</p>
<p><a href="/">Naar de startpagina</a></p></main></body></html>`);
}

export function bodyLimits({ formBytes = MAX_FORM_BYTES, uploadBytes = MAX_UPLOAD_BYTES } = {}) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!bodyMethods.has(req.method)) return next();
    // An answer given without reading the whole body (a redirect to the login page, a refusal): Remix's
    // reader paused the request and Node no longer drains it, so the kept-alive connection would hang for
    // the client's next request. Drop what is left instead (it is bounded below).
    res.once("finish", () => {
      if (req.complete) return;
      req.removeAllListeners("data");
      req.resume();
    });
    const declared = req.get("content-length");
    const chunked = req.get("transfer-encoding") !== undefined;
    if (declared === undefined && !chunked) return next(); // no body
    if (declared === undefined) {
      return page(
        res,
        411,
        "Lengte onbekend",
        "Dit verzoek gaf niet aan hoe groot het is, en is daarom geweigerd. Verstuur het formulier opnieuw vanuit de website.",
      );
    }
    const length = Number(declared);
    if (length === 0) return next();

    const type = (req.get("content-type") ?? "").toLowerCase();
    const mediaType = type.split(";")[0]!.trim();
    const multipart = mediaType === "multipart/form-data";
    const limit = multipart && uploadPaths.some((path) => path.test(limitPath(req.path))) ? uploadBytes : formBytes;
    if (length > limit) {
      const size = `${Math.floor(limit / 1024 / 1024)} MB`;
      return page(
        res,
        413,
        "Te groot",
        multipart && limit === uploadBytes
          ? `Dit bestand is te groot. Een bijlage mag hoogstens 10 MB zijn. Maak het kleiner (bijvoorbeeld als PDF) en probeer het opnieuw.`
          : `Wat je verstuurde is groter dan ${size} en is daarom niet opgeslagen. Maak de tekst korter en probeer het opnieuw.`,
      );
    }
    if (multipart) {
      // RFC 2046: a boundary of 1 to 70 characters.
      const boundary = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(req.get("content-type") ?? "");
      if (!boundary) {
        return page(
          res,
          400,
          "Formulier onleesbaar",
          "Dit formulier kon niet worden gelezen (de indeling ontbreekt). Verstuur het opnieuw vanuit de website.",
        );
      }
      return next();
    }
    if (mediaType !== "application/x-www-form-urlencoded") {
      return page(
        res,
        415,
        "Soort gegevens niet ondersteund",
        "Deze website neemt alleen formulieren aan. Verstuur het formulier opnieuw vanuit de website.",
      );
    }
    return next();
  };
}

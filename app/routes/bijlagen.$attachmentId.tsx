// Downloads an assignment attachment — only for the duo (or participant) it belongs to and the facilitators
// of its cohort and coordinators once handed in. Always as a download (Content-Disposition: attachment)
// with nosniff, so a file is never shown or run in the page's origin. Anyone else gets a 404.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { isUuid, requireUser } from "~/auth/guards.server.ts";
import { readAttachment } from "~/models/assignment.server.ts";
import { notFound } from "~/utils/http.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (!isUuid(params.attachmentId)) throw notFound("Deze bijlage bestaat niet.");
  const attachment = await readAttachment(user, params.attachmentId);
  if (!attachment) throw notFound("Deze bijlage bestaat niet of is niet voor jou.");
  const asciiName = attachment.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(Buffer.from(attachment.bytes), {
    headers: {
      "Content-Type": attachment.contentType,
      "Content-Length": String(attachment.bytes.length),
      "Content-Disposition": `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}

// Downloads a session's handout — for everyone in the cohort (its participants, facilitators and coordinators);
// anyone else, or a handout of another session, gets a 404. Always as a download (Content-Disposition:
// attachment) with nosniff, so a file is never shown or run in the page's origin.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { isUuid, requireCohortSession } from "~/auth/guards.server.ts";
import { readHandout } from "~/models/session-handout.server.ts";
import { notFound } from "~/utils/http.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { session } = await requireCohortSession(request, params.cohortId, params.sessionId);
  if (!isUuid(params.handoutId)) throw notFound("Deze hand-out bestaat niet.");
  const handout = await readHandout(session.id, params.handoutId);
  if (!handout) throw notFound("Deze hand-out bestaat niet.");
  const asciiName = handout.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(Buffer.from(handout.bytes), {
    headers: {
      "Content-Type": handout.contentType,
      "Content-Length": String(handout.bytes.length),
      "Content-Disposition": `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(handout.fileName)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}

// A file the duo kept in the impact trail (a copy of a submission's file, app/models/impact-trail-keep.server.ts),
// for the trail's editors and readers; coordinators 403 (the topics are the municipality's), anyone else 404.
// Always a download with nosniff, like the attachments (app/routes/bijlagen.$attachmentId.tsx).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { isUuid, requireTrail } from "~/auth/guards.server.ts";
import { readKeptFile } from "~/models/impact-trail-keep.server.ts";
import { forbidden, notFound } from "~/utils/http.server.ts";

const NOT_FOUND = "Dit bestand bestaat niet of hoort niet bij dit impactspoor.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { role, municipality } = await requireTrail(request, params.municipalityId);
  if (role === "coordinator")
    throw forbidden("Het impactspoor is van de gemeente: coördinatoren zien alleen wie er toegang heeft.");
  if (!isUuid(params.fileId)) throw notFound(NOT_FOUND);
  const file = await readKeptFile(municipality.id, params.fileId);
  if (!file) throw notFound(NOT_FOUND);
  const asciiName = file.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(Buffer.from(file.bytes), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.bytes.length),
      "Content-Disposition": `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}

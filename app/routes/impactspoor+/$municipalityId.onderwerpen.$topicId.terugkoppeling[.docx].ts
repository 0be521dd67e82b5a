// "Wat hebben we met uw ervaringen gedaan?" as a Word file (.docx): the same content as the printable page,
// with real headings and the document language nl-NL.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireTopic } from "~/auth/guards.server.ts";
import { feedbackDocument, feedbackDocx, feedbackFileName } from "~/models/impact-trail-export.server.ts";

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { municipality, topic } = await requireTopic(request, params.municipalityId, params.topicId);
  const body = await feedbackDocx(feedbackDocument({ municipality: municipality.name, topic, steps: topic.steps }));
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": DOCX_TYPE,
      "Content-Disposition": `attachment; filename="${feedbackFileName(municipality.name, topic.title)}"`,
      "Cache-Control": "private, no-store",
    },
  });
}

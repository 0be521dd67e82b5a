// The canvas as a Word file (.docx) with the same content as the printable page.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { docxFileName, planDocument, planDocx } from "~/models/action-plan-export.server.ts";
import { requirePlanAccess } from "~/auth/guards.server.ts";
import { getPlan, planStatusLine } from "~/models/action-plan.server.ts";

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { enrollment } = await requirePlanAccess(request, params.cohortId, params.enrollmentId);
  const plan = await getPlan(enrollment);
  const document = planDocument({
    municipality: enrollment.municipality.name,
    cohort: enrollment.cohort.name,
    status: planStatusLine(plan),
    content: plan.content,
  });
  const body = await planDocx(document);
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": DOCX_TYPE,
      "Content-Disposition": `attachment; filename="${docxFileName(enrollment.municipality.name)}"`,
      "Cache-Control": "private, no-store",
    },
  });
}

// The participant's own certificate of participation as a PDF (pdfkit), when issued and they qualify.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireCohortMember } from "~/auth/guards.server.ts";
import { renderCertificatePdf } from "~/models/certificate-pdf.server.ts";
import { findCertificate } from "~/models/cohort-closing.server.ts";
import { forbidden, notFound } from "~/utils/http.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, relation, cohortId } = await requireCohortMember(request, params.cohortId);
  if (relation !== "participant") throw forbidden("Alleen deelnemers hebben een deelnamebewijs.");
  const certificate = await findCertificate(user, cohortId);
  if (!certificate?.qualifies) throw notFound("Er is geen deelnamebewijs voor jou in dit leernetwerk.");
  const pdf = await renderCertificatePdf(certificate);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": 'attachment; filename="deelnamebewijs.pdf"',
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}

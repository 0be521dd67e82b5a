// Coordinator: attendance per session of a cohort as a CSV download
// (/leernetwerken/:cohortId/export/aanwezigheid.csv).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireCohortCoordinator } from "~/auth/guards.server.ts";
import { attendanceExport } from "~/models/cohort-export.server.ts";
import { csvResponse } from "~/utils/csv.ts";
import { invariantResponse } from "~/utils/http.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, cohortId } = await requireCohortCoordinator(request, params.cohortId);
  const result = await attendanceExport(cohortId, user);
  invariantResponse(result, "Dit leernetwerk bestaat niet.");
  return csvResponse(result.csv, result.filename);
}

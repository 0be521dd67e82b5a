// The evaluation's results as CSV for researchers (the cohort's facilitators and coordinators; participants: 403):
// aggregate rows only, per evaluation and question, with the threshold of three answers (see evaluation.server.ts).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireCohortStaff } from "~/auth/guards.server.ts";
import { evaluationCsvRows, recordEvaluationExport } from "~/models/evaluation.server.ts";
import { csvResponse, fileSlug, toCsv } from "~/utils/csv.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, cohortId, cohort } = await requireCohortStaff(request, params.cohortId);
  const { header, rows } = await evaluationCsvRows(cohortId);
  await recordEvaluationExport(cohortId, user);
  return csvResponse(toCsv(header, rows), `evaluatie-${fileSlug(cohort.name)}.csv`);
}

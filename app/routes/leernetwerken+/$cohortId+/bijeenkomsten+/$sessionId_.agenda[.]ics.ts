// One session as an iCalendar file, for everyone in the cohort. Reminder e-mails link to this exact URL.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { isUuid, requireCohortMember } from "~/auth/guards.server.ts";
import { sessionCalendar } from "~/models/calendar-feed.server.ts";
import { notFound } from "~/utils/http.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { cohortId } = await requireCohortMember(request, params.cohortId);
  if (!isUuid(params.sessionId)) throw notFound("Deze bijeenkomst bestaat niet.");
  const calendar = await sessionCalendar(cohortId, params.sessionId);
  if (!calendar) throw notFound("Deze bijeenkomst bestaat niet.");
  return new Response(calendar, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="bijeenkomst-${params.sessionId}.ics"`,
      "Cache-Control": "private, no-cache",
    },
  });
}

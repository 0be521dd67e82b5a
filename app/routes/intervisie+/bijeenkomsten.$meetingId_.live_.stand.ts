// What the live view of an intervisie meeting asks every few seconds: has anything changed? The answer is
// a stamp of the meeting's state (`liveStamp`); with `?sinds=<the stamp the view has>` an unchanged meeting
// is a 204 without a body, so following a meeting costs the session check and one indexed query, and the
// view reloads its data only when the stamp moved. Only the group's members and facilitators get an answer
// (others: 404, as on the live view itself).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { isUuid, requireUser } from "~/auth/guards.server.ts";
import { liveStamp } from "~/models/intervision.server.ts";
import { notFound } from "~/utils/http.server.ts";

const NOT_FOUND = "Deze intervisiebijeenkomst bestaat niet of je hoort niet bij de groep.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (!isUuid(params.meetingId)) throw notFound(NOT_FOUND);
  const stamp = await liveStamp(user, params.meetingId);
  if (!stamp) throw notFound(NOT_FOUND);
  const headers = { "Cache-Control": "no-store" };
  if (new URL(request.url).searchParams.get("sinds") === stamp) return new Response(null, { status: 204, headers });
  return Response.json({ stamp }, { headers });
}

// Opening a notification from the inbox: marks it read and goes to the thing it is about. Someone else's
// notification (or an id that does not exist) is a 404, the same answer for both.
import { type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { isUuid, requireUser } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { openNotification } from "~/notifications/inbox.server.ts";
import { notFound } from "~/utils/http.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = params.notificationId;
  const target = isUuid(id) ? await openNotification(user.id, id) : null;
  if (!target) throw notFound("Deze melding bestaat niet.");
  return redirect(target);
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

/** Never shown: the loader always sends the browser on (or answers 404). */
export default function OpenNotification() {
  return null;
}

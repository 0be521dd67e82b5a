// The personal calendar feed that Outlook, Google Calendar and Apple Calendar subscribe to. Calendar apps
// cannot log in, so the secret token in the URL is the key; an unknown, renewed or revoked token gets 404.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { calendarFeedFor } from "~/models/calendar-feed.server.ts";
import { notFound } from "~/utils/http.server.ts";

export async function loader({ params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  // Tokens are 43 URL-safe base64 characters; anything else is not worth a database query.
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) throw notFound("Deze agenda-link bestaat niet (meer).");
  const calendar = await calendarFeedFor(token);
  if (!calendar) throw notFound("Deze agenda-link bestaat niet (meer).");
  return new Response(calendar, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="leernetwerk.ics"',
      "Cache-Control": "private, no-cache",
      // The URL is a secret: do not let it leak to other sites or indexes.
      "Referrer-Policy": "no-referrer",
      "X-Robots-Tag": "noindex",
    },
  });
}

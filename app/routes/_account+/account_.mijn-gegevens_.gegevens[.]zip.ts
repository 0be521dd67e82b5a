// The download of "al mijn gegevens" (AVG art. 15 and 20): one ZIP archive with gegevens.json and
// gegevens.html, streamed as it is compressed (app/models/personal-data.server.ts).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/guards.server.ts";
import { personalDataArchive } from "~/models/personal-data.server.ts";
import { amsterdamDate } from "~/utils/dates.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const now = new Date();
  return new Response(await personalDataArchive(user.id, now), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="leernetwerk-mijn-gegevens-${amsterdamDate(now)}.zip"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

// Download of the participant's whole journal (entries with their replies) as one Markdown file.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/auth/guards.server.ts";
import { journalToMarkdown } from "~/models/journal-export.ts";
import { exportEntries, todayInAmsterdam } from "~/models/journal.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "PARTICIPANT");
  const entries = await exportEntries(user);
  const markdown = journalToMarkdown({ author: user.name, exportedAt: new Date(), entries });
  return new Response(markdown, {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="journaal-${todayInAmsterdam()}.md"`,
      "Cache-Control": "private, no-store",
    },
  });
}

// The participant's journal as one Markdown document (download) — pure, so it is unit-tested.
import { formatDate, formatDateTime } from "~/utils/dates.ts";
import { journalAudiencesLabel } from "~/utils/labels.ts";
import type { JournalAudience } from "~/generated/prisma/enums.ts";
import { personName } from "~/utils/deleted-person.ts";
import { aantal } from "../utils/plural.ts";

export type ExportEntry = {
  title: string;
  body: string;
  writtenOn: Date;
  tags: string[];
  audiences: JournalAudience[];
  reflectie: { text: string; lesson: { title: string } } | null;
  prompt: { text: string } | null;
  session: { number: number; title: string } | null;
  replies: { body: string; createdAt: Date; author: { name: string } | null }[];
};

/** A line of text as a Markdown quote (every line prefixed). */
function quote(text: string): string {
  return text
    .trim()
    .split("\n")
    .map((line) => `> ${line}`.trimEnd())
    .join("\n");
}

export function journalToMarkdown(input: { author: string; exportedAt: Date; entries: ExportEntry[] }): string {
  const parts = [
    `# Reflectiejournaal van ${input.author}`,
    `Geëxporteerd op ${formatDateTime(input.exportedAt)}. ${aantal(input.entries.length, "stuk", "stukken")}, met reacties.`,
  ];
  for (const entry of input.entries) {
    const heading = entry.title || `Journaalstuk van ${formatDate(entry.writtenOn)}`;
    const meta = [`Datum: ${formatDate(entry.writtenOn)}`, `Gedeeld met: ${journalAudiencesLabel(entry.audiences)}`];
    if (entry.tags.length) meta.push(`Labels: ${entry.tags.join(", ")}`);
    if (entry.session) meta.push(`Bijeenkomst ${entry.session.number}: ${entry.session.title}`);
    const section = [`## ${heading}`, meta.map((line) => `- ${line}`).join("\n")];
    if (entry.reflectie)
      section.push(`Reflectievraag (les "${entry.reflectie.lesson.title}"):\n\n${quote(entry.reflectie.text)}`);
    if (entry.prompt) section.push(`Vraag van je begeleider:\n\n${quote(entry.prompt.text)}`);
    section.push(entry.body.trim());
    if (entry.replies.length) {
      section.push(
        `### Reacties\n\n${entry.replies
          .map(
            (reply) => `**${personName(reply.author)}**, ${formatDateTime(reply.createdAt)}:\n\n${quote(reply.body)}`,
          )
          .join("\n\n")}`,
      );
    }
    parts.push(section.join("\n\n"));
  }
  return `${parts.join("\n\n")}\n`;
}

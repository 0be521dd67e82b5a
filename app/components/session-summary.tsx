import { formatSessionTime } from "~/utils/dates.ts";
import { sessionFormatLabels } from "~/utils/labels.ts";
import type { SessionFormat } from "~/generated/prisma/enums.ts";

export type SessionSummaryData = {
  number: number;
  title: string;
  startsAt: string | Date;
  endsAt: string | Date;
  format: SessionFormat;
  location: string | null;
  meetingUrl: string | null;
};

/** One scheduled meeting: number, title, when (Amsterdam time) and where. */
export function SessionSummary({ session, headingLevel = 3 }: { session: SessionSummaryData; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <>
      <Heading>
        Bijeenkomst {session.number}: {session.title}
      </Heading>
      <p>
        {formatSessionTime(session.startsAt, session.endsAt)}
        <br />
        <span className="badge">{sessionFormatLabels[session.format]}</span>{" "}
        {session.location ? <span>{session.location}</span> : null}
        {session.meetingUrl ? (
          <>
            {session.location ? " · " : null}
            <a href={session.meetingUrl}>Link naar de online bijeenkomst</a>
          </>
        ) : null}
      </p>
    </>
  );
}

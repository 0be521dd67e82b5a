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
  cancelledAt?: string | Date | null;
};

/** One scheduled meeting: number, title, when (Amsterdam time) and where. */
export function SessionSummary({
  session,
  headingLevel = 3,
}: {
  session: SessionSummaryData;
  headingLevel?: 1 | 2 | 3;
}) {
  const Heading = headingLevel === 1 ? "h1" : headingLevel === 2 ? "h2" : "h3";
  return (
    <>
      <Heading>
        Bijeenkomst {session.number}: {session.title}
      </Heading>
      <p>
        {session.cancelledAt ? (
          <>
            <span className="badge badge-error">Gaat niet door</span>{" "}
          </>
        ) : null}
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

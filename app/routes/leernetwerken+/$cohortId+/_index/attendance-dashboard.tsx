import { Link } from "~/components/link.tsx";
import { TableScroll } from "~/components/table-scroll.tsx";
import { formatShortDate } from "~/utils/dates.ts";
import type { Loaded } from "./route.tsx";

/** For facilitators and coordinators: per session how many were present, signed off, absent, and why. */
export function AttendanceDashboard({
  cohort,
  participantCount,
}: {
  cohort: Loaded["cohort"];
  participantCount: number;
}) {
  const names = new Map(
    cohort.enrollments.flatMap((enrollment) =>
      enrollment.members.map((member) => [member.user.id, `${member.user.name} (${enrollment.municipality.name})`]),
    ),
  );
  const rows = cohort.sessions.map((session) => {
    const count = (status: string) =>
      session.attendances.filter((row) => row.status === status && names.has(row.userId)).length;
    const present = count("PRESENT");
    const signedOff = count("SIGNED_OFF");
    const absent = count("ABSENT");
    return { session, present, signedOff, absent, open: participantCount - present - signedOff - absent };
  });
  const signOffs = cohort.sessions.flatMap((session) =>
    session.attendances
      .filter((row) => row.status === "SIGNED_OFF" && names.has(row.userId))
      .map((row) => ({
        session,
        name: names.get(row.userId)!,
        reason: row.reason,
        key: `${session.id}-${row.userId}`,
      })),
  );
  return (
    <section aria-labelledby="overzicht">
      <h2 id="overzicht">Aanwezigheid per bijeenkomst</h2>
      {cohort.sessions.length ? (
        <TableScroll label="Tabel met de aanwezigheid per bijeenkomst">
          <table>
            <caption className="muted">{participantCount} deelnemers</caption>
            <thead>
              <tr>
                <th scope="col">Bijeenkomst</th>
                <th scope="col">Aanwezig</th>
                <th scope="col">Afgemeld</th>
                <th scope="col">Afwezig</th>
                <th scope="col">Nog niet ingevuld</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ session, present, signedOff, absent, open }) => (
                <tr key={session.id}>
                  <th scope="row">
                    <Link to={`/leernetwerken/${cohort.id}/bijeenkomsten/${session.id}`}>
                      {session.number}. {session.title}
                    </Link>
                    <br />
                    <span className="muted">
                      {formatShortDate(session.startsAt)}
                      {session.cancelledAt ? " · gaat niet door" : ""}
                    </span>
                  </th>
                  <td>{present}</td>
                  <td>{signedOff}</td>
                  <td>{absent}</td>
                  <td>{open}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p>Er zijn nog geen bijeenkomsten gepland.</p>
      )}
      <h3>Afmeldingen</h3>
      {signOffs.length ? (
        <ul>
          {signOffs.map((signOff) => (
            <li key={signOff.key}>
              Bijeenkomst {signOff.session.number}: <strong>{signOff.name}</strong> —{" "}
              {signOff.reason || "geen reden gegeven"}
            </li>
          ))}
        </ul>
      ) : (
        <p>Niemand heeft zich afgemeld.</p>
      )}
    </section>
  );
}

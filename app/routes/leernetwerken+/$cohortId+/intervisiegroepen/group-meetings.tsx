import { useLoaderData } from "@remix-run/react";
import { formatDateTime } from "~/utils/dates.ts";
import type { loader } from "./route.tsx";

/** Per saved group: its members, facilitators and meetings, and who attended — never a case or a note. */
export function GroupMeetingsOverview() {
  const { groups } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="bijeenkomsten">
      <h2 id="bijeenkomsten">Bijeenkomsten per groep</h2>
      <p className="muted">
        Wat in een groep besproken wordt, is vertrouwelijk. Je ziet alleen of een bijeenkomst plaatsvond en wie er
        waren.
      </p>
      {groups.length === 0 ? <p>Er zijn nog geen groepen opgeslagen.</p> : null}
      {groups.map((group) => (
        <div key={group.id} className="card group-overview">
          <h3>{group.name}</h3>
          <p>
            <strong>Leden:</strong> {group.members.join(", ")}
            <br />
            <strong>Begeleiding:</strong> {group.facilitators.join(", ") || "nog niemand"}
          </p>
          {group.meetings.length === 0 ? (
            <p className="muted">Nog geen bijeenkomsten gepland.</p>
          ) : (
            <ul>
              {group.meetings.map((meeting) => (
                <li key={meeting.id}>
                  {formatDateTime(meeting.startsAt)}:{" "}
                  {meeting.tookPlace
                    ? `heeft plaatsgevonden. Aanwezig: ${meeting.attended.join(", ") || "niet bijgehouden"}.`
                    : "gepland."}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </section>
  );
}

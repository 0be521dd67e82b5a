import { Link } from "~/components/link.tsx";
import { formatDate } from "~/utils/dates.ts";

/** The cohort page's latest announcements (issue 19), with the way to all of them and, for staff, to write one. */
export function LatestAnnouncements({
  cohortId,
  announcements,
  canWrite,
}: {
  cohortId: string;
  announcements: { id: string; title: string; createdAt: Date | string }[];
  canWrite: boolean;
}) {
  const base = `/leernetwerken/${cohortId}/mededelingen`;
  if (announcements.length === 0 && !canWrite) return null;
  return (
    <section aria-labelledby="mededelingen">
      <h2 id="mededelingen">Mededelingen</h2>
      {announcements.length === 0 ? (
        <p>Er zijn nog geen mededelingen.</p>
      ) : (
        <ul className="inbox-list">
          {announcements.map((announcement) => (
            <li key={announcement.id}>
              <Link to={`${base}/${announcement.id}`}>{announcement.title}</Link>{" "}
              <span className="muted">· {formatDate(announcement.createdAt)}</span>
            </li>
          ))}
        </ul>
      )}
      <p className="link-row">
        <Link to={base}>Alle mededelingen</Link>
        {canWrite ? <Link to={`${base}#nieuwe-mededeling`}>Een mededeling schrijven</Link> : null}
      </p>
    </section>
  );
}

import { Link } from "~/components/link.tsx";
import { SessionSummary } from "~/components/session-summary.tsx";
import { CohortCards } from "./cohort-cards.tsx";
import type { Data } from "./route.tsx";
import { aantal, woord } from "~/utils/plural.ts";

export function CoordinatorStart({ data }: { data: Extract<Data, { role: "COORDINATOR" }> }) {
  const c = data.coordinator;
  const attention: { key: string; content: React.ReactNode }[] = [];
  if (c.openInvitations > 0) {
    attention.push({
      key: "open",
      content: (
        <>
          <Link to="/beheer/uitnodigingen">{aantal(c.openInvitations, "uitnodiging", "uitnodigingen")}</Link> nog niet
          aangenomen.
        </>
      ),
    });
  }
  if (c.expiredInvitations > 0) {
    attention.push({
      key: "expired",
      content: (
        <>
          <Link to="/beheer/uitnodigingen">{aantal(c.expiredInvitations, "uitnodiging", "uitnodigingen")}</Link>{" "}
          verlopen: stuur een nieuwe.
        </>
      ),
    });
  }
  if (c.failedEmails > 0) {
    attention.push({
      key: "failed",
      content: (
        <>
          <Link to="/beheer/e-mail">{aantal(c.failedEmails, "e-mail", "e-mails")}</Link>{" "}
          {woord(c.failedEmails, "kon", "konden")} niet worden verzonden.
        </>
      ),
    });
  }
  for (const cohort of c.openApplications) {
    attention.push({
      key: `applications-${cohort.id}`,
      content: (
        <>
          <Link to={`/leernetwerken/${cohort.id}/aanmeldingen`}>
            {aantal(cohort._count.applications, "aanmelding", "aanmeldingen")} voor {cohort.name}
          </Link>{" "}
          {woord(cohort._count.applications, "wacht", "wachten")} op een intake of besluit.
        </>
      ),
    });
  }
  for (const cohort of c.cohortsWithRoom) {
    attention.push({
      key: `room-${cohort.id}`,
      content: (
        <>
          <Link to={`/leernetwerken/${cohort.id}`}>{cohort.name}</Link>: aanmelding open, nog plaats voor{" "}
          {aantal(cohort.capacity - cohort._count.enrollments, "gemeente", "gemeenten")}.
        </>
      ),
    });
  }
  return (
    <>
      <section aria-labelledby="aandacht">
        <h2 id="aandacht">Wat aandacht nodig heeft</h2>
        {attention.length ? (
          <ul className="attention-list">
            {attention.map((item) => (
              <li key={item.key}>{item.content}</li>
            ))}
          </ul>
        ) : (
          <p>Er is nu niets dat aandacht nodig heeft.</p>
        )}
      </section>
      <section aria-labelledby="komend">
        <h2 id="komend">Bijeenkomsten in de komende twee weken</h2>
        {c.upcomingSessions.length ? (
          <ul className="session-list">
            {c.upcomingSessions.map((session) => (
              <li key={session.id} className="card">
                <p className="muted">{session.cohort.name}</p>
                <SessionSummary session={session} />
              </li>
            ))}
          </ul>
        ) : (
          <p>Geen bijeenkomsten in de komende twee weken.</p>
        )}
      </section>
      <section aria-labelledby="leernetwerken">
        <h2 id="leernetwerken">Leernetwerken</h2>
        <CohortCards cohorts={c.cohorts} />
      </section>
    </>
  );
}

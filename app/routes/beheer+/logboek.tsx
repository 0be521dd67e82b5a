// The audit trail: what coordinators (and invited people) did, newest first. Coordinators only.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guards.server.ts";
import { TableScroll } from "~/components/table-scroll.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { listAuditEntries } from "~/models/audit.server.ts";
import { formatDateTime } from "~/utils/dates.ts";

export const meta: MetaFunction = () => [{ title: "Logboek — Leernetwerk" }];

const actionLabels: Record<string, string> = {
  "invitation.create": "Uitnodiging verstuurd",
  "invitation.revoke": "Uitnodiging ingetrokken",
  "invitation.accept": "Uitnodiging aangenomen",
  "cohort.create": "Leernetwerk aangemaakt",
  "cohort.update": "Leernetwerk gewijzigd",
  "session.create": "Bijeenkomst toegevoegd",
  "session.update": "Bijeenkomst gewijzigd",
  "session.cancel": "Bijeenkomst afgelast",
  "session.restore": "Bijeenkomst gaat toch door",
  "attendance.record": "Aanwezigheid ingevuld",
  "attendance.sign-off": "Afgemeld voor een bijeenkomst",
  "attendance.sign-off-withdrawn": "Afmelding ingetrokken",
  "user.email_change": "E-mailadres gewijzigd (bevestigd via de nieuwe link)",
  "calendar-feed.renew": "Agenda-link gemaakt",
  "calendar-feed.revoke": "Agenda-link ingetrokken",
  "two_factor.enable": "Tweestapsverificatie aangezet",
  "two_factor.disable": "Tweestapsverificatie uitgezet",
  "two_factor.recovery_code_used": "Ingelogd met een herstelcode",
  "two_factor.recovery_codes_renewed": "Nieuwe herstelcodes gemaakt",
  "application.submit": "Aanmelding ontvangen (openbaar formulier)",
  "application.intake_plan": "Intakegesprek gepland",
  "application.intake_notes": "Intake vastgelegd",
  "application.decide": "Besluit over aanmelding",
  "enrollment.admit": "Gemeente toegelaten en ingeschreven",
  "enrollment.create": "Gemeente direct ingeschreven",
  "enrollment.withdraw": "Gemeente uitgeschreven",
  "enrollment.reinstate": "Gemeente weer ingeschreven",
  "duo_member.add": "Persoon aan duo toegevoegd",
  "duo_member.replace": "Persoon in duo vervangen",
  "duo_member.remove": "Persoon uit duo gehaald",
  "facilitator.assign": "Begeleider toegewezen",
  "facilitator.remove": "Begeleider weggehaald",
  "cohort.export_participants": "Deelnemers geëxporteerd (CSV)",
  "cohort.export_attendance": "Aanwezigheid geëxporteerd (CSV)",
  "session.reading.add": "Leesvoorbereiding toegevoegd aan bijeenkomst",
  "session.reading.remove": "Leesvoorbereiding verwijderd van bijeenkomst",
  "email.retry": "E-mail opnieuw verstuurd",
  "cohort.closing.step": "Stap van het afsluiten gedaan of teruggedraaid",
  "cohort.archived": "Leernetwerk gearchiveerd",
  "retention.notice": "Deelnemers gewaarschuwd: gegevens worden binnenkort verwijderd",
  "retention.applied": "Gegevens van een leernetwerk verwijderd (bewaartermijn)",
  "retention.purged": "Oude gegevens opgeruimd (bewaartermijnen)",
};

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "COORDINATOR");
  return { entries: await listAuditEntries() };
}

export default function AuditLogPage() {
  const { entries } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Logboek</h1>
      <p>Hier staat wie wat heeft gedaan. Het logboek kan niet worden gewijzigd.</p>
      {entries.length === 0 ? (
        <p>Het logboek is nog leeg.</p>
      ) : (
        <TableScroll label="Tabel met het logboek">
          <table>
            <thead>
              <tr>
                <th scope="col">Wanneer</th>
                <th scope="col">Wie</th>
                <th scope="col">Wat</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>{formatDateTime(entry.createdAt)}</td>
                  <td>{entry.actor?.name ?? "Systeem"}</td>
                  <td>{actionLabels[entry.action] ?? entry.action}</td>
                  <td>
                    <code>{JSON.stringify(entry.details)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

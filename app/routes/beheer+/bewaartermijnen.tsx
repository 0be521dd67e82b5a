// Coordinators: the retention dry run. For every cohort whose retention clock runs: when the participants
// are told, when the cohort's personal work is deleted, and how much of each kind that would be now; and
// the terms after which other records are purged (app/maintenance/retention.server.ts). Read-only.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { requireRole } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { TableScroll } from "~/components/table-scroll.tsx";
import { retentionKinds } from "~/maintenance/retention-kinds.ts";
import { listRetentionPlan, recordTerms } from "~/maintenance/retention.server.ts";
import { formatDate } from "~/utils/dates.ts";
import { getEnv } from "~/utils/env.server.ts";

export const meta: MetaFunction = () => [{ title: "Bewaartermijnen — Leernetwerk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "COORDINATOR");
  const env = getEnv();
  return {
    plan: await listRetentionPlan(),
    months: env.RETENTION_MONTHS,
    noticeWeeks: env.RETENTION_NOTICE_WEEKS,
    terms: recordTerms,
  };
}

const kinds = Object.entries(retentionKinds) as [keyof typeof retentionKinds, string][];

export default function RetentionPage() {
  const { plan, months, noticeWeeks, terms } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Bewaartermijnen</h1>
      <p>
        Als een leernetwerk wordt afgesloten, start de bewaartermijn. {months} maanden later verwijderen we wat de
        deelnemers in dat leernetwerk schreven. De deelnemers krijgen {noticeWeeks} weken eerder een e-mail met een link
        om hun gegevens te downloaden. Hieronder zie je wat er zou worden verwijderd als het vandaag zou gebeuren (er
        wordt nu niets verwijderd).
      </p>
      <p>
        Wat het duo wil houden, kan het vóór die datum bewaren in het impactspoor van de gemeente: bij een uitwerking
        van een opdracht of een eigen journaalstuk staat “Bewaren in het impactspoor”. Die kopie hoort bij de gemeente
        en valt niet onder deze bewaartermijn.
      </p>
      {plan.length === 0 ? (
        <p>Er loopt nog geen bewaartermijn.</p>
      ) : (
        <TableScroll label="Wat wordt wanneer verwijderd, per leernetwerk">
          <table>
            <caption>Wat wordt wanneer verwijderd</caption>
            <thead>
              <tr>
                <th scope="col">Leernetwerk</th>
                <th scope="col">E-mail aan deelnemers</th>
                <th scope="col">Verwijderen op</th>
                {kinds.map(([key, label]) => (
                  <th scope="col" key={key}>
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {plan.map((row) => (
                <tr key={row.cohort.id}>
                  <th scope="row">
                    <Link to={`/leernetwerken/${row.cohort.id}/afsluiten`}>{row.cohort.name}</Link>
                  </th>
                  <td>
                    {row.noticeSentAt
                      ? `verstuurd ${formatDate(row.noticeSentAt)}`
                      : `vanaf ${formatDate(row.noticeAt)}`}
                  </td>
                  <td>{row.appliedAt ? `verwijderd ${formatDate(row.appliedAt)}` : formatDate(row.endsAt)}</td>
                  {kinds.map(([key]) => (
                    <td key={key}>{row.counts ? row.counts[key] : "–"}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <h2>Andere gegevens</h2>
      <p>Deze gegevens ruimen we elke dag op, na de termijn die erbij staat.</p>
      <ul>
        <li>De inhoud van verstuurde e-mails: {terms.emailBodyDays} dagen na verzending.</li>
        <li>Afgewezen aanmeldingen met hun contactgegevens: {terms.rejectedApplicationDays} dagen na het besluit.</li>
        <li>Meldingen die al zijn verstuurd: na {terms.sentNotificationDays} dagen.</li>
        <li>Regels in het logboek: na {Math.round(terms.auditDays / 365)} jaar.</li>
      </ul>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

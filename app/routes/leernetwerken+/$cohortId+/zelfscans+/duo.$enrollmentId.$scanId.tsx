// One duo's results for one scan, for the facilitators of the cohort (read in the query: a facilitator of
// another cohort finds nothing). Coordinators see only the anonymised aggregate: 403 here. Participants: 404
// (a participant opens their own results on …/zelfscans/:scanId/resultaten).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { isUuid, requireCohortMember } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { SelfScanResults } from "~/components/self-scan-results.tsx";
import { findSelfScan } from "~/content/library.server.ts";
import { resultsScan } from "~/content/self-scan-schema.ts";
import { findDuoResultsForFacilitator, resultsView, serializedResults } from "~/models/self-scan.server.ts";
import { cohortPage, useCohortHeader } from "~/utils/cohort-page.ts";
import { forbidden, invariantResponse, notFound } from "~/utils/http.server.ts";

export const handle = cohortPage<typeof loader>({
  breadcrumb: ({ municipality }, cohortPath) => [
    { label: "Zelfscans", to: `${cohortPath}/zelfscans` },
    { label: municipality },
  ],
});

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.scan.title} van ${data.municipality} — Zelfscans — Leernetwerk` : "Leernetwerk" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, relation, cohortId } = await requireCohortMember(request, params.cohortId);
  if (relation === "coordinator")
    throw forbidden("De coördinator ziet alleen de gemiddelden van alle duo's, geen antwoorden van één duo.");
  if (relation !== "facilitator" || !isUuid(params.enrollmentId))
    throw notFound("Deze zelfscan bestaat niet of je hebt er geen toegang toe.");
  const scan = findSelfScan(params.scanId);
  invariantResponse(scan, "Deze zelfscan bestaat niet.");
  const duo = await findDuoResultsForFacilitator(user, cohortId, params.enrollmentId, scan.id);
  invariantResponse(duo, "Dit duo bestaat niet of je hebt er geen toegang toe.");
  return {
    municipality: duo.municipality.name,
    members: duo.members.map((member) => member.user.name),
    scan: { title: scan.title, sourceTitle: scan.sourceTitle },
    results: serializedResults(resultsScan(scan), resultsView(scan, duo)),
  };
}

export default function DuoResultsPage() {
  const { municipality, members, scan, results } = useLoaderData<typeof loader>();
  const { cohort } = useCohortHeader();
  const base = `/leernetwerken/${cohort.id}/zelfscans`;
  return (
    <>
      <h1>
        {scan.title}: {municipality}
      </h1>
      <p className="lead">Het duo: {members.join(", ")}. Je ziet alleen afgeronde zelfscans.</p>
      <p className="muted">Gebaseerd op: {scan.sourceTitle}.</p>
      <SelfScanResults results={results} idPrefix="duo" />
      <p>
        <Link to={base}>Terug naar de zelfscans van het leernetwerk</Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

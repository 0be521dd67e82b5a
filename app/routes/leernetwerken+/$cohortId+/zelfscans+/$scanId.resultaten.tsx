// The duo's own results for one scan: the chart over intake, halverwege and einde with the change, and the
// answers per moment (side by side when the members answered on their own). Only for the duo itself;
// facilitators read a duo's results on …/zelfscans/duo/:enrollmentId/:scanId, coordinators never.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { requireCohortMember } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { SelfScanResults } from "~/components/self-scan-results.tsx";
import { findSelfScan } from "~/content/library.server.ts";
import { resultsScan } from "~/content/self-scan-schema.ts";
import {
  findOwnDuoResults,
  ownDuoResultsWithAccess,
  resultsView,
  serializedResults,
} from "~/models/self-scan.server.ts";
import { cohortPage, useCohortHeader } from "~/utils/cohort-page.ts";
import { forbidden, invariantResponse } from "~/utils/http.server.ts";

export const handle = cohortPage<typeof loader>({
  breadcrumb: (_data, cohortPath) => [{ label: "Zelfscans", to: `${cohortPath}/zelfscans` }, { label: "Uitkomst" }],
});

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Uitkomst ${data.scan.title} — Zelfscans — Leernetwerk` : "Leernetwerk" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scan = findSelfScan(params.scanId);
  // The duo's results come with the access check's statement (one statement less); read on their own otherwise.
  const { user, relation, cohortId, page } = await requireCohortMember(
    request,
    params.cohortId,
    scan ? ownDuoResultsWithAccess(scan.id) : undefined,
  );
  if (relation !== "participant") throw forbidden("Dit is de pagina van het duo zelf.");
  invariantResponse(scan, "Deze zelfscan bestaat niet.");
  const duo = page ? page.data : await findOwnDuoResults(user, cohortId, scan.id);
  invariantResponse(duo, "Je doet niet mee met een duo in dit leernetwerk.");
  return {
    municipality: duo.municipality.name,
    scan: { title: scan.title, sourceTitle: scan.sourceTitle },
    results: serializedResults(resultsScan(scan), resultsView(scan, duo)),
  };
}

export default function OwnResultsPage() {
  const { municipality, scan, results } = useLoaderData<typeof loader>();
  const { cohort } = useCohortHeader();
  const base = `/leernetwerken/${cohort.id}/zelfscans`;
  return (
    <>
      <h1>Uitkomst: {scan.title}</h1>
      <p className="lead">
        Zo staat {municipality} ervoor volgens jullie eigen antwoorden, per moment dat jullie de zelfscan hebben
        afgerond.
      </p>
      <p className="muted">Gebaseerd op: {scan.sourceTitle}.</p>
      <SelfScanResults results={results} idPrefix="uitkomst" />
      <p>
        <Link to={base}>Terug naar de zelfscans</Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

// Coordinator: downloads of this cohort's data for Excel.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireCohortCoordinator } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { identityColumns, participantColumns } from "~/models/cohort-export.server.ts";
import { cohortPage, cohortTitle, useCohortHeader } from "~/utils/cohort-page.ts";

export const handle = cohortPage<typeof loader>({ adminNav: true });

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? cohortTitle(matches, "Exporteren") : "Exporteren — Leernetwerk" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireCohortCoordinator(request, params.cohortId);
  return {
    participantHeaders: participantColumns.map((column) => column.header),
    identityHeaders: identityColumns.map((column) => column.header),
  };
}

export default function ExportPage() {
  const { participantHeaders, identityHeaders } = useLoaderData<typeof loader>();
  const { cohort } = useCohortHeader();
  return (
    <>
      <h1>Exporteren</h1>
      <p>
        De bestanden zijn CSV-bestanden die je met een dubbelklik in Excel opent: tekens als ë en â blijven goed (UTF-8)
        en de kolommen staan gescheiden door een puntkomma, zoals Excel in het Nederlands verwacht. Er staan
        persoonsgegevens in: bewaar het bestand zorgvuldig en verwijder het als je het niet meer nodig hebt. Elke
        download wordt in het logboek vastgelegd.
      </p>
      <section aria-labelledby="deelnemers" className="card">
        <h2 id="deelnemers">Deelnemers</h2>
        <p>
          Eén regel per persoon in een duo, ook wie is uitgenodigd maar nog geen account heeft. Kolommen:{" "}
          {participantHeaders.join(", ")}.
        </p>
        <p>
          <a href={`/leernetwerken/${cohort.id}/export/deelnemers.csv`} download>
            Deelnemers downloaden (CSV)
          </a>
        </p>
      </section>
      <section aria-labelledby="aanwezigheid" className="card">
        <h2 id="aanwezigheid">Aanwezigheid</h2>
        <p>
          Eén regel per persoon, met de kolommen {identityHeaders.join(", ")} en daarna één kolom per bijeenkomst:
          aanwezig, afgemeld (met de reden) of afwezig. Leeg betekent: nog niet ingevuld.
        </p>
        <p>
          <a href={`/leernetwerken/${cohort.id}/export/aanwezigheid.csv`} download>
            Aanwezigheid downloaden (CSV)
          </a>
        </p>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

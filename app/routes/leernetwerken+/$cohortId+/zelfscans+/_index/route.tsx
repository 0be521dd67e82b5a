// The self-scans of a cohort. A duo sees its own scans per moment (intake, halverwege, einde) with their
// status and the moment that is due; the cohort's facilitators see every duo's status; the coordinator sees
// only how many duos answered and the anonymised cohort aggregate (never a duo's own answers).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { requireCohortMember } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { TableScroll } from "~/components/table-scroll.tsx";
import { getLibrary } from "~/content/library.server.ts";
import { momentLabels, momentSlugs, selfScanMoments } from "~/content/self-scan-schema.ts";
import {
  canEdit,
  cohortAggregate,
  cohortDuoStatuses,
  countDuos,
  dueMomentFor,
  findOwnDuo,
  momentStatus,
} from "~/models/self-scan.server.ts";
import { cohortPage, cohortTitle, useCohortHeader } from "~/utils/cohort-page.ts";
import { invariantResponse } from "~/utils/http.server.ts";

export const handle = cohortPage<typeof loader>({ breadcrumb: () => [{ label: "Zelfscans" }] });

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? cohortTitle(matches, "Zelfscans") : "Leernetwerk" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, relation, cohortId } = await requireCohortMember(request, params.cohortId);
  const scans = getLibrary().selfScans.map((scan) => ({
    id: scan.id,
    title: scan.title,
    summary: scan.summary,
    sourceTitle: scan.sourceTitle,
  }));

  if (relation === "participant") {
    const duo = await findOwnDuo(user, cohortId);
    invariantResponse(duo, "Je doet niet mee met een duo in dit leernetwerk.");
    return {
      view: "duo" as const,
      scans,
      municipality: duo.municipality.name,
      due: dueMomentFor(duo),
      editable: canEdit(duo),
      statuses: Object.fromEntries(
        getLibrary().selfScans.map((scan) => [
          scan.id,
          Object.fromEntries(selfScanMoments.map((moment) => [moment, momentStatus(duo, scan.id, moment)])),
        ]),
      ),
    };
  }

  // Staff: per scan and moment, how many duos completed it (the numbers themselves are on the totaal page).
  const [duoCount, aggregates] = await Promise.all([
    countDuos(cohortId),
    Promise.all(getLibrary().selfScans.map(async (scan) => [scan.id, await cohortAggregate(cohortId, scan)] as const)),
  ]);
  const answered = Object.fromEntries(
    aggregates.map(([scanId, byMoment]) => [
      scanId,
      Object.fromEntries(selfScanMoments.map((moment) => [moment, byMoment[moment].duoCount])),
    ]),
  );
  if (relation === "facilitator") {
    return { view: "facilitator" as const, scans, duoCount, answered, duos: await cohortDuoStatuses(cohortId) };
  }
  return { view: "coordinator" as const, scans, duoCount, answered };
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

export default function SelfScansPage() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Zelfscans</h1>
      {data.view === "duo" ? <DuoOverview data={data} /> : <StaffOverview data={data} />}
    </>
  );
}

function DuoOverview({ data }: { data: Extract<Data, { view: "duo" }> }) {
  const { cohort } = useCohortHeader();
  return (
    <>
      <p className="lead">
        Met drie zelfscans zien jullie waar {data.municipality} staat, aan het begin, halverwege en aan het eind van het
        leernetwerk. Vul ze samen in, of ieder apart: dan zie je elkaars antwoorden naast elkaar.
      </p>
      <p>
        Nu aan de beurt: <strong>{momentLabels[data.due].toLowerCase()}</strong>. Je kunt ook een ander moment invullen.
      </p>
      {!data.editable ? (
        <p className="alert alert-info">
          Dit leernetwerk is afgesloten. Je kunt de zelfscans nog bekijken, niet meer wijzigen.
        </p>
      ) : null}
      <ul className="self-scan-list">
        {data.scans.map((scan) => (
          <li key={scan.id} className="card">
            <h2 id={`scan-${scan.id}`}>{scan.title}</h2>
            <p>{scan.summary}</p>
            <TableScroll label={`${scan.title}: status per moment`}>
              <table className="self-scan-status">
                <thead>
                  <tr>
                    <th scope="col">Moment</th>
                    <th scope="col">Status</th>
                    <th scope="col">
                      <span className="visually-hidden">Actie</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {selfScanMoments.map((moment) => {
                    const status = data.statuses[scan.id]![moment]!;
                    return (
                      <tr key={moment}>
                        <th scope="row">
                          {momentLabels[moment]}
                          {moment === data.due ? (
                            <>
                              {" "}
                              <span className="badge badge-warning">nu aan de beurt</span>
                            </>
                          ) : null}
                        </th>
                        <td>
                          <span className={status.state === "completed" ? "badge badge-success" : "badge"}>
                            {status.label}
                          </span>
                          {status.mode === "INDIVIDUAL" ? <span className="muted"> · ieder apart</span> : null}
                        </td>
                        <td>
                          <Link to={`/leernetwerken/${cohort.id}/zelfscans/${scan.id}/${momentSlugs[moment]}`}>
                            {status.state === "completed" || !data.editable
                              ? "Bekijken"
                              : status.state === "not-started"
                                ? "Invullen"
                                : "Verder invullen"}
                            <span className="visually-hidden">
                              : {scan.title}, {momentLabels[moment].toLowerCase()}
                            </span>
                          </Link>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableScroll>
            <p>
              <Link to={`/leernetwerken/${cohort.id}/zelfscans/${scan.id}/resultaten`}>
                Uitkomst en verandering<span className="visually-hidden"> van {scan.title}</span>
              </Link>
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}

function AnsweredCell({ count }: { count: number }) {
  return count >= 3 ? (
    <>{count} duo&apos;s</>
  ) : (
    <span className="muted">{count === 0 ? "nog geen" : `${count}: te weinig duo's`}</span>
  );
}

function StaffOverview({ data }: { data: Exclude<Data, { view: "duo" }> }) {
  const { cohort } = useCohortHeader();
  return (
    <>
      <p className="lead">
        {data.view === "coordinator"
          ? "Hoe de duo's van dit leernetwerk er samen voor staan, zonder namen. Antwoorden van één duo zie je hier niet."
          : "Welke duo's hun zelfscans hebben ingevuld, en hoe het leernetwerk er samen voor staat."}
      </p>
      <section aria-labelledby="cohort-totaal">
        <h2 id="cohort-totaal">Het leernetwerk samen</h2>
        <p>
          Het gemiddelde van alle duo&apos;s verschijnt pas als minstens drie van de {data.duoCount} duo&apos;s een
          zelfscan op hetzelfde moment hebben afgerond. Zo is niet te herleiden wat één duo heeft geantwoord.
        </p>
        <TableScroll label="Afgeronde zelfscans per moment">
          <table className="self-scan-status">
            <thead>
              <tr>
                <th scope="col">Zelfscan</th>
                {selfScanMoments.map((moment) => (
                  <th scope="col" key={moment}>
                    {momentLabels[moment]}
                  </th>
                ))}
                <th scope="col">
                  <span className="visually-hidden">Actie</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.scans.map((scan) => (
                <tr key={scan.id}>
                  <th scope="row">{scan.title}</th>
                  {selfScanMoments.map((moment) => (
                    <td key={moment}>
                      <AnsweredCell count={data.answered[scan.id]![moment]!} />
                    </td>
                  ))}
                  <td>
                    <Link to={`/leernetwerken/${cohort.id}/zelfscans/${scan.id}/totaal`}>
                      Gemiddelden<span className="visually-hidden"> van {scan.title}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
      {data.view === "facilitator" ? (
        <section aria-labelledby="per-duo">
          <h2 id="per-duo">Per duo</h2>
          {data.duos.length === 0 ? <p>Er doen nog geen gemeenten mee.</p> : null}
          {data.duos.map((duo) => (
            <section key={duo.id} aria-labelledby={`duo-${duo.id}`} className="card self-scan-duo">
              <h3 id={`duo-${duo.id}`}>{duo.municipality}</h3>
              <p className="muted">{duo.members.join(", ")}</p>
              <TableScroll label={`Zelfscans van ${duo.municipality}`}>
                <table className="self-scan-status">
                  <thead>
                    <tr>
                      <th scope="col">Zelfscan</th>
                      {selfScanMoments.map((moment) => (
                        <th scope="col" key={moment}>
                          {momentLabels[moment]}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {duo.scans.map((scanStatus) => {
                      const scan = data.scans.find((candidate) => candidate.id === scanStatus.id)!;
                      return (
                        <tr key={scan.id}>
                          <th scope="row">
                            <Link to={`/leernetwerken/${cohort.id}/zelfscans/duo/${duo.id}/${scan.id}`}>
                              {scan.title}
                              <span className="visually-hidden"> van {duo.municipality}</span>
                            </Link>
                          </th>
                          {scanStatus.moments.map(({ moment, status }) => (
                            <td key={moment}>{status.label}</td>
                          ))}
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </TableScroll>
            </section>
          ))}
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

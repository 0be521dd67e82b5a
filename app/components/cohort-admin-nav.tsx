// The coordinator's pages of one cohort: applications and intake, participants, facilitators, intervisie
// groups and export. The cohort layout shows it to coordinators above the cohort page and those pages.
import { NavLink } from "@remix-run/react";
import type { CohortStatus } from "~/generated/prisma/enums.ts";
import { cohortStatusLabels } from "~/utils/labels.ts";

export type CohortAdminFigures = { capacity: number; activeEnrollments: number; openApplications: number };

export function CohortAdminNav({
  cohort,
  showFigures,
}: {
  cohort: { id: string; status: CohortStatus; admin: CohortAdminFigures };
  /** The status and places taken (the cohort page shows them in its own header). */
  showFigures: boolean;
}) {
  const base = `/leernetwerken/${cohort.id}`;
  return (
    <>
      {showFigures ? (
        <p className="breadcrumb">
          <span className="badge">{cohortStatusLabels[cohort.status]}</span>{" "}
          <span className="muted">
            {cohort.admin.activeEnrollments} van {cohort.admin.capacity} plaatsen bezet
          </span>
        </p>
      ) : null}
      <nav className="cohort-subnav" aria-label="Beheer van dit leernetwerk">
        <ul>
          <li>
            <NavLink to={`${base}/aanmeldingen`}>
              Aanmeldingen en intake{cohort.admin.openApplications ? ` (${cohort.admin.openApplications} open)` : ""}
            </NavLink>
          </li>
          <li>
            <NavLink to={`${base}/deelnemers`}>Gemeenten en duo's</NavLink>
          </li>
          <li>
            <NavLink to={`${base}/begeleiders`}>Begeleiders</NavLink>
          </li>
          <li>
            <NavLink to={`${base}/intervisiegroepen`}>Intervisiegroepen</NavLink>
          </li>
          <li>
            <NavLink to={`${base}/export`}>Exporteren</NavLink>
          </li>
          <li>
            <NavLink to={`${base}/afsluiten`}>Afsluiten</NavLink>
          </li>
        </ul>
      </nav>
    </>
  );
}

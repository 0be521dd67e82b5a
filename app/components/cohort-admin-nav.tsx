// The coordinator's pages of one cohort: overview, applications and intake, participants, facilitators and
// export. Shown at the top of each of them.
import { Link, NavLink } from "@remix-run/react";
import { cohortStatusLabels } from "~/utils/labels.ts";
import type { CohortStatus } from "~/generated/prisma/enums.ts";

export type CohortAdminHeaderData = {
  id: string;
  name: string;
  status: CohortStatus;
  capacity: number;
  activeEnrollments: number;
  openApplications: number;
};

export function CohortAdminNav({ cohort }: { cohort: CohortAdminHeaderData }) {
  const base = `/leernetwerken/${cohort.id}`;
  return (
    <>
      <p className="breadcrumb">
        <Link to={base}>{cohort.name}</Link> <span className="badge">{cohortStatusLabels[cohort.status]}</span>{" "}
        <span className="muted">
          {cohort.activeEnrollments} van {cohort.capacity} plaatsen bezet
        </span>
      </p>
      <nav className="cohort-subnav" aria-label="Beheer van dit leernetwerk">
        <ul>
          <li>
            <NavLink to={`${base}/aanmeldingen`}>
              Aanmeldingen en intake{cohort.openApplications ? ` (${cohort.openApplications} open)` : ""}
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
        </ul>
      </nav>
    </>
  );
}

import { Fragment } from "react";
import { Link } from "~/components/link.tsx";
import type { Crumb } from "~/utils/cohort-page.ts";

/** "Cohort name › step › step": the cohort's name always links to the cohort page. */
export function CohortBreadcrumbs({ cohortPath, name, crumbs }: { cohortPath: string; name: string; crumbs: Crumb[] }) {
  return (
    <nav aria-label="Kruimelpad" className="breadcrumbs">
      <Link to={cohortPath}>{name}</Link>
      {crumbs.map((crumb, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a breadcrumb step is its place in the trail
        <Fragment key={index}>
          {" "}
          <span aria-hidden="true">›</span> {crumb.to ? <Link to={crumb.to}>{crumb.label}</Link> : crumb.label}
        </Fragment>
      ))}
    </nav>
  );
}

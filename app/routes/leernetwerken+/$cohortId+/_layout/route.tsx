// The layout of every page under /leernetwerken/:cohortId. It checks once that the viewer belongs to the
// cohort (the same query brings the cohort's header), and renders the breadcrumb and, for coordinators on the cohort page
// and its admin pages, the cohort admin navigation above the page. Pages read the header with
// useCohortHeader() (app/utils/cohort-page.ts) and never query it themselves.
// Each page still runs its own guard in its loader and action: Remix runs the loaders of a layout and its
// pages in parallel, so this guard does not protect them.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData, useMatches } from "@remix-run/react";
import { requireCohortMember } from "~/auth/guards.server.ts";
import { CohortAdminNav } from "~/components/cohort-admin-nav.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { isCohortPageHandle, type CohortPageHandle } from "~/utils/cohort-page.ts";
import { CohortBreadcrumbs } from "./breadcrumbs.tsx";

export async function loader({ request, params }: LoaderFunctionArgs) {
  // The guard's one query brings the header along (and the page's guard reuses it).
  const { relation, cohort } = await requireCohortMember(request, params.cohortId);
  return { cohort, relation };
}

// Fresh figures (places taken, open applications) on every page, as when each page loaded them itself.
export const shouldRevalidate = () => true;

export default function CohortLayout() {
  const { cohort } = useLoaderData<typeof loader>();
  const page = useMatches().at(-1);
  const handle: CohortPageHandle = isCohortPageHandle(page?.handle) ? page.handle : {};
  const cohortPath = `/leernetwerken/${cohort.id}`;
  // A page that failed (404/403 inside the cohort) has no data: then the trail is the cohort's name only.
  const crumbs =
    handle.breadcrumb === false
      ? null
      : typeof handle.breadcrumb === "function" && page?.data !== undefined
        ? handle.breadcrumb(page.data, cohortPath)
        : [];
  return (
    <>
      {crumbs ? <CohortBreadcrumbs cohortPath={cohortPath} name={cohort.name} crumbs={crumbs} /> : null}
      {handle.adminNav && cohort.admin ? (
        <CohortAdminNav cohort={{ ...cohort, admin: cohort.admin }} showFigures={crumbs !== null} />
      ) : null}
      <Outlet />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

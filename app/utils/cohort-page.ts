// The contract between the /leernetwerken/:cohortId layout and the pages below it. The layout loads the
// cohort's header once (app/routes/leernetwerken+/$cohortId+/_layout/route.tsx) and renders the
// breadcrumb and, for coordinators, the cohort admin navigation; a page reads the header with
// useCohortHeader(), its document title with cohortTitle(), and says what the breadcrumb shows after the
// cohort's name with `export const handle = cohortPage<typeof loader>({ … })`.
// The layout does not protect a page: every page still runs its own guard (loaders run in parallel).
import type { SerializeFrom } from "@remix-run/node";
import { useRouteLoaderData } from "@remix-run/react";
import type { loader } from "~/routes/leernetwerken+/$cohortId+/_layout/route.tsx";

/** The id Remix gives the layout route (its file under app/, without the extension). */
export const cohortLayoutId = "routes/leernetwerken+/$cohortId+/_layout/route";

export type CohortHeaderData = SerializeFrom<typeof loader>;

/** The cohort's header (id, name, slug, status, the viewer's relation; for coordinators the admin figures). */
export function useCohortHeader(): CohortHeaderData {
  const data = useRouteLoaderData<typeof loader>(cohortLayoutId);
  if (!data) throw new Error("useCohortHeader() is for pages under /leernetwerken/:cohortId.");
  return data;
}

/**
 * The header with the coordinator's figures (places taken, open applications), for the coordinator's own
 * pages: their guards let only coordinators in, and the layout loads the figures for coordinators.
 */
export function useCohortAdminHeader() {
  const { cohort } = useCohortHeader();
  if (!cohort.admin) throw new Error("useCohortAdminHeader() is for the coordinator's pages of a cohort.");
  return { ...cohort, admin: cohort.admin };
}

function isHeaderData(data: unknown): data is CohortHeaderData {
  return typeof data === "object" && data !== null && "cohort" in data && "relation" in data;
}

/** A document title "part — … — cohort name — Leernetwerk", with the name from the layout's data. */
export function cohortTitle(matches: ReadonlyArray<{ id: string; data: unknown }>, ...parts: string[]): string {
  const data = matches.find((match) => match.id === cohortLayoutId)?.data;
  const name = isHeaderData(data) ? data.cohort.name : undefined;
  return [...parts, ...(name ? [name] : []), "Leernetwerk"].join(" — ");
}

/** One step of the breadcrumb after the cohort's name; the last one is often the page itself (no link). */
export type Crumb = { label: string; to?: string };

export type CohortPageHandle = {
  /** What follows the cohort's name, from the page's own loader data; `false`: no breadcrumb at all. */
  breadcrumb?: false | ((data: unknown, cohortPath: string) => Crumb[]);
  /** Coordinators see the cohort admin navigation above this page. */
  adminNav?: boolean;
};

export function isCohortPageHandle(handle: unknown): handle is CohortPageHandle {
  return typeof handle === "object" && handle !== null && ("breadcrumb" in handle || "adminNav" in handle);
}

/**
 * A page's `handle`, typed by its loader. The layout calls `breadcrumb` only with the data of that page's
 * loader (never when the page failed), which is why the data may be typed here.
 */
export function cohortPage<Loader>(handle: {
  breadcrumb?: false | ((data: SerializeFrom<Loader>, cohortPath: string) => Crumb[]);
  adminNav?: boolean;
}): CohortPageHandle {
  const { breadcrumb } = handle;
  if (typeof breadcrumb !== "function") return { breadcrumb, adminNav: handle.adminNav };
  return {
    adminNav: handle.adminNav,
    breadcrumb: (data, cohortPath) => breadcrumb(data as SerializeFrom<Loader>, cohortPath),
  };
}

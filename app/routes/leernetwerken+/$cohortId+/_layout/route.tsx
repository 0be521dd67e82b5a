// The layout of every page under /leernetwerken/:cohortId: it checks once that the viewer belongs to the
// cohort and renders the page below it. Each child route still runs its own guard in its loader and
// action, because Remix runs the loaders of a layout and its child in parallel.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { requireCohortMember } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireCohortMember(request, params.cohortId);
  return null;
}

export default function CohortLayout() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

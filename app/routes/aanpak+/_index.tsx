// /aanpak: the participant's menu item "Aanpak" leads to the canvas of their duo (most recent cohort).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link } from "~/components/link.tsx";
import { requireRole } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { latestEnrollment } from "~/models/action-plan.server.ts";

export const meta: MetaFunction = () => [{ title: "Aanpak — Leernetwerk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "PARTICIPANT");
  const enrollment = await latestEnrollment(user.id);
  if (enrollment) throw redirect(`/leernetwerken/${enrollment.cohortId}/aanpak/${enrollment.id}`);
  return null;
}

export default function NoPlanPage() {
  return (
    <>
      <h1>Aanpak</h1>
      <p>
        Je doet (nog) niet mee aan een leernetwerk met een duo. Zodra je duo is ingeschreven, werken jullie hier aan
        jullie eigen aanpak.
      </p>
      <p>
        <Link to="/kennisbank">Bekijk in de kennisbank</Link> hoe andere gemeenten het aanpakten.
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

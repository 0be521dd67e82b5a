// /leernetwerken/:cohortId/gedeelde-plannen: the plans (or sections) the cohort's duos chose to share with the
// cohort, with the number of reactions. Everyone in the cohort at the moment of reading (participants,
// facilitators, coordinators); anyone outside it: 404.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { requireCohortMember } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ownEnrollmentId } from "~/models/action-plan.server.ts";
import { listSharedPlans } from "~/models/plan-share.server.ts";
import { cohortPage, cohortTitle, useCohortHeader } from "~/utils/cohort-page.ts";
import { formatShortDate } from "~/utils/dates.ts";
import { aantal } from "~/utils/plural.ts";

export const handle = cohortPage<typeof loader>({ breadcrumb: () => [{ label: "Gedeelde plannen" }] });

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? cohortTitle(matches, "Gedeelde plannen") : "Leernetwerk" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, relation, cohortId } = await requireCohortMember(request, params.cohortId);
  const [plans, ownEnrollment] = await Promise.all([
    listSharedPlans(cohortId),
    relation === "participant" ? ownEnrollmentId(user.id, cohortId) : Promise.resolve(null),
  ]);
  return { plans, ownEnrollment };
}

export default function SharedPlansPage() {
  const { plans, ownEnrollment } = useLoaderData<typeof loader>();
  const { cohort } = useCohortHeader();
  return (
    <>
      <h1>Gedeelde plannen</h1>
      <p className="lead">
        Duo's van dit leernetwerk die hun aanpak (of een deel ervan) delen, zodat jullie van elkaar kunnen leren. Lees
        mee en laat een reactie achter.
      </p>
      {ownEnrollment ? (
        <p>
          <Link to={`/leernetwerken/${cohort.id}/aanpak/${ownEnrollment}/delen`}>Jullie eigen aanpak delen</Link>
        </p>
      ) : null}
      {plans.length ? (
        <ul className="card-list">
          {plans.map((plan) => (
            <li key={plan.enrollmentId} className="card">
              <h2>
                <Link to={`/leernetwerken/${cohort.id}/gedeelde-plannen/${plan.enrollmentId}`}>
                  Aanpak van {plan.municipality}
                </Link>
              </h2>
              <p className="muted">
                {plan.members.join(" en ")} · deelt {plan.scope} · sinds {formatShortDate(plan.sharedSince)} ·{" "}
                {aantal(plan.reactionCount, "reactie", "reacties")}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p>Nog geen enkel duo deelt zijn aanpak met het leernetwerk.</p>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

// The anonymous results of one evaluation (a session's, or the end evaluation) for the cohort's facilitators and
// coordinators: per scale question the number of answers, the mean and the distribution (chart and table), and
// the open answers without names. Nothing but the count below three answers. Participants: 403; others: 404.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { requireCohortStaff } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { EvaluationAggregateView } from "~/components/evaluation-results.tsx";
import { findTarget, targetResults } from "~/models/evaluation.server.ts";
import { cohortPage, cohortTitle, useCohortHeader } from "~/utils/cohort-page.ts";
import { formatDate } from "~/utils/dates.ts";
import { invariantResponse } from "~/utils/http.server.ts";

export const handle = cohortPage<typeof loader>({
  breadcrumb: ({ target }, cohortPath) => [
    { label: "Evaluatie", to: `${cohortPath}/evaluatie` },
    { label: target.title },
  ],
});

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? cohortTitle(matches, `Uitkomsten: ${data.target.title}`, "Evaluatie") : "Evaluatie — Leernetwerk" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { cohortId } = await requireCohortStaff(request, params.cohortId);
  const found = await findTarget(cohortId, params.target);
  invariantResponse(found, "Deze evaluatie bestaat niet.");
  const { target, form } = found;
  return {
    target,
    form: { title: form.title, scale: form.scale },
    aggregate: await targetResults(cohortId, target, form),
  };
}

export default function EvaluationResultsPage() {
  const { target, form, aggregate } = useLoaderData<typeof loader>();
  const { cohort } = useCohortHeader();
  return (
    <>
      <h1>Uitkomsten: {target.title}</h1>
      <p className="lead">
        {form.title}
        {target.date ? `, ${formatDate(target.date)}` : ""}. Alleen totalen, zonder namen.
      </p>
      <EvaluationAggregateView id="uitkomsten" title={target.title} aggregate={aggregate} scale={form.scale} />
      <p className="link-row">
        <Link to={`/leernetwerken/${cohort.id}/evaluatie/resultaten`}>Uitkomsten van het hele leernetwerk</Link>{" "}
        <Link to={`/leernetwerken/${cohort.id}/evaluatie`}>Terug naar de evaluatie</Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

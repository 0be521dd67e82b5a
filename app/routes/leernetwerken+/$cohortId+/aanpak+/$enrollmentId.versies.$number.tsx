// One saved version of a duo's canvas, with what changed compared to the version before it.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { SectionDiffs, SectionValues } from "~/components/action-plan.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { canvasSections, changedSectionIds, findSection, sectionAsText } from "~/models/action-plan-sections.ts";
import { requirePlanAccess } from "~/auth/guards.server.ts";
import { getVersion, versionLabel } from "~/models/action-plan.server.ts";
import { cohortPage, useCohortHeader } from "~/utils/cohort-page.ts";
import { formatDateTime } from "~/utils/dates.ts";
import { invariantResponse } from "~/utils/http.server.ts";
import { wordDiff } from "~/utils/word-diff.ts";
import { personName } from "~/utils/deleted-person.ts";

export const handle = cohortPage<typeof loader>({
  breadcrumb: ({ enrollmentId, municipality }, cohortPath) => [
    { label: `Aanpak van ${municipality}`, to: `${cohortPath}/aanpak/${enrollmentId}` },
  ],
});

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.label} — aanpak van ${data.municipality} — Leernetwerk` : "Leernetwerk" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { enrollment } = await requirePlanAccess(request, params.cohortId, params.enrollmentId);
  const number = Number(params.number);
  invariantResponse(Number.isInteger(number) && number > 0 && number < 100_000, "Deze versie bestaat niet.");
  const version = await getVersion(enrollment.id, number);
  invariantResponse(version, "Deze versie bestaat niet.");
  const previous = version.previous;
  const diffs = previous
    ? changedSectionIds(previous.content, version.content).map((sectionId) => {
        const section = findSection(sectionId)!;
        return {
          sectionId,
          title: section.title,
          parts: wordDiff(sectionAsText(section, previous.content), sectionAsText(section, version.content)),
        };
      })
    : null;
  return {
    enrollmentId: enrollment.id,
    municipality: enrollment.municipality.name,
    label: versionLabel(version),
    previousLabel: previous ? versionLabel(previous) : null,
    savedAt: version.createdAt,
    savedBy: personName(version.savedBy),
    content: version.content,
    diffs,
  };
}

export default function PlanVersionPage() {
  const data = useLoaderData<typeof loader>();
  const { cohort } = useCohortHeader();
  const base = `/leernetwerken/${cohort.id}/aanpak/${data.enrollmentId}`;
  return (
    <>
      <h1>{data.label}</h1>
      <p className="muted">
        Opgeslagen op {formatDateTime(data.savedAt)}
        {data.savedBy ? ` door ${data.savedBy}` : ""}. Dit is een oude versie;{" "}
        <Link to={base}>de aanpak zoals hij nu is</Link>.
      </p>
      <section aria-labelledby="changes-heading" className="panel">
        <h2 id="changes-heading">
          {data.previousLabel ? `Veranderd sinds ${data.previousLabel.toLowerCase()}` : "Veranderingen"}
        </h2>
        {data.diffs ? <SectionDiffs diffs={data.diffs} /> : <p>Dit is de eerste versie.</p>}
      </section>
      {canvasSections.map((section) => (
        <section key={section.id} className="canvas-section" aria-labelledby={`sectie-${section.id}`}>
          <h2 id={`sectie-${section.id}`}>{section.title}</h2>
          <SectionValues section={section} content={data.content} />
        </section>
      ))}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

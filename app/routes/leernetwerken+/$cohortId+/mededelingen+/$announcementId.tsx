// One announcement (issue 19), for the people who may read it (see app/models/announcement.server.ts);
// anyone else in the cohort gets a 404, as for an id that does not exist.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { isUuid, requireCohortMember } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { audienceLabel, findAnnouncement } from "~/models/announcement.server.ts";
import { cohortPage, cohortTitle } from "~/utils/cohort-page.ts";
import { formatDateTime } from "~/utils/dates.ts";
import { personName } from "~/utils/deleted-person.ts";
import { notFound } from "~/utils/http.server.ts";

export const handle = cohortPage<typeof loader>({
  breadcrumb: (_data, cohortPath) => [{ label: "Mededelingen", to: `${cohortPath}/mededelingen` }],
});

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? cohortTitle(matches, data.announcement.title) : "Mededeling — Leernetwerk" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, relation, cohortId } = await requireCohortMember(request, params.cohortId);
  const id = params.announcementId;
  const announcement = isUuid(id) ? await findAnnouncement(cohortId, id, { id: user.id, relation }) : null;
  if (!announcement) throw notFound("Deze mededeling bestaat niet of is niet voor jou.");
  return {
    cohortId,
    announcement: {
      title: announcement.title,
      body: announcement.body,
      author: personName(announcement.author),
      audience: audienceLabel(announcement),
      when: formatDateTime(announcement.createdAt),
    },
  };
}

export default function AnnouncementPage() {
  const { cohortId, announcement } = useLoaderData<typeof loader>();
  return (
    <article>
      <h1>{announcement.title}</h1>
      <p className="muted">
        Van {announcement.author}, {announcement.when}. {announcement.audience}.
      </p>
      <p className="pre-line">{announcement.body}</p>
      <p>
        <Link to={`/leernetwerken/${cohortId}/mededelingen`}>Alle mededelingen</Link>
      </p>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

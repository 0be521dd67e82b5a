import { Link } from "~/components/link.tsx";
import { formatCalendarDate } from "~/utils/dates.ts";
import { cohortStatusLabels } from "~/utils/labels.ts";

export type CohortCardData = {
  id: string;
  name: string;
  status: keyof typeof cohortStatusLabels;
  startsOn: Date | string;
  endsOn: Date | string;
  capacity: number;
  _count: { enrollments: number; sessions: number };
};

export function CohortCards({ cohorts }: { cohorts: CohortCardData[] }) {
  if (cohorts.length === 0) return <p>Er zijn nog geen leernetwerken.</p>;
  return (
    <ul className="cards">
      {cohorts.map((cohort) => (
        <li key={cohort.id} className="card">
          <h3>
            <Link to={`/leernetwerken/${cohort.id}`}>{cohort.name}</Link>
          </h3>
          <p>
            <span className="badge">{cohortStatusLabels[cohort.status]}</span>
          </p>
          <p>
            {`${formatCalendarDate(cohort.startsOn)} tot en met ${formatCalendarDate(cohort.endsOn)}`}
            <br />
            {`${cohort._count.enrollments} van ${cohort.capacity} gemeenten · ${cohort._count.sessions} bijeenkomsten`}
          </p>
        </li>
      ))}
    </ul>
  );
}

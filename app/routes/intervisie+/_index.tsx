// Intervisie: the user's groups (as member or facilitator) with the next meeting, and the methods.
// Coordinators form the groups per cohort (/leernetwerken/:cohortId/intervisiegroepen) and see no cases.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { requireUser } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { getMethods } from "~/content/methods.server.ts";
import { listMyGroups } from "~/models/intervision.server.ts";
import { formatSessionTime } from "~/utils/dates.ts";
import type { DescribedHandle } from "~/utils/page-description.ts";

export const meta: MetaFunction = () => [{ title: "Intervisie — Leernetwerk" }];

export const handle: DescribedHandle = {
  description: "Je intervisiegroep, de volgende bijeenkomst en de methoden voor intervisie.",
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const groups = user.role === "COORDINATOR" ? [] : await listMyGroups(user);
  const methods = getMethods().map((method) => ({
    slug: method.slug,
    title: method.title,
    summary: method.summary,
    minutes: method.minutes,
    steps: method.steps.length,
  }));
  return { role: user.role, groups, methods };
}

export default function IntervisionIndex() {
  const { role, groups, methods } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Intervisie</h1>
      <p>
        In intervisie bespreek je met een vaste groep van vier tot acht mensen een casus uit je eigen werk. Eén
        deelnemer brengt de casus in; de anderen stellen eerst open vragen, zodat de inbrenger zelf tot nieuwe inzichten
        komt. Wat in de groep besproken wordt, blijft in de groep.
      </p>

      <section aria-labelledby="mijn-groepen">
        <h2 id="mijn-groepen">{role === "FACILITATOR" ? "Groepen die je begeleidt" : "Mijn intervisiegroep"}</h2>
        {role === "COORDINATOR" ? (
          <p>
            Je deelt de groepen in per leernetwerk, onder <Link to="/leernetwerken">Leernetwerken</Link> →
            Intervisiegroepen. De inhoud van de gesprekken is alleen voor de groep.
          </p>
        ) : groups.length === 0 ? (
          <p>Je zit nog niet in een intervisiegroep. De coördinator deelt de groepen in.</p>
        ) : (
          <ul className="card-list">
            {groups.map((group) => (
              <li key={group.id} className="card">
                <h3>
                  <Link to={`/intervisie/groepen/${group.id}`}>{group.name}</Link>
                </h3>
                <p className="muted">
                  {group.cohort.name} · {group._count.members} deelnemers · begeleiding:{" "}
                  {group.facilitators.map((f) => f.user.name).join(", ")}
                </p>
                {group.nextMeeting ? (
                  <p>
                    Volgende bijeenkomst:{" "}
                    <Link to={`/intervisie/bijeenkomsten/${group.nextMeeting.id}`}>
                      {formatSessionTime(group.nextMeeting.startsAt, group.nextMeeting.endsAt)}
                    </Link>
                    {group.nextMeeting.startedAt ? <span className="badge badge-success"> Nu bezig</span> : null}
                  </p>
                ) : (
                  <p className="muted">Er is nog geen volgende bijeenkomst gepland.</p>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="methoden">
        <h2 id="methoden">Methoden</h2>
        <ul className="card-list">
          {methods.map((method) => (
            <li key={method.slug} className="card">
              <h3>
                <Link to={`/intervisie/methoden/${method.slug}`}>{method.title}</Link>
              </h3>
              <p>{method.summary}</p>
              <p className="muted">
                {method.steps} stappen · ongeveer {method.minutes} minuten
              </p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

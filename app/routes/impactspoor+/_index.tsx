// /impactspoor: the trails the viewer may open — a participant's own municipality (or municipalities), a
// facilitator's municipalities of running cohorts and invitations, for a coordinator every enrolled
// municipality (to give colleagues access).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { requireUser } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { trailsFor } from "~/models/impact-trail.server.ts";

export const meta: MetaFunction = () => [{ title: "Impactspoor — Leernetwerk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { role: user.role, trails: await trailsFor(user) };
}

const topics = (count: number) => (count === 1 ? "1 onderwerp" : `${count} onderwerpen`);

export default function TrailIndex() {
  const { role, trails } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Impactspoor</h1>
      <p className="lead">
        Het impactspoor laat per beleidsonderwerp zien wat de gemeente met ervaringen van inwoners doet: ophalen,
        vertalen, beleid aanpassen en terugkoppelen. Het spoor blijft bij de gemeente, ook als het leernetwerk voorbij
        is.
      </p>
      {trails.length ? (
        <ul className="card-list">
          {trails.map((trail) => (
            <li key={trail.id}>
              <Link to={`/impactspoor/${trail.id}`}>Gemeente {trail.name}</Link>{" "}
              <span className="muted">· {topics(trail.topicCount)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p>
          {role === "FACILITATOR"
            ? "Je begeleidt nu geen lopend leernetwerk, en geen duo heeft je uitgenodigd om mee te lezen."
            : "Je hebt (nog) geen toegang tot het impactspoor van een gemeente."}
        </p>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

// The start page, different per role: what needs attention, what comes next.
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/guards.server.ts";
import { coordinatorStart, facilitatorStart, participantStartPage } from "~/models/start-page.server.ts";
import { CoordinatorStart } from "./coordinator-start.tsx";
import { FacilitatorStart } from "./facilitator-start.tsx";
import { ParticipantStart } from "./participant-start.tsx";

export const meta: MetaFunction = () => [{ title: "Start — Leernetwerk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (user.role === "COORDINATOR") {
    return { role: "COORDINATOR" as const, name: user.name, coordinator: await coordinatorStart() };
  }
  if (user.role === "FACILITATOR") {
    return { role: "FACILITATOR" as const, name: user.name, facilitator: await facilitatorStart(user) };
  }
  const { participant, journalPrompts, selfScans, openAssignments } = await participantStartPage(user);
  return { role: "PARTICIPANT" as const, name: user.name, participant, journalPrompts, selfScans, openAssignments };
}

export type Data = ReturnType<typeof useLoaderData<typeof loader>>;

export default function StartPage() {
  const data = useLoaderData<typeof loader>();
  const firstName = data.name.split(" ")[0];
  return (
    <>
      <h1>Welkom, {firstName}</h1>
      {data.role === "COORDINATOR" ? <CoordinatorStart data={data} /> : null}
      {data.role === "FACILITATOR" ? <FacilitatorStart data={data} /> : null}
      {data.role === "PARTICIPANT" ? <ParticipantStart data={data} /> : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

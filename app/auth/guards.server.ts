// Guards that throw: the first line of every loader and action. Authorization is decided here, on the
// server, for every request — never by hiding a button.
import { redirect } from "@remix-run/node";
import type { User } from "lucia";
import type { Role } from "~/generated/prisma/client.ts";
import { prisma } from "~/utils/db.server.ts";
import { forbidden, notFound } from "~/utils/http.server.ts";
import { rememberForRequest } from "~/utils/request-context.server.ts";
import { getUser } from "./session.server.ts";

export async function requireUser(request: Request): Promise<User> {
  const user = await getUser(request);
  if (!user) {
    const url = new URL(request.url);
    const redirectTo = url.pathname + url.search;
    const query = redirectTo === "/" ? "" : `?${new URLSearchParams({ redirectTo })}`;
    throw redirect(`/inloggen${query}`);
  }
  return user;
}

/** For pages only meant for people who are not signed in (login, reset, invitation). */
export async function requireAnonymous(request: Request): Promise<void> {
  if (await getUser(request)) throw redirect("/");
}

export async function requireRole(request: Request, ...roles: Role[]): Promise<User> {
  const user = await requireUser(request);
  if (!roles.includes(user.role)) throw forbidden();
  return user;
}

export type CohortRelation = "coordinator" | "facilitator" | "participant";

/**
 * How the user relates to a cohort, or null when they have no business there. Coordinators see every
 * cohort; facilitators only the cohorts they facilitate; participants only the cohort their duo is in.
 */
export function getCohortRelation(user: User, cohortId: string): Promise<CohortRelation | null> {
  // The cohort layout and the page below it both ask, in parallel: one query per request.
  return rememberForRequest(`cohort-relation:${user.id}:${cohortId}`, () => findCohortRelation(user, cohortId));
}

async function findCohortRelation(user: User, cohortId: string): Promise<CohortRelation | null> {
  if (user.role === "COORDINATOR") {
    const exists = await prisma.cohort.count({ where: { id: cohortId } });
    return exists ? "coordinator" : null;
  }
  if (user.role === "FACILITATOR") {
    const link = await prisma.cohortFacilitator.count({ where: { cohortId, userId: user.id } });
    return link ? "facilitator" : null;
  }
  const membership = await prisma.duoMember.count({
    where: { userId: user.id, enrollment: { cohortId, status: "ACTIVE" } },
  });
  return membership ? "participant" : null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string | undefined): value is string {
  return typeof value === "string" && UUID.test(value);
}

/**
 * Requires that the user belongs to the cohort. Someone outside it gets a 404, the same answer as for a
 * cohort that does not exist, so ids cannot be probed.
 */
export async function requireCohortMember(
  request: Request,
  cohortId: string | undefined,
): Promise<{ user: User; relation: CohortRelation; cohortId: string }> {
  const user = await requireUser(request);
  if (!isUuid(cohortId)) throw notFound("Dit leernetwerk bestaat niet of je hebt er geen toegang toe.");
  const relation = await getCohortRelation(user, cohortId);
  if (!relation) throw notFound("Dit leernetwerk bestaat niet of je hebt er geen toegang toe.");
  return { user, relation, cohortId };
}

/** Like requireCohortMember, but only for the cohort's facilitators and coordinators. */
export async function requireCohortStaff(request: Request, cohortId: string | undefined) {
  const result = await requireCohortMember(request, cohortId);
  if (result.relation === "participant") throw forbidden();
  return result;
}

/** Like requireCohortMember, but only for coordinators (the cohort's facilitators and participants: 403). */
export async function requireCohortCoordinator(request: Request, cohortId: string | undefined) {
  const result = await requireCohortMember(request, cohortId);
  if (result.relation !== "coordinator") throw forbidden();
  return result;
}

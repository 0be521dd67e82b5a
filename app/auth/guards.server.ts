// Guards that throw: the first line of every loader and action. Authorization is decided here, on the
// server, for every request — never by hiding a button.
import { redirect } from "@remix-run/node";
import type { User } from "lucia";
import type { Role } from "~/generated/prisma/client.ts";
import { findPlanEnrollment, type PlanEnrollment, type PlanMode } from "~/models/action-plan.server.ts";
import { findStaffAssignment, getAssignmentForParticipant, getSubmissionForStaff } from "~/models/assignment.server.ts";
import { getMunicipality, getTopic, trailRole, type TrailRole } from "~/models/impact-trail.server.ts";
import { getCaseForViewer, getGroupForViewer, getMeetingForViewer } from "~/models/intervision.server.ts";
import { getEntryForViewer, getOwnEntry } from "~/models/journal.server.ts";
import { ARCHIVED_MESSAGE } from "~/models/cohort-closing.server.ts";
import {
  type CohortHeader,
  type CohortPageQuery,
  type CohortRelation,
  findCohortAccess,
} from "~/models/cohort.server.ts";
import { getSessionInCohort } from "~/models/session.server.ts";
import { conflict, forbidden, notFound } from "~/utils/http.server.ts";
import { peekForRequest, rememberForRequest } from "~/utils/request-context.server.ts";
import { readRider, rideWithSession, type SessionRider } from "./session-rider.server.ts";
import { blankSessionCookie, getUser, sentSessionCookie } from "./session.server.ts";
import { twoFactorRequiredFor } from "./two-factor.server.ts";

export const TWO_FACTOR_SETUP_PATH = "/account/tweestapsverificatie";

/**
 * The signed-in user, or a redirect to the login page. When the deployment requires two-factor sign-in
 * for staff (STAFF_TWO_FACTOR) and this coordinator or facilitator has not set it up, every page sends
 * them to the set-up page until it is done (that page alone uses `requireUserForTwoFactorSetup`).
 */
export async function requireUser(request: Request): Promise<User> {
  const user = await requireUserForTwoFactorSetup(request);
  if (!user.twoFactorEnabled && twoFactorRequiredFor(user.role)) throw redirect(TWO_FACTOR_SETUP_PATH);
  return user;
}

/**
 * requireUser, and a page's own data read in the session check's statement (a rider,
 * app/auth/session-rider.server.ts; issue 18: one round trip less), or on its own when it could not ride
 * along. Call it before the loader awaits anything. The data is read only for whoever passed the check.
 */
export async function requireUserWith<T>(request: Request, rider: SessionRider<T>): Promise<{ user: User; data: T }> {
  rideWithSession(rider);
  const user = await requireUser(request);
  return { user, data: await readRider(rider, user) };
}

/** Signed in, without the two-factor gate: only for the set-up page itself. */
export async function requireUserForTwoFactorSetup(request: Request): Promise<User> {
  const user = await getUser(request);
  if (!user) {
    const url = new URL(request.url);
    const redirectTo = url.pathname + url.search;
    const query = new URLSearchParams(redirectTo === "/" ? {} : { redirectTo });
    // A session cookie that no longer works: the session ended (idle too long, signed out elsewhere,
    // expired). The login page says so, and the stale cookie is removed.
    if (sentSessionCookie(request)) {
      query.set("verlopen", "1");
      const search = query.size > 0 ? `?${query}` : "";
      throw redirect(`/inloggen${search}`, { headers: { "Set-Cookie": blankSessionCookie() } });
    }
    throw redirect(`/inloggen${query.size > 0 ? `?${query}` : ""}`);
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

export type { CohortRelation };

/**
 * How the user relates to a cohort (and its header), or null when they have no business there. Coordinators
 * see every cohort; facilitators only the cohorts they facilitate; participants only the cohort their duo is in.
 */
export function getCohortAccess(user: User, cohortId: string) {
  // The cohort layout and the page below it both ask, in parallel: one query per request. It reads the page's
  // own data too when the page asked for it (requireCohortMember with a CohortPageQuery).
  return rememberForRequest(`cohort-access:${user.id}:${cohortId}`, () =>
    findCohortAccess(user, cohortId, peekForRequest<CohortPageQuery<unknown>>(pageQueryKey(cohortId))),
  );
}

const pageQueryKey = (cohortId: string | undefined) => `cohort-page-query:${cohortId}`;

export async function getCohortRelation(user: User, cohortId: string): Promise<CohortRelation | null> {
  return (await getCohortAccess(user, cohortId))?.relation ?? null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string | undefined): value is string {
  return typeof value === "string" && UUID.test(value);
}

/**
 * Requires that the user belongs to the cohort. Someone outside it gets a 404, the same answer as for a
 * cohort that does not exist, so ids cannot be probed.
 *
 * With `page` (a CohortPageQuery: the page's own data), the access check's statement reads that data too,
 * for whoever passed the check (issue 18: one statement less). The page asks before anything is awaited, so
 * the statement that the cohort layout's guard and the page's guard share (per request) carries it; when
 * that statement was sent without it after all, the page's data is read on its own (`page` undefined: the
 * caller reads it as before). Never cached beyond the request.
 */
export async function requireCohortMember<T = never>(
  request: Request,
  cohortId: string | undefined,
  page?: CohortPageQuery<T>,
): Promise<{ user: User; relation: CohortRelation; cohortId: string; cohort: CohortHeader; page?: { data: T } }> {
  if (page) rememberForRequest(pageQueryKey(cohortId), () => page);
  const user = await requireUser(request);
  if (!isUuid(cohortId)) throw notFound("Dit leernetwerk bestaat niet of je hebt er geen toegang toe.");
  const access = await getCohortAccess(user, cohortId);
  if (!access) throw notFound("Dit leernetwerk bestaat niet of je hebt er geen toegang toe.");
  refuseWriteWhenArchived(request, access.cohort.archivedAt);
  return {
    user,
    relation: access.relation,
    cohortId,
    cohort: access.cohort,
    // Read by this page's query only (another page's data under the same key is never handed out).
    page:
      page && access.pageData && peekForRequest(pageQueryKey(cohortId)) === page
        ? { data: page.read(access.pageData.value) }
        : undefined,
  };
}

/**
 * An archived cohort is read-only: every write (any method but GET and HEAD) is answered with a 409 and a
 * Dutch message, for everyone. Its members can still read it until retention applies.
 */
export function refuseWriteWhenArchived(request: Request, archivedAt: Date | null | undefined) {
  if (archivedAt && request.method !== "GET" && request.method !== "HEAD") throw conflict(ARCHIVED_MESSAGE);
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

// ---------------------------------------------------------------------------------------------------------
// Resource guards: one record the viewer may see, else a 404 (the same answer as for an id that does not
// exist, so ids cannot be probed), or a 403 where the page says who may. Each asks the model, whose query
// carries the access rule (journalAccessWhere, groupAccessWhere, caseAccessWhere, submissionAccessWhere…),
// so access is decided in the database query, not here.

const ENTRY_NOT_FOUND = "Dit journaalstuk bestaat niet of is niet met je gedeeld.";
const OWN_ENTRY_NOT_FOUND = "Dit journaalstuk bestaat niet.";
const GROUP_NOT_FOUND = "Deze intervisiegroep bestaat niet of je hoort er niet bij.";
const MEETING_NOT_FOUND = "Deze intervisiebijeenkomst bestaat niet of je hoort niet bij de groep.";
const CASE_NOT_FOUND = "Deze casus bestaat niet of is alleen voor de intervisiegroep.";
const OWN_ASSIGNMENT_NOT_FOUND = "Deze opdracht bestaat niet of is niet voor jou.";
const ASSIGNMENT_NOT_FOUND = "Deze opdracht bestaat niet.";
const SUBMISSION_NOT_FOUND = "Deze uitwerking bestaat niet of is nog niet ingeleverd.";
const SESSION_NOT_FOUND = "Deze bijeenkomst bestaat niet.";
const PLAN_NOT_FOUND = "Deze aanpak bestaat niet of je hebt er geen toegang toe.";

/** A journal entry the user may read: their own, or one shared with them. */
export async function requireJournalEntry(request: Request, entryId: string | undefined) {
  const user = await requireUser(request);
  if (!isUuid(entryId)) throw notFound(ENTRY_NOT_FOUND);
  const entry = await getEntryForViewer(user, entryId);
  if (!entry) throw notFound(ENTRY_NOT_FOUND);
  return { user, entry };
}

/** A participant's own journal entry, to edit it (someone else's, even when shared: 404). */
export async function requireOwnJournalEntry(request: Request, entryId: string | undefined) {
  const user = await requireRole(request, "PARTICIPANT");
  if (!isUuid(entryId)) throw notFound(OWN_ENTRY_NOT_FOUND);
  const entry = await getOwnEntry(user, entryId);
  if (!entry) throw notFound(OWN_ENTRY_NOT_FOUND);
  refuseWriteWhenArchived(request, entry.enrollment?.cohort.archivedAt);
  return { user, entry };
}

/** An intervisie group the user is a member or a facilitator of (coordinators too: 404). */
export async function requireIntervisionGroup(request: Request, groupId: string | undefined) {
  const user = await requireUser(request);
  if (!isUuid(groupId)) throw notFound(GROUP_NOT_FOUND);
  const group = await getGroupForViewer(user, groupId);
  if (!group) throw notFound(GROUP_NOT_FOUND);
  refuseWriteWhenArchived(request, group.cohort.archivedAt);
  return { user, group };
}

/** A meeting of an intervisie group the user belongs to. */
export async function requireIntervisionMeeting(request: Request, meetingId: string | undefined) {
  const user = await requireUser(request);
  if (!isUuid(meetingId)) throw notFound(MEETING_NOT_FOUND);
  const meeting = await getMeetingForViewer(user, meetingId);
  if (!meeting) throw notFound(MEETING_NOT_FOUND);
  refuseWriteWhenArchived(request, meeting.group.cohort.archivedAt);
  return { user, meeting };
}

/** A case of the user's intervisie group (or their own, as its inbrenger). */
export async function requireIntervisionCase(request: Request, caseId: string | undefined) {
  const user = await requireUser(request);
  if (!isUuid(caseId)) throw notFound(CASE_NOT_FOUND);
  const item = await getCaseForViewer(user, caseId);
  if (!item) throw notFound(CASE_NOT_FOUND);
  refuseWriteWhenArchived(request, item.meeting.group.cohort.archivedAt);
  return { user, item };
}

/** An assignment of the participant's cohort, with their duo's (or own) submission. */
export async function requireOwnAssignment(request: Request, assignmentId: string | undefined) {
  const user = await requireRole(request, "PARTICIPANT");
  if (!isUuid(assignmentId)) throw notFound(OWN_ASSIGNMENT_NOT_FOUND);
  const found = await getAssignmentForParticipant(user, assignmentId);
  if (!found) throw notFound(OWN_ASSIGNMENT_NOT_FOUND);
  refuseWriteWhenArchived(request, found.archivedAt);
  return { user, ...found };
}

/**
 * An assignment of a cohort, for its staff: the cohort's facilitators and coordinators (`coordinatorOnly`:
 * coordinators only; participants 403, others 404).
 */
export async function requireAssignment(
  request: Request,
  cohortId: string | undefined,
  assignmentId: string | undefined,
  options: { coordinatorOnly?: boolean } = {},
) {
  const member = options.coordinatorOnly
    ? await requireCohortCoordinator(request, cohortId)
    : await requireCohortStaff(request, cohortId);
  if (!isUuid(assignmentId)) throw notFound(ASSIGNMENT_NOT_FOUND);
  const assignment = await findStaffAssignment(member.user, member.cohortId, assignmentId);
  if (!assignment) throw notFound(ASSIGNMENT_NOT_FOUND);
  return { ...member, assignment };
}

/** A handed-in submission of an assignment of the cohort, for its staff. Participants (of any duo): 404. */
export async function requireSubmission(
  request: Request,
  cohortId: string | undefined,
  assignmentId: string | undefined,
  submissionId: string | undefined,
) {
  const member = await requireCohortMember(request, cohortId);
  // A participant (also of another duo) never reaches a submission through the staff pages: the same 404.
  if (member.relation === "participant") throw notFound(SUBMISSION_NOT_FOUND);
  if (!isUuid(assignmentId) || !isUuid(submissionId)) throw notFound(SUBMISSION_NOT_FOUND);
  const found = await getSubmissionForStaff(member.user, member.cohortId, assignmentId, submissionId);
  if (!found) throw notFound(SUBMISSION_NOT_FOUND);
  return { ...member, ...found };
}

/** A session of the cohort, for whom the cohort guard lets through ("member", "staff" or "coordinator"). */
export async function requireCohortSession(
  request: Request,
  cohortId: string | undefined,
  sessionId: string | undefined,
  who: "member" | "staff" | "coordinator" = "member",
) {
  const member =
    who === "coordinator"
      ? await requireCohortCoordinator(request, cohortId)
      : who === "staff"
        ? await requireCohortStaff(request, cohortId)
        : await requireCohortMember(request, cohortId);
  if (!isUuid(sessionId)) throw notFound(SESSION_NOT_FOUND);
  const session = await getSessionInCohort(member.cohortId, sessionId);
  if (!session) throw notFound(SESSION_NOT_FOUND);
  return { ...member, session };
}

/**
 * Every canvas page: the duo's members ("duo") and the cohort's facilitators ("facilitator") pass; a
 * coordinator gets 403; anyone else (another duo, a facilitator of another cohort, a wrong id) a 404.
 */
export async function requirePlanAccess(
  request: Request,
  cohortId: string | undefined,
  enrollmentId: string | undefined,
): Promise<{ user: User; mode: PlanMode; enrollment: PlanEnrollment }> {
  const { user, relation, cohortId: checkedCohortId } = await requireCohortMember(request, cohortId);
  if (relation === "coordinator")
    throw forbidden("De aanpak is van het duo: coördinatoren zien alleen of er een aanpak is.");
  if (!isUuid(enrollmentId)) throw notFound(PLAN_NOT_FOUND);
  const mode: PlanMode = relation === "participant" ? "duo" : "facilitator";
  const enrollment = await findPlanEnrollment(user, mode, checkedCohortId, enrollmentId);
  if (!enrollment) throw notFound(PLAN_NOT_FOUND);
  return { user, mode, enrollment };
}

const TRAIL_NOT_FOUND = "Dit impactspoor bestaat niet, of je hebt er geen toegang toe.";
const TOPIC_NOT_FOUND = "Dit onderwerp bestaat niet, of je hebt er geen toegang toe.";

/**
 * A municipality's impact trail: its duos and colleagues with access ("editor"), the facilitators of its
 * running cohort and invited facilitators ("reader"), coordinators ("coordinator": who has access only);
 * anyone else, other duos included, a 404.
 */
export async function requireTrail(
  request: Request,
  municipalityId: string | undefined,
): Promise<{ user: User; role: TrailRole; municipality: { id: string; name: string } }> {
  const user = await requireUser(request);
  if (!isUuid(municipalityId)) throw notFound(TRAIL_NOT_FOUND);
  const role = await trailRole(user, municipalityId);
  if (!role) throw notFound(TRAIL_NOT_FOUND);
  const municipality = await getMunicipality(municipalityId);
  if (!municipality) throw notFound(TRAIL_NOT_FOUND);
  return { user, role, municipality };
}

/** One topic of a trail: editors and readers; coordinators 403 (the topics are the municipality's). */
export async function requireTopic(request: Request, municipalityId: string | undefined, topicId: string | undefined) {
  const trail = await requireTrail(request, municipalityId);
  if (trail.role === "coordinator")
    throw forbidden("Het impactspoor is van de gemeente: coördinatoren zien alleen wie er toegang heeft.");
  if (!isUuid(topicId)) throw notFound(TOPIC_NOT_FOUND);
  const topic = await getTopic(trail.municipality.id, topicId);
  if (!topic) throw notFound(TOPIC_NOT_FOUND);
  return { ...trail, role: trail.role as "editor" | "reader", topic };
}

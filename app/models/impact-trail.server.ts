// The impact trail: per municipality, policy topics followed step by step through the lemniscaat (ervaringen
// ophalen → vertalen → aanpassen → terugkoppelen, then the next round), during and after a cohort.
//
// Who may do what (trailRole; the guards are requireTrail and requireTopic in app/auth/guards.server.ts):
// - editors: the members of the municipality's duos (active enrolments, in any cohort, also after it
//   closed) and colleagues a coordinator gave access (ImpactTrailAccess COLLEAGUE);
// - readers (read and comment): the facilitators of a running cohort the municipality takes part in, and
//   facilitators the duo invited (ImpactTrailAccess FACILITATOR), e.g. after the cohort closed;
// - coordinators: only who has access (they give colleagues access), never the topics (403);
// - everyone else, other duos included: 404.
// Every edit of a topic or a step carries the version it was based on (saveIfUnchanged): a save based on an
// older version writes nothing and the stored text comes back, so the editor can show both.
import type { User } from "lucia";
import type { Prisma } from "~/generated/prisma/client.ts";
import type { TrailPhase } from "~/generated/prisma/enums.ts";
import { getLibrary } from "~/content/library.server.ts";
import { calendarDate, calendarDateString, formatShortDate } from "~/utils/dates.ts";
import { prisma } from "~/utils/db.server.ts";
import { DomainError } from "~/utils/domain-error.ts";
import { saveIfUnchanged, type VersionedSave } from "~/utils/versioned.ts";
import { getEnv } from "~/utils/env.server.ts";
import { noticeEmail } from "~/notifications/notice-email.server.ts";
import { notifyMany } from "~/notifications/notify-many.server.ts";
import { recordAudit } from "./audit.server.ts";
import { normalizeStepContent, phaseProgress, type StepInput } from "./impact-trail-phases.ts";

export type { StepInput };

export type TrailRole = "editor" | "reader" | "coordinator";
type Viewer = Pick<User, "id" | "role">;

/** The viewer's role in a municipality's trail, or null (→ 404). */
export async function trailRole(viewer: Viewer, municipalityId: string): Promise<TrailRole | null> {
  if (viewer.role === "COORDINATOR") {
    const exists = await prisma.municipality.count({ where: { id: municipalityId } });
    return exists ? "coordinator" : null;
  }
  if (viewer.role === "PARTICIPANT") {
    const count = await prisma.municipality.count({ where: { id: municipalityId, ...editorWhere(viewer.id) } });
    return count ? "editor" : null;
  }
  const count = await prisma.municipality.count({ where: { id: municipalityId, ...readerWhere(viewer.id) } });
  return count ? "reader" : null;
}

/** Municipalities whose trail a participant edits: their duos' (active enrolments) and colleague access. */
export function editorWhere(userId: string): Prisma.MunicipalityWhereInput {
  return {
    OR: [
      { enrollments: { some: { status: "ACTIVE", members: { some: { userId } } } } },
      { impactTrailAccess: { some: { userId, kind: "COLLEAGUE" } } },
    ],
  };
}

/** Municipalities whose trail a facilitator reads: in a running cohort they facilitate, or invited. */
function readerWhere(userId: string): Prisma.MunicipalityWhereInput {
  return {
    OR: [
      {
        enrollments: {
          some: { status: "ACTIVE", cohort: { status: "RUNNING", facilitators: { some: { userId } } } },
        },
      },
      { impactTrailAccess: { some: { userId, kind: "FACILITATOR" } } },
    ],
  };
}

/** The trails the viewer may open (for /impactspoor), each with its number of topics. */
export async function trailsFor(viewer: Viewer) {
  const where: Prisma.MunicipalityWhereInput =
    viewer.role === "COORDINATOR"
      ? { enrollments: { some: {} } }
      : viewer.role === "PARTICIPANT"
        ? editorWhere(viewer.id)
        : readerWhere(viewer.id);
  const municipalities = await prisma.municipality.findMany({
    where,
    orderBy: { name: "asc" },
    select: { id: true, name: true, _count: { select: { policyTopics: true } } },
  });
  return municipalities.map((row) => ({ id: row.id, name: row.name, topicCount: row._count.policyTopics }));
}

// ---------------------------------------------------------------------------------------------------------
// Reading

export async function getMunicipality(municipalityId: string) {
  return prisma.municipality.findUnique({ where: { id: municipalityId }, select: { id: true, name: true } });
}

/** The topics of a municipality with their phase progress (no step content). */
export async function listTopics(municipalityId: string) {
  const topics = await prisma.policyTopic.findMany({
    where: { municipalityId },
    orderBy: { updatedAt: "desc" },
    select: {
      id: true,
      title: true,
      description: true,
      updatedAt: true,
      steps: { select: { round: true, phase: true, updatedAt: true } },
    },
  });
  return topics.map(({ steps, ...topic }) => {
    const last = new Date(Math.max(topic.updatedAt.getTime(), ...steps.map((step) => step.updatedAt.getTime())));
    return { ...topic, updatedAt: last, stepCount: steps.length, progress: phaseProgress(steps) };
  });
}

const stepSelect = {
  id: true,
  round: true,
  phase: true,
  title: true,
  happenedOn: true,
  content: true,
  linkTarget: true,
  linkUrl: true,
  linkLabel: true,
  version: true,
  updatedAt: true,
  updatedBy: { select: { name: true } },
} satisfies Prisma.PolicyTopicStepSelect;

/** One topic of the municipality with its timeline and comments, or null (→ 404). */
export async function getTopic(municipalityId: string, topicId: string) {
  const topic = await prisma.policyTopic.findFirst({
    where: { id: topicId, municipalityId },
    select: {
      id: true,
      title: true,
      description: true,
      version: true,
      updatedAt: true,
      updatedBy: { select: { name: true } },
      municipality: { select: { id: true, name: true } },
      steps: { orderBy: [{ round: "asc" }, { happenedOn: "asc" }, { createdAt: "asc" }], select: stepSelect },
      comments: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          stepId: true,
          body: true,
          createdAt: true,
          author: { select: { id: true, name: true, role: true, title: true } },
        },
      },
      // Work the duo kept here before retention (app/models/impact-trail-keep.server.ts).
      documents: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          title: true,
          body: true,
          source: true,
          createdAt: true,
          keptBy: { select: { name: true } },
          files: { orderBy: { createdAt: "asc" }, select: { id: true, fileName: true, size: true } },
        },
      },
    },
  });
  if (!topic) return null;
  return { ...topic, steps: topic.steps.map(readStep) };
}

function readStep(step: Prisma.PolicyTopicStepGetPayload<{ select: typeof stepSelect }>) {
  return {
    ...step,
    happenedOn: calendarDateString(step.happenedOn),
    content: normalizeStepContent(step.phase, step.content),
  };
}

export type TopicDetail = NonNullable<Awaited<ReturnType<typeof getTopic>>>;
export type TopicStep = TopicDetail["steps"][number];

/** One step of a topic, or null (→ 404). */
export async function getStep(topicId: string, stepId: string) {
  const step = await prisma.policyTopicStep.findFirst({ where: { id: stepId, topicId }, select: stepSelect });
  return step ? readStep(step) : null;
}

// ---------------------------------------------------------------------------------------------------------
// Links: each step can point to the plan, a self-scan result, a session (chosen from a list) or a URL.

export type LinkOption = { value: string; label: string; href: string };

/** What a step of this municipality may link to inside the platform: per active enrolment, its plan,
 * its self-scans with answers, and its cohort's sessions. */
export async function linkOptions(municipalityId: string): Promise<LinkOption[]> {
  const enrollments = await prisma.enrollment.findMany({
    where: { municipalityId, status: "ACTIVE" },
    orderBy: { cohort: { startsOn: "asc" } },
    select: {
      id: true,
      cohortId: true,
      cohort: {
        select: {
          name: true,
          sessions: {
            where: { cancelledAt: null },
            orderBy: { number: "asc" },
            select: { id: true, number: true, title: true, startsAt: true },
          },
        },
      },
      selfScanResponses: { distinct: ["scanId"], select: { scanId: true } },
    },
  });
  const scans = getLibrary().selfScans;
  const options: LinkOption[] = [];
  for (const enrollment of enrollments) {
    const cohort = enrollment.cohort.name;
    const base = `/leernetwerken/${enrollment.cohortId}`;
    options.push({
      value: `plan:${enrollment.id}`,
      label: `Aanpak (${cohort})`,
      href: `${base}/aanpak/${enrollment.id}`,
    });
    for (const response of enrollment.selfScanResponses) {
      const scan = scans.find((candidate) => candidate.id === response.scanId);
      if (!scan) continue;
      options.push({
        value: `scan:${enrollment.id}:${scan.id}`,
        label: `Zelfscan ${scan.title}: resultaten (${cohort})`,
        href: `${base}/zelfscans/${scan.id}/resultaten`,
      });
    }
    for (const session of enrollment.cohort.sessions) {
      options.push({
        value: `session:${session.id}`,
        label: `Bijeenkomst ${session.number}: ${session.title}, ${formatShortDate(session.startsAt)} (${cohort})`,
        href: `${base}/bijeenkomsten/${session.id}`,
      });
    }
  }
  return options;
}

/** A step's link for display: the internal target from the options, or the URL. */
export function stepLink(
  step: { linkTarget: string | null; linkUrl: string | null; linkLabel: string },
  options: LinkOption[],
): { href: string; label: string; external: boolean } | { missing: true; label: string } | null {
  if (step.linkTarget) {
    const option = options.find((candidate) => candidate.value === step.linkTarget);
    if (!option) return { missing: true, label: step.linkLabel || "Gekoppeld onderdeel" };
    return { href: option.href, label: step.linkLabel || option.label, external: false };
  }
  if (step.linkUrl) return { href: step.linkUrl, label: step.linkLabel || step.linkUrl, external: true };
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Writing (editors only; every function checks it again)

async function requireEditor(viewer: Viewer, municipalityId: string) {
  if ((await trailRole(viewer, municipalityId)) !== "editor")
    throw new DomainError("Alleen het duo en collega's van de gemeente passen het impactspoor aan.");
}

export async function createTopic(
  viewer: Viewer,
  municipalityId: string,
  input: { title: string; description: string },
) {
  await requireEditor(viewer, municipalityId);
  return prisma.policyTopic.create({
    data: { municipalityId, title: input.title, description: input.description, updatedById: viewer.id },
    select: { id: true },
  });
}

export type TopicFields = { title: string; description: string };

/** Saves a topic's title and description when it is still at `baseVersion`; else the stored ones come back. */
export async function saveTopic(
  viewer: Viewer,
  municipalityId: string,
  topicId: string,
  input: TopicFields,
  baseVersion: number,
): Promise<VersionedSave<TopicFields & { version: number; updatedBy: string | null }>> {
  await requireEditor(viewer, municipalityId);
  return saveIfUnchanged({
    basedOn: baseVersion,
    update: (version) =>
      prisma.policyTopic.updateMany({
        where: { id: topicId, municipalityId, version },
        data: { title: input.title, description: input.description, updatedById: viewer.id, version: { increment: 1 } },
      }),
    current: async () => {
      const topic = await prisma.policyTopic.findFirst({
        where: { id: topicId, municipalityId },
        select: { title: true, description: true, version: true, updatedBy: { select: { name: true } } },
      });
      return topic ? { ...topic, updatedBy: topic.updatedBy?.name ?? null } : null;
    },
  });
}

export async function deleteTopic(viewer: Viewer, municipalityId: string, topicId: string) {
  await requireEditor(viewer, municipalityId);
  const deleted = await prisma.policyTopic.deleteMany({ where: { id: topicId, municipalityId } });
  if (!deleted.count) throw new DomainError("Dit onderwerp bestaat niet (meer).");
}

/** The highest round a new step may get: the topic's last round, or the one after it. */
async function checkRoundAndLink(municipalityId: string, topicId: string, input: StepInput, ownRound?: number) {
  const last = await prisma.policyTopicStep.aggregate({ where: { topicId }, _max: { round: true } });
  const highest = (last._max.round ?? 0) + 1;
  if (input.round < 1 || (input.round > highest && input.round !== ownRound))
    throw new DomainError(`Kies ronde 1 tot en met ${highest}.`, "round");
  if (input.linkTarget && input.linkUrl)
    throw new DomainError("Kies een onderdeel uit de lijst óf vul een webadres in, niet allebei.", "linkUrl");
  if (input.linkTarget) {
    const options = await linkOptions(municipalityId);
    if (!options.some((option) => option.value === input.linkTarget))
      throw new DomainError("Kies een onderdeel uit de lijst.", "linkTarget");
  }
}

function stepData(input: StepInput) {
  return {
    round: input.round,
    phase: input.phase as TrailPhase,
    title: input.title,
    happenedOn: calendarDate(input.happenedOn),
    content: input.content as Prisma.InputJsonObject,
    linkTarget: input.linkTarget || null,
    linkUrl: input.linkUrl || null,
    linkLabel: input.linkLabel,
  };
}

export async function createStep(viewer: Viewer, municipalityId: string, topicId: string, input: StepInput) {
  await requireEditor(viewer, municipalityId);
  const topic = await prisma.policyTopic.count({ where: { id: topicId, municipalityId } });
  if (!topic) throw new DomainError("Dit onderwerp bestaat niet (meer).");
  await checkRoundAndLink(municipalityId, topicId, input);
  return prisma.$transaction(async (tx) => {
    const step = await tx.policyTopicStep.create({
      data: { ...stepData(input), topicId, updatedById: viewer.id },
      select: { id: true },
    });
    await tx.policyTopic.update({ where: { id: topicId }, data: { updatedAt: new Date() } });
    return step;
  });
}

export type StoredStep = StepInput & { version: number; updatedBy: string | null };

/** Saves a step when it is still at `baseVersion`; else the stored step comes back (nothing written). */
export async function saveStep(
  viewer: Viewer,
  municipalityId: string,
  topicId: string,
  stepId: string,
  input: StepInput,
  baseVersion: number,
): Promise<VersionedSave<StoredStep>> {
  await requireEditor(viewer, municipalityId);
  const own = await prisma.policyTopicStep.findFirst({
    where: { id: stepId, topicId, topic: { municipalityId } },
    select: { round: true },
  });
  if (!own) return { status: "not-found" };
  await checkRoundAndLink(municipalityId, topicId, input, own.round);
  return saveIfUnchanged({
    basedOn: baseVersion,
    update: (version) =>
      prisma.policyTopicStep.updateMany({
        where: { id: stepId, topicId, topic: { municipalityId }, version },
        data: { ...stepData(input), updatedById: viewer.id, version: { increment: 1 } },
      }),
    current: async () => {
      const step = await prisma.policyTopicStep.findFirst({
        where: { id: stepId, topicId, topic: { municipalityId } },
        select: stepSelect,
      });
      if (!step) return null;
      const read = readStep(step);
      return {
        round: read.round,
        phase: read.phase,
        title: read.title,
        happenedOn: read.happenedOn,
        content: read.content,
        linkTarget: read.linkTarget ?? "",
        linkUrl: read.linkUrl ?? "",
        linkLabel: read.linkLabel,
        version: read.version,
        updatedBy: read.updatedBy?.name ?? null,
      };
    },
  });
}

export async function deleteStep(viewer: Viewer, municipalityId: string, topicId: string, stepId: string) {
  await requireEditor(viewer, municipalityId);
  const deleted = await prisma.policyTopicStep.deleteMany({
    where: { id: stepId, topicId, topic: { municipalityId } },
  });
  if (!deleted.count) throw new DomainError("Deze stap bestaat niet (meer).");
}

/** A comment on the topic or on one of its steps, by an editor or a reader. */
export async function addTopicComment(
  viewer: Viewer & Pick<User, "name">,
  municipalityId: string,
  topicId: string,
  stepId: string | null,
  body: string,
) {
  const role = await trailRole(viewer, municipalityId);
  if (role !== "editor" && role !== "reader") throw new DomainError("Je kunt hier niet reageren.");
  if (stepId) {
    const step = await prisma.policyTopicStep.count({ where: { id: stepId, topicId, topic: { municipalityId } } });
    if (!step) throw new DomainError("Deze stap bestaat niet (meer).", "stepId");
  } else {
    const topic = await prisma.policyTopic.count({ where: { id: topicId, municipalityId } });
    if (!topic) throw new DomainError("Dit onderwerp bestaat niet (meer).");
  }
  const comment = await prisma.policyTopicComment.create({
    data: { topicId, stepId, authorId: viewer.id, body },
    select: { id: true },
  });
  await tellAboutComment(viewer, role, municipalityId, topicId, comment.id);
  return comment;
}

/**
 * Issue 16: a comment is news for the municipality's duo members; a comment by an editor also for the
 * facilitators who commented on the topic before (while they still read the trail). Never for the writer.
 * The notification names who and which topic, never the text.
 */
async function tellAboutComment(
  viewer: Viewer & Pick<User, "name">,
  role: "editor" | "reader",
  municipalityId: string,
  topicId: string,
  commentId: string,
) {
  const person = { select: { id: true, name: true, email: true } } as const;
  const topic = await prisma.policyTopic.findUniqueOrThrow({
    where: { id: topicId },
    select: {
      title: true,
      municipality: {
        select: {
          name: true,
          enrollments: { where: { status: "ACTIVE" }, select: { members: { select: { user: person } } } },
        },
      },
      comments: { where: { author: { role: "FACILITATOR" } }, distinct: ["authorId"], select: { authorId: true } },
    },
  });
  const duo = topic.municipality.enrollments.flatMap((enrollment) => enrollment.members.map((member) => member.user));
  const facilitators =
    role === "editor" && topic.comments.length > 0
      ? await prisma.user.findMany({
          where: {
            id: { in: topic.comments.flatMap((comment) => (comment.authorId ? [comment.authorId] : [])) },
            role: "FACILITATOR",
            OR: [
              {
                facilitatedCohorts: {
                  some: { cohort: { status: "RUNNING", enrollments: { some: { municipalityId, status: "ACTIVE" } } } },
                },
              },
              { impactTrailAccess: { some: { municipalityId, kind: "FACILITATOR" } } },
            ],
          },
          select: { id: true, name: true, email: true },
        })
      : [];
  const url = `${getEnv().APP_URL}/impactspoor/${municipalityId}/onderwerpen/${topicId}`;
  const subject = `${viewer.name} reageerde bij "${topic.title}" in het impactspoor`;
  await notifyMany({
    kind: "impact-trail-comment",
    people: [...duo, ...facilitators],
    except: viewer.id,
    key: (user) => `impact-trail-comment:${commentId}:${user.id}`,
    title: subject,
    url,
    email: (user) =>
      noticeEmail({
        kind: "impact-trail-comment",
        user,
        subject,
        lines: [
          `${viewer.name} heeft iets geschreven bij het onderwerp "${topic.title}" in het impactspoor van ${topic.municipality.name}.`,
          "Log in om het te lezen en te reageren.",
        ],
        action: { label: "Naar het onderwerp", url },
        reason: "Je krijgt dit bericht omdat je met dit impactspoor werkt.",
      }),
  });
}

// ---------------------------------------------------------------------------------------------------------
// Access: who has it, the duo invites facilitators, a coordinator gives a colleague access.

export async function accessOverview(municipalityId: string) {
  const [enrollments, grants] = await Promise.all([
    prisma.enrollment.findMany({
      where: { municipalityId, status: "ACTIVE" },
      orderBy: { cohort: { startsOn: "asc" } },
      select: {
        id: true,
        cohort: {
          select: {
            id: true,
            name: true,
            status: true,
            facilitators: { select: { user: { select: { id: true, name: true, title: true } } } },
          },
        },
        members: { orderBy: { createdAt: "asc" }, select: { user: { select: { id: true, name: true } } } },
      },
    }),
    prisma.impactTrailAccess.findMany({
      where: { municipalityId },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        kind: true,
        createdAt: true,
        user: { select: { id: true, name: true, email: true, title: true } },
        grantedBy: { select: { name: true } },
      },
    }),
  ]);
  const invited = new Set(grants.filter((grant) => grant.kind === "FACILITATOR").map((grant) => grant.user.id));
  const candidates = new Map<string, { id: string; name: string; title: string | null }>();
  for (const enrollment of enrollments)
    for (const { user } of enrollment.cohort.facilitators) if (!invited.has(user.id)) candidates.set(user.id, user);
  return {
    duos: enrollments.map((enrollment) => ({
      id: enrollment.id,
      cohort: enrollment.cohort.name,
      running: enrollment.cohort.status === "RUNNING",
      members: enrollment.members.map((member) => member.user.name),
      facilitators: enrollment.cohort.facilitators.map((row) => row.user.name),
    })),
    colleagues: grants.filter((grant) => grant.kind === "COLLEAGUE"),
    facilitators: grants.filter((grant) => grant.kind === "FACILITATOR"),
    candidates: [...candidates.values()].sort((a, b) => a.name.localeCompare(b.name, "nl")),
  };
}

/** The duo invites a facilitator of one of the municipality's cohorts to read and comment. */
export async function inviteFacilitator(viewer: Viewer, municipalityId: string, userId: string) {
  await requireEditor(viewer, municipalityId);
  const known = await prisma.cohortFacilitator.count({
    where: { userId, cohort: { enrollments: { some: { municipalityId, status: "ACTIVE" } } } },
  });
  if (!known) throw new DomainError("Kies een begeleider van jullie leernetwerk.", "userId");
  await prisma.impactTrailAccess.upsert({
    where: { municipalityId_userId: { municipalityId, userId } },
    update: {},
    create: { municipalityId, userId, kind: "FACILITATOR", grantedById: viewer.id },
  });
}

/** Ends access given earlier: the duo ends a facilitator's invitation, a coordinator a colleague's access. */
export async function endAccess(viewer: Viewer, municipalityId: string, accessId: string) {
  const kind = viewer.role === "COORDINATOR" ? "COLLEAGUE" : "FACILITATOR";
  if (kind === "FACILITATOR") await requireEditor(viewer, municipalityId);
  const grant = await prisma.impactTrailAccess.findFirst({
    where: { id: accessId, municipalityId, kind },
    select: { id: true, userId: true },
  });
  if (!grant) throw new DomainError("Deze toegang bestaat niet (meer).");
  await prisma.impactTrailAccess.delete({ where: { id: grant.id } });
  if (kind === "COLLEAGUE")
    await recordAudit({
      actorId: viewer.id,
      action: "impact-trail.colleague-removed",
      entityType: "Municipality",
      entityId: municipalityId,
      details: { userId: grant.userId },
    });
}

/** A coordinator gives a new colleague of the municipality (an existing participant account) access. */
export async function grantColleague(viewer: Viewer, municipalityId: string, email: string) {
  if (viewer.role !== "COORDINATOR") throw new DomainError("Alleen een coördinator geeft collega's toegang.");
  const user = await prisma.user.findUnique({
    where: { email: email.toLowerCase() },
    select: { id: true, role: true },
  });
  if (user?.role !== "PARTICIPANT")
    throw new DomainError(
      "Er is geen deelnemersaccount met dit e-mailadres. Nodig de collega eerst uit als deelnemer.",
      "email",
    );
  const existing = await prisma.impactTrailAccess.findUnique({
    where: { municipalityId_userId: { municipalityId, userId: user.id } },
    select: { id: true },
  });
  if (existing) throw new DomainError("Deze collega heeft al toegang.", "email");
  await prisma.impactTrailAccess.create({
    data: { municipalityId, userId: user.id, kind: "COLLEAGUE", grantedById: viewer.id },
  });
  await recordAudit({
    actorId: viewer.id,
    action: "impact-trail.colleague-added",
    entityType: "Municipality",
    entityId: municipalityId,
    details: { userId: user.id },
  });
}

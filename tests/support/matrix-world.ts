// One seeded world for the authorization matrix (tests/routes/authorization-matrix.db.test.ts) and the
// malformed-input run: two running cohorts (A and B) built by createCohortWorld, plus an open cohort for the
// public application form. Every relation the matrix asks about has one actor, each signed in once:
//
//   anonymous              no session
//   coordinator            a coordinator (sees every cohort, no group, no journal)
//   facilitator            a facilitator of cohort A who also runs the owner's intervisie group
//   facilitatorOtherGroup  a facilitator of cohort A who does not run that group
//   facilitatorOtherCohort a facilitator of cohort B only
//   owner                  a participant of cohort A: the duo, the journal entries, the case, the canvas
//   partner                the owner's duo partner (same group)
//   groupPeer              a participant of another duo in cohort A, in the owner's intervisie group
//   otherDuo               a participant of another duo in cohort A, in another group
//   otherCohort            a participant of cohort B
//   former                 a participant whose municipality withdrew from cohort A (enrolment WITHDRAWN)
//
// The resources (ids in the URLs) belong to the owner, the owner's duo, group and cohort A.
import { fileStorage, newStorageKey } from "~/storage/files.server.ts";
import { createUserSession } from "~/auth/session.server.ts";
import { generateToken, hashToken } from "~/auth/tokens.server.ts";
import { renewFeedToken } from "~/models/calendar-feed.server.ts";
import { unsubscribeToken } from "~/notifications/links.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { createCohort, createEnrollment, createUser } from "../../prisma/factories.ts";
import { createCohortWorld, WORLD_LESSON, WORLD_SCAN } from "./cohort-world.ts";
import { cookiePair, requestWithCookie } from "./requests.ts";

export const ACTORS = [
  "anonymous",
  "coordinator",
  "facilitator",
  "facilitatorOtherGroup",
  "facilitatorOtherCohort",
  "owner",
  "partner",
  "groupPeer",
  "otherDuo",
  "otherCohort",
  "former",
] as const;
export type Actor = (typeof ACTORS)[number];

// The smallest valid PDF header is enough: attachments are typed by their first bytes.
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

export async function createMatrixWorld() {
  const a = await createCohortWorld(prisma, { duos: 4 });
  const b = await createCohortWorld(prisma, { duos: 1 });
  const openCohort = await createCohort(prisma, { status: "APPLICATIONS_OPEN" });
  const coordinator = await createUser(prisma, { role: "COORDINATOR" });

  const [ownerDuo, , , lastDuo] = a.duos;
  const owner = ownerDuo!.members[0]!;
  const partner = ownerDuo!.members[1]!;
  const group = await prisma.intervisionGroup.findFirstOrThrow({
    where: { cohortId: a.cohort.id, members: { some: { userId: owner.id } } },
    include: { members: true, facilitators: true },
  });
  const groupPeer = a.duos
    .slice(1)
    .flatMap((duo) => duo.members)
    .find((user) => group.members.some((member) => member.userId === user.id))!;
  const otherDuo = lastDuo!.members.find((user) => !group.members.some((member) => member.userId === user.id))!;
  const facilitatorId = group.facilitators[0]!.userId;
  const staff = await prisma.cohortFacilitator.findMany({ where: { cohortId: a.cohort.id } });
  const facilitatorOtherGroupId = staff.find((row) => row.userId !== facilitatorId)!.userId;
  const facilitatorOtherCohort = b.facilitator;
  const otherCohort = b.participant;

  const withdrawn = await createEnrollment(prisma, {
    cohortId: a.cohort.id,
    members: [{ name: "Oud Lid", function: "BELEIDSMEDEWERKER" }],
  });
  await prisma.enrollment.update({ where: { id: withdrawn.enrollment.id }, data: { status: "WITHDRAWN" } });
  const former = withdrawn.members[0]!;

  const meeting = await prisma.intervisionMeeting.findFirstOrThrow({ where: { groupId: group.id } });
  const ownCase = await prisma.intervisionCase.findFirstOrThrow({
    where: { meetingId: meeting.id, authorId: owner.id },
  });
  const entries = await prisma.journalEntry.findMany({ where: { authorId: owner.id } });
  const privateEntry = entries.find((entry) => entry.audiences.length === 0)!;
  const sharedEntry = entries.find((entry) => entry.audiences.includes("FACILITATORS"))!;
  const duoEntry = entries.find((entry) => entry.audiences.includes("DUO"))!;
  const submission = await prisma.assignmentSubmission.findFirstOrThrow({
    where: { assignmentId: a.handedIn.id, enrollmentId: ownerDuo!.enrollment.id },
  });
  const storageKey = newStorageKey("submissions", submission.id);
  const attachment = await prisma.submissionAttachment.create({
    data: {
      submissionId: submission.id,
      storageKey,
      fileName: "plan.pdf",
      contentType: "application/pdf",
      size: PDF.length,
      uploadedById: owner.id,
    },
  });
  // The bytes belong to the record (StoredFile references its storageKey): stored after it.
  await fileStorage().put(storageKey, PDF);
  // A handout of the session the URLs name (issue 19), its bytes with it.
  const handoutKey = newStorageKey("handouts", a.sessions[1]!.id);
  const handout = await prisma.sessionHandout.create({
    data: {
      sessionId: a.sessions[1]!.id,
      storageKey: handoutKey,
      fileName: "dia's.pdf",
      contentType: "application/pdf",
      size: PDF.length,
      uploadedById: facilitatorId,
      file: { create: { key: handoutKey, bytes: PDF } },
    },
  });
  const plan = await prisma.actionPlan.create({
    data: { enrollmentId: ownerDuo!.enrollment.id, content: {}, updatedById: owner.id },
  });
  await prisma.actionPlanVersion.create({ data: { planId: plan.id, number: 1, content: {}, savedById: owner.id } });
  // The duo shares its plan with cohort A (both members agreed).
  await prisma.planShare.create({
    data: {
      enrollmentId: ownerDuo!.enrollment.id,
      proposedById: owner.id,
      consents: { create: [{ userId: owner.id }, { userId: partner.id }] },
    },
  });
  // The facilitator's question in the discussion of the session in the URLs.
  const sessionPost = await prisma.sessionPost.create({
    data: { sessionId: a.sessions[1]!.id, authorId: facilitatorId, body: "Wat neem je mee?" },
  });
  const article = await prisma.knowledgeArticle.create({
    data: {
      enrollmentId: b.duos[0]!.enrollment.id,
      title: "Wat we leerden",
      themes: [],
      sections: [{ sectionId: "vraagstuk", title: "Vraagstuk", text: "Samen met inwoners." }],
      searchText: "wat we leerden samen met inwoners",
      reviewStatus: "APPROVED",
    },
  });
  // Cohort A's synthesis, approved: public (issue 16).
  const synthesis = await prisma.cohortSynthesis.create({
    data: {
      cohortId: a.cohort.id,
      title: "Wat dit leernetwerk leerde",
      body: "Gesprekken op plekken waar mensen al komen leverden het meest op.",
      themes: ["armoede"],
      phases: ["ontsluiten"],
      reviewStatus: "APPROVED",
      publishedAt: new Date(),
    },
  });
  // The owner's municipality's impact trail: one topic with one step.
  const topic = await prisma.policyTopic.create({
    data: { municipalityId: ownerDuo!.enrollment.municipalityId, title: "Toegang tot hulp", updatedById: owner.id },
  });
  const topicStep = await prisma.policyTopicStep.create({
    data: { topicId: topic.id, round: 1, phase: "GATHER", title: "Gesprek", happenedOn: new Date("2027-03-01") },
  });
  const keptFile = await prisma.policyTopicFile.create({
    data: {
      fileName: "uitwerking.pdf",
      contentType: "application/pdf",
      size: 4,
      bytes: new Uint8Array([37, 80, 68, 70]),
      document: {
        create: { topicId: topic.id, title: "Uitwerking", body: "Bewaard", source: "Opdracht", keptById: owner.id },
      },
    },
  });
  const application = await prisma.application.findFirstOrThrow({ where: { cohortId: a.cohort.id } });
  const email = await prisma.emailMessage.create({
    data: {
      idempotencyKey: `matrix-${a.cohort.id}`,
      kind: "journal-answered",
      to: owner.email,
      subject: "Een antwoord",
      html: "<p>Een antwoord</p>",
      text: "Een antwoord",
    },
  });
  const invitationToken = generateToken();
  await prisma.invitation.create({
    data: {
      email: `matrix-uitnodiging-${a.cohort.id.slice(0, 8)}@voorbeeld.test`,
      role: "FACILITATOR",
      tokenHash: hashToken(invitationToken),
      cohortId: a.cohort.id,
      expiresAt: new Date(Date.now() + 7 * 24 * 60 * 60_000),
    },
  });
  const resetToken = generateToken();
  // A spent link to confirm a new e-mail address: whoever opens it gets the link problem, nobody a change.
  const emailChangeToken = generateToken();
  await prisma.emailChangeRequest.create({
    data: {
      tokenHash: hashToken(emailChangeToken),
      userId: owner.id,
      newEmail: "nieuw-adres@matrix.test",
      expiresAt: new Date(Date.now() - 60_000),
    },
  });
  await prisma.passwordResetToken.create({
    data: { tokenHash: hashToken(resetToken), userId: owner.id, expiresAt: new Date(Date.now() + 30 * 60_000) },
  });
  const calendarToken = await renewFeedToken(owner.id);
  // Issue 19: an announcement to all of cohort A, and the owner's notification of it (in their inbox).
  const announcement = await prisma.announcement.create({
    data: { cohortId: a.cohort.id, authorId: coordinator.id, title: "Welkom", body: "Fijn dat jullie er zijn." },
  });
  const notification = await prisma.notification.create({
    data: {
      key: `announcement:${announcement.id}:${owner.id}`,
      userId: owner.id,
      kind: "announcement",
      mode: "OFF",
      status: "INBOX",
      title: "Mededeling: Welkom",
      url: `http://localhost/leernetwerken/${a.cohort.id}/mededelingen/${announcement.id}`,
    },
  });

  const users: Record<Exclude<Actor, "anonymous">, string> = {
    coordinator: coordinator.id,
    facilitator: facilitatorId,
    facilitatorOtherGroup: facilitatorOtherGroupId,
    facilitatorOtherCohort: facilitatorOtherCohort.id,
    owner: owner.id,
    partner: partner.id,
    groupPeer: groupPeer.id,
    otherDuo: otherDuo.id,
    otherCohort: otherCohort.id,
    former: former.id,
  };
  const [lessonModule, lesson] = WORLD_LESSON.path.replace("/leren/", "").split("/");

  /** The ids the URLs are filled with: the owner's things in cohort A. */
  const params: Record<string, string> = {
    cohortId: a.cohort.id,
    sessionId: a.sessions[1]!.id,
    enrollmentId: ownerDuo!.enrollment.id,
    assignmentId: a.handedIn.id,
    submissionId: submission.id,
    attachmentId: attachment.id,
    handoutId: handout.id,
    applicationId: application.id,
    groupId: group.id,
    meetingId: meeting.id,
    caseId: ownCase.id,
    entryId: sharedEntry.id,
    scanId: WORLD_SCAN,
    moment: "intake",
    number: "1",
    articleId: article.id,
    synthesisId: synthesis.id,
    messageId: email.id,
    method: "incidentmethode",
    module: lessonModule!,
    lesson: lesson!,
    slug: openCohort.slug,
    municipalityId: ownerDuo!.enrollment.municipalityId,
    topicId: topic.id,
    stepId: topicStep.id,
    postId: sessionPost.id,
    announcementId: announcement.id,
    notificationId: notification.id,
    fileId: keptFile.id,
    "*": "bestaat-niet",
  };
  /** Tokens of the token routes, per URL pattern (the token is the secret, not the session). */
  const tokens = {
    calendar: calendarToken,
    unsubscribe: unsubscribeToken(owner.id, "journal-answered"),
    invitation: invitationToken,
    reset: resetToken,
    emailChange: emailChangeToken,
  };
  const entriesById = { privateEntry: privateEntry.id, sharedEntry: sharedEntry.id, duoEntry: duoEntry.id };

  /** One session cookie per actor (null: anonymous); `fresh` makes another one (for signing out). */
  async function signIn(actor: Actor): Promise<string | null> {
    if (actor === "anonymous") return null;
    return cookiePair(await createUserSession(requestWithCookie(null), users[actor]));
  }
  const cookies = {} as Record<Actor, string | null>;
  for (const actor of ACTORS) cookies[actor] = await signIn(actor);

  return { params, tokens, entries: entriesById, users, cookies, signIn, cohortA: a.cohort, cohortB: b.cohort };
}

export type MatrixWorld = Awaited<ReturnType<typeof createMatrixWorld>>;

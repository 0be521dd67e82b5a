// The rights of the data subject (issue 15), on PGlite and (in `npm test`) on PostgreSQL:
// - the download (AVG art. 15/20) is a ZIP that opens, with gegevens.json and gegevens.html, and holds a
//   record of every kind for a person who has data of every kind, never another member's intervisie case;
// - erasing (art. 17) removes what is only theirs, keeps the joint work with the author null ("verwijderde
//   deelnemer"), and afterwards a search of EVERY table and every text/uuid/json/array column (listed from
//   information_schema, so tables added later are searched too) finds neither their id, name nor address.
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { generateToken, hashToken } from "~/auth/tokens.server.ts";
import { createUserSession } from "~/auth/session.server.ts";
import { fileStorage, newStorageKey } from "~/storage/files.server.ts";
import { onDatabaseQuery, prisma } from "~/utils/db.server.ts";
import { DomainError } from "~/utils/domain-error.ts";
import { createUser, DEMO_PASSWORD } from "../../prisma/factories.ts";
import { createCohortWorld } from "../../tests/support/cohort-world.ts";
import { args, requestAs, requestWithCookie } from "../../tests/support/requests.ts";
import { loader as announcementLoader } from "~/routes/leernetwerken+/$cohortId+/mededelingen+/$announcementId.tsx";
import { loader as announcementsLoader } from "~/routes/leernetwerken+/$cohortId+/mededelingen+/_index.tsx";
import { eraseAccount } from "./erasure.server.ts";
import { PERSONAL_DATA_KINDS, personalDataArchive } from "./personal-data.server.ts";

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
let people = 0;

/** A participant with data of every kind, in a running cohort with a partner, peers and facilitators. */
async function personWithEverything() {
  // A distinctive name and address per person (the file's tests share one database).
  people += 1;
  const NAME = `Fenna Wisselink-Oudeman${"x".repeat(people)}`;
  const EMAIL = `fenna.wisselink.${"x".repeat(people)}@wegwezen.test`;
  const world = await createCohortWorld(prisma, { duos: 2 });
  const [duo, otherDuo] = world.duos;
  const subject = duo!.members[0]!;
  const partner = duo!.members[1]!;
  const enrollmentId = duo!.enrollment.id;
  await prisma.user.update({ where: { id: subject.id }, data: { name: NAME, email: EMAIL } });
  const facilitator = world.facilitator;
  const [, next] = world.sessions;

  // Sign-off with a reason (the world gave them attendance at the past session).
  await prisma.attendance.create({
    data: { sessionId: next!.id, userId: subject.id, status: "SIGNED_OFF", reason: "Mijn kind is ziek" },
  });
  // Another member's case in the same meeting must never appear in the download.
  const ownCase = await prisma.intervisionCase.findFirstOrThrow({ where: { authorId: subject.id } });
  const otherCase = await prisma.intervisionCase.findFirstOrThrow({
    where: { meetingId: ownCase.meetingId, authorId: { not: subject.id } },
  });
  await prisma.intervisionCase.update({ where: { id: otherCase.id }, data: { title: "Casus van een ander" } });
  const noteOnOtherCase = await prisma.intervisionNote.create({
    data: { caseId: otherCase.id, authorId: subject.id, step: 1, kind: "QUESTION", body: "Wat zei de wethouder?" },
  });
  // Journal: a reply by the partner on the subject's entry; a reply by the subject in the partner's thread.
  const ownEntry = await prisma.journalEntry.findFirstOrThrow({
    where: { authorId: subject.id, audiences: { has: "DUO" } },
  });
  await prisma.journalReply.create({ data: { entryId: ownEntry.id, authorId: partner.id, body: "Herkenbaar!" } });
  const partnerEntry = await prisma.journalEntry.findFirstOrThrow({
    where: { authorId: partner.id, audiences: { has: "DUO" } },
  });
  const replyInOthersThread = await prisma.journalReply.create({
    data: { entryId: partnerEntry.id, authorId: subject.id, body: "Dat zag ik ook." },
  });
  // The duo's submission: a file the subject uploaded (joint, stays) and their reply in its thread (stays).
  const duoSubmission = await prisma.assignmentSubmission.findFirstOrThrow({
    where: { enrollmentId, assignmentId: world.handedIn.id },
  });
  const duoKey = newStorageKey("submissions", duoSubmission.id);
  const duoFile = await prisma.submissionAttachment.create({
    data: {
      submissionId: duoSubmission.id,
      storageKey: duoKey,
      fileName: "samen.pdf",
      contentType: "application/pdf",
      size: PDF.length,
      uploadedById: subject.id,
    },
  });
  await fileStorage().put(duoKey, PDF); // the bytes belong to the record, so they come after it
  const duoReply = await prisma.submissionMessage.findFirstOrThrow({
    where: { submissionId: duoSubmission.id, authorId: subject.id },
  });
  // An individual assignment: the submission and its file are only theirs.
  const individual = await prisma.assignment.create({
    data: {
      sessionId: next!.id,
      title: "Eigen reflectie",
      dueAt: new Date(Date.now() + 86_400_000),
      kind: "INDIVIDUAL",
    },
  });
  const ownSubmission = await prisma.assignmentSubmission.create({
    data: {
      assignmentId: individual.id,
      enrollmentId,
      userId: subject.id,
      ownerKey: subject.id,
      body: "Mijn eigen tekst",
    },
  });
  const ownKey = newStorageKey("submissions", ownSubmission.id);
  await prisma.submissionAttachment.create({
    data: {
      submissionId: ownSubmission.id,
      storageKey: ownKey,
      fileName: "eigen.pdf",
      contentType: "application/pdf",
      size: PDF.length,
      uploadedById: subject.id,
    },
  });
  await fileStorage().put(ownKey, PDF);
  // Self-scan answered alone (private); the duo's joint response was last saved by the subject.
  await prisma.selfScanResponse.create({
    data: {
      enrollmentId,
      scanId: "verkenning",
      moment: "MIDWAY",
      respondentKey: subject.id,
      userId: subject.id,
      answers: { besluit: { choice: "go", reasons: "Alleen van mij" } },
      updatedById: subject.id,
    },
  });
  // An evaluation answered: who answered is theirs; the answers are stored apart, without a name.
  await prisma.evaluationParticipation.create({
    data: { cohortId: world.cohort.id, target: "einde", userId: subject.id },
  });
  // The plan: a version the subject saved, a comment they wrote; feedback a facilitator wrote stays theirs.
  const plan = await prisma.actionPlan.create({
    data: { enrollmentId, content: { vraagstuk: { tekst: "Samen" } }, updatedById: subject.id },
  });
  const version = await prisma.actionPlanVersion.create({
    data: { planId: plan.id, number: 1, content: { vraagstuk: { tekst: "Samen" } }, savedById: subject.id },
  });
  const comment = await prisma.actionPlanComment.create({
    data: { planId: plan.id, sectionId: "vraagstuk", authorId: subject.id, body: "Nog aanvullen." },
  });
  // Issue 19: the subject agreed to share the duo's plan, reacted to the other duo's shared plan and posted
  // in a session's discussion (the reaction and the post are joint: they stay, author null).
  await prisma.planShare.create({
    data: { enrollmentId, proposedById: subject.id, consents: { create: [{ userId: subject.id }] } },
  });
  const planReaction = await prisma.planReaction.create({
    data: { enrollmentId: otherDuo!.enrollment.id, authorId: subject.id, body: "Goed plan!" },
  });
  const sessionPost = await prisma.sessionPost.create({
    data: { sessionId: next!.id, authorId: subject.id, body: "Ik neem de klantreis mee." },
  });
  await prisma.knowledgeConsentEvent.create({
    data: { enrollmentId, userId: subject.id, action: "GIVEN", title: "Wat we leerden" },
  });
  await prisma.notificationPreference.create({
    data: { userId: subject.id, kind: "journal-answered", mode: "DIGEST" },
  });
  await prisma.notification.create({
    data: {
      key: `test:${subject.id}`,
      userId: subject.id,
      kind: "journal-answered",
      mode: "DIGEST",
      title: "Reactie op je journaal",
      url: "/journaal",
    },
  });
  // Others' notification and e-mail that name the subject; an e-mail to the subject.
  await prisma.notification.create({
    data: {
      key: `test-partner:${partner.id}`,
      userId: partner.id,
      kind: "journal-answered",
      mode: "DIGEST",
      title: `${NAME} reageerde op je journaal`,
      url: "/journaal",
    },
  });
  await prisma.emailMessage.create({
    data: {
      idempotencyKey: `test-to-subject-${subject.id}`,
      kind: "journal-answered",
      to: EMAIL,
      subject: "Een reactie",
      html: "<p>Hallo</p>",
      text: "Hallo",
    },
  });
  await prisma.emailMessage.create({
    data: {
      idempotencyKey: `test-to-partner-${people}`,
      kind: "journal-answered",
      to: partner.email,
      subject: `${NAME} reageerde`,
      html: `<p>${NAME} reageerde op je journaal.</p>`,
      text: `${NAME} reageerde op je journaal.`,
    },
  });
  // Knowledge base: their consent to the duo's current proposal.
  await prisma.knowledgeProposal.create({
    data: {
      enrollmentId,
      title: "Wat we leerden",
      themes: [],
      sections: [],
      consents: { create: [{ userId: subject.id }] },
    },
  });
  // The impact trail: a topic and a step they edited last, a comment, work they kept, access to another trail.
  const municipalityId = duo!.enrollment.municipalityId;
  const topic = await prisma.policyTopic.create({
    data: { municipalityId, title: "Toegang tot hulp", updatedById: subject.id },
  });
  await prisma.policyTopicStep.create({
    data: {
      topicId: topic.id,
      round: 1,
      phase: "GATHER",
      title: "Gesprek met inwoners",
      happenedOn: new Date("2027-03-01"),
      updatedById: subject.id,
    },
  });
  const trailComment = await prisma.policyTopicComment.create({
    data: { topicId: topic.id, authorId: subject.id, body: "Goed dat dit er staat." },
  });
  const keptDocument = await prisma.policyTopicDocument.create({
    data: {
      topicId: topic.id,
      title: "Onze uitwerking",
      body: "Wat we samen schreven.",
      source: "Opdracht",
      keptById: subject.id,
      files: { create: [{ fileName: "samen.pdf", contentType: "application/pdf", size: PDF.length, bytes: PDF }] },
    },
  });
  await prisma.impactTrailAccess.create({
    data: { municipalityId: otherDuo!.enrollment.municipalityId, userId: subject.id, kind: "COLLEAGUE" },
  });
  // An announcement they wrote to the cohort (kept after erasure, without author).
  const announcement = await prisma.announcement.create({
    data: { cohortId: world.cohort.id, authorId: subject.id, title: "Zaal gewijzigd", body: "We zitten in zaal 3." },
  });
  // Reads: they read their partner's entry; the facilitator read theirs.
  await prisma.recordRead.create({ data: { readerId: subject.id, journalEntryId: partnerEntry.id } });
  await prisma.recordRead.create({ data: { readerId: facilitator.id, journalEntryId: ownEntry.id } });
  // Audit: an entry about them (with name and address in the details) and one of their own doing.
  await prisma.auditLog.createMany({
    data: [
      {
        actorId: facilitator.id,
        action: "enrollment.member-added",
        entityType: "User",
        entityId: subject.id,
        details: { name: NAME, email: EMAIL, userId: subject.id },
      },
      { actorId: subject.id, action: "two-factor.enabled", entityType: "User", entityId: subject.id },
    ],
  });
  // Sign-in: a session, reset and e-mail-change tokens, two-factor, a calendar feed, a failed login.
  await createUserSession(requestWithCookie(null), subject.id);
  await prisma.passwordResetToken.create({
    data: { tokenHash: hashToken(generateToken()), userId: subject.id, expiresAt: new Date(Date.now() + 60_000) },
  });
  await prisma.emailChangeRequest.create({
    data: {
      tokenHash: hashToken(generateToken()),
      userId: subject.id,
      newEmail: "fenna.nieuw@wegwezen.test",
      expiresAt: new Date(Date.now() + 60_000),
    },
  });
  await prisma.twoFactor.create({ data: { userId: subject.id, secretEncrypted: "x", enabledAt: new Date() } });
  await prisma.twoFactorRecoveryCode.create({ data: { userId: subject.id, codeHash: "abc" } });
  await prisma.calendarFeedToken.create({ data: { userId: subject.id, tokenHash: hashToken(generateToken()) } });
  await prisma.loginAttempt.create({ data: { email: EMAIL, userId: subject.id, succeeded: false } });
  // The municipality's application named them (as a duo member), and they were invited.
  const application = await prisma.application.create({
    data: {
      cohortId: world.cohort.id,
      municipalityName: `Wegwezen ${people}`,
      municipalityKey: `wegwezen-${people}`,
      contactName: NAME,
      contactEmail: EMAIL,
      contactPhone: "0612345678",
      vraagstuk: "Armoede",
      intakeNotes: `Gesprek met ${NAME} ging goed.`,
      members: { create: [{ position: 0, name: NAME, email: EMAIL, function: "BELEIDSMEDEWERKER" }] },
    },
  });
  await prisma.invitation.create({
    data: {
      email: EMAIL,
      name: NAME,
      role: "PARTICIPANT",
      tokenHash: hashToken(generateToken()),
      cohortId: world.cohort.id,
      enrollmentId,
      expiresAt: new Date(Date.now() - 60_000),
      acceptedAt: new Date(Date.now() - 120_000),
    },
  });
  return {
    NAME,
    EMAIL,
    world,
    subject,
    partner,
    otherDuo: otherDuo!,
    facilitator,
    ownCase,
    otherCase,
    noteOnOtherCase,
    ownEntry,
    replyInOthersThread,
    duoSubmission,
    duoFile,
    duoReply,
    ownSubmission,
    ownKey,
    duoKey,
    version,
    comment,
    application,
    planReaction,
    sessionPost,
    trailComment,
    keptDocument,
    announcement,
  };
}

async function readArchive(stream: ReadableStream<Uint8Array>) {
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  const zip = await JSZip.loadAsync(bytes);
  return { bytes, zip };
}

describe("download all my data (AVG art. 15/20)", () => {
  it("is a ZIP with gegevens.json and gegevens.html holding a record of every kind, and no one else's case", async () => {
    const { subject, ownCase, ownEntry, NAME, EMAIL } = await personWithEverything();
    const statements: string[] = [];
    const stop = onDatabaseQuery((sql) => statements.push(sql));
    const { bytes, zip } = await readArchive(await personalDataArchive(subject.id));
    stop();
    // One statement per kind (two for the two kinds that read two tables), the person and the audit entry:
    // the count does not grow with the amount of data (no query per record).
    expect(statements.length).toBeLessThanOrEqual(PERSONAL_DATA_KINDS.length + 4);
    expect(bytes.length).toBeGreaterThan(1000);
    expect(Object.keys(zip.files).sort()).toEqual(["gegevens.html", "gegevens.json"]);

    const json = JSON.parse(await zip.file("gegevens.json")!.async("string"));
    expect(json.person).toEqual({ id: subject.id, name: NAME, email: EMAIL });
    const empty = PERSONAL_DATA_KINDS.map((kind) => kind.key).filter((key) => !(json.data[key]?.length > 0));
    expect(empty).toEqual([]);
    const text = JSON.stringify(json);
    expect(text).toContain(ownCase.title);
    expect(text).toContain(ownEntry.title);
    expect(text).toContain("Mijn kind is ziek");
    expect(text).toContain("Herkenbaar!");
    expect(text).not.toContain("Casus van een ander");
    expect(text).not.toContain("Wat zei de wethouder?");

    const html = await zip.file("gegevens.html")!.async("string");
    expect(html).toContain('<html lang="nl">');
    for (const kind of PERSONAL_DATA_KINDS) expect(html).toContain(kind.title.replaceAll("&", "&amp;"));
    expect(html).toContain(ownCase.title);
    expect(html).not.toContain("Casus van een ander");
    // Times in Amsterdam time, in Dutch ("6 dec 2026 14:05").
    expect(html).toMatch(/\d{1,2} [a-z]{3}\.? \d{4},? \d{2}:\d{2}/);
    // The download is in the audit log.
    expect(await prisma.auditLog.count({ where: { action: "personal-data.downloaded", entityId: subject.id } })).toBe(
      1,
    );
  });
});

/** Every table, every column that can hold an id, a name or an address (text, varchar, uuid, json, arrays). */
async function searchableColumns() {
  return prisma.$queryRaw<{ table: string; column: string }[]>`
    SELECT c.table_name::text AS "table", c.column_name::text AS "column"
      FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
       AND c.table_name <> '_prisma_migrations'
       AND (c.data_type IN ('text', 'character varying', 'character', 'uuid', 'json', 'jsonb', 'ARRAY')
            OR c.data_type = 'USER-DEFINED')
     ORDER BY 1, 2`;
}

async function findEverywhere(needles: string[]) {
  const columns = await searchableColumns();
  const hits: string[] = [];
  for (const { table, column } of columns) {
    const found = await prisma.$queryRawUnsafe<{ needle: string; count: bigint }[]>(
      `SELECT n.needle, count(x.*) AS count FROM unnest($1::text[]) AS n(needle)
         LEFT JOIN "${table}" x ON strpos(lower(x."${column}"::text), lower(n.needle)) > 0
        GROUP BY n.needle`,
      needles,
    );
    for (const row of found) if (Number(row.count) > 0) hits.push(`${table}.${column}: ${row.needle}`);
  }
  return { hits, tables: [...new Set(columns.map((column) => column.table))] };
}

describe("erase my account (AVG art. 17)", () => {
  it("deletes what is only theirs, keeps joint work without their name, and leaves no id, name or address anywhere", async () => {
    const data = await personWithEverything();
    const { subject, NAME, EMAIL } = data;
    // Before: the generic search does find them (the search itself works).
    const before = await findEverywhere([subject.id, NAME, EMAIL]);
    expect(before.hits.length).toBeGreaterThan(20);

    await expect(eraseAccount(subject.id, { kind: "self", password: "fout-wachtwoord" })).rejects.toThrow(DomainError);
    expect(await prisma.user.count({ where: { id: subject.id } })).toBe(1);

    expect(await eraseAccount(subject.id, { kind: "self", password: DEMO_PASSWORD })).toBe(true);

    const { hits, tables } = await findEverywhere([subject.id, NAME, EMAIL]);
    // The joint work keeps no reference to them (its author is null), so nothing at all is allowed to remain.
    const ALLOWED: string[] = [];
    expect(hits.filter((hit) => !ALLOWED.includes(hit))).toEqual([]);
    // Every table of the schema was searched (the list is printed for the report).
    expect(tables).toEqual(expect.arrayContaining(["User", "JournalEntry", "AuditLog", "EmailMessage", "Session"]));
    console.info(`Erasure search covered ${tables.length} tables: ${tables.join(", ")}`);

    // Only theirs: gone.
    expect(await prisma.journalEntry.count({ where: { id: data.ownEntry.id } })).toBe(0);
    expect(await prisma.intervisionCase.count({ where: { id: data.ownCase.id } })).toBe(0);
    expect(await prisma.assignmentSubmission.count({ where: { id: data.ownSubmission.id } })).toBe(0);
    expect(await fileStorage().get(data.ownKey)).toBeNull();
    // Joint: stays, author null (rendered as "verwijderde deelnemer").
    const kept = await Promise.all([
      prisma.assignmentSubmission.findUnique({ where: { id: data.duoSubmission.id }, select: { body: true } }),
      prisma.submissionMessage.findUnique({ where: { id: data.duoReply.id }, select: { authorId: true, body: true } }),
      prisma.submissionAttachment.findUnique({ where: { id: data.duoFile.id }, select: { uploadedById: true } }),
      prisma.journalReply.findUnique({ where: { id: data.replyInOthersThread.id }, select: { authorId: true } }),
      prisma.actionPlanVersion.findUnique({ where: { id: data.version.id }, select: { savedById: true } }),
      prisma.actionPlanComment.findUnique({ where: { id: data.comment.id }, select: { authorId: true } }),
      prisma.intervisionNote.findUnique({ where: { id: data.noteOnOtherCase.id }, select: { authorId: true } }),
      prisma.intervisionCase.findUnique({ where: { id: data.otherCase.id }, select: { id: true } }),
      prisma.planReaction.findUnique({ where: { id: data.planReaction.id }, select: { authorId: true } }),
      prisma.sessionPost.findUnique({ where: { id: data.sessionPost.id }, select: { authorId: true } }),
      prisma.policyTopicComment.findUnique({
        where: { id: data.trailComment.id },
        select: { authorId: true, body: true },
      }),
      prisma.policyTopicDocument.findUnique({ where: { id: data.keptDocument.id }, select: { keptById: true } }),
    ]);
    expect(kept.every(Boolean)).toBe(true);
    expect(kept[1]).toEqual({ authorId: null, body: "De cliëntenraad." });
    expect(kept[2]!.uploadedById).toBeNull();
    expect(kept[3]!.authorId).toBeNull();
    expect(kept[4]!.savedById).toBeNull();
    expect(kept[5]!.authorId).toBeNull();
    expect(kept[8]!.authorId).toBeNull();
    expect(kept[9]!.authorId).toBeNull();
    // A comment in the municipality's trail is joint work: it stays, shown as "verwijderde deelnemer".
    expect(kept[10]).toEqual({ authorId: null, body: "Goed dat dit er staat." });
    expect(kept[11]!.keptById).toBeNull();
    expect(await fileStorage().get(data.duoKey)).not.toBeNull();
    // Their announcement stays for the cohort; both announcement pages name its author "verwijderde deelnemer".
    const cohortPath = `http://localhost/leernetwerken/${data.world.cohort.id}/mededelingen`;
    const list = await announcementsLoader(
      args(await requestAs(data.partner.id, cohortPath), { cohortId: data.world.cohort.id }),
    );
    expect(list.announcements.find((row) => row.id === data.announcement.id)?.author).toBe("verwijderde deelnemer");
    const one = await announcementLoader(
      args(await requestAs(data.partner.id, `${cohortPath}/${data.announcement.id}`), {
        cohortId: data.world.cohort.id,
        announcementId: data.announcement.id,
      }),
    );
    expect(one.announcement.author).toBe("verwijderde deelnemer");
    // Others' records that named them now say "verwijderde deelnemer".
    const mail = await prisma.emailMessage.findUniqueOrThrow({
      where: { idempotencyKey: `test-to-partner-${people}` },
    });
    expect(mail.text).toBe("verwijderde deelnemer reageerde op je journaal.");
    // The erasure itself is audited, without name, address or id.
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "account.erased" } });
    expect(audit.entityId).toBeNull();
    expect(JSON.stringify(audit.details)).not.toMatch(/Fenna|wegwezen/);
  });

  it("is refused for the last coordinator and for a coordinator's own account from the admin page", async () => {
    const coordinators = await prisma.user.findMany({ where: { role: "COORDINATOR" }, select: { id: true } });
    const only = await createUser(prisma, { role: "COORDINATOR" });
    const other = coordinators[0] ?? (await createUser(prisma, { role: "COORDINATOR" }));
    await expect(eraseAccount(only.id, { kind: "coordinator", actorId: only.id })).rejects.toThrow(/eigen account/);
    await prisma.user.deleteMany({ where: { role: "COORDINATOR", id: { not: only.id } } });
    await expect(eraseAccount(only.id, { kind: "self", password: DEMO_PASSWORD })).rejects.toThrow(/enige coördinator/);
    expect(await prisma.user.count({ where: { id: only.id } })).toBe(1);
    expect(other.id).toBeTruthy();
    expect(await eraseAccount("00000000-0000-4000-8000-000000000000", { kind: "coordinator", actorId: only.id })).toBe(
      false,
    );
  });
});

describe("the figure for the report", () => {
  it("measures the full download of the busiest demo participant", async () => {
    const { seedDemo } = await import("../../prisma/demo-data.ts");
    await seedDemo(prisma);
    const participants = await prisma.user.findMany({
      where: { role: "PARTICIPANT", email: { endsWith: ".test" }, NOT: { email: { contains: "wegwezen" } } },
      select: { id: true, email: true },
    });
    let busiest = { email: "", bytes: 0, ms: 0 };
    for (const participant of participants) {
      const started = performance.now();
      const { bytes } = await readArchive(await personalDataArchive(participant.id));
      const ms = performance.now() - started;
      if (bytes.length > busiest.bytes) busiest = { email: participant.email, bytes: bytes.length, ms };
    }
    // Again, warm, for the busiest one.
    const target = participants.find((participant) => participant.email === busiest.email)!;
    const started = performance.now();
    const { bytes, zip } = await readArchive(await personalDataArchive(target.id));
    const ms = performance.now() - started;
    const json = await zip.file("gegevens.json")!.async("string");
    const html = await zip.file("gegevens.html")!.async("string");
    console.info(
      `Busiest demo participant ${busiest.email}: ZIP ${bytes.length} bytes (gegevens.json ${json.length}, gegevens.html ${html.length} characters), ${Math.round(ms)} ms warm (${Math.round(busiest.ms)} ms first) on ${process.env.TEST_DATABASE_KIND}`,
    );
    expect(ms).toBeLessThan(5000);
  });
});

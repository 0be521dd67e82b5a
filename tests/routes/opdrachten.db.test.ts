// Assignments through the routes' loaders and actions (guards included): the autosave's conflict answer,
// hand in / withdraw / feedback, who gets a 404, uploads checked by content and size, the coordinator's
// definitions (audit-logged) and copy. (The model alone: app/models/assignment.db.test.ts.)
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createCohort, createEnrollment } from "../../prisma/factories.ts";
import { assignmentWorld, HOUR } from "../support/assignment-world.ts";
import { officeFile } from "../support/office-files.ts";
import { requestAs, form, upload, args, statusOf, dataOf, thrownResponse } from "../support/requests.ts";
import { prisma } from "~/utils/db.server.ts";
import { loader as downloadLoader } from "~/routes/bijlagen.$attachmentId.tsx";
import { action as newAction } from "~/routes/leernetwerken+/$cohortId+/opdrachten+/nieuw.tsx";
import {
  action as copyAction,
  loader as dashboardLoader,
} from "~/routes/leernetwerken+/$cohortId+/opdrachten+/_index.tsx";
import { loader as overviewLoader } from "~/routes/leernetwerken+/$cohortId+/opdrachten+/$assignmentId.tsx";
import { action as editAction } from "~/routes/leernetwerken+/$cohortId+/opdrachten+/$assignmentId_.bewerken.tsx";
import {
  action as staffSubmissionAction,
  loader as staffSubmissionLoader,
} from "~/routes/leernetwerken+/$cohortId+/opdrachten+/$assignmentId_.inzendingen.$submissionId.tsx";
import { action as pageAction, loader as pageLoader } from "~/routes/opdrachten+/$assignmentId/route.tsx";
import { loader as listLoader } from "~/routes/opdrachten+/_index.tsx";
import { lessonForViewer } from "~/models/course-progress.server.ts";
import {
  addSubmissionMessage,
  saveSubmissionBody,
  submitSubmission,
  withdrawSubmission,
} from "~/models/assignment.server.ts";

process.env.UPLOAD_DIR = await mkdtemp(path.join(tmpdir(), "leernetwerk-test-uploads-"));

const pdf = new TextEncoder().encode("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n");

describe("duo submissions", () => {
  it("the autosave route answers with the new version or the partner's text (409)", async () => {
    const { assignment, lisa, erik } = await assignmentWorld();
    const url = `http://localhost/opdrachten/${assignment.id}`;
    const params = { assignmentId: assignment.id };
    const saved = await pageAction(
      args(await requestAs(lisa.id, url, form({ intent: "autosave", body: "Versie van Lisa", version: "0" })), params),
    );
    expect(dataOf<{ status: string; version: number }>(saved)).toMatchObject({ status: "saved", version: 1 });
    const conflict = await pageAction(
      args(await requestAs(erik.id, url, form({ intent: "autosave", body: "Versie van Erik", version: "0" })), params),
    );
    expect(statusOf(conflict)).toBe(409);
    expect(dataOf(conflict)).toMatchObject({
      status: "conflict",
      version: 1,
      current: { body: "Versie van Lisa" },
      values: { body: "Versie van Erik" },
    });
    // Both members see the same draft.
    const page = await pageLoader(args(await requestAs(erik.id, url), params));
    expect(page.submission?.body).toBe("Versie van Lisa");
    expect(page.state.status).toBe("concept");
  });

  it("hands in (not when empty), withdraws, hands in again; after feedback no withdrawing; late is marked", async () => {
    const { assignment, lisa, erik, marco } = await assignmentWorld();
    const url = `http://localhost/opdrachten/${assignment.id}`;
    const params = { assignmentId: assignment.id };
    const empty = await pageAction(
      args(await requestAs(lisa.id, url, form({ intent: "submit", body: "   ", version: "0" })), params),
    );
    expect(statusOf(empty)).toBe(400);
    expect(dataOf<{ fieldErrors: { body: string[] } }>(empty).fieldErrors.body[0]).toContain("lege opdracht");

    const submitted = await pageAction(
      args(await requestAs(lisa.id, url, form({ intent: "submit", body: "Onze uitwerking", version: "0" })), params),
    );
    expect(statusOf(submitted)).toBe(302);
    let submission = await prisma.assignmentSubmission.findFirstOrThrow({ where: { assignmentId: assignment.id } });
    expect(submission.submittedAt).not.toBeNull();
    // Handed in: the text is locked for the partner too.
    expect(await saveSubmissionBody(erik, assignment.id, "Nog iets", submission.version)).toMatchObject({
      status: "locked",
    });

    expect(await withdrawSubmission(erik, assignment.id)).toBe(true);
    expect(
      await saveSubmissionBody(
        erik,
        assignment.id,
        "Verbeterd",
        (await prisma.assignmentSubmission.findFirstOrThrow({ where: { id: submission.id } })).version,
      ),
    ).toMatchObject({ status: "saved" });
    // Late: allowed and marked.
    await prisma.assignment.update({ where: { id: assignment.id }, data: { dueAt: new Date(Date.now() - HOUR) } });
    expect(await submitSubmission(erik, assignment.id)).toEqual({ late: true });
    const late = await listLoader(args(await requestAs(lisa.id, "http://localhost/opdrachten")));
    expect(late.assignments[0]).toMatchObject({
      status: "ingeleverd",
      late: true,
      statusLabel: "Ingeleverd (te laat)",
    });

    submission = await prisma.assignmentSubmission.findFirstOrThrow({ where: { id: submission.id } });
    await addSubmissionMessage(marco, submission.id, "Mooi werk, kijk nog naar de leefwereld.");
    const afterFeedback = await pageAction(args(await requestAs(lisa.id, url, form({ intent: "withdraw" })), params));
    expect(statusOf(afterFeedback)).toBe(400);
    expect(dataOf<{ formError: string }>(afterFeedback).formError).toContain("feedback");
    // Both duo members hear about the feedback (without its text).
    const notices = await prisma.notification.findMany({
      where: { kind: "assignment-feedback", userId: { in: [lisa.id, erik.id] } },
    });
    expect(notices).toHaveLength(2);
    const email = await prisma.emailMessage.findFirstOrThrow({
      where: { to: lisa.email, kind: "assignment-feedback" },
    });
    expect(email.subject).toBe("Feedback op je opdracht: Leefwereld in kaart");
    expect(email.text).not.toContain("Mooi werk");
    const page = await pageLoader(args(await requestAs(lisa.id, url), params));
    expect(page.state.label).toBe("Feedback ontvangen (te laat)");
    // The thread goes to the browser rendered only (not also as raw text).
    expect(page.submission?.messages).toHaveLength(1);
    expect(page.submission?.messages[0]).not.toHaveProperty("body");
    expect(JSON.stringify(page.submission?.messages[0]?.bodyTree)).toContain("Mooi werk, kijk nog naar de leefwereld.");
    // The duo replies in the thread.
    const reply = await pageAction(
      args(await requestAs(erik.id, url, form({ intent: "message", body: "Dank, doen we!" })), params),
    );
    expect(statusOf(reply)).toBe(302);
    expect(await prisma.submissionMessage.count({ where: { submissionId: submission.id } })).toBe(2);
  });
});

describe("pages around the assignments", () => {
  it("a submit sent again after waiting for an autosave (with its button's intent, see useAutosave) hands in; the lesson's opdracht block gets the link and status", async () => {
    const { assignment, lisa, erik } = await assignmentWorld();
    await prisma.assignment.update({
      where: { id: assignment.id },
      data: { opdrachtId: "tien-tips-en-rollen-opdracht-vraagstuk" },
    });
    const url = `http://localhost/opdrachten/${assignment.id}`;
    const resent = await pageAction(
      args(await requestAs(lisa.id, url, form({ intent: "submit", body: "Klaar", version: "0" })), {
        assignmentId: assignment.id,
      }),
    );
    expect(statusOf(resent)).toBe(302);
    expect(
      (await prisma.assignmentSubmission.findFirstOrThrow({ where: { assignmentId: assignment.id } })).submittedAt,
    ).not.toBeNull();
    const lesson = {
      id: "tien-tips-en-rollen/zo-werkt-dit-leernetwerk",
      opdrachten: [{ id: "tien-tips-en-rollen-opdracht-vraagstuk" }],
      zelfscans: [],
    };
    expect((await lessonForViewer(erik, lesson)).assignments).toEqual({
      "tien-tips-en-rollen-opdracht-vraagstuk": {
        href: `/opdrachten/${assignment.id}`,
        title: "Leefwereld in kaart",
        statusLabel: "Ingeleverd",
        dueAt: assignment.dueAt.toISOString(),
      },
    });
  });
});

describe("who may see what", () => {
  it("another duo, a facilitator of another cohort and a wrong id get a 404; drafts stay with the duo", async () => {
    const { cohort, assignment, lisa, erik, noor, marco, anouk, sanne } = await assignmentWorld();
    await saveSubmissionBody(lisa, assignment.id, "Concept van Zwolle", 0);
    const submission = await prisma.assignmentSubmission.findFirstOrThrow({ where: { assignmentId: assignment.id } });
    const url = `http://localhost/opdrachten/${assignment.id}`;
    // Noor (Deventer) opens the same assignment: she sees her own (empty) one, never Zwolle's text.
    const noorPage = await pageLoader(args(await requestAs(noor.id, url), { assignmentId: assignment.id }));
    expect(noorPage.submission).toBeNull();
    // A participant of another cohort: 404; a bad id: 404.
    const outsider = (
      await createEnrollment(prisma, {
        cohortId: (await createCohort(prisma)).id,
        members: [{ function: "BELEIDSMEDEWERKER" }],
      })
    ).members[0]!;
    expect(
      (
        await thrownResponse(async () =>
          pageLoader(args(await requestAs(outsider.id, url), { assignmentId: assignment.id })),
        )
      )?.status,
    ).toBe(404);
    expect(
      (
        await thrownResponse(async () =>
          pageLoader(args(await requestAs(lisa.id, url), { assignmentId: "niet-een-id" })),
        )
      )?.status,
    ).toBe(404);
    // Staff do not read drafts.
    const staffUrl = `http://localhost/leernetwerken/${cohort.id}/opdrachten/${assignment.id}/inzendingen/${submission.id}`;
    const staffParams = { cohortId: cohort.id, assignmentId: assignment.id, submissionId: submission.id };
    expect(
      (await thrownResponse(async () => staffSubmissionLoader(args(await requestAs(marco.id, staffUrl), staffParams))))
        ?.status,
    ).toBe(404);
    await submitSubmission(lisa, assignment.id);
    const read = await staffSubmissionLoader(args(await requestAs(marco.id, staffUrl), staffParams));
    expect(read.submission.body).toBe("Concept van Zwolle");
    expect((await staffSubmissionLoader(args(await requestAs(sanne.id, staffUrl), staffParams))).submission.id).toBe(
      submission.id,
    );
    await staffSubmissionLoader(args(await requestAs(marco.id, staffUrl), staffParams));
    // The duo sees who read their submission ("Gelezen door"): both members, per reader, with how often.
    for (const member of [lisa, erik]) {
      const page = await pageLoader(args(await requestAs(member.id, url), { assignmentId: assignment.id }));
      expect(
        page
          .submission!.readBy.map((read) => ({ name: read.reader.name, count: read.count }))
          .sort((a, b) => a.name.localeCompare(b.name)),
      ).toEqual([
        { name: "Marco", count: 2 },
        { name: "Sanne", count: 1 },
      ]);
      expect(page.submission!.readBy[0]!.lastReadAt).toBeInstanceOf(Date);
    }
    // Another duo does not see them (its own submission is empty).
    expect(
      (await pageLoader(args(await requestAs(noor.id, url), { assignmentId: assignment.id }))).submission,
    ).toBeNull();
    // A facilitator of another cohort: 404 on the overview, the submission and its actions.
    const overviewUrl = `http://localhost/leernetwerken/${cohort.id}/opdrachten/${assignment.id}`;
    expect(
      (
        await thrownResponse(async () =>
          overviewLoader(
            args(await requestAs(anouk.id, overviewUrl), { cohortId: cohort.id, assignmentId: assignment.id }),
          ),
        )
      )?.status,
    ).toBe(404);
    expect(
      (await thrownResponse(async () => staffSubmissionLoader(args(await requestAs(anouk.id, staffUrl), staffParams))))
        ?.status,
    ).toBe(404);
    expect(
      (
        await thrownResponse(async () =>
          staffSubmissionAction(
            args(await requestAs(anouk.id, staffUrl, form({ intent: "message", body: "Hoi" })), staffParams),
          ),
        )
      )?.status,
    ).toBe(404);
    // Participants cannot open the staff pages.
    expect(
      (
        await thrownResponse(async () =>
          overviewLoader(
            args(await requestAs(lisa.id, overviewUrl), { cohortId: cohort.id, assignmentId: assignment.id }),
          ),
        )
      )?.status,
    ).toBe(403);
  });

  it("the overview shows each duo's status, handed in and late; besproken is recorded", async () => {
    const { cohort, assignment, lisa, marco } = await assignmentWorld();
    await saveSubmissionBody(lisa, assignment.id, "Klaar", 0);
    await submitSubmission(lisa, assignment.id);
    const submission = await prisma.assignmentSubmission.findFirstOrThrow({ where: { assignmentId: assignment.id } });
    const url = `http://localhost/leernetwerken/${cohort.id}/opdrachten/${assignment.id}`;
    const overview = await overviewLoader(
      args(await requestAs(marco.id, url), { cohortId: cohort.id, assignmentId: assignment.id }),
    );
    const rows = overview.rows.map((row) => [row.who, row.status, row.late, row.submissionId !== null]);
    expect(rows).toHaveLength(2);
    expect(rows).toEqual(
      expect.arrayContaining([
        ["Noor", "open", false, false],
        ["Lisa en Erik", "ingeleverd", false, true],
      ]),
    );
    const staffParams = { cohortId: cohort.id, assignmentId: assignment.id, submissionId: submission.id };
    const marked = await staffSubmissionAction(
      args(
        await requestAs(marco.id, `${url}/inzendingen/${submission.id}`, form({ intent: "discussed" })),
        staffParams,
      ),
    );
    expect(statusOf(marked)).toBe(302);
    expect(
      (await prisma.assignmentSubmission.findUniqueOrThrow({ where: { id: submission.id } })).discussedAt,
    ).not.toBeNull();
  });
});

describe("attachments", () => {
  it("bounds a multipart form: at most 10 parts, fields of at most 64 KB, a boundary; each a 400 with a Dutch message", async () => {
    const { assignment, lisa } = await assignmentWorld();
    const url = `http://localhost/opdrachten/${assignment.id}`;
    const params = { assignmentId: assignment.id };
    const post = async (init: RequestInit) => pageAction(args(await requestAs(lisa.id, url, init), params));
    const fileError = (result: unknown) => dataOf<{ fieldErrors: { file: string[] } }>(result).fieldErrors.file[0];

    const many = new FormData();
    for (let index = 0; index < 11; index++) many.append(`veld${index}`, "x");
    many.set("file", new File([Buffer.from(pdf)], "verslag.pdf"));
    const tooMany = await post({ method: "POST", body: many });
    expect(statusOf(tooMany)).toBe(400);
    expect(fileError(tooMany)).toBe(
      "Dit formulier heeft te veel onderdelen (hoogstens 10). Stuur één bestand tegelijk.",
    );

    const longField = new FormData();
    longField.set("opmerking", "x".repeat(64 * 1024 + 1));
    longField.set("file", new File([Buffer.from(pdf)], "verslag.pdf"));
    const tooLong = await post({ method: "POST", body: longField });
    expect(statusOf(tooLong)).toBe(400);
    expect(fileError(tooLong)).toContain("Een van de velden van dit formulier is te lang.");

    const noBoundary = await post({
      method: "POST",
      headers: { "Content-Type": "multipart/form-data" },
      body: '--x\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc\r\n--x--\r\n',
    });
    expect(statusOf(noBoundary)).toBe(400);
    expect(fileError(noBoundary)).toContain("Dit formulier kon niet worden gelezen.");

    // Ten parts with a file are fine.
    const ten = new FormData();
    for (let index = 0; index < 9; index++) ten.append(`veld${index}`, "x");
    ten.set("file", new File([Buffer.from(pdf)], "verslag.pdf"));
    expect(dataOf(await post({ method: "POST", body: ten }))).toMatchObject({ status: "done" });
    expect(await prisma.submissionAttachment.count({ where: { submission: { assignmentId: assignment.id } } })).toBe(1);
  });

  it("accepts a PDF or DOCX by content, refuses a renamed text file and a file over 10 MB, with Dutch messages", async () => {
    const { assignment, lisa, erik, noor, marco } = await assignmentWorld();
    const url = `http://localhost/opdrachten/${assignment.id}`;
    const params = { assignmentId: assignment.id };
    const ok = await pageAction(args(await requestAs(lisa.id, url, upload("verslag.pdf", pdf)), params));
    expect(dataOf(ok)).toMatchObject({ status: "done", message: "verslag.pdf is toegevoegd." });
    const docx = await pageAction(args(await requestAs(erik.id, url, upload("plan.docx", officeFile("docx"))), params));
    expect(dataOf(docx)).toMatchObject({ status: "done" });

    const fake = await pageAction(
      args(await requestAs(lisa.id, url, upload("stiekem.pdf", new TextEncoder().encode("gewoon tekst"))), params),
    );
    expect(statusOf(fake)).toBe(400);
    expect(dataOf<{ fieldErrors: { file: string[] } }>(fake).fieldErrors.file[0]).toContain(
      "Dit soort bestand kun je niet toevoegen",
    );

    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(pdf);
    const tooLarge = await pageAction(args(await requestAs(lisa.id, url, upload("groot.pdf", big)), params));
    expect(statusOf(tooLarge)).toBe(400);
    expect(dataOf<{ fieldErrors: { file: string[] } }>(tooLarge).fieldErrors.file[0]).toContain("groter dan 10 MB");

    const files = await prisma.submissionAttachment.findMany({
      where: { submission: { assignmentId: assignment.id } },
      orderBy: { createdAt: "asc" },
    });
    expect(files.map((file) => [file.fileName, file.contentType])).toEqual([
      ["verslag.pdf", "application/pdf"],
      ["plan.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    ]);
    // The duo downloads it as an attachment with nosniff; another duo and (before handing in) staff get a 404.
    const download = await downloadLoader(
      args(await requestAs(erik.id, `http://localhost/bijlagen/${files[0]!.id}`), { attachmentId: files[0]!.id }),
    );
    expect(download.headers.get("Content-Disposition")).toContain('attachment; filename="verslag.pdf"');
    expect(download.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(pdf);
    for (const user of [noor, marco]) {
      expect(
        (
          await thrownResponse(async () =>
            downloadLoader(
              args(await requestAs(user.id, `http://localhost/bijlagen/${files[0]!.id}`), {
                attachmentId: files[0]!.id,
              }),
            ),
          )
        )?.status,
      ).toBe(404);
    }
    await submitSubmission(lisa, assignment.id);
    const forStaff = await downloadLoader(
      args(await requestAs(marco.id, `http://localhost/bijlagen/${files[0]!.id}`), { attachmentId: files[0]!.id }),
    );
    expect(forStaff.status).toBe(200);
  });
});

describe("coordinators, reminders, digest, dashboard", () => {
  it("create, edit and delete are audit-logged; bad input keeps what was typed", async () => {
    const { cohort, sessions, sanne, lisa } = await assignmentWorld();
    const url = `http://localhost/leernetwerken/${cohort.id}/opdrachten/nieuw`;
    const fields = {
      intent: "save",
      sessionId: sessions[1]!.id,
      title: "Interview",
      instructions: "Spreek iemand.",
      dueDate: "2099-05-09",
      dueTime: "17:00",
      kind: "INDIVIDUAL",
      allowFiles: "on",
    };
    const bad = await newAction(
      args(await requestAs(sanne.id, url, form({ ...fields, title: "", dueTime: "25:00" })), { cohortId: cohort.id }),
    );
    expect(statusOf(bad)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string[]>; values: Record<string, string> }>(bad)).toMatchObject({
      fieldErrors: { title: [expect.stringContaining("titel")], dueTime: [expect.stringContaining("tijd")] },
      values: { instructions: "Spreek iemand." },
    });
    const brokenMarkdoc = await newAction(
      args(await requestAs(sanne.id, url, form({ ...fields, instructions: "{% bestaatniet %}x{% /bestaatniet %}" })), {
        cohortId: cohort.id,
      }),
    );
    expect(dataOf<{ fieldErrors: Record<string, string[]> }>(brokenMarkdoc).fieldErrors.instructions?.[0]).toContain(
      "De uitleg bevat een fout",
    );
    expect(
      (
        await thrownResponse(async () =>
          // A participant may not (the cohort's facilitators may since issue 19: tests/routes/co-lead.db.test.ts).
          newAction(args(await requestAs(lisa.id, url, form(fields)), { cohortId: cohort.id })),
        )
      )?.status,
    ).toBe(403);

    const created = await newAction(args(await requestAs(sanne.id, url, form(fields)), { cohortId: cohort.id }));
    expect(statusOf(created)).toBe(302);
    const assignment = await prisma.assignment.findFirstOrThrow({
      where: { title: "Interview", sessionId: sessions[1]!.id },
    });
    // 17:00 in Amsterdam on 9 May (summer time) is 15:00 UTC.
    expect(assignment).toMatchObject({ kind: "INDIVIDUAL", allowFiles: true, dueAt: new Date("2099-05-09T15:00:00Z") });

    const editUrl = `http://localhost/leernetwerken/${cohort.id}/opdrachten/${assignment.id}/bewerken`;
    const params = { cohortId: cohort.id, assignmentId: assignment.id };
    await editAction(
      args(
        await requestAs(sanne.id, editUrl, form({ ...fields, title: "Interview met een inwoner", allowFiles: "" })),
        params,
      ),
    );
    expect(await prisma.assignment.findUniqueOrThrow({ where: { id: assignment.id } })).toMatchObject({
      title: "Interview met een inwoner",
      allowFiles: false,
    });
    const unconfirmed = await editAction(args(await requestAs(sanne.id, editUrl, form({ intent: "delete" })), params));
    expect(statusOf(unconfirmed)).toBe(400);
    await editAction(args(await requestAs(sanne.id, editUrl, form({ intent: "delete", confirm: "ja" })), params));
    expect(await prisma.assignment.count({ where: { id: assignment.id } })).toBe(0);
    const audit = await prisma.auditLog.findMany({ where: { entityId: assignment.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((entry) => entry.action)).toEqual(["assignment.create", "assignment.update", "assignment.delete"]);
  });

  it("copies a previous cohort's assignments to the sessions with the same number, keeping the distance to the session", async () => {
    const { cohort, assignment, sessions, sanne } = await assignmentWorld();
    const next = await createCohort(prisma, {
      sessions: [
        { number: 1, title: "Start", date: "2100-04-12", start: "10:00", end: "13:00", format: "IN_PERSON" },
        { number: 3, title: "Derde", date: "2100-06-12", start: "10:00", end: "13:00", format: "IN_PERSON" },
      ],
    });
    await prisma.assignment.create({
      data: { sessionId: sessions[1]!.id, title: "Alleen bij 2", dueAt: sessions[1]!.startsAt },
    });
    const result = await copyAction(
      args(
        await requestAs(
          sanne.id,
          `http://localhost/leernetwerken/${next.id}/opdrachten`,
          form({ sourceCohortId: cohort.id }),
        ),
        { cohortId: next.id },
      ),
    );
    expect(statusOf(result)).toBe(302);
    const copies = await prisma.assignment.findMany({
      where: { session: { cohortId: next.id } },
      include: { session: true },
    });
    expect(copies.map((copy) => copy.title)).toEqual(["Leefwereld in kaart"]);
    const distance = assignment.dueAt.getTime() - sessions[0]!.startsAt.getTime();
    expect(copies[0]!.dueAt.getTime() - copies[0]!.session.startsAt.getTime()).toBe(distance);
    expect(await prisma.auditLog.count({ where: { action: "assignment.copy", entityId: next.id } })).toBe(1);
    const dashboard = await dashboardLoader(
      args(await requestAs(sanne.id, `http://localhost/leernetwerken/${next.id}/opdrachten`), { cohortId: next.id }),
    );
    expect(dashboard.matrix.columns).toHaveLength(1);
  });
});

// Facilitators as co-leads (issue 19), through the routes' loaders and actions (guards included): the
// cohort's facilitators create and edit assignments, prepare a session (programme, preparation, leader,
// handouts) and write its report (version-checked); the cohort downloads handouts; a facilitator of another
// cohort gets 404, a participant 403 on staff actions; a duo's draft is readable by staff only after the duo
// asks for early feedback; the facilitator's start page lists what waits for them.
import { describe, expect, it } from "vitest";
import { assignmentWorld } from "../support/assignment-world.ts";
import { args, form, requestAs, statusOfCall, upload } from "../support/requests.ts";
import { prisma } from "~/utils/db.server.ts";
import { facilitatorStart } from "~/models/start-page.server.ts";
import {
  action as newAssignmentAction,
  loader as newAssignmentLoader,
} from "~/routes/leernetwerken+/$cohortId+/opdrachten+/nieuw.tsx";
import { action as editAssignmentAction } from "~/routes/leernetwerken+/$cohortId+/opdrachten+/$assignmentId_.bewerken.tsx";
import {
  action as prepareAction,
  loader as prepareLoader,
} from "~/routes/leernetwerken+/$cohortId+/bijeenkomsten+/$sessionId_.voorbereiding.tsx";
import {
  action as reportAction,
  loader as reportLoader,
} from "~/routes/leernetwerken+/$cohortId+/bijeenkomsten+/$sessionId_.verslag.tsx";
import { loader as handoutLoader } from "~/routes/leernetwerken+/$cohortId+/bijeenkomsten+/$sessionId_.hand-outs.$handoutId.ts";
import { loader as sessionLoader } from "~/routes/leernetwerken+/$cohortId+/bijeenkomsten+/$sessionId/route.tsx";
import { action as participantAction } from "~/routes/opdrachten+/$assignmentId/route.tsx";
import {
  action as submissionAction,
  loader as submissionLoader,
} from "~/routes/leernetwerken+/$cohortId+/opdrachten+/$assignmentId_.inzendingen.$submissionId.tsx";
import { loader as attachmentLoader } from "~/routes/bijlagen.$attachmentId.tsx";

const pdf = new TextEncoder().encode("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n");

function assignmentForm(sessionId: string, title: string) {
  return form({
    intent: "save",
    sessionId,
    title,
    instructions: "Beschrijf de leefwereld.",
    dueDate: "2099-04-20",
    dueTime: "17:00",
    kind: "DUO",
    allowFiles: "on",
    opdrachtId: "",
  });
}

describe("facilitators as co-leads", () => {
  it("lets the cohort's facilitator create and edit an assignment; another cohort's facilitator 404, a participant 403, deleting stays with the coordinator", async () => {
    const w = await assignmentWorld();
    const base = `http://localhost/leernetwerken/${w.cohort.id}/opdrachten`;
    const params = { cohortId: w.cohort.id };
    expect(
      await statusOfCall(async () => newAssignmentLoader(args(await requestAs(w.marco.id, `${base}/nieuw`), params))),
    ).toBe(200);
    expect(
      await statusOfCall(async () => newAssignmentLoader(args(await requestAs(w.anouk.id, `${base}/nieuw`), params))),
    ).toBe(404);
    expect(
      await statusOfCall(async () => newAssignmentLoader(args(await requestAs(w.lisa.id, `${base}/nieuw`), params))),
    ).toBe(403);

    const created = await newAssignmentAction(
      args(
        await requestAs(w.marco.id, `${base}/nieuw`, assignmentForm(w.sessions[1]!.id, "Gesprek met inwoners")),
        params,
      ),
    );
    expect((created as Response).status).toBe(302);
    const made = await prisma.assignment.findFirstOrThrow({ where: { title: "Gesprek met inwoners" } });
    expect(made.sessionId).toBe(w.sessions[1]!.id);
    for (const outsider of [w.anouk.id, w.lisa.id]) {
      const status = await statusOfCall(async () =>
        newAssignmentAction(
          args(await requestAs(outsider, `${base}/nieuw`, assignmentForm(w.sessions[1]!.id, "Niet")), params),
        ),
      );
      expect(status).toBe(outsider === w.anouk.id ? 404 : 403);
    }
    expect(await prisma.assignment.count({ where: { title: "Niet" } })).toBe(0);

    const editParams = { cohortId: w.cohort.id, assignmentId: made.id };
    const editUrl = `${base}/${made.id}/bewerken`;
    const edited = await editAssignmentAction(
      args(
        await requestAs(w.marco.id, editUrl, assignmentForm(w.sessions[1]!.id, "Gesprek met inwoners (nieuw)")),
        editParams,
      ),
    );
    expect((edited as Response).status).toBe(302);
    expect((await prisma.assignment.findUniqueOrThrow({ where: { id: made.id } })).title).toBe(
      "Gesprek met inwoners (nieuw)",
    );
    expect(
      await statusOfCall(async () =>
        editAssignmentAction(
          args(await requestAs(w.marco.id, editUrl, form({ intent: "delete", confirm: "ja" })), editParams),
        ),
      ),
    ).toBe(403);
    expect(await prisma.assignment.count({ where: { id: made.id } })).toBe(1);
  });

  it("lets the cohort's facilitator prepare a session: programme, leader and a handout the participants download; a version conflict keeps the text", async () => {
    const w = await assignmentWorld();
    const session = w.sessions[1]!;
    const params = { cohortId: w.cohort.id, sessionId: session.id };
    const here = `http://localhost/leernetwerken/${w.cohort.id}/bijeenkomsten/${session.id}/voorbereiding`;
    expect(await statusOfCall(async () => prepareLoader(args(await requestAs(w.anouk.id, here), params)))).toBe(404);
    expect(await statusOfCall(async () => prepareLoader(args(await requestAs(w.lisa.id, here), params)))).toBe(403);

    const content = (version: number, agenda: string) =>
      form({
        intent: "content",
        agenda,
        preparation: "Neem een casus mee.",
        leaderId: w.marco.id,
        version: String(version),
      });
    const saved = await prepareAction(
      args(await requestAs(w.marco.id, here, content(session.sequence, "13:00 Welkom")), params),
    );
    expect((saved as Response).status).toBe(302);
    const after = await prisma.cohortSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(after).toMatchObject({ agenda: "13:00 Welkom", preparation: "Neem een casus mee.", leaderId: w.marco.id });
    // A second save based on the old version: refused, nothing overwritten, what was typed comes back.
    const stale = await prepareAction(
      args(await requestAs(w.sanne.id, here, content(session.sequence, "Oud")), params),
    );
    expect(await statusOfCall(async () => stale)).toBe(409);
    expect((await prisma.cohortSession.findUniqueOrThrow({ where: { id: session.id } })).agenda).toBe("13:00 Welkom");
    // A participant cannot change it; a facilitator of another cohort does not find it.
    expect(
      await statusOfCall(async () =>
        prepareAction(args(await requestAs(w.lisa.id, here, content(after.sequence, "X")), params)),
      ),
    ).toBe(403);
    expect(
      await statusOfCall(async () =>
        prepareAction(args(await requestAs(w.anouk.id, here, content(after.sequence, "X")), params)),
      ),
    ).toBe(404);
    // Only a facilitator of this cohort can lead it.
    const wrongLeader = await prepareAction(
      args(
        await requestAs(
          w.marco.id,
          here,
          form({
            intent: "content",
            agenda: "",
            preparation: "",
            leaderId: w.anouk.id,
            version: String(after.sequence),
          }),
        ),
        params,
      ),
    );
    expect(await statusOfCall(async () => wrongLeader)).toBe(400);

    // A handout: checked by content like an attachment, then downloaded by a participant of the cohort.
    const refused = await prepareAction(
      args(await requestAs(w.marco.id, here, upload("virus.exe", new TextEncoder().encode("MZ..."))), params),
    );
    expect(await statusOfCall(async () => refused)).toBe(400);
    const uploaded = await prepareAction(args(await requestAs(w.marco.id, here, upload("dia's.pdf", pdf)), params));
    expect((uploaded as Response).status).toBe(302);
    const handout = await prisma.sessionHandout.findFirstOrThrow({ where: { sessionId: session.id } });
    expect(await prisma.storedFile.count({ where: { handoutKey: handout.storageKey } })).toBe(1);
    // The cohort hears of it (in the digest by default), the uploader and other cohorts' staff do not.
    const told = await prisma.notification.findMany({
      where: { kind: "handout-new", key: { contains: handout.id } },
      select: { userId: true, url: true, title: true, status: true },
    });
    expect(told.map((row) => row.userId)).toContain(w.lisa.id);
    for (const other of [w.marco.id, w.anouk.id, w.sanne.id])
      expect(told.map((row) => row.userId)).not.toContain(other);
    expect(told[0]!.url).toContain(`/bijeenkomsten/${session.id}`);
    expect(told[0]!.title).toContain("Nieuwe hand-out");
    expect(told[0]!.status).toBe("PENDING");
    expect(
      await statusOfCall(async () =>
        prepareAction(args(await requestAs(w.lisa.id, here, upload("x.pdf", pdf)), params)),
      ),
    ).toBe(403);

    const downloadParams = { ...params, handoutId: handout.id };
    const downloadUrl = `http://localhost/leernetwerken/${w.cohort.id}/bijeenkomsten/${session.id}/hand-outs/${handout.id}`;
    const download = (await handoutLoader(args(await requestAs(w.lisa.id, downloadUrl), downloadParams))) as Response;
    expect(download.status).toBe(200);
    expect(download.headers.get("Content-Disposition")).toContain("attachment");
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(pdf);
    expect(
      await statusOfCall(async () => handoutLoader(args(await requestAs(w.anouk.id, downloadUrl), downloadParams))),
    ).toBe(404);
    // The handout of this session is not found under another session.
    expect(
      await statusOfCall(async () =>
        handoutLoader(
          args(await requestAs(w.lisa.id, downloadUrl), { ...downloadParams, sessionId: w.sessions[0]!.id }),
        ),
      ),
    ).toBe(404);

    // The session page shows the leader and the handout to the cohort.
    const page = (await sessionLoader(
      args(
        await requestAs(w.lisa.id, `http://localhost/leernetwerken/${w.cohort.id}/bijeenkomsten/${session.id}`),
        params,
      ),
    )) as { leader: { name: string } | null; handouts: { id: string }[] };
    expect(page.leader?.name).toBe("Marco");
    expect(page.handouts.map((h) => h.id)).toEqual([handout.id]);

    // Deleting the handout deletes its bytes.
    await prepareAction(
      args(await requestAs(w.sanne.id, here, form({ intent: "delete-handout", handoutId: handout.id })), params),
    );
    expect(await prisma.sessionHandout.count({ where: { sessionId: session.id } })).toBe(0);
    expect(await prisma.storedFile.count({ where: { handoutKey: handout.storageKey } })).toBe(0);

    // The facilitator's start page lists the session they lead.
    const start = await facilitatorStart(w.marco);
    expect(start.ledSessions.map((s) => s.id)).toEqual([session.id]);
  });

  it("keeps the session report version-checked: a stale save is refused and shows the stored report", async () => {
    const w = await assignmentWorld();
    const session = w.sessions[0]!;
    const params = { cohortId: w.cohort.id, sessionId: session.id };
    const url = `http://localhost/leernetwerken/${w.cohort.id}/bijeenkomsten/${session.id}/verslag`;
    const report = (version: number, discussed: string) =>
      form({
        intent: "save",
        discussed,
        agreements: "Volgende keer casus Zwolle.",
        followUp: "Marco mailt de dia's.",
        version: String(version),
      });
    expect(await statusOfCall(async () => reportLoader(args(await requestAs(w.lisa.id, url), params)))).toBe(403);
    expect(await statusOfCall(async () => reportLoader(args(await requestAs(w.anouk.id, url), params)))).toBe(404);
    expect(
      await statusOfCall(async () => reportAction(args(await requestAs(w.lisa.id, url, report(0, "X")), params))),
    ).toBe(403);
    expect(
      await statusOfCall(async () => reportAction(args(await requestAs(w.anouk.id, url, report(0, "X")), params))),
    ).toBe(404);

    expect(
      ((await reportAction(args(await requestAs(w.marco.id, url, report(0, "De leefwereld")), params))) as Response)
        .status,
    ).toBe(302);
    // The coordinator, based on the first version, saves a second one.
    expect(
      (
        (await reportAction(
          args(await requestAs(w.sanne.id, url, report(1, "De leefwereld en de ladder")), params),
        )) as Response
      ).status,
    ).toBe(302);
    // Marco, still on version 1 (or on "none yet"), does not overwrite it.
    for (const basedOn of [1, 0]) {
      const stale = (await reportAction(
        args(await requestAs(w.marco.id, url, report(basedOn, "Alleen de leefwereld")), params),
      )) as {
        data: { conflict: { version: number; current: { discussed: string } }; values: Record<string, string> };
        init: { status: number };
      };
      expect(stale.init.status).toBe(409);
      expect(stale.data.conflict).toMatchObject({ version: 2, current: { discussed: "De leefwereld en de ladder" } });
      expect(stale.data.values.discussed).toBe("Alleen de leefwereld");
    }
    const stored = await prisma.sessionReport.findUniqueOrThrow({ where: { sessionId: session.id } });
    expect(stored).toMatchObject({ discussed: "De leefwereld en de ladder", version: 2 });

    const page = (await sessionLoader(
      args(
        await requestAs(w.noor.id, `http://localhost/leernetwerken/${w.cohort.id}/bijeenkomsten/${session.id}`),
        params,
      ),
    )) as { report: { discussed: string } | null };
    expect(page.report?.discussed).toBe("De leefwereld en de ladder");
  });

  it("hides a duo's draft from staff until the duo asks for early feedback; then the facilitator reads it and answers, and the duo keeps writing", async () => {
    const w = await assignmentWorld();
    const assignmentUrl = `http://localhost/opdrachten/${w.assignment.id}`;
    const own = { assignmentId: w.assignment.id };
    await participantAction(
      args(
        await requestAs(w.lisa.id, assignmentUrl, form({ intent: "save", body: "Eerste opzet", version: "0" })),
        own,
      ),
    );
    const draft = await prisma.assignmentSubmission.findFirstOrThrow({ where: { assignmentId: w.assignment.id } });
    await participantAction(args(await requestAs(w.lisa.id, assignmentUrl, upload("concept.pdf", pdf)), own));
    const attachment = await prisma.submissionAttachment.findFirstOrThrow({ where: { submissionId: draft.id } });
    const staffParams = { cohortId: w.cohort.id, assignmentId: w.assignment.id, submissionId: draft.id };
    const staffUrl = `http://localhost/leernetwerken/${w.cohort.id}/opdrachten/${w.assignment.id}/inzendingen/${draft.id}`;
    const readAs = async (userId: string) =>
      statusOfCall(async () => submissionLoader(args(await requestAs(userId, staffUrl), staffParams)));
    const downloadAs = async (userId: string) =>
      statusOfCall(async () =>
        attachmentLoader(
          args(await requestAs(userId, `http://localhost/bijlagen/${attachment.id}`), { attachmentId: attachment.id }),
        ),
      );

    // Without a request: the draft and its file are not there for staff.
    expect(await readAs(w.marco.id)).toBe(404);
    expect(await readAs(w.sanne.id)).toBe(404);
    expect(await downloadAs(w.marco.id)).toBe(404);
    expect(
      await statusOfCall(async () =>
        submissionAction(
          args(await requestAs(w.marco.id, staffUrl, form({ intent: "message", body: "Goed begin" })), staffParams),
        ),
      ),
    ).toBe(404);
    expect((await facilitatorStart(w.marco)).earlyFeedbackRequests.total).toBe(0);

    // The duo asks ("Vraag vroege feedback"): the cohort's facilitator reads it; another cohort's does not.
    const asked = await participantAction(
      args(await requestAs(w.erik.id, assignmentUrl, form({ intent: "early-feedback" })), own),
    );
    expect((asked as Response).status).toBe(302);
    // The cohort's facilitators are told (inbox, and e-mail by default); nobody else is.
    const told = await prisma.notification.findMany({
      where: { kind: "early-feedback-request", key: { contains: draft.id } },
      select: { userId: true, url: true, title: true },
    });
    expect(told.map((row) => row.userId)).toContain(w.marco.id);
    for (const other of [w.anouk.id, w.erik.id, w.lisa.id, w.sanne.id])
      expect(told.map((row) => row.userId)).not.toContain(other);
    expect(told[0]!.url).toContain(`/inzendingen/${draft.id}`);
    expect(told[0]!.title).toContain("vraagt om vroege feedback");
    expect(await readAs(w.marco.id)).toBe(200);
    expect(await downloadAs(w.marco.id)).toBe(200);
    expect(await readAs(w.anouk.id)).toBe(404);
    expect(await readAs(w.lisa.id)).toBe(404);
    const start = await facilitatorStart(w.marco);
    expect(start.earlyFeedbackRequests.items.map((item) => item.id)).toEqual([draft.id]);
    expect(start.awaitingFeedback.total).toBe(0);

    // The facilitator answers: the request is answered, the draft is not locked, the duo can reply and write on.
    const answered = await submissionAction(
      args(
        await requestAs(w.marco.id, staffUrl, form({ intent: "message", body: "Goed begin, maak het concreter." })),
        staffParams,
      ),
    );
    expect((answered as Response).status).toBe(302);
    const afterAnswer = await prisma.assignmentSubmission.findUniqueOrThrow({ where: { id: draft.id } });
    expect(afterAnswer.feedbackAt).toBeNull();
    expect(afterAnswer.earlyFeedbackAnsweredAt).not.toBeNull();
    expect((await facilitatorStart(w.marco)).earlyFeedbackRequests.total).toBe(0);
    const reply = await participantAction(
      args(await requestAs(w.lisa.id, assignmentUrl, form({ intent: "message", body: "Dank je!" })), own),
    );
    expect((reply as Response).status).toBe(302);
    const saved = (await participantAction(
      args(
        await requestAs(
          w.lisa.id,
          assignmentUrl,
          form({ intent: "autosave", body: "Tweede opzet", version: String(afterAnswer.version) }),
        ),
        own,
      ),
    )) as { data: { status: string } };
    expect(saved.data.status).toBe("saved");

    // Taking the request back makes the draft private again.
    await participantAction(
      args(await requestAs(w.lisa.id, assignmentUrl, form({ intent: "withdraw-early-feedback" })), own),
    );
    expect(await readAs(w.marco.id)).toBe(404);
    expect(await downloadAs(w.marco.id)).toBe(404);

    // Handed in, it waits for feedback on the start page.
    await participantAction(
      args(
        await requestAs(
          w.lisa.id,
          assignmentUrl,
          form({ intent: "submit", body: "Tweede opzet", version: String(afterAnswer.version + 1) }),
        ),
        own,
      ),
    );
    const waiting = await facilitatorStart(w.marco);
    expect(waiting.awaitingFeedback.items.map((item) => item.id)).toEqual([draft.id]);
    expect((await facilitatorStart(w.anouk)).awaitingFeedback.total).toBe(0);
  });
});

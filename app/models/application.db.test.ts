import { describe, expect, it } from "vitest";
import { DomainError } from "~/utils/domain-error.ts";
import { createCohort, createEnrollment, createUser } from "../../prisma/factories.ts";
import { onDatabaseQuery, prisma } from "~/utils/db.server.ts";
import { acceptInvitation } from "./invitation.server.ts";
import {
  ApplicationConflict,
  getApplication,
  planIntake,
  previewAdmission,
  recordIntake,
  submitApplication,
  type ApplicationInput,
} from "./application.server.ts";
import { participantsExport } from "./cohort-export.server.ts";
import {
  addDuoMember,
  assignFacilitator,
  enrollMunicipality,
  removeDuoMember,
  removeFacilitator,
  withdrawEnrollment,
} from "./enrollment.server.ts";
import { amsterdamTime } from "~/utils/dates.ts";

function application(overrides: Partial<ApplicationInput> = {}): ApplicationInput {
  return {
    municipality: "Gemeente Kampen",
    contactName: "Carla Contact",
    contactEmail: "carla@kampen.test",
    contactPhone: "038 339 2999",
    vraagstuk: "Hoe laten we ervaringen van inwoners meewegen in het nieuwe armoedebeleid?",
    members: [
      { slot: "member1", name: "Bram Beleid", email: "bram@kampen.test", function: "BELEIDSMEDEWERKER" },
      { slot: "member2", name: "Lotte Leiding", email: "lotte@kampen.test", function: "LEIDINGGEVENDE" },
      { slot: "expert", name: "Eva Ervaring", email: "eva@kampen.test", function: "ERVARINGSDESKUNDIGE" },
    ],
    ...overrides,
  };
}

async function setup(capacity = 3) {
  const coordinator = await createUser(prisma, { role: "COORDINATOR", name: "Co Ördinator" });
  const cohort = await createCohort(prisma, { name: "Leernetwerk Test", capacity, status: "APPLICATIONS_OPEN" });
  return { coordinator, cohort };
}

describe("applying for a cohort", () => {
  it("records the application with its duo, audits it and confirms to the contact", async () => {
    const { cohort } = await setup();
    const { id, municipality } = await submitApplication(cohort.slug, application());
    expect(municipality).toBe("Kampen");
    const saved = await prisma.application.findUniqueOrThrow({
      where: { id },
      include: { members: { orderBy: { position: "asc" } } },
    });
    expect(saved).toMatchObject({
      municipalityName: "Kampen",
      municipalityKey: "kampen",
      status: "SUBMITTED",
      cohortId: cohort.id,
    });
    expect(saved.members.map((member) => member.function)).toEqual([
      "BELEIDSMEDEWERKER",
      "LEIDINGGEVENDE",
      "ERVARINGSDESKUNDIGE",
    ]);
    const email = await prisma.emailMessage.findUniqueOrThrow({
      where: { idempotencyKey: `application-received:${id}` },
    });
    expect(email.to).toBe("carla@kampen.test");
    expect(email.subject).toBe("Aanmelding ontvangen: Leernetwerk Test");
    expect(email.text).toContain(`/aanmelden/${cohort.slug}`);
    expect(await prisma.auditLog.count({ where: { action: "application.submit", entityId: id } })).toBe(1);
  });

  it("refuses a municipality applying twice, a full cohort and a closed cohort", async () => {
    const { cohort } = await setup(1);
    await submitApplication(cohort.slug, application());
    await expect(submitApplication(cohort.slug, application({ municipality: "kampen" }))).rejects.toMatchObject({
      field: "municipality",
      message: expect.stringMatching(/heeft zich al aangemeld/),
    });

    const other = await createCohort(prisma, { capacity: 2, status: "APPLICATIONS_OPEN" });
    await createEnrollment(prisma, {
      cohortId: other.id,
      municipality: "Zwolle",
      members: [{ name: "Lisa Bakker", email: "lisa@zwolle.test", function: "BELEIDSMEDEWERKER" }],
    });
    await expect(submitApplication(other.slug, application({ municipality: "Zwolle" }))).rejects.toMatchObject({
      field: "municipality",
      message: "De gemeente Zwolle doet al mee aan dit leernetwerk.",
    });
    await createEnrollment(prisma, { cohortId: other.id, municipality: "Deventer" });
    await expect(submitApplication(other.slug, application())).rejects.toMatchObject({
      field: "form",
      message: expect.stringMatching(/zit vol: alle 2 plaatsen/),
    });

    const concept = await createCohort(prisma, { status: "CONCEPT" });
    await expect(submitApplication(concept.slug, application())).rejects.toBeInstanceOf(DomainError);
    expect(await prisma.application.count({ where: { cohortId: { in: [cohort.id, other.id, concept.id] } } })).toBe(1);
  });
});

describe("the public form tells nothing about who takes part", () => {
  it("accepts a duo with someone already in the cohort with the same answer and work; the coordinator sees it at intake", async () => {
    const cohort = await createCohort(prisma, { capacity: 5, status: "APPLICATIONS_OPEN" });
    await createEnrollment(prisma, {
      cohortId: cohort.id,
      municipality: "Zwolle",
      members: [{ name: "Lies Bakker", email: "lies@zwolle.test", function: "BELEIDSMEDEWERKER" }],
    });
    const duo = (municipality: string, firstEmail: string) =>
      application({
        municipality,
        members: [
          { slot: "member1", name: "Lies Bakker", email: firstEmail, function: "BELEIDSMEDEWERKER" },
          {
            slot: "member2",
            name: "Lotte Leiding",
            email: `lotte@${municipality.toLowerCase()}.test`,
            function: "LEIDINGGEVENDE",
          },
        ],
      });
    const submit = async (input: ApplicationInput) => {
      const statements: string[] = [];
      const stop = onDatabaseQuery((sql) => statements.push(sql));
      try {
        return { result: await submitApplication(cohort.slug, input), statements };
      } finally {
        stop();
      }
    };
    const taken = await submit(duo("Kampen", "LIES@zwolle.test"));
    const fresh = await submit(duo("Deventer", "nieuw@deventer.test"));
    expect(Object.keys(taken.result)).toEqual(Object.keys(fresh.result));
    expect(taken.statements).toEqual(fresh.statements);
    // At the intake the coordinator sees that Lies is already in Zwolle's duo; admission would refuse her.
    const preview = await previewAdmission(cohort.id, [{ email: "lies@zwolle.test" }]);
    expect(preview["lies@zwolle.test"]).toMatchObject({
      kind: "problem",
      text: expect.stringMatching(/doet al mee aan dit leernetwerk, in het duo van de gemeente Zwolle/),
    });
  });
});

describe("intake and decision", () => {
  it("admission creates the municipality, enrolment, duo and invitations; the invitee accepts into the cohort", async () => {
    const { coordinator, cohort } = await setup();
    // Eva already has a participant account (from an earlier cohort): she joins the duo at once.
    const eva = await createUser(prisma, { email: "eva@kampen.test", name: "Eva Ervaring", role: "PARTICIPANT" });
    const { id } = await submitApplication(cohort.slug, application());

    const intakeAt = amsterdamTime("2027-03-02", "10:00");
    await planIntake({ cohortId: cohort.id, applicationId: id, intakeAt }, coordinator);
    expect(await prisma.application.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "INTAKE_PLANNED",
      intakeAt,
    });
    const intakeMail = await prisma.emailMessage.findFirstOrThrow({
      where: { kind: "intake-planned", to: "carla@kampen.test" },
    });
    expect(intakeMail.text).toContain("gepland op dinsdag 2 maart 2027 om 10:00 uur");

    const facilitator = await createUser(prisma, { role: "FACILITATOR", email: "fenna@kampen.test" });
    const preview = await previewAdmission(cohort.id, [...application().members, { email: facilitator.email }]);
    expect(preview).toMatchObject({
      "bram@kampen.test": { kind: "invite" },
      "eva@kampen.test": { kind: "account" },
      "fenna@kampen.test": { kind: "problem" },
    });
    expect(await prisma.municipality.count({ where: { name: "Kampen" } })).toBe(0);
    await recordIntake(
      {
        cohortId: cohort.id,
        applicationId: id,
        notes: "Goed gesprek, duidelijke vraag.",
        decision: "ADMITTED",
        reason: "",
      },
      coordinator,
    );

    const admitted = await prisma.application.findUniqueOrThrow({ where: { id } });
    expect(admitted).toMatchObject({
      status: "ADMITTED",
      intakeNotes: "Goed gesprek, duidelijke vraag.",
      decidedById: coordinator.id,
    });
    const enrollment = await prisma.enrollment.findUniqueOrThrow({
      where: { id: admitted.enrollmentId! },
      include: { municipality: true, members: { include: { user: true } }, invitations: true },
    });
    expect(enrollment).toMatchObject({ cohortId: cohort.id, status: "ACTIVE", vraagstuk: application().vraagstuk });
    expect(enrollment.municipality.name).toBe("Kampen");
    expect(enrollment.members).toHaveLength(1);
    expect(enrollment.members[0]).toMatchObject({ userId: eva.id, function: "ERVARINGSDESKUNDIGE" });
    expect(enrollment.invitations.map((invitation) => [invitation.email, invitation.duoFunction]).sort()).toEqual([
      ["bram@kampen.test", "BELEIDSMEDEWERKER"],
      ["lotte@kampen.test", "LEIDINGGEVENDE"],
    ]);
    const invitationMails = await prisma.emailMessage.findMany({
      where: { kind: "invitation", to: { in: ["bram@kampen.test", "lotte@kampen.test"] } },
    });
    expect(invitationMails).toHaveLength(2);
    const decisionMail = await prisma.emailMessage.findFirstOrThrow({
      where: { kind: "application-decision", to: "carla@kampen.test" },
    });
    expect(decisionMail.subject).toBe("Toegelaten: Leernetwerk Test");
    for (const action of ["application.intake_plan", "enrollment.admit", "application.decide"]) {
      expect(await prisma.auditLog.count({ where: { action, actorId: coordinator.id } }), action).toBe(1);
    }

    // Bram follows the link from his e-mail and lands in the cohort, in Kampen's duo.
    const token = invitationMails
      .find((mail) => mail.to === "bram@kampen.test")!
      .text.match(/\/uitnodiging\/([A-Za-z0-9_-]+)/)![1]!;
    const accepted = await acceptInvitation(token, { name: "Bram Beleid", password: "een goed wachtwoord" });
    expect(accepted).toMatchObject({ ok: true, landing: `/leernetwerken/${cohort.id}` });
    expect(await prisma.duoMember.count({ where: { enrollmentId: enrollment.id } })).toBe(2);

    // An admission is final; deciding again is refused.
    await expect(
      recordIntake(
        { cohortId: cohort.id, applicationId: id, notes: "", decision: "REJECTED", reason: "toch niet" },
        coordinator,
      ),
    ).rejects.toMatchObject({ field: "decision" });

    // The export lists the three people, with the intake.
    const exported = await participantsExport(cohort.id, coordinator);
    expect(exported!.rows).toBe(3);
    const lines = exported!.csv
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe("Gemeente;Naam;E-mailadres;Functie;Inschrijving;Account;Intake");
    expect(lines).toContain(
      "Kampen;Bram Beleid;bram@kampen.test;Beleidsmedewerker;Ingeschreven;Actief;Toegelaten na intake op 2 mrt 2027, 10:00",
    );
    expect(lines).toContain(
      "Kampen;Lotte Leiding;lotte@kampen.test;Leidinggevende;Ingeschreven;Uitgenodigd, nog geen account;Toegelaten na intake op 2 mrt 2027, 10:00",
    );
    expect(await prisma.auditLog.count({ where: { action: "cohort.export_participants", entityId: cohort.id } })).toBe(
      1,
    );
  });

  it("waiting list and refusal need a reason, are e-mailed, and a full cohort cannot admit", async () => {
    const { coordinator, cohort } = await setup(1);
    const first = await submitApplication(cohort.slug, application());
    const second = await submitApplication(
      cohort.slug,
      application({
        municipality: "Zwolle",
        contactEmail: "c@zwolle.test",
        members: [
          { slot: "member1", name: "Lisa Bakker", email: "lisa@zwolle.test", function: "BELEIDSMEDEWERKER" },
          { slot: "member2", name: "Hans Smit", email: "hans@zwolle.test", function: "STRATEGISCH_BELEIDSADVISEUR" },
        ],
      }),
    );
    await expect(
      recordIntake(
        { cohortId: cohort.id, applicationId: second.id, notes: "", decision: "WAITLISTED", reason: "" },
        coordinator,
      ),
    ).rejects.toMatchObject({ field: "reason" });
    await recordIntake(
      { cohortId: cohort.id, applicationId: first.id, notes: "", decision: "ADMITTED", reason: "" },
      coordinator,
    );
    await expect(
      recordIntake(
        { cohortId: cohort.id, applicationId: second.id, notes: "Past goed", decision: "ADMITTED", reason: "" },
        coordinator,
      ),
    ).rejects.toMatchObject({ field: "decision", message: expect.stringMatching(/zit vol/) });
    expect(await prisma.application.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({
      status: "SUBMITTED",
      enrollmentId: null,
    });

    await recordIntake(
      {
        cohortId: cohort.id,
        applicationId: second.id,
        notes: "Past goed",
        decision: "WAITLISTED",
        reason: "Het leernetwerk is vol.",
      },
      coordinator,
    );
    expect(await prisma.application.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({
      status: "WAITLISTED",
      decisionReason: "Het leernetwerk is vol.",
      intakeNotes: "Past goed",
    });
    const mail = await prisma.emailMessage.findFirstOrThrow({
      where: { kind: "application-decision", to: "c@zwolle.test" },
    });
    expect(mail.subject).toBe("Op de wachtlijst: Leernetwerk Test");
    expect(mail.text).toContain("Toelichting van de coördinator: Het leernetwerk is vol.");
  });
});

describe("direct enrolment and the duo", () => {
  it("enrols directly, refuses a second enrolment and a person already in the cohort", async () => {
    const { coordinator, cohort } = await setup();
    const result = await enrollMunicipality(
      {
        cohortId: cohort.id,
        municipality: "gemeente Zwolle",
        vraagstuk: "",
        members: [
          { slot: "member1", name: "Pim Beleid", email: "pim@zwolle.test", function: "BELEIDSMEDEWERKER" },
          { slot: "member2", name: "Roos Leiding", email: "roos@zwolle.test", function: "LEIDINGGEVENDE" },
        ],
      },
      coordinator,
    );
    expect(result).toMatchObject({ municipality: "Zwolle", invited: 2, added: 0 });
    expect(await prisma.auditLog.count({ where: { action: "enrollment.create", entityId: result.enrollmentId } })).toBe(
      1,
    );
    await expect(
      enrollMunicipality({ cohortId: cohort.id, municipality: "ZWOLLE", vraagstuk: "", members: [] }, coordinator),
    ).rejects.toMatchObject({ field: "municipality", message: "De gemeente Zwolle doet al mee aan dit leernetwerk." });
    await expect(
      enrollMunicipality(
        {
          cohortId: cohort.id,
          municipality: "Kampen",
          vraagstuk: "",
          members: [{ slot: "member2", name: "Roos", email: "roos@zwolle.test", function: "LEIDINGGEVENDE" }],
        },
        coordinator,
      ),
    ).rejects.toMatchObject({
      field: "member2Email",
      message: expect.stringMatching(/is al uitgenodigd voor dit leernetwerk, in het duo van de gemeente Zwolle/),
    });
    // Nothing of the refused enrolment was kept.
    expect(await prisma.enrollment.count({ where: { cohortId: cohort.id } })).toBe(1);
  });

  it("adds (with or without account), replaces and removes duo members; withdraws the municipality", async () => {
    const { coordinator, cohort } = await setup();
    const { enrollment, members } = await createEnrollment(prisma, {
      cohortId: cohort.id,
      municipality: "Deventer",
      members: [{ name: "Sophie Meijer", email: "sophie@deventer.test", function: "BELEIDSMEDEWERKER" }],
    });
    const sophieMember = await prisma.duoMember.findFirstOrThrow({ where: { userId: members[0]!.id } });
    const existing = await createUser(prisma, { email: "ahmed@deventer.test", name: "Ahmed Yilmaz" });

    expect(
      await addDuoMember(
        {
          cohortId: cohort.id,
          enrollmentId: enrollment.id,
          name: "Ahmed Yilmaz",
          email: "Ahmed@Deventer.test",
          function: "LEIDINGGEVENDE",
        },
        coordinator,
      ),
    ).toEqual({ kind: "added" });
    expect(await prisma.duoMember.count({ where: { enrollmentId: enrollment.id, userId: existing.id } })).toBe(1);
    expect(await prisma.invitation.count({ where: { email: "ahmed@deventer.test" } })).toBe(0);

    await expect(
      addDuoMember(
        {
          cohortId: cohort.id,
          enrollmentId: enrollment.id,
          name: "Ahmed",
          email: "ahmed@deventer.test",
          function: "LEIDINGGEVENDE",
        },
        coordinator,
      ),
    ).rejects.toMatchObject({ field: "email", message: expect.stringMatching(/doet al mee aan dit leernetwerk/) });
    const facilitator = await createUser(prisma, { role: "FACILITATOR", email: "beg@test.nl" });
    await expect(
      addDuoMember(
        {
          cohortId: cohort.id,
          enrollmentId: enrollment.id,
          name: "Beg",
          email: facilitator.email,
          function: "LEIDINGGEVENDE",
        },
        coordinator,
      ),
    ).rejects.toMatchObject({ field: "email", message: expect.stringMatching(/account als begeleider/) });

    // Replace Sophie by someone new: an invitation goes out and Sophie leaves the duo.
    expect(
      await addDuoMember(
        {
          cohortId: cohort.id,
          enrollmentId: enrollment.id,
          name: "Nina Nieuw",
          email: "nina@deventer.test",
          function: "BELEIDSMEDEWERKER",
          replacesMemberId: sophieMember.id,
        },
        coordinator,
      ),
    ).toEqual({ kind: "invited" });
    expect(await prisma.duoMember.count({ where: { id: sophieMember.id } })).toBe(0);
    expect(await prisma.invitation.count({ where: { email: "nina@deventer.test", enrollmentId: enrollment.id } })).toBe(
      1,
    );
    expect(await prisma.auditLog.count({ where: { action: "duo_member.replace", entityId: enrollment.id } })).toBe(1);

    const ahmed = await prisma.duoMember.findFirstOrThrow({ where: { userId: existing.id } });
    expect(
      await removeDuoMember({ cohortId: cohort.id, enrollmentId: enrollment.id, memberId: ahmed.id }, coordinator),
    ).toBe(true);
    // A member id from another cohort's URL does nothing.
    const other = await createCohort(prisma);
    expect(
      await removeDuoMember({ cohortId: other.id, enrollmentId: enrollment.id, memberId: ahmed.id }, coordinator),
    ).toBe(false);

    expect(await withdrawEnrollment({ cohortId: cohort.id, enrollmentId: enrollment.id }, coordinator)).toBe(true);
    expect(await prisma.invitation.findFirstOrThrow({ where: { email: "nina@deventer.test" } })).toMatchObject({
      revokedAt: expect.any(Date),
    });
    await expect(
      addDuoMember(
        { cohortId: cohort.id, enrollmentId: enrollment.id, name: "X Y", email: "x@y.nl", function: "LEIDINGGEVENDE" },
        coordinator,
      ),
    ).rejects.toBeInstanceOf(DomainError);
  });

  it("capacity counts active enrolments; a withdrawn place can be taken again", async () => {
    const { coordinator, cohort } = await setup(1);
    const first = await enrollMunicipality(
      { cohortId: cohort.id, municipality: "Zwolle", vraagstuk: "", members: [] },
      coordinator,
    );
    await expect(
      enrollMunicipality({ cohortId: cohort.id, municipality: "Kampen", vraagstuk: "", members: [] }, coordinator),
    ).rejects.toMatchObject({
      field: "form",
      message: "Dit leernetwerk zit vol: alle 1 plaatsen voor gemeenten zijn bezet.",
    });
    await withdrawEnrollment({ cohortId: cohort.id, enrollmentId: first.enrollmentId }, coordinator);
    await enrollMunicipality({ cohortId: cohort.id, municipality: "Kampen", vraagstuk: "", members: [] }, coordinator);
    expect(await prisma.enrollment.count({ where: { cohortId: cohort.id, status: "ACTIVE" } })).toBe(1);
  });

  it("assigns and removes facilitators, only people with the facilitator role", async () => {
    const { coordinator, cohort } = await setup();
    const marco = await createUser(prisma, { role: "FACILITATOR", name: "Marco Jansen" });
    const participant = await createUser(prisma, { role: "PARTICIPANT" });
    expect(await assignFacilitator({ cohortId: cohort.id, userId: marco.id }, coordinator)).toBe("Marco Jansen");
    await expect(assignFacilitator({ cohortId: cohort.id, userId: marco.id }, coordinator)).rejects.toMatchObject({
      message: "Marco Jansen begeleidt dit leernetwerk al.",
    });
    await expect(
      assignFacilitator({ cohortId: cohort.id, userId: participant.id }, coordinator),
    ).rejects.toBeInstanceOf(DomainError);
    expect(await removeFacilitator({ cohortId: cohort.id, userId: marco.id }, coordinator)).toBe(true);
    expect(await removeFacilitator({ cohortId: cohort.id, userId: marco.id }, coordinator)).toBe(false);
    expect(
      await prisma.auditLog.count({ where: { action: { in: ["facilitator.assign", "facilitator.remove"] } } }),
    ).toBe(2);
  });
});

describe("intake notes written by two coordinators at once", () => {
  it("refuses the save based on an older version and hands back what is saved now", async () => {
    const { coordinator, cohort } = await setup();
    const { id } = await submitApplication(cohort.slug, application());
    const loaded = (await getApplication(cohort.id, id))!;
    const version = loaded.updatedAt.toISOString();
    await recordIntake(
      { cohortId: cohort.id, applicationId: id, notes: "Notities van Sanne", decision: null, reason: "", version },
      coordinator,
    );
    const conflict = await recordIntake(
      { cohortId: cohort.id, applicationId: id, notes: "Notities van Peter", decision: null, reason: "", version },
      coordinator,
    ).catch((error: unknown) => error);
    expect(conflict).toBeInstanceOf(ApplicationConflict);
    expect((conflict as ApplicationConflict).currentNotes).toBe("Notities van Sanne");
    expect((await getApplication(cohort.id, id))!.intakeNotes).toBe("Notities van Sanne");
    // Saving again from the current version is deliberate and works.
    await recordIntake(
      {
        cohortId: cohort.id,
        applicationId: id,
        notes: "Notities van Sanne en Peter",
        decision: null,
        reason: "",
        version: (conflict as ApplicationConflict).currentVersion,
      },
      coordinator,
    );
    expect((await getApplication(cohort.id, id))!.intakeNotes).toBe("Notities van Sanne en Peter");
  });
});

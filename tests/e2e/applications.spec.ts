// Guards the way in for a municipality (issue 4): it applies on the public page (linked from the login
// page), with bad input kept and explained, and cannot apply twice; the coordinator plans and records the
// intake and admits it; the duo gets invitations, and an invited member accepts and sees the cohort with its
// schedule. Also: direct enrolment with the "already in this cohort" rule, adding and removing a person
// with an account, assigning a facilitator, the participants CSV download, and who may open these pages.
import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import {
  DEMO_COHORT_NAME,
  expect,
  expectAccessible,
  expectAccessibleOnce,
  login,
  logout,
  readLinkFromOutbox,
  statusOf,
  test,
  uniqueEmail,
  users,
} from "./fixtures.ts";

/** As coordinator: opens the demo cohort from the cohort list and returns its URL path. */
async function openDemoCohort(page: Page): Promise<string> {
  if (new URL(page.url()).pathname !== "/leernetwerken") await page.goto("/leernetwerken");
  await expectAccessibleOnce(page);
  await page.getByRole("link", { name: DEMO_COHORT_NAME }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(DEMO_COHORT_NAME);
  await expectAccessible(page);
  return new URL(page.url()).pathname;
}

test("a municipality applies, the coordinator holds the intake and admits it, an invited member accepts", async ({
  page,
}) => {
  // One journey through three people's pages (about 20 s here); room for a busy machine.
  test.setTimeout(90_000);
  const contactEmail = uniqueEmail("contact.kampen");
  const policyEmail = uniqueEmail("bram.kampen");
  const managerEmail = uniqueEmail("lotte.kampen");

  // From the login page to the list of open cohorts and the cohort's application form.
  await page.goto("/inloggen");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Bekijk de leernetwerken en meld je gemeente aan" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Aanmelden voor een leernetwerk");
  await expect(page.getByRole("listitem").filter({ hasText: DEMO_COHORT_NAME })).toContainText("Nog 2 plaatsen");
  await expectAccessible(page);
  await page.getByRole("link", { name: DEMO_COHORT_NAME }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(DEMO_COHORT_NAME);
  await expect(
    page.getByRole("heading", { name: "Bijeenkomst 1: Kennismaken en je vraagstuk scherp krijgen" }),
  ).toBeVisible();
  // The meeting links are for the cohort only.
  await expect(page.getByText("meet.leernetwerk.test")).toHaveCount(0);
  await expectAccessible(page);

  const contact = page.getByRole("group", { name: "Contactpersoon" });
  const first = page.getByRole("group", { name: "Eerste persoon in het duo" });
  const second = page.getByRole("group", { name: "Tweede persoon in het duo" });
  await page.getByLabel("Gemeente", { exact: true }).fill("Gemeente Kampen");
  await contact.getByLabel("Naam").fill("Carla Contact");
  await contact.getByLabel("E-mailadres").fill(contactEmail);
  await contact.getByLabel("Telefoonnummer").fill("bel me maar");
  await page.getByLabel("Jullie vraagstuk").fill("Hoe laten we ervaringen van inwoners meewegen in ons armoedebeleid?");
  await first.getByLabel("Naam").fill("Bram Beleid");
  await first.getByLabel("E-mailadres").fill(policyEmail);
  await second.getByLabel("Naam").fill("Lotte Leiding");
  await second.getByLabel("E-mailadres").fill("lotte@");
  await page.getByRole("button", { name: "Aanmelding versturen" }).click();

  // Bad input: a message at each field, and everything typed is still there.
  await expect(page.getByRole("alert").first()).toContainText("2 velden zijn niet goed ingevuld");
  await expect(contact.getByText("Vul een geldig telefoonnummer in")).toBeVisible();
  await expect(second.getByText("Vul een geldig e-mailadres in, bijvoorbeeld naam@gemeente.nl.")).toBeVisible();
  await expect(page.getByLabel("Gemeente", { exact: true })).toHaveValue("Gemeente Kampen");
  await expect(page.getByLabel("Jullie vraagstuk")).toHaveValue(/armoedebeleid/);
  await expect(first.getByLabel("E-mailadres")).toHaveValue(policyEmail);
  await expectAccessible(page, "with errors");

  await contact.getByLabel("Telefoonnummer").fill("038 339 2999");
  await second.getByLabel("E-mailadres").fill(managerEmail);
  await second.getByLabel("Functie").selectOption({ label: "Strategisch beleidsadviseur" });
  await page.getByRole("button", { name: "Aanmelding versturen" }).click();
  const thanks = page.getByRole("status").filter({ hasText: "Bedankt!" });
  await expect(thanks).toContainText("Bedankt! De aanmelding van de gemeente Kampen is ontvangen.");
  await expect(thanks).toContainText(contactEmail);
  await expect(page.getByRole("button", { name: "Aanmelding versturen" })).toHaveCount(0);
  await expectAccessible(page, "sent");

  // The same municipality cannot apply twice (whatever the spelling); what was typed stays.
  await page.reload();
  await page.getByLabel("Gemeente", { exact: true }).fill("kampen");
  await contact.getByLabel("Naam").fill("Iemand Anders");
  await contact.getByLabel("E-mailadres").fill(uniqueEmail("anders"));
  await contact.getByLabel("Telefoonnummer").fill("038 339 2999");
  await page.getByLabel("Jullie vraagstuk").fill("Nog een keer hetzelfde vraagstuk over armoedebeleid.");
  await first.getByLabel("Naam").fill("Bram Beleid");
  await first.getByLabel("E-mailadres").fill(uniqueEmail("bram2"));
  await second.getByLabel("Naam").fill("Lotte Leiding");
  await second.getByLabel("E-mailadres").fill(uniqueEmail("lotte2"));
  await page.getByRole("button", { name: "Aanmelding versturen" }).click();
  await expect(page.getByText("De gemeente kampen heeft zich al aangemeld voor dit leernetwerk.")).toBeVisible();
  await expect(contact.getByLabel("Naam")).toHaveValue("Iemand Anders");
  await expectAccessible(page, "duplicate");

  // The coordinator's start page points at the waiting applications; she plans the intake and admits.
  await login(page, users.coordinator.email);
  await expectAccessible(page);
  await page.getByRole("link", { name: `3 aanmeldingen voor ${DEMO_COHORT_NAME}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Aanmeldingen en intake");
  const cohortPath = new URL(page.url()).pathname.replace(/\/aanmeldingen$/, "");
  const row = page.getByRole("row").filter({ hasText: "Kampen" });
  await expect(row).toContainText("Bram Beleid (beleidsmedewerker), Lotte Leiding (strategisch beleidsadviseur)");
  await expect(row).toContainText("Nieuw");
  await expectAccessible(page);
  await row.getByRole("link", { name: "Kampen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Aanmelding gemeente Kampen");
  await expect(page.getByRole("main")).toContainText("038 339 2999");
  await expect(page.getByRole("listitem").filter({ hasText: policyEmail })).toContainText(
    "Krijgt een uitnodiging per e-mail.",
  );
  await expectAccessible(page);

  await page.getByLabel("Datum").fill("2027-01-12");
  await page.getByLabel("Tijd").fill("10:00");
  await page.getByRole("button", { name: "Intake plannen" }).click();
  await expect(page.getByRole("status")).toContainText("Het intakegesprek is gepland");
  await expect(page.getByRole("main")).toContainText("Gepland op 12 jan 2027, 10:00 uur.");
  await expect(page.getByRole("main").getByText("Intake gepland", { exact: true })).toBeVisible();
  await expectAccessible(page, "intake planned");

  // A refusal without a reason is refused, and the notes stay.
  await page.getByLabel("Aantekeningen van het intakegesprek").fill("Goed gesprek; het duo is gemotiveerd.");
  await page.getByRole("radio", { name: "Afgewezen" }).check();
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByText("Geef een reden voor de wachtlijst of de afwijzing")).toBeVisible();
  await expect(page.getByLabel("Aantekeningen van het intakegesprek")).toHaveValue(
    "Goed gesprek; het duo is gemotiveerd.",
  );
  await expectAccessible(page, "decision without reason");

  await page.getByRole("radio", { name: "Toegelaten" }).check();
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page).toHaveURL(`${cohortPath}/deelnemers`);
  await expect(page.getByRole("status")).toContainText("De gemeente Kampen is toegelaten");
  const kampen = page.getByRole("row").filter({ hasText: "Kampen" });
  await expect(kampen).toContainText("Bram Beleid — beleidsmedewerker Uitgenodigd");
  await expect(kampen).toContainText("Lotte Leiding — strategisch beleidsadviseur Uitgenodigd");
  await expect(kampen).toContainText("Toegelaten na intake op 12 jan 2027, 10:00");
  await expect(page.getByRole("table").locator("caption")).toHaveText("7 van 8 plaatsen bezet");
  await expectAccessible(page);

  // The invitation reached the outbox; Bram accepts it and sees the cohort with its schedule.
  const invitationPath = await readLinkFromOutbox(page, policyEmail, "/uitnodiging/");
  await logout(page);
  await page.goto(invitationPath);
  await expect(page.getByRole("main")).toContainText(
    `Je bent uitgenodigd voor ${DEMO_COHORT_NAME} als deelnemer, als beleidsmedewerker van de gemeente Kampen.`,
  );
  await expect(page.getByLabel("Je naam")).toHaveValue("Bram Beleid");
  await expectAccessible(page);
  await page.getByLabel("Kies een wachtwoord").fill("Een lange zin als wachtwoord 42");
  await page.getByLabel("Herhaal het wachtwoord").fill("Een lange zin als wachtwoord 42");
  await page.getByRole("button", { name: "Account aanmaken" }).click();
  await expect(page).toHaveURL(cohortPath);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(DEMO_COHORT_NAME);
  await expect(page.getByRole("heading", { name: "Programma" })).toBeVisible();
  await expect(
    page.getByRole("heading", { name: "Bijeenkomst 2: Ervaringskennis ontsluiten en vertalen" }),
  ).toBeVisible();
  const duo = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Gemeente Kampen" }) });
  await expect(duo.getByRole("listitem").filter({ hasText: "Bram Beleid (jij) — beleidsmedewerker" })).toHaveCount(1);
  await expect(duo).toContainText("Hoe laten we ervaringen van inwoners meewegen in ons armoedebeleid?");
  // Participants do not get the coordinator's links.
  await expect(page.getByRole("link", { name: "Aanmeldingen en intake" })).toHaveCount(0);
  await expectAccessible(page);
});

test("direct enrolment with the 'already in this cohort' rule, duo changes and withdrawal", async ({ page }) => {
  test.setTimeout(60_000);
  const memberEmail = uniqueEmail("nina.hengelo");
  await login(page, users.coordinator.email, { to: "/leernetwerken" });
  await openDemoCohort(page);
  await page.getByRole("link", { name: "Gemeenten en duo's" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Gemeenten en duo's");
  await expect(page.getByRole("row").filter({ hasText: "Zwolle" })).toContainText(
    "Toegelaten na intake op 5 nov 2026, 10:00",
  );
  await expect(page.getByRole("row").filter({ hasText: "Deventer" })).toContainText("Direct ingeschreven");
  await expectAccessible(page);

  // Someone already in the cohort cannot be enrolled again, and the form keeps what was typed.
  const first = page.getByRole("group", { name: "Eerste persoon in het duo" });
  const second = page.getByRole("group", { name: "Tweede persoon in het duo" });
  await page.getByLabel("Gemeente", { exact: true }).fill("Hengelo");
  await first.getByLabel("Naam").fill("Nina Nieuw");
  await first.getByLabel("E-mailadres").fill(memberEmail);
  await second.getByLabel("Naam").fill("Lisa Bakker");
  await second.getByLabel("E-mailadres").fill(users.participant.email);
  await page.getByRole("button", { name: "Gemeente inschrijven" }).click();
  await expect(
    second.getByText(`${users.participant.email} doet al mee aan dit leernetwerk, in het duo van de gemeente Zwolle.`),
  ).toBeVisible();
  await expect(page.getByLabel("Gemeente", { exact: true })).toHaveValue("Hengelo");
  await expect(first.getByLabel("E-mailadres")).toHaveValue(memberEmail);
  await expectAccessible(page, "already in the cohort");

  await second.getByLabel("Naam").fill("Hugo Hoofd");
  await second.getByLabel("E-mailadres").fill(uniqueEmail("hugo.hengelo"));
  await page.getByRole("button", { name: "Gemeente inschrijven" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Gemeente Hengelo");
  await expect(page.getByRole("status")).toContainText("De gemeente Hengelo is ingeschreven");
  await expect(page.getByRole("status")).toContainText("2 uitnodigingen verstuurd");
  await expect(page.getByRole("main")).toContainText(`Nina Nieuw — beleidsmedewerker (${memberEmail}), geldig tot `);
  await expectAccessible(page);

  // A person with an account joins at once; then leaves again.
  await page.getByLabel("Naam", { exact: true }).fill("Pieter van Dam");
  await page.getByLabel("E-mailadres").fill("pieter.vandam@leernetwerk.test");
  await page.getByRole("button", { name: "Toevoegen" }).click();
  await expect(
    page.getByText("pieter.vandam@leernetwerk.test heeft al een account als begeleider en kan niet in een duo."),
  ).toBeVisible();
  await expectAccessible(page, "facilitator refused");
  await page.getByLabel("Naam", { exact: true }).fill("Daan Hendriks");
  await page.getByLabel("E-mailadres").fill("daan.hendriks@emmen.test");
  await page.getByLabel("Functie").selectOption({ label: "Strategisch beleidsadviseur" });
  await page.getByRole("button", { name: "Toevoegen" }).click();
  await expect(page.getByRole("status")).toContainText("Daan Hendriks is toegevoegd aan het duo");
  await expect(page.getByRole("main")).toContainText(
    "Daan Hendriks — strategisch beleidsadviseur (daan.hendriks@emmen.test)",
  );
  await page.getByRole("button", { name: "Uit het duo halen (Daan Hendriks)" }).click();
  await expect(page.getByRole("status")).toContainText("De persoon is uit het duo gehaald");
  await expect(page.getByRole("main")).not.toContainText("daan.hendriks@emmen.test");
  await expectAccessible(page, "after removing");

  // Withdrawing Hengelo frees its place and withdraws the open invitations.
  await page.getByRole("button", { name: "Gemeente Hengelo uitschrijven" }).click();
  await expect(page.getByRole("status")).toContainText("De gemeente is uitgeschreven");
  await expect(page.getByRole("main").getByText("Uitgeschreven", { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Uitgenodigd, nog geen account" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Gemeente Hengelo weer inschrijven" })).toBeVisible();
  await expectAccessible(page, "withdrawn");
});

test("assigning a facilitator, and the participants CSV download", async ({ page }) => {
  await login(page, users.coordinator.email, { to: "/leernetwerken" });
  const cohortPath = await openDemoCohort(page);
  // Facilitators: assign one who has an account, then take them off again.
  await page.getByRole("link", { name: "Begeleiders" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Begeleiders");
  await expectAccessible(page);
  await page
    .getByLabel("Begeleider", { exact: true })
    .selectOption({ label: "Anouk Willems, senior ervaringsdeskundige" });
  await page.getByRole("button", { name: "Toewijzen" }).click();
  await expect(page.getByRole("status")).toContainText("Anouk Willems begeleidt nu dit leernetwerk");
  await page.getByRole("button", { name: "Weghalen (Anouk Willems)" }).click();
  await expect(page.getByRole("status")).toContainText("De begeleider is van het leernetwerk gehaald");
  await expectAccessible(page, "after removing");

  // The participants CSV: BOM, ";" and the columns Excel users expect.
  await page.getByRole("link", { name: "Exporteren" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Exporteren");
  await expectAccessible(page);
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Deelnemers downloaden (CSV)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("deelnemers-ervaringsdeskundigheid-en-beleid-voorjaar-2027.csv");
  const bytes = await readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString("utf8").trimEnd().split("\r\n");
  expect(lines[0]).toBe("Gemeente;Naam;E-mailadres;Functie;Inschrijving;Account;Intake");
  expect(lines).toContain(
    "Zwolle;Lisa Bakker;lisa.bakker@zwolle.test;Beleidsmedewerker;Ingeschreven;Actief;Toegelaten na intake op 5 nov 2026, 10:00",
  );
  expect(lines).toContain(
    "Zwolle;Marieke Groen;marieke.groen@zwolle.test;Ervaringsdeskundige;Ingeschreven;Uitgenodigd, nog geen account;Toegelaten na intake op 5 nov 2026, 10:00",
  );
  expect(lines).toContain(
    "Deventer;Sophie Meijer;sophie.meijer@deventer.test;Beleidsmedewerker;Ingeschreven;Actief;Direct ingeschreven",
  );
  expect(page.url()).toContain(`${cohortPath}/export`);

  // The attendance CSV: the same identity columns, then one column per session.
  const downloadingAttendance = page.waitForEvent("download");
  await page.getByRole("link", { name: "Aanwezigheid downloaden (CSV)" }).click();
  const attendance = await downloadingAttendance;
  expect(attendance.suggestedFilename()).toBe("aanwezigheid-ervaringsdeskundigheid-en-beleid-voorjaar-2027.csv");
  const attendanceBytes = await readFile((await attendance.path())!);
  expect([...attendanceBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const attendanceLines = attendanceBytes.subarray(3).toString("utf8").trimEnd().split("\r\n");
  expect(attendanceLines[0]).toMatch(/^Gemeente;Naam;E-mailadres;Functie;1\. [^;]+;2\. [^;]+;3\. [^;]+;4\. [^;]+/);
  // Erik signed off for session 2 in the demo (the reason has a ";" so the cell is quoted).
  const erik = attendanceLines.find((line) => line.startsWith("Zwolle;Erik Mulder;"))!;
  expect(erik.split(";").slice(0, 5)).toEqual([
    "Zwolle",
    "Erik Mulder",
    "erik.mulder@zwolle.test",
    "Leidinggevende",
    "",
  ]);
  expect(erik).toContain(
    '"Afgemeld: Op 25 mei vergadert de gemeenteraad over de voorjaarsnota; daar moet ik bij zijn."',
  );
});

test("only coordinators open the cohort's applications, participants and export; unknown ids are 404", async ({
  page,
}) => {
  await login(page, users.coordinator.email, { to: "/leernetwerken" });
  const cohortPath = await openDemoCohort(page);
  expect(statusOf(await page.goto(`${cohortPath}/aanmeldingen/00000000-0000-4000-8000-000000000000`))).toBe(404);
  await expectAccessible(page);
  expect(statusOf(await page.goto("/leernetwerken/00000000-0000-4000-8000-000000000000/deelnemers"))).toBe(404);
  await expectAccessible(page);
  expect(statusOf(await page.goto(`${cohortPath}/deelnemers/niet-een-id`))).toBe(404);
  await expectAccessible(page);
  await logout(page);

  await login(page, users.participant.email, { to: "/leernetwerken" });
  await expectAccessible(page);
  for (const part of ["aanmeldingen", "deelnemers", "begeleiders", "export"]) {
    const response = await page.goto(`${cohortPath}/${part}`);
    expect(statusOf(response), part).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Geen toegang");
    await expectAccessible(page);
  }
  const csv = await page.request.get(`${cohortPath}/export/deelnemers.csv`);
  expect(csv.status()).toBe(403);

  expect(statusOf(await page.goto("/aanmelden/bestaat-niet"))).toBe(404);
  await expectAccessible(page);
});

test("the waiting list: the coordinator sees who waits and turns one back into a normal application", async ({
  page,
}) => {
  await login(page, users.coordinator.email);
  await expectAccessibleOnce(page);
  const cohortPath = await openDemoCohort(page);
  await page.goto(`${cohortPath}/aanmeldingen`);
  const waiting = page.getByRole("region", { name: "Wachtlijst" });
  await expect(waiting.getByRole("listitem")).toHaveText([/^Dordrecht op de wachtlijst sinds 17 nov 2026/]);
  await expectAccessible(page);
  await waiting.getByRole("link", { name: "Dordrecht" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Op de wachtlijst" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(
    "Deze gemeente staat op de wachtlijst sinds dinsdag 17 november 2026",
  );
  await expectAccessible(page);
  await page.getByRole("button", { name: "Van de wachtlijst halen: gewone aanmelding" }).click();
  await expect(page.getByRole("status")).toContainText("Van de wachtlijst gehaald");
  await expect(page.getByRole("heading", { level: 2, name: "Op de wachtlijst" })).toHaveCount(0);
  // The intake had already been held: the application is back at "intake planned", ready for a decision.
  await expect(page.getByRole("main").getByText("Intake gepland", { exact: true })).toBeVisible();
  await expectAccessible(page, "off the waiting list");
  await page.goto(`${cohortPath}/aanmeldingen`);
  await expect(page.getByRole("region", { name: "Wachtlijst" })).toContainText(
    "Er staat geen gemeente op de wachtlijst.",
  );
});

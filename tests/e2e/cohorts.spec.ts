// Guards running a cohort: the coordinator creates a cohort (default four sessions) and edits it, adds
// and changes sessions with clear Dutch messages for bad input and warnings that can be accepted; a moved
// session shows its new time in the participant's subscribed calendar feed (fetched by URL and parsed);
// a participant signs off with a reason and staff see it; a facilitator records attendance; the .ics
// download and the access rules (403 for participants on management pages, 404 outside the cohort).
import type { Page } from "@playwright/test";
import ICAL from "ical.js";
import {
  DEMO_COHORT_NAME,
  expect,
  expectAccessible,
  expectAccessibleOnce,
  login,
  logout,
  statusOf,
  test,
  users,
} from "./fixtures.ts";

function parseEvents(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  ICAL.TimezoneService.register(new ICAL.Timezone(root.getFirstSubcomponent("vtimezone")!), "Europe/Amsterdam");
  return root.getAllSubcomponents("vevent").map((component) => new ICAL.Event(component));
}

/** From the cohort list (logged in), opens a cohort's page and returns its path. */
async function openCohort(page: Page, name: string | RegExp) {
  await expectAccessibleOnce(page);
  await page.goto("/leernetwerken");
  await expectAccessibleOnce(page);
  await page.getByRole("table").getByRole("link", { name }).click();
  await expect(page).toHaveURL(/\/leernetwerken\/[0-9a-f-]{36}$/);
  await expectAccessibleOnce(page);
  return new URL(page.url()).pathname;
}

/** On a cohort page (staff): the number of participants, from the attendance table's caption. */
async function participantTotal(page: Page) {
  const caption = await page
    .getByRole("region", { name: "Aanwezigheid per bijeenkomst", exact: true })
    .locator("caption")
    .textContent();
  const total = Number(caption?.match(/^(\d+) deelnemers$/)?.[1]);
  expect(total).toBeGreaterThanOrEqual(13);
  return total;
}

/** On a cohort page: the path of session N's own page. */
async function sessionPath(page: Page, number: number) {
  const href = await page
    .getByRole("link", { name: new RegExp(`\\(bijeenkomst ${number}\\)$`) })
    .first()
    .getAttribute("href");
  expect(href).toMatch(/\/bijeenkomsten\/[0-9a-f-]{36}$/);
  return href!;
}

test("the coordinator creates a cohort with the default schedule, edits it, and adds a session", async ({ page }) => {
  // A long journey (three people, a dozen pages, axe on each): more time on a busy machine.
  test.slow();
  const name = `Leernetwerk E2E ${Date.now().toString(36)}`;
  await login(page, users.coordinator.email, { to: "/leernetwerken" });
  await expectAccessible(page);
  await page.getByRole("link", { name: "Nieuw leernetwerk" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nieuw leernetwerk");
  await expectAccessible(page);

  // End before start: a Dutch message next to the field, and everything typed is kept.
  await page.getByLabel("Naam").fill(name);
  await page.getByLabel("Thema (mag leeg blijven)").fill("Samen beleid maken");
  await page.getByLabel("Startdatum").fill("2027-09-01");
  await page.getByLabel("Einddatum").fill("2027-08-01");
  await page.getByLabel("Capaciteit (aantal gemeenten)").fill("6");
  await page.getByLabel("Status").selectOption({ label: "Aanmelding open" });
  await page.getByRole("button", { name: "Leernetwerk aanmaken" }).click();
  await expect(page.getByText("De einddatum moet op of na de startdatum liggen.")).toBeVisible();
  await expect(page.getByLabel("Einddatum")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Naam")).toHaveValue(name);
  await expect(page.getByLabel("Thema (mag leeg blijven)")).toHaveValue("Samen beleid maken");
  await expect(page.getByLabel("Capaciteit (aantal gemeenten)")).toHaveValue("6");
  await expect(page.getByLabel("Status")).toHaveValue("APPLICATIONS_OPEN");
  await expectAccessible(page, "end before start");

  await page.getByLabel("Einddatum").fill("2028-02-29");
  await page.getByRole("button", { name: "Leernetwerk aanmaken" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByRole("status")).toContainText("Het leernetwerk is aangemaakt");
  const cohortPath = new URL(page.url()).pathname;
  // The default template of seed 002: four Tuesdays, Utrecht 12:30–16:00 and online 14:00–16:30.
  const schedule = page.getByRole("region", { name: "Programma" });
  await expect(schedule.getByRole("heading", { level: 3 })).toHaveCount(4);
  await expect(schedule.getByText("dinsdag 14 september 2027, 12:30–16:00 uur")).toBeVisible();
  await expect(schedule.getByText("dinsdag 30 november 2027, 14:00–16:30 uur")).toBeVisible();
  await expect(page.getByRole("region", { name: "Aanwezigheid per bijeenkomst", exact: true })).toBeVisible();
  await expectAccessible(page);

  // Edit: a shorter period leaves session 4 outside it; the coordinator is told.
  await page.getByRole("link", { name: "Leernetwerk bewerken" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Leernetwerk bewerken");
  await expect(page.getByLabel("Startdatum")).toHaveValue("2027-09-01");
  await expectAccessible(page);
  await page.getByLabel("Einddatum").fill("2027-12-31");
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page).toHaveURL(cohortPath);
  await expect(page.getByRole("status")).toContainText("bijeenkomst 4 valt buiten de nieuwe periode");
  await expect(page.getByRole("list", { name: "Waarschuwingen bij bijeenkomst 4" })).toContainText(
    "buiten de periode van het leernetwerk",
  );
  await expect(page.getByText("tot en met 31 december 2027").first()).toBeVisible();
  await expectAccessible(page, "after edit");

  // Add a session: end before start, then a date in the past, then a warning that can be accepted.
  await page.getByRole("link", { name: "Bijeenkomst toevoegen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bijeenkomst toevoegen");
  await expect(page.getByLabel("Nummer")).toHaveValue("5");
  await expectAccessible(page);
  await page.getByLabel("Titel").fill("Extra terugkomdag");
  await page.getByLabel("Datum").fill("2027-10-26");
  await page.getByLabel("Begintijd").fill("16:00");
  await page.getByLabel("Eindtijd").fill("15:00");
  await page.getByLabel("Vorm").selectOption({ label: "Hybride" });
  await page.getByLabel("Locatie").fill("Utrecht, Jaarbeurs");
  await page.getByLabel("Programma").fill("- Terugblik\n- **Vooruitblik**");
  await page.getByRole("button", { name: "Bijeenkomst toevoegen" }).click();
  await expect(page.getByText("De eindtijd moet later zijn dan de begintijd.")).toBeVisible();
  await expect(page.getByLabel("Titel")).toHaveValue("Extra terugkomdag");
  await expect(page.getByLabel("Locatie")).toHaveValue("Utrecht, Jaarbeurs");
  await expect(page.getByLabel("Programma")).toHaveValue("- Terugblik\n- **Vooruitblik**");
  await expectAccessible(page, "end before start");

  await page.getByLabel("Datum").fill("2024-10-26");
  await page.getByLabel("Begintijd").fill("14:00");
  await page.getByLabel("Eindtijd").fill("16:30");
  await page.getByRole("button", { name: "Bijeenkomst toevoegen" }).click();
  await expect(
    page.getByText("Deze datum en tijd liggen in het verleden. Kies een moment in de toekomst."),
  ).toBeVisible();
  await expect(page.getByLabel("Datum")).toHaveValue("2024-10-26");

  // Same afternoon as session 2 (online 14:00–16:30): a warning, not yet saved.
  await page.getByLabel("Datum").fill("2027-10-26");
  await page.getByRole("button", { name: "Bijeenkomst toevoegen" }).click();
  await expect(page.getByRole("alert")).toContainText("Let op, nog niet opgeslagen.");
  await expect(page.getByRole("alert")).toContainText(
    "Deze bijeenkomst overlapt met bijeenkomst 2 (dinsdag 26 oktober 2027, 14:00–16:30 uur).",
  );
  await expectAccessible(page, "overlap warning");
  await page.getByRole("button", { name: "Toch opslaan" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bijeenkomst 5: Extra terugkomdag");
  await expect(page.getByText("dinsdag 26 oktober 2027, 14:00–16:30 uur")).toBeVisible();
  // The agenda is Markdoc, rendered as a real list.
  await expect(page.getByRole("region", { name: "Programma" }).getByRole("listitem")).toHaveText([
    "Terugblik",
    "Vooruitblik",
  ]);
  await expectAccessible(page);

  // Calling it off keeps it in the schedule, marked, and cancelled in calendars.
  const sessionPage = new URL(page.url()).pathname;
  await page.getByRole("link", { name: "Bijeenkomst bewerken" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bijeenkomst 5 bewerken");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Bijeenkomst afgelasten" }).click();
  await expect(page).toHaveURL(sessionPage);
  await expect(page.getByRole("status")).toContainText("De bijeenkomst is afgelast");
  await expect(page.getByText("Deze bijeenkomst gaat niet door.")).toBeVisible();
  const [cancelled] = parseEvents(await (await page.request.get(`${sessionPage}/agenda.ics`)).text());
  expect(cancelled!.component.getFirstPropertyValue("status")).toBe("CANCELLED");
  expect(cancelled!.sequence).toBe(1);
  await page.goto(cohortPath);
  await expect(
    page.getByRole("listitem").filter({ hasText: "Bijeenkomst 5: Extra terugkomdag" }).getByText("Gaat niet door"),
  ).toBeVisible();

  // Every change is in the audit log.
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Logboek" }).click();
  for (const action of [
    "Leernetwerk aangemaakt",
    "Leernetwerk gewijzigd",
    "Bijeenkomst toegevoegd",
    "Bijeenkomst afgelast",
  ]) {
    await expect(page.getByRole("cell", { name: action, exact: true }).first()).toBeVisible();
  }
  await expectAccessible(page);
});

test("the coordinator copies a cohort as a template: sessions move to the new period, same weekday and times", async ({
  page,
}) => {
  const name = `Kopie E2E ${Date.now().toString(36)}`;
  await login(page, users.coordinator.email);
  await openCohort(page, DEMO_COHORT_NAME);
  await page.getByRole("link", { name: "Kopiëren als nieuw leernetwerk" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nieuw leernetwerk");
  // Details come from the earlier cohort; its schedule is chosen to copy.
  await expect(page.getByLabel("Naam")).toHaveValue(`${DEMO_COHORT_NAME} (kopie)`);
  await expect(page.getByLabel("Thema (mag leeg blijven)")).toHaveValue(/Van kloof naar verbinding/);
  await expect(page.getByLabel(/eerder leernetwerk kopiëren/)).toBeChecked();
  await expect(page.getByRole("combobox", { name: "Leernetwerk om te kopiëren" })).toHaveValue(/[0-9a-f-]{36}/);
  await expectAccessible(page);
  await page.getByLabel("Naam").fill(name);
  await page.getByLabel("Startdatum").fill("2028-04-04");
  await page.getByLabel("Einddatum").fill("2028-09-30");
  await page.getByRole("button", { name: "Leernetwerk aanmaken" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  const schedule = page.getByRole("region", { name: "Programma" });
  await expect(schedule.getByRole("heading", { level: 3 })).toHaveText([
    "Bijeenkomst 1: Kennismaken en je vraagstuk scherp krijgen",
    "Bijeenkomst 2: Ervaringskennis ontsluiten en vertalen",
    /^Bijeenkomst 3: /,
    "Bijeenkomst 4: Evalueren, borgen en je aanpak presenteren",
  ]);
  // 53 weeks later: still Tuesdays, still 12:30–16:00 in Utrecht.
  await expect(schedule.getByText("dinsdag 18 april 2028, 12:30–16:00 uur")).toBeVisible();
  await expect(schedule.getByText("dinsdag 3 oktober 2028, 12:30–16:00 uur")).toBeVisible();
  await expect(page.getByRole("list", { name: "Waarschuwingen bij bijeenkomst 4" })).toContainText("buiten de periode");
  await expectAccessible(page);
});

test("a session moves and the participant's calendar feed shows the new time, with her intervisie meeting; a revoked link stops working", async ({
  page,
}) => {
  // Lisa makes her personal feed link on the account page.
  await login(page, users.participant.email, { to: "/account" });
  await expect(page.getByRole("heading", { level: 2, name: "Bijeenkomsten in je eigen agenda" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Agenda-link maken" }).click();
  const linkField = page.getByLabel("Je agenda-link");
  await expect(linkField).toHaveValue(/\/agenda\/[A-Za-z0-9_-]{43}\/leernetwerk\.ics$/);
  await expectAccessible(page, "feed link shown");
  const feedUrl = await linkField.inputValue();

  // A calendar app fetches it without logging in.
  const fetchFeed = () => page.request.get(feedUrl, { headers: { Cookie: "" } });
  const first = await fetchFeed();
  expect(first.status()).toBe(200);
  expect(first.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  const events = parseEvents(await first.text());
  const before = events.find((event) => event.summary.startsWith("Bijeenkomst 3:"))!;
  // The feed also carries her intervisie group's meeting and the cohort's assignment deadlines (issue 19).
  expect(events.find((event) => event.uid.startsWith("intervisie-"))?.summary).toBe("Intervisie: Groep 1");
  expect(events.some((event) => event.uid.startsWith("opdracht-") && event.summary.startsWith("Inleveren: "))).toBe(
    true,
  );
  expect(before.startDate.toString()).toBe("2027-06-29T14:00:00");
  // Not necessarily 0: an earlier test may have prepared this session (co-lead.spec.ts), which counts as a change.
  const sequenceBefore = before.sequence;
  await logout(page);

  // The coordinator moves session 3 a week and an hour later.
  await login(page, users.coordinator.email);
  await openCohort(page, DEMO_COHORT_NAME);
  await page.goto(`${await sessionPath(page, 3)}/bewerken`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bijeenkomst 3 bewerken");
  await expect(page.getByLabel("Begintijd")).toHaveValue("14:00");
  await expectAccessible(page);
  await page.getByLabel("Datum").fill("2027-07-06");
  await page.getByLabel("Begintijd").fill("15:00");
  await page.getByLabel("Eindtijd").fill("17:30");
  await page.getByRole("button", { name: "Opslaan", exact: true }).click();
  await expect(page.getByRole("status")).toContainText("De bijeenkomst is opgeslagen");
  await expect(page.getByText("dinsdag 6 juli 2027, 15:00–17:30 uur")).toBeVisible();
  await expectAccessible(page);

  const after = parseEvents(await (await fetchFeed()).text()).find((event) => event.uid === before.uid)!;
  expect(after.startDate.toString()).toBe("2027-07-06T15:00:00");
  expect(after.startDate.toJSDate().toISOString()).toBe("2027-07-06T13:00:00.000Z");
  expect(after.endDate.toString()).toBe("2027-07-06T17:30:00");
  expect(after.sequence).toBe(sequenceBefore + 1);
  await logout(page);

  // Lisa revokes the link: calendars get a 404 from then on.
  await login(page, users.participant.email, { to: "/account" });
  await expect(page.getByText(/Je hebt een agenda-link sinds/)).toBeVisible();
  await page.getByRole("button", { name: "Agenda-link intrekken" }).click();
  await expect(page.getByRole("status")).toContainText("Je agenda-link is ingetrokken");
  await expect(page.getByText("Je hebt nog geen agenda-link.")).toBeVisible();
  await expectAccessible(page, "revoked");
  expect((await fetchFeed()).status()).toBe(404);
});

test("a participant signs off with a reason and the coordinator sees it", async ({ page }) => {
  await login(page, users.participant.email);
  const cohortPath = await openCohort(page, DEMO_COHORT_NAME);
  await expect(page.getByRole("region", { name: "Aanwezigheid per bijeenkomst", exact: true })).toHaveCount(0);
  const path = await sessionPath(page, 4);
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Bijeenkomst 4:/);
  await expect(page.getByRole("heading", { level: 2, name: "Voorbereiding" })).toBeVisible();
  await expectAccessible(page);

  // The session as a calendar file.
  const ics = await page.request.get(`${path}/agenda.ics`);
  expect(ics.status()).toBe(200);
  expect(ics.headers()["content-disposition"]).toMatch(/^attachment; filename="bijeenkomst-.*\.ics"$/);
  const [event] = parseEvents(await ics.text());
  expect(event!.startDate.toString()).toBe("2027-09-28T12:30:00");
  expect(event!.location).toBe("Vergadercentrum Utrecht, Catharijnesingel, Utrecht");

  // No reason: a Dutch message.
  await page.getByRole("button", { name: "Afmelden" }).click();
  await expect(page.getByText("Schrijf kort waarom je er niet bij kunt zijn")).toBeVisible();
  await expect(page.getByLabel("Reden")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page, "no reason");
  await page.getByLabel("Reden").fill("Ik ben die week op vakantie in Frankrijk.");
  await page.getByRole("button", { name: "Afmelden" }).click();
  await expect(page.getByRole("status")).toContainText("Je bent afgemeld");
  await expect(page.getByText("Je hebt je afgemeld. Je reden:")).toContainText(
    "Ik ben die week op vakantie in Frankrijk.",
  );
  await expectAccessible(page, "signed off");
  await page.goto(cohortPath);
  await expect(page.getByText("Je hebt je afgemeld")).toBeVisible();
  await logout(page);

  await login(page, users.coordinator.email);
  await openCohort(page, DEMO_COHORT_NAME);
  const dashboard = page.getByRole("region", { name: "Aanwezigheid per bijeenkomst", exact: true });
  await expect(dashboard.getByRole("listitem").filter({ hasText: "Lisa Bakker (Zwolle)" })).toHaveText(
    "Bijeenkomst 4: Lisa Bakker (Zwolle) — Ik ben die week op vakantie in Frankrijk.",
  );
  // The demo's earlier sign-off (Erik, session 2) is there too, and counted.
  await expect(dashboard.getByRole("listitem").filter({ hasText: "Erik Mulder (Zwolle)" })).toContainText(
    "gemeenteraad",
  );
  const row4 = dashboard.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /^4\. / }) });
  // Other specs may add participants to the demo cohort: the table's caption gives the number.
  const total = await participantTotal(page);
  await expect(row4.getByRole("cell")).toHaveText(["0", "1", "0", String(total - 1)]);
  await page.goto(path);
  await expect(page.getByRole("region", { name: "Afmeldingen" })).toContainText(
    "Lisa Bakker (Zwolle): Ik ben die week op vakantie in Frankrijk.",
  );
  await expectAccessible(page);
});

test("a facilitator records attendance; participants may not, nor edit; outsiders get 404", async ({ page }) => {
  await login(page, users.facilitator.email);
  const cohortPath = await openCohort(page, DEMO_COHORT_NAME);
  // Facilitators do not edit the cohort.
  await expect(page.getByRole("link", { name: "Leernetwerk bewerken" })).toHaveCount(0);
  const path = await sessionPath(page, 1);
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 2, name: "Aanwezigheid" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("group", { name: "Aanwezigheid van Noor Visser" }).getByLabel("Aanwezig").check();
  await page.getByRole("group", { name: "Aanwezigheid van Hans Smit" }).getByLabel("Afwezig").check();
  await page.getByRole("button", { name: "Aanwezigheid opslaan" }).click();
  await expect(page.getByRole("status")).toContainText("De aanwezigheid is opgeslagen");
  await expect(page.getByRole("group", { name: "Aanwezigheid van Noor Visser" }).getByLabel("Aanwezig")).toBeChecked();
  await expect(page.getByRole("group", { name: "Aanwezigheid van Hans Smit" }).getByLabel("Afwezig")).toBeChecked();
  await expect(
    page.getByRole("group", { name: "Aanwezigheid van Lisa Bakker" }).getByLabel("Niet ingevuld"),
  ).toBeChecked();
  await expectAccessible(page, "saved");
  await page.goto(cohortPath);
  const row1 = page
    .getByRole("region", { name: "Aanwezigheid per bijeenkomst", exact: true })
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: /^1\. / }) });
  await expect(row1.getByRole("cell")).toHaveText(["1", "0", "1", String((await participantTotal(page)) - 2)]);
  // A facilitator cannot open the coordinator's edit pages.
  expect(statusOf(await page.goto(`${path}/bewerken`))).toBe(403);
  await expectAccessible(page);
  await logout(page);

  // A participant cannot post attendance or open the edit page.
  await login(page, users.participant.email);
  expect(
    (
      await page.request.post(path, { form: { intent: "attendance" }, headers: { Origin: new URL(page.url()).origin } })
    ).status(),
  ).toBe(403);
  expect(statusOf(await page.goto(`${cohortPath}/bewerken`))).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Geen toegang");
  await expectAccessible(page);
  await logout(page);

  // Someone from another cohort: the session page and its calendar file do not exist for them.
  await login(page, users.otherCohortParticipant.email);
  expect(statusOf(await page.goto(path))).toBe(404);
  await expectAccessible(page);
  expect((await page.request.get(`${path}/agenda.ics`)).status()).toBe(404);
  expect((await page.request.get(`${cohortPath}/bijeenkomsten/00000000-0000-4000-8000-000000000000`)).status()).toBe(
    404,
  );
  expect((await page.request.get("/agenda/bestaat-niet/leernetwerk.ics")).status()).toBe(404);
});

test("two coordinators editing the same session: the later save is not silently lost or overwriting", async ({
  page,
  context,
}) => {
  await login(page, users.coordinator.email);
  await expectAccessible(page);
  await openCohort(page, DEMO_COHORT_NAME);
  const editPath = `${await sessionPath(page, 4)}/bewerken`;
  await page.goto(editPath);
  await expectAccessible(page);
  // The same form open in a second tab (another coordinator, or the same one twice).
  const other = await context.newPage();
  await other.goto(editPath);
  await expectAccessible(other);

  await other.getByLabel("Titel").fill("Evalueren en borgen (tab 2)");
  await other.getByRole("button", { name: "Opslaan", exact: true }).click();
  await expect(other.getByRole("status")).toContainText("De bijeenkomst is opgeslagen");
  await expectAccessible(other);

  // The first tab still has the old version: its save is refused, and what was typed stays.
  await page.getByLabel("Titel").fill("Evalueren en borgen (tab 1)");
  await page.getByRole("button", { name: "Opslaan", exact: true }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "iemand anders heeft deze bijeenkomst intussen gewijzigd" }),
  ).toBeVisible();
  await expect(page.getByLabel("Titel")).toHaveValue("Evalueren en borgen (tab 1)");
  await expectAccessible(page, "conflict");

  // Saving again is a deliberate choice and works.
  await page.getByRole("button", { name: "Opslaan", exact: true }).click();
  await expect(page.getByRole("status")).toContainText("De bijeenkomst is opgeslagen");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Evalueren en borgen (tab 1)");
  await expectAccessible(page);
  await other.close();
});

// Intervisie: the coordinator forms groups with the suggestion (and meets the limits); a facilitator plans a
// meeting, a member proposes a case, the facilitator chooses it and runs the meeting through all steps while
// the member's own screen follows the current step without a reload; notes; the inbrenger records a takeaway
// into the journal; a coordinator and a member of another group get a 404 on the case; the inbrenger deletes
// it. axe-core runs on every page visited, the live view included.
import type { Browser, Page } from "@playwright/test";
import { expect, expectAccessible, expectAccessibleOnce, login, statusOf, test, track, users } from "./fixtures.ts";

const OTHER_COHORT = "Leernetwerk Ervaringskennis in de Participatiewet, najaar 2026";

async function newUserPage(browser: Browser, email: string, to?: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  track(page);
  await login(page, email, to ? { to } : {});
  return page;
}

/** Tomorrow in Amsterdam, as YYYY-MM-DD. */
function tomorrow() {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(
    new Date(Date.now() + 24 * 60 * 60_000),
  );
}

test("the coordinator forms intervisie groups from the suggestion, within the limits", async ({ page }) => {
  await login(page, users.coordinator.email);
  await expectAccessible(page);
  await page.goto("/leernetwerken");
  await expectAccessible(page);
  await page.getByRole("link", { name: OTHER_COHORT }).first().click();
  // Wait for the cohort page itself: a check run before the navigation ends checks the previous page.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(OTHER_COHORT);
  await expectAccessible(page);
  await page
    .getByRole("navigation", { name: "Beheer van dit leernetwerk" })
    .getByRole("link", { name: "Intervisiegroepen" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Intervisiegroepen" })).toBeVisible();
  await expect(page.getByTestId("suggestion-note")).toBeVisible();
  await expectAccessible(page);
  const groupUrl = page.url();

  // Four participants: two groups cannot both have four, and the page says so.
  await page.getByLabel("Aantal groepen").fill("2");
  await page.getByRole("button", { name: "Voorstel maken" }).click();
  await expect(page.getByRole("alert")).toContainText("Met 4 deelnemers passen er hoogstens 1 groepen van minstens 4.");
  await expectAccessible(page, "impossible number of groups");
  await page.getByLabel("Aantal groepen").fill("1");
  await page.getByRole("button", { name: "Voorstel maken" }).click();
  await expect(page).toHaveURL(/aantal=1/);
  await expect(page.getByRole("group", { name: "Groep 2" })).toHaveCount(0);
  await expect(page.getByLabel("Begeleider", { exact: true })).toHaveValue(/[0-9a-f-]{36}/);
  for (const name of ["Joost Peters", "Karin Jacobs", "Daan Hendriks", "Ellen Vos"]) {
    await expect(page.getByLabel(`Groep van ${name}`)).not.toHaveValue("");
  }

  // Overriding the suggestion below the minimum is refused, and what was chosen stays.
  await page.getByLabel("Groep van Ellen Vos").selectOption("");
  await page.getByRole("button", { name: "Indeling opslaan" }).click();
  await expect(page.getByRole("alert")).toContainText(
    "Groep 1 heeft 3 deelnemers; een intervisiegroep heeft er minstens 4.",
  );
  await expect(page.getByLabel("Groep van Ellen Vos")).toHaveValue("");
  await expectAccessible(page, "below the minimum");

  await page.getByLabel("Groep van Ellen Vos").selectOption({ label: "Groep 1" });
  await page.getByRole("button", { name: "Indeling opslaan" }).click();
  await expect(page.getByRole("status")).toContainText("De intervisiegroepen zijn opgeslagen");
  // The duos of Almere and Emmen sit together in the one group: saved, with a warning.
  await expect(page.getByRole("status")).toContainText("zelfde gemeente");
  const overview = page.locator(".group-overview");
  await expect(overview.getByRole("heading", { name: "Groep 1" })).toBeVisible();
  await expect(overview).toContainText("Anouk Willems");
  await expect(overview).toContainText("Joost Peters");
  expect(page.url()).toContain(new URL(groupUrl).pathname);
  await expectAccessible(page, "saved");

  // The log shows the change.
  await page.goto("/beheer/logboek");
  await expect(page.getByText("intervision.groups.saved").first()).toBeVisible();
  await expectAccessible(page);
});

test("a case from intake to takeaway: the facilitator runs the meeting live, a member follows, confidentiality holds", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const caseTitle = `Een lastig overleg ${Date.now().toString(36)}`;

  // The facilitator plans a meeting for Groep 1 (Lisa's group) with the incidentmethode.
  await login(page, users.facilitator.email);
  await expectAccessible(page);
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Intervisie" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Intervisie" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Incidentmethode" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Incidentmethode" })).toBeVisible();
  await expect(page.getByRole("row", { name: /Informatieve vragen/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Bronnen" })).toBeVisible();
  await expectAccessible(page);
  await page.goBack();
  await page.getByRole("link", { name: "Groep 1" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Groep 1" })).toBeVisible();
  await expect(page.getByText("Lisa Bakker")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Datum").fill(tomorrow());
  await page.getByLabel("Begintijd").fill("14:00");
  await page.getByLabel("Eindtijd").fill("13:00");
  await page.getByLabel("Link (online)").fill("https://meet.leernetwerk.test/e2e");
  await page.getByLabel("Methode (kan later)").selectOption({ label: "Incidentmethode (ongeveer 50 minuten)" });
  await page.getByRole("button", { name: "Bijeenkomst plannen" }).click();
  await expect(page.getByText("De eindtijd moet na de begintijd liggen.")).toBeVisible();
  await expect(page.getByLabel("Link (online)")).toHaveValue("https://meet.leernetwerk.test/e2e");
  await expectAccessible(page, "with an error");
  await page.getByLabel("Eindtijd").fill("15:00");
  await page.getByRole("button", { name: "Bijeenkomst plannen" }).click();
  await expect(page).toHaveURL(/\/intervisie\/bijeenkomsten\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("status")).toContainText("De bijeenkomst is gepland");
  await expectAccessible(page);
  const meetingPath = new URL(page.url()).pathname;

  // Lisa (a member) proposes a case on her own screen.
  const lisa = await newUserPage(browser, users.participant.email, meetingPath);
  await expectAccessible(lisa);
  await lisa.getByRole("button", { name: "Casus inbrengen" }).click();
  await expect(lisa.getByText("Geef je casus een korte titel (minstens 3 tekens).")).toBeVisible();
  await expectAccessible(lisa, "case form with errors");
  await lisa.getByLabel("Korte titel").fill(caseTitle);
  await lisa
    .getByLabel("De situatie")
    .fill("In het projectoverleg werd het verhaal van onze ervaringsdeskundige weggewuifd. Ik zei niets.");
  await lisa.getByLabel("Je vraag aan de groep").fill("Hoe kan ik de volgende keer wel opkomen voor haar inbreng?");
  await lisa.getByRole("button", { name: "Casus inbrengen" }).click();
  await expect(lisa.getByRole("status")).toContainText("Je casus is ingebracht");
  await expect(lisa.getByRole("link", { name: caseTitle })).toBeVisible();

  // The facilitator chooses it and opens the live view.
  await page.reload();
  await page.getByRole("button", { name: `Kiezen (${caseTitle})` }).click();
  await expect(page.getByRole("status")).toContainText("De casus is gekozen");
  await page.getByRole("link", { name: "Bijeenkomst leiden" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Live: intervisie Groep 1" })).toBeVisible();
  await expect(page.getByTestId("live-step")).toHaveText("De bijeenkomst is nog niet begonnen.");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Bijeenkomst starten" }).click();
  await expect(page.getByTestId("live-step")).toHaveText("Stap 1 van 6: Het incident vertellen");
  await expect(page.getByRole("timer")).toContainText(/nog [45]:\d\d/);
  await expect(page.getByText("Hoe kan ik de volgende keer wel opkomen voor haar inbreng?")).toBeVisible();
  await expectAccessible(page, "running");

  // Lisa follows on her own screen.
  await lisa.getByRole("link", { name: "Meekijken met de bijeenkomst" }).click();
  await expect(lisa.getByTestId("live-step")).toHaveText("Stap 1 van 6: Het incident vertellen");
  await expect(lisa.getByRole("button", { name: "Volgende stap" })).toHaveCount(0);
  await expectAccessible(lisa);
  const lisaUrl = lisa.url();

  // Each step the facilitator takes shows up on Lisa's screen without a reload.
  const steps = [
    "Informatieve vragen",
    "Verplaatsen in de situatie",
    "Reactie van de inbrenger",
    "Lessen voor iedereen",
    "Afsluiten",
  ];
  for (const [index, name] of steps.entries()) {
    await page.getByRole("button", { name: "Volgende stap" }).click();
    await expect(page.getByTestId("live-step")).toHaveText(`Stap ${index + 2} van 6: ${name}`);
    await expect(lisa.getByTestId("live-step")).toHaveText(`Stap ${index + 2} van 6: ${name}`, { timeout: 10_000 });
    if (index === 0) {
      // The facilitator notes an open question; Lisa's screen shows it too.
      await page.getByLabel("Tekst van de notitie").fill("Wat gebeurde er vlak voordat het verhaal werd weggewuifd?");
      await page.getByRole("button", { name: "Notitie toevoegen" }).click();
      await expect(page.getByRole("status")).toContainText("Open vraag genoteerd");
      await expect(lisa.getByText("Wat gebeurde er vlak voordat het verhaal werd weggewuifd?")).toBeVisible({
        timeout: 10_000,
      });
      // A scribe from the group notes an insight.
      await lisa.getByRole("radio", { name: "Inzicht" }).check();
      await lisa.getByLabel("Tekst van de notitie").fill("Zwijgen voelt neutraal, maar werkt als instemming.");
      await lisa.getByRole("button", { name: "Notitie toevoegen" }).click();
      await expect(lisa.getByRole("status")).toContainText("Inzicht genoteerd");
      await expectAccessible(lisa, "after a note");
    }
  }
  expect(lisa.url()).toBe(lisaUrl);
  await page.getByRole("button", { name: "Vorige stap" }).click();
  await expect(lisa.getByTestId("live-step")).toHaveText("Stap 5 van 6: Lessen voor iedereen", { timeout: 10_000 });
  await page.getByRole("button", { name: "Volgende stap" }).click();
  await expect(page.getByTestId("live-step")).toHaveText("Stap 6 van 6: Afsluiten");
  await expect(page.getByRole("button", { name: "Volgende stap" })).toHaveCount(0);
  await page.getByRole("button", { name: "Bijeenkomst afronden" }).click();
  await expect(page.getByTestId("live-step")).toHaveText("De bijeenkomst is afgerond.");
  await expect(lisa.getByTestId("live-step")).toHaveText("De bijeenkomst is afgerond.", { timeout: 10_000 });
  await expectAccessible(page, "finished");

  // Lisa writes what she takes away, also into her journal.
  await lisa.getByRole("link", { name: caseTitle }).click();
  await expect(lisa.getByRole("heading", { level: 1, name: caseTitle })).toBeVisible();
  await expect(lisa.getByText("Zwijgen voelt neutraal, maar werkt als instemming.")).toBeVisible();
  await expectAccessible(lisa);
  await lisa
    .getByLabel("Wat neem je mee uit deze intervisie?")
    .fill("Ik zeg de volgende keer hardop dat haar verhaal telt.");
  await lisa.getByLabel("Ook als nieuw stuk in mijn journaal zetten (privé)").check();
  await lisa.getByRole("button", { name: "Opslaan", exact: true }).click();
  await expect(lisa.getByRole("status")).toContainText("Opgeslagen, ook in je journaal");
  await expect(lisa.getByTestId("takeaway")).toHaveText("Ik zeg de volgende keer hardop dat haar verhaal telt.");
  const casePath = new URL(lisa.url()).pathname;
  await lisa.getByRole("link", { name: `Wat ik meeneem uit intervisie: ${caseTitle}` }).click();
  await expect(lisa.getByRole("link", { name: /de intervisie van Groep 1 op/ })).toBeVisible();
  await expectAccessible(lisa);
  // Lisa is in a group, so she may share the entry with it; the page names who can then read it.
  await lisa.getByRole("checkbox", { name: "Mijn intervisiegroep" }).check();
  await lisa.getByRole("button", { name: "Delen opslaan" }).click();
  await expect(lisa.getByTestId("readers")).toContainText("Gedeeld met deze mensen");
  await expect(lisa.getByTestId("readers")).toContainText("Marco Jansen");
  await expect(lisa.getByTestId("readers")).not.toContainText("Erik Mulder");

  // The facilitator of the group reads the case; a coordinator and a member of another group get a 404.
  await page.goto(casePath);
  await expect(page.getByTestId("takeaway")).toBeVisible();
  await expectAccessible(page);
  for (const email of [users.coordinator.email, users.participantPartner.email]) {
    const outsider = await newUserPage(browser, email);
    await expectAccessibleOnce(outsider);
    const response = await outsider.goto(casePath);
    expect(statusOf(response), email).toBe(404);
    await expect(outsider.getByText(caseTitle)).toHaveCount(0);
    await expectAccessible(outsider);
    expect(statusOf(await outsider.goto(meetingPath)), email).toBe(404);
    await expectAccessible(outsider);
    await outsider.context().close();
  }

  // Lisa deletes her case: it is gone for everyone.
  await lisa.goto(casePath);
  await lisa.getByRole("button", { name: "Casus verwijderen" }).click();
  await expect(lisa.getByText("Vink aan dat je de casus echt wilt verwijderen.")).toBeVisible();
  await expectAccessible(lisa, "delete without confirmation");
  await lisa.getByLabel("Ja, verwijder mijn casus met de notities").check();
  await lisa.getByRole("button", { name: "Casus verwijderen" }).click();
  await expect(lisa.getByRole("status")).toContainText("Je casus en de notities zijn verwijderd");
  await expect(lisa).toHaveURL(new RegExp(`${meetingPath}$`));
  await expect(lisa.getByText(caseTitle)).toHaveCount(0);
  expect(statusOf(await page.goto(casePath))).toBe(404);
  await expectAccessible(page);
  await lisa.context().close();
});

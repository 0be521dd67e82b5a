// E-mail notifications end to end: a participant sets their e-mail preferences from the account page;
// the one-click unsubscribe link in a (stored) reminder works without logging in; the coordinator sees
// the queue health and the outbox by status, and sends a refused message again.
import {
  expect,
  expectAccessible,
  expectAccessibleOnce,
  login,
  logout,
  readLinkFromOutbox,
  test,
  users,
} from "./fixtures.ts";

test("a participant chooses per kind: direct, weekly digest or off", async ({ page }) => {
  await login(page, users.participant.email, { to: "/account" });
  await expectAccessible(page);
  await page.getByRole("link", { name: "E-mailvoorkeuren aanpassen" }).click();
  await expect(page).toHaveURL(/\/account\/meldingen$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("E-mailvoorkeuren");
  await expectAccessible(page);

  const reminders = page.getByRole("group", { name: "Herinnering voor een bijeenkomst" });
  const changes = page.getByRole("group", { name: "Bijeenkomst verplaatst of afgelast" });
  // Defaults: few e-mails, but what matters for attendance comes directly.
  await expect(reminders.getByRole("radio", { name: "Direct een e-mail" })).toBeChecked();
  await reminders.getByRole("radio", { name: "Geen e-mail, alleen bij Meldingen" }).check();
  // Keyboard: arrow keys move within a radio group.
  await changes.getByRole("radio", { name: "Direct een e-mail" }).focus();
  await page.keyboard.press("ArrowDown");
  await expect(changes.getByRole("radio", { name: "In de samenvatting" })).toBeChecked();
  await page.getByRole("button", { name: "Voorkeuren opslaan" }).click();

  await expect(page.getByRole("status")).toContainText("Je e-mailvoorkeuren zijn opgeslagen");
  await expectAccessible(page, "saved, with toast");
  await page.reload();
  await expect(reminders.getByRole("radio", { name: "Geen e-mail, alleen bij Meldingen" })).toBeChecked();
  await expect(changes.getByRole("radio", { name: "In de samenvatting" })).toBeChecked();

  // Put it back for the other tests.
  await reminders.getByRole("radio", { name: "Direct een e-mail" }).check();
  await changes.getByRole("radio", { name: "Direct een e-mail" }).check();
  await page.getByRole("button", { name: "Voorkeuren opslaan" }).click();
  await expect(page.getByRole("status")).toContainText("Je e-mailvoorkeuren zijn opgeslagen");
});

test("the unsubscribe link in a reminder switches that kind off without logging in", async ({ page }) => {
  await login(page, users.coordinator.email, { to: "/beheer/e-mail" });
  const path = await readLinkFromOutbox(page, users.otherCohortParticipant.email, "/e-mail/afmelden/");
  await expect(page.getByTestId("email-body")).toContainText("Ter voorbereiding:");
  await expect(page.getByTestId("email-body")).toContainText("/agenda.ics");
  await logout(page);

  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Afmelden");
  await expect(page.getByRole("main")).toContainText("herinnering voor een bijeenkomst");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Afmelden" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Je bent afgemeld" })).toContainText(
    "Je bent afgemeld voor herinnering voor een bijeenkomst",
  );
  await expectAccessible(page, "done");

  // The participant sees it on their preferences page.
  await login(page, users.otherCohortParticipant.email, { to: "/account/meldingen" });
  await expect(
    page
      .getByRole("group", { name: "Herinnering voor een bijeenkomst" })
      .getByRole("radio", { name: "Geen e-mail, alleen bij Meldingen" }),
  ).toBeChecked();
  await expectAccessible(page);

  // A damaged link is a clear 404.
  const response = await page.goto(`${path.slice(0, -3)}xyz`);
  expect(response?.status()).toBe(404);
  await expectAccessible(page, "bad link");
});

test("the coordinator sees queue health and the outbox by status, and retries a refused message", async ({ page }) => {
  await login(page, users.coordinator.email, { to: "/beheer/e-mail" });
  await expect(page.getByRole("heading", { level: 2, name: "Achtergrondtaken" })).toBeVisible();
  await expect(page.getByText("De achtergrondtaken draaien in de webserver zelf: actief")).toBeVisible();
  // The embedded database's daily upkeep (no autovacuum on PGlite) ran soon after start-up, without an error.
  const upkeep = page.getByRole("row").filter({ hasText: "Onderhoud van de ingebouwde database" });
  await expect(async () => {
    await page.reload();
    await expect(upkeep.getByRole("cell").last()).toHaveText("—", { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expectAccessibleOnce(page);

  await page.getByRole("link", { name: /^Mislukt \(1\)$/ }).click();
  await expect(page).toHaveURL(/status=FAILED$/);
  const row = page.getByRole("row").filter({ hasText: "karin.jacobs@almere.test" });
  await expect(row).toContainText("422 validation_error");
  await expectAccessible(page, "failed only");
  await row.getByRole("button", { name: /^Opnieuw versturen/ }).click();

  await expect(page.getByRole("status")).toContainText("Het bericht wordt opnieuw verstuurd");
  await expect(page).toHaveURL(/status=FAILED$/);
  await expect(page.getByRole("row").filter({ hasText: "karin.jacobs@almere.test" })).toHaveCount(0);
  await expectAccessible(page, "after retry");
  // Without an e-mail service it is delivered to the outbox (kept, readable) by the in-process job.
  await page.getByRole("link", { name: /^Bewaard/ }).click();
  await expect(page.getByRole("row").filter({ hasText: "karin.jacobs@almere.test" })).toHaveCount(1);
  await expectAccessible(page, "stored");

  // The retry is in the audit log.
  await page.getByRole("link", { name: "Logboek" }).click();
  await expect(page.getByRole("main")).toContainText("E-mail opnieuw verstuurd");
  await expectAccessible(page);
});

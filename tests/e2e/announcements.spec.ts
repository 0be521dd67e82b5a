// Issue 19, "telling the cohort something": a facilitator writes an announcement to the whole cohort; the
// participant sees the unread count in the header (a screen reader hears "Meldingen, N ongelezen"), opens
// the inbox, follows the notification to the announcement (which marks it read), and the e-mail is in the
// coordinator's outbox with a link to the same page.
import {
  DEMO_COHORT_NAME,
  expect,
  expectAccessible,
  login,
  logout,
  readLinkFromOutbox,
  test,
  users,
} from "./fixtures.ts";

test("an announcement reaches the inbox and the outbox", async ({ page }) => {
  test.setTimeout(120_000);
  const title = `Zaal gewijzigd ${Date.now().toString(36)}`;

  // The facilitator writes it from the cohort page.
  await login(page, users.facilitator.email, { to: "/leernetwerken" });
  await expectAccessible(page);
  await page.getByRole("link", { name: DEMO_COHORT_NAME }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: DEMO_COHORT_NAME })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Een mededeling schrijven" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mededelingen" })).toBeVisible();
  await expectAccessible(page);
  // Nothing chosen: the form says what is missing and keeps what was typed.
  await page.getByLabel("Titel").fill(title);
  await page.getByRole("button", { name: "Mededeling versturen" }).click();
  await expect(page.getByRole("alert").first()).toContainText("velden zijn niet goed ingevuld");
  await expect(page.getByText("Kies aan wie de mededeling is.")).toBeVisible();
  await expect(page.getByLabel("Titel")).toHaveValue(title);
  await expectAccessible(page, "with errors");
  await page.getByLabel("Aan wie").selectOption({ label: "Het hele leernetwerk" });
  await page.getByLabel("Mededeling", { exact: true }).fill("De bijeenkomst is in zaal 2 in plaats van zaal 1.");
  await page.getByRole("button", { name: "Mededeling versturen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("De mededeling is verstuurd naar");
  await expectAccessible(page);
  await logout(page);

  // The participant: the header counts it; the inbox lists it; following it opens the announcement.
  await login(page, users.participant.email);
  const inboxLink = page.getByRole("banner").getByRole("link", { name: /^Meldingen, \d+ ongelezen$/ });
  await expect(inboxLink).toBeVisible();
  await expectAccessible(page);
  const before = Number((await inboxLink.getAttribute("aria-label"))?.match(/(\d+) ongelezen/)?.[1]);
  await inboxLink.click();
  await expect(page.getByRole("heading", { level: 1, name: "Meldingen" })).toBeVisible();
  await expectAccessible(page);
  const item = page.getByRole("link", { name: `Ongelezen: Mededeling van Marco Jansen: ${title}` });
  // By keyboard, as a screen reader user would.
  await item.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("zaal 2 in plaats van zaal 1");
  await expectAccessible(page);
  // Read now: the inbox shows it without "Ongelezen", and the header counts one less.
  await page
    .getByRole("banner")
    .getByRole("link", { name: /^Meldingen/ })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Meldingen" })).toBeVisible();
  await expect(page.getByRole("link", { name: `Mededeling van Marco Jansen: ${title}`, exact: true })).toBeVisible();
  if (Number.isFinite(before) && before > 1) {
    await expect(
      page.getByRole("banner").getByRole("link", { name: `Meldingen, ${before - 1} ongelezen` }),
    ).toBeVisible();
  }
  // "Alles gelezen" (shown while something is unread): afterwards the header has no count.
  const readAll = page.getByRole("button", { name: "Alles gelezen" });
  if ((await readAll.count()) > 0) {
    await readAll.click();
    await expect(page.getByRole("status")).toContainText("gelezen");
  }
  await expect(page.getByRole("banner").getByRole("link", { name: "Meldingen", exact: true })).toBeVisible();
  await expect(page.getByText("Je hebt alles gelezen.")).toBeVisible();
  await expectAccessible(page, "all read");
  await logout(page);

  // The e-mail to the participant is in the outbox, with a link to the announcement.
  await login(page, users.coordinator.email, { to: "/beheer/e-mail" });
  const path = await readLinkFromOutbox(page, users.participant.email, "/mededelingen/", `Mededeling: ${title}`);
  await expect(page.getByTestId("email-body")).toContainText("zaal 2 in plaats van zaal 1");
  expect(path).toMatch(/^\/leernetwerken\/[0-9a-f-]{36}\/mededelingen\/[0-9a-f-]{36}$/);
});

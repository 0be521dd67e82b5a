// Guards "wachtwoord vergeten" end to end: the request stores an e-mail with a working reset link, the
// link sets a new password, the new password logs in and the old one no longer does, and the link works
// only once.
import {
  DEMO_PASSWORD,
  expect,
  expectAccessible,
  login,
  logout,
  readLinkFromOutbox,
  submitLogin,
  test,
} from "./fixtures.ts";

// Someone no other browser test logs in as: the password really changes.
const AHMED = "ahmed.yilmaz@deventer.test";
const WRONG_LOGIN = "Het e-mailadres of het wachtwoord klopt niet";

test("a participant resets a forgotten password with the e-mailed link", async ({ page }) => {
  const newPassword = `Nieuw wachtwoord voor Ahmed ${Date.now()}`;

  await page.goto("/inloggen");
  await page.getByRole("link", { name: "Wachtwoord vergeten?" }).click();
  await expect(page).toHaveURL(/\/wachtwoord-vergeten$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Wachtwoord vergeten");
  await expectAccessible(page);

  await page.getByLabel("E-mailadres").fill(AHMED);
  await page.getByRole("button", { name: "Stuur mij een link" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kijk in je e-mail");
  await expect(page.getByRole("status").filter({ hasText: "Als er een account is" })).toContainText(AHMED);
  await expectAccessible(page, "link requested");

  // The coordinator can read the stored message (no e-mail service is configured in the tests).
  await login(page, "sanne.devries@leernetwerk.test", { to: "/beheer/e-mail" });
  const resetPath = await readLinkFromOutbox(page, AHMED, "/wachtwoord-herstellen/", "Nieuw wachtwoord instellen");
  expect(resetPath).toMatch(/^\/wachtwoord-herstellen\/[A-Za-z0-9_-]{20,}$/);
  await logout(page);

  await page.goto(resetPath);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nieuw wachtwoord kiezen");
  await expect(page.getByRole("main")).toContainText(AHMED);
  await expectAccessible(page);
  await page.getByLabel("Nieuw wachtwoord", { exact: true }).fill(newPassword);
  await page.getByLabel("Herhaal het nieuwe wachtwoord").fill(newPassword);
  await page.getByRole("button", { name: "Wachtwoord opslaan" }).click();

  await expect(page).toHaveURL(/\/inloggen$/);
  await expect(page.getByRole("status")).toContainText("Je wachtwoord is gewijzigd");
  await expectAccessible(page, "with toast");

  // The old password no longer works…
  await submitLogin(page, AHMED, DEMO_PASSWORD);
  await expect(page.getByRole("alert").filter({ hasText: WRONG_LOGIN })).toBeVisible();
  await expect(page).toHaveURL(/\/inloggen$/);
  // …and the new one does.
  await submitLogin(page, AHMED, newPassword);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welkom, Ahmed");
  await expectAccessible(page);
  await logout(page);

  // The link works once.
  await page.goto(resetPath);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Deze link is al gebruikt");
  await expect(page.getByLabel("Nieuw wachtwoord", { exact: true })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Nieuwe link aanvragen" })).toBeVisible();
  await expectAccessible(page, "used link");
});

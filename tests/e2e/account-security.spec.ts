// Guards the account's own security pages end to end: where I am signed in (/account/sessies, ending another
// device) and changing my e-mail address (current password, a link to the new address, a notice to the old
// one, the other sessions ended on confirmation).
import {
  expect,
  expectAccessible,
  login,
  readLinkFromOutbox,
  submitLogin,
  test,
  uniqueEmail,
  users,
} from "./fixtures.ts";

// Someone no other browser test signs in as: the address really changes.
const GERRIT = "gerrit.dekker@zaanstad.test";

test("my sessions: this device marked, another device ended", async ({ page, browser }) => {
  const other = await browser.newContext();
  try {
    const otherPage = await other.newPage();
    await login(otherPage, GERRIT);
    await expectAccessible(otherPage);

    await login(page, GERRIT, { to: "/account" });
    await expectAccessible(page);
    await page.getByRole("link", { name: "Bekijk waar je bent ingelogd" }).click();
    await expect(page).toHaveURL(/\/account\/sessies$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Waar je bent ingelogd");
    const rows = page.getByRole("row").filter({ hasText: "Chrome op Windows" });
    await expect(rows).toHaveCount(2);
    await expect(rows.filter({ hasText: "(dit apparaat)" })).toHaveCount(1);
    await expectAccessible(page);

    await page.getByRole("button", { name: "Uitloggen op Chrome op Windows" }).click();
    await expect(page.getByRole("status")).toContainText("Dat apparaat is uitgelogd");
    await expect(page.getByRole("row").filter({ hasText: "Chrome op Windows" })).toHaveCount(1);
    await expect(page.getByText("Je bent nergens anders ingelogd.")).toBeVisible();
    await expectAccessible(page, "one device ended");

    await otherPage.goto("/account");
    await expect(otherPage).toHaveURL(/\/inloggen\?redirectTo=%2Faccount&verlopen=1$/);
    await expectAccessible(otherPage);
  } finally {
    await other.close();
  }
});

test("changing my e-mail address is confirmed from the new address and ends my other sessions", async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  const newEmail = uniqueEmail("gerrit");
  const other = await browser.newContext();
  const coordinatorContext = await browser.newContext();
  try {
    const otherPage = await other.newPage();
    await login(otherPage, GERRIT);
    await expectAccessible(otherPage);

    await login(page, GERRIT, { to: "/account" });
    await expectAccessible(page);
    const section = page.getByRole("region", { name: "E-mailadres wijzigen" });
    await section.getByLabel("Nieuw e-mailadres").fill(newEmail);
    await section.getByLabel("Je huidige wachtwoord").fill("niet mijn wachtwoord");
    await section.getByRole("button", { name: "Nieuw e-mailadres bevestigen" }).click();
    await expect(section.getByText("Je huidige wachtwoord klopt niet.").first()).toBeVisible();
    await expect(section.getByLabel("Nieuw e-mailadres")).toHaveValue(newEmail);
    await expectAccessible(page, "wrong password");

    await section.getByLabel("Je huidige wachtwoord").fill("Leernetwerk-demo-2027");
    await section.getByRole("button", { name: "Nieuw e-mailadres bevestigen" }).click();
    await expect(page.getByRole("status")).toContainText("Kijk in je e-mail");
    await expect(page.getByRole("status")).toContainText(newEmail);
    // Nothing changes before the confirmation.
    await expect(section).toContainText(`Je e-mailadres is nu ${GERRIT}`);
    await expectAccessible(page, "link sent");

    // The demo keeps mail in the outbox: the coordinator (in the demo) can follow the link.
    const coordinator = await coordinatorContext.newPage();
    await login(coordinator, users.coordinator.email, { to: "/beheer/e-mail" });
    // The old address is told (that mail has no link).
    await expect(
      coordinator
        .getByRole("row")
        .filter({ hasText: GERRIT })
        .filter({ hasText: "Er is gevraagd je e-mailadres te wijzigen" }),
    ).toHaveCount(1);
    const confirmPath = await readLinkFromOutbox(
      coordinator,
      newEmail,
      "/e-mailadres-bevestigen/",
      "Bevestig je nieuwe e-mailadres",
    );

    await page.goto(confirmPath);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nieuw e-mailadres bevestigen");
    await expect(page.getByRole("main")).toContainText(newEmail);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Ja, dit is mijn nieuwe e-mailadres" }).click();
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByRole("status")).toContainText("Je e-mailadres is gewijzigd");
    await expect(page.getByRole("region", { name: "E-mailadres wijzigen" })).toContainText(
      `Je e-mailadres is nu ${newEmail}`,
    );
    await expectAccessible(page, "changed");

    // The other browser is signed out; the new address signs in there.
    await otherPage.goto("/account");
    await expect(otherPage).toHaveURL(/\/inloggen\?redirectTo=%2Faccount&verlopen=1$/);
    await submitLogin(otherPage, newEmail, "Leernetwerk-demo-2027");
    await expect(otherPage).toHaveURL(/\/account$/);
    await expectAccessible(otherPage);

    // The link works once.
    await page.goto(confirmPath);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Deze link is al gebruikt");
    await expectAccessible(page, "used link");
  } finally {
    await other.close();
    await coordinatorContext.close();
  }
});

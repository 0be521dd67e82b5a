// Guards the remaining pages each role reaches from the menu: the cohort lists (each role sees only its
// own cohorts), the coordinator's audit log and account page, and "Overal uitloggen" ending the sessions
// in other browsers. Every page is also checked for accessibility.
import { DEMO_COHORT_NAME, expect, expectAccessible, login, test, users } from "./fixtures.ts";

const OTHER_COHORT = /Participatiewet, najaar 2026/;

test("the coordinator's cohort list, audit log and account page", async ({ page }) => {
  await login(page, users.coordinator.email, { to: "/leernetwerken" });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Alle leernetwerken");
  await expect(page.getByRole("table").getByRole("link", { name: DEMO_COHORT_NAME })).toBeVisible();
  await expect(page.getByRole("table").getByRole("link", { name: OTHER_COHORT })).toBeVisible();
  await expectAccessible(page);

  // The coordinator may open any cohort.
  await page.getByRole("link", { name: OTHER_COHORT }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(OTHER_COHORT);
  await expect(page.getByRole("heading", { name: "Gemeente Almere" })).toBeVisible();
  await expectAccessible(page);

  const menu = page.getByRole("navigation", { name: "Hoofdmenu" });
  await menu.getByRole("link", { name: "Logboek" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Logboek");
  await expect(page.getByText("Het logboek kan niet worden gewijzigd.")).toBeVisible();
  await expectAccessible(page);

  await menu.getByRole("link", { name: "E-mail" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("E-mail");
  await expect(page.getByText("RESEND_API_KEY ontbreekt")).toBeVisible();
  await expectAccessible(page);

  await menu.getByRole("link", { name: "Account" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Je account");
  await expect(page.getByRole("main")).toContainText("Je rol: Coördinator");
  await expect(page.getByLabel("Naam", { exact: true })).toHaveValue("Sanne de Vries");
  // The address itself changes only through a confirmed request (account-security.spec.ts).
  await expect(page.getByRole("region", { name: "E-mailadres wijzigen" })).toContainText(
    `Je e-mailadres is nu ${users.coordinator.email}`,
  );
  await expect(page.getByLabel("Nieuw e-mailadres")).toHaveValue("");
  for (const name of ["Je gegevens", "E-mailadres wijzigen", "Wachtwoord wijzigen", "Overal uitloggen"]) {
    await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
  }
  await expectAccessible(page);
});

test("facilitators and participants only see their own cohorts listed", async ({ page }) => {
  await login(page, users.facilitator.email, { to: "/leernetwerken" });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Leernetwerken die je begeleidt");
  await expect(page.getByRole("link", { name: DEMO_COHORT_NAME })).toBeVisible();
  await expect(page.getByRole("link", { name: OTHER_COHORT })).toHaveCount(0);
  await expectAccessible(page);
  // Valid HTML for a validator: the streamed data scripts stay inside <body>, nothing follows </body> but
  // </html>; and every page has a meta description (the platform's, or the page's own).
  const html = await (await page.request.get("/leernetwerken")).text();
  expect(html.trimEnd().endsWith("</body></html>")).toBe(true);
  expect(html.indexOf("</body>")).toBe(html.length - "</body></html>".length);
  expect(html).toContain("window.__remixContext.streamController.close()");
  await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /ervaringskennis/);
  await expect(page.locator('meta[name="description"]')).toHaveCount(1);
  await page.goto("/leren");
  await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /^De modules van het leernetwerk/);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Uitloggen" }).click();
  await expect(page).toHaveURL(/\/inloggen$/);

  await login(page, users.otherCohortParticipant.email, { to: "/leernetwerken" });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Je leernetwerk");
  await expect(page.getByRole("link", { name: OTHER_COHORT })).toBeVisible();
  await expect(page.getByRole("link", { name: DEMO_COHORT_NAME })).toHaveCount(0);
  await expectAccessible(page);
});

test("'Overal uitloggen' on the account page ends the sessions in other browsers too", async ({ page, browser }) => {
  const email = "erik.mulder@zwolle.test";
  const other = await browser.newContext();
  try {
    const otherPage = await other.newPage();
    await login(otherPage, email);
    await expect(otherPage.getByRole("heading", { level: 1 })).toHaveText("Welkom, Erik");
    await expectAccessible(otherPage);

    await login(page, email, { to: "/account" });
    await expectAccessible(page);
    await page.getByRole("button", { name: "Overal uitloggen" }).click();
    await expect(page).toHaveURL(/\/inloggen$/);
    await expect(page.getByRole("status")).toContainText("Je bent overal uitgelogd");
    await expectAccessible(page, "with toast");

    // The other browser's session is gone as well.
    await otherPage.goto("/account");
    await expect(otherPage).toHaveURL(/\/inloggen\?redirectTo=%2Faccount&verlopen=1$/);
    await expect(otherPage.getByRole("heading", { level: 1 })).toHaveText("Inloggen");
    // The login page says why: the session ended elsewhere (or after a while without activity).
    await expect(otherPage.getByText("Je bent uitgelogd. Dat gebeurt als")).toBeVisible();
    await expectAccessible(otherPage, "signed out elsewhere");
  } finally {
    await other.close();
  }
});

test("opening /uitloggen asks first; the button signs out", async ({ page }) => {
  await login(page, "erik.mulder@zwolle.test", { to: "/uitloggen" });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Uitloggen");
  await expect(page.getByText("Je bent ingelogd als Erik Mulder")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("main").getByRole("button", { name: "Uitloggen" }).click();
  await expect(page).toHaveURL(/\/inloggen$/);
  await page.goto("/uitloggen");
  await expect(page).toHaveURL(/\/inloggen$/);
});

test("the accessibility check finds an image without alt text put in the login page", async ({ page }) => {
  await page.goto("/inloggen");
  await expectAccessible(page);
  // After a first check axe-core stays in the page and is reused: it must still see what changed since.
  await page.evaluate(() => {
    const image = document.createElement("img");
    image.src = "/favicon.ico";
    document.querySelector("main")?.append(image);
  });
  await expect(expectAccessible(page)).rejects.toThrow(/image-alt/);
});

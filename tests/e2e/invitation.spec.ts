// Guards the invitation flow end to end: a coordinator invites a new participant for a municipality, the
// e-mail lands in the outbox with a working link, the invitee chooses a name and password and lands in
// the cohort, logged in and listed in their municipality's duo; the link then works only once, and an
// unknown link gets a clear Dutch message.
import {
  DEMO_COHORT_NAME,
  expect,
  expectAccessible,
  login,
  logout,
  readLinkFromOutbox,
  submitLogin,
  test,
  uniqueEmail,
  users,
} from "./fixtures.ts";
import type { Page } from "@playwright/test";

/** As coordinator on /beheer/uitnodigingen: picks the first municipality option whose text contains `municipality`. */
async function chooseMunicipality(page: Page, municipality: string) {
  const select = page.getByLabel("Gemeente in het leernetwerk");
  const value = await select.locator("option", { hasText: municipality }).first().getAttribute("value");
  expect(value, `an enrollment option for ${municipality}`).toBeTruthy();
  await select.selectOption(value!);
  return value!;
}

test("a coordinator invites a participant who accepts and lands in the cohort", async ({ page }) => {
  const email = uniqueEmail("nieuwe.deelnemer");
  const invitedName = "Nieuwe Deelnemer";
  const chosenName = "Rosa Ervaring";
  const password = "Een lange zin als wachtwoord 42";

  await login(page, users.coordinator.email, { to: "/beheer/uitnodigingen" });
  await expect(page.getByRole("heading", { level: 1, name: "Uitnodigingen" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Naam (mag leeg blijven)").fill(invitedName);
  // The required role starts empty: no role is chosen for the coordinator.
  await expect(page.getByLabel("Rol")).toHaveValue("");
  await expect(page.getByLabel("Rol").locator("option").first()).toHaveText("— Kies een rol —");
  await page.getByLabel("Rol").selectOption({ label: "Deelnemer" });
  await chooseMunicipality(page, "Deventer");
  await page.getByLabel("Functie in het duo").selectOption({ label: "Ervaringsdeskundige" });
  await page.getByRole("button", { name: "Uitnodiging versturen" }).click();

  await expect(page.getByRole("status")).toContainText("De uitnodiging is verstuurd");
  await expect(page.getByRole("status")).toContainText(email);
  const row = page.getByRole("row").filter({ hasText: email });
  await expect(row).toContainText("Deelnemer (ervaringsdeskundige)");
  await expect(row).toContainText("Deventer");
  await expect(row).toContainText("Open");
  await expectAccessible(page, "after sending, with toast");

  const invitationPath = await readLinkFromOutbox(page, email, "/uitnodiging/");
  expect(invitationPath).toMatch(/^\/uitnodiging\/[A-Za-z0-9_-]{20,}$/);
  await logout(page);

  await page.goto(invitationPath);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welkom bij het Leernetwerk");
  await expect(page.getByRole("main")).toContainText(
    `Je bent uitgenodigd voor ${DEMO_COHORT_NAME} als deelnemer, als ervaringsdeskundige van de gemeente Deventer.`,
  );
  await expect(page.getByLabel("E-mailadres")).toHaveValue(email);
  await expect(page.getByLabel("Je naam")).toHaveValue(invitedName);
  await expectAccessible(page);

  await page.getByLabel("Je naam").fill(chosenName);
  await page.getByLabel("Kies een wachtwoord").fill(password);
  await page.getByLabel("Herhaal het wachtwoord").fill(password);
  await page.getByRole("button", { name: "Account aanmaken" }).click();

  await expect(page).toHaveURL(/\/leernetwerken\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(DEMO_COHORT_NAME);
  await expect(page.getByRole("status")).toContainText("Welkom bij het Leernetwerk");
  const deventer = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Gemeente Deventer" }) });
  await expect(
    deventer.getByRole("listitem").filter({ hasText: `${chosenName} (jij) — ervaringsdeskundige` }),
  ).toHaveCount(1);
  await expect(deventer).toContainText("Sophie Meijer");
  await expect(page.getByRole("banner")).toContainText(`${chosenName} (Deelnemer)`);
  await expectAccessible(page);

  // The new account is a real participant: after logging out, the same link is used up, and the
  // chosen password logs in to a start page that shows the Deventer duo.
  await logout(page);
  await page.goto(invitationPath);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Deze uitnodiging is al gebruikt");
  await expect(page.getByLabel("Kies een wachtwoord")).toHaveCount(0);
  await expectAccessible(page);

  await page.goto("/inloggen");
  await submitLogin(page, email, password);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welkom, Rosa");
  await expect(page.getByText(/namens de gemeente Deventer/)).toContainText("Sophie Meijer (beleidsmedewerker)");
  await expectAccessible(page);
});

test("an unknown invitation link says it does not work", async ({ page }) => {
  await page.goto("/uitnodiging/dit-is-geen-geldige-uitnodiging");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Deze uitnodiging werkt niet");
  await expect(page.getByRole("button", { name: "Account aanmaken" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Naar inloggen" })).toBeVisible();
  await expectAccessible(page);
});

// The rights of the data subject, end to end (issue 15): the public privacy and accessibility statements
// from the footer; a participant (invited in this test, so no other spec relies on them) downloads all
// their data — the download opens as a ZIP with gegevens.json and gegevens.html — and then erases their
// account with their password, after which they can no longer sign in. axe-core on every page.
import { readFile } from "node:fs/promises";
import JSZip from "jszip";
import {
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

test("statements in the footer; a participant downloads their data and erases their account", async ({ page }) => {
  // The statements are public and linked from every page's footer.
  await page.goto("/inloggen");
  await expectAccessible(page);
  const footer = page.getByRole("contentinfo");
  await footer.getByRole("link", { name: "Privacyverklaring" }).click();
  await expect(page).toHaveURL("/privacyverklaring");
  await expect(page.getByRole("heading", { level: 1, name: "Privacyverklaring" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Account › Mijn gegevens" })).toHaveAttribute(
    "href",
    "/account/mijn-gegevens",
  );
  // The contact and the FG (PRIVACY_CONTACT_EMAIL, PRIVACY_OFFICER_EMAIL; the defaults here).
  await expect(page.getByRole("link", { name: "privacy@leernetwerk.nl" })).toHaveAttribute(
    "href",
    "mailto:privacy@leernetwerk.nl",
  );
  await expect(page.getByRole("link", { name: "fg@leernetwerk.nl" })).toBeVisible();
  await expectAccessible(page);
  await footer.getByRole("link", { name: "Toegankelijkheidsverklaring" }).click();
  await expect(page).toHaveURL("/toegankelijkheidsverklaring");
  await expect(page.getByText("Status C: eerste maatregelen genomen.")).toBeVisible();
  await expect(page.getByRole("link", { name: "privacy@leernetwerk.nl" })).toBeVisible();
  await expectAccessible(page);

  // A new participant, invited by the coordinator.
  const email = uniqueEmail("privacy.deelnemer");
  const password = "Een lange zin als wachtwoord 77";
  await login(page, users.coordinator.email, { to: "/beheer/uitnodigingen" });
  await expectAccessible(page);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Naam (mag leeg blijven)").fill("Pim Privacy");
  await page.getByLabel("Rol").selectOption({ label: "Deelnemer" });
  const municipality = page.getByLabel("Gemeente in het leernetwerk");
  await municipality.selectOption((await municipality.locator("option").nth(1).getAttribute("value"))!);
  await page.getByLabel("Functie in het duo").selectOption({ label: "Ervaringsdeskundige" });
  await page.getByRole("button", { name: "Uitnodiging versturen" }).click();
  await expect(page.getByRole("status")).toContainText("De uitnodiging is verstuurd");
  const invitationPath = await readLinkFromOutbox(page, email, "/uitnodiging/");
  await logout(page);
  await page.goto(invitationPath);
  await expectAccessible(page);
  await page.getByLabel("Kies een wachtwoord").fill(password);
  await page.getByLabel("Herhaal het wachtwoord").fill(password);
  await page.getByRole("button", { name: "Account aanmaken" }).click();
  await expect(page).toHaveURL(/\/leernetwerken\/[0-9a-f-]{36}$/);
  await expectAccessible(page);

  // Download all my data: one ZIP with both files.
  await page.goto("/account");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Naar mijn gegevens" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mijn gegevens" })).toBeVisible();
  await expectAccessible(page);
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download al mijn gegevens (ZIP)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^leernetwerk-mijn-gegevens-\d{4}-\d{2}-\d{2}\.zip$/);
  const zip = await JSZip.loadAsync(await readFile((await download.path())!));
  expect(Object.keys(zip.files).sort()).toEqual(["gegevens.html", "gegevens.json"]);
  const json = JSON.parse(await zip.file("gegevens.json")!.async("string"));
  expect(json.person.email).toBe(email);
  expect(json.data.enrollments).toHaveLength(1);
  expect(await zip.file("gegevens.html")!.async("string")).toContain("Mijn gegevens in Leernetwerk");

  // Erase the account: a wrong password changes nothing; the right one erases and signs out.
  await page.getByRole("link", { name: "Naar: mijn account verwijderen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mijn account verwijderen" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Wat blijft, zonder naam" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Je wachtwoord").fill("niet mijn wachtwoord");
  await page.getByLabel("Ik begrijp dat mijn account en mijn gegevens voorgoed worden verwijderd.").check();
  await page.getByRole("button", { name: "Mijn account definitief verwijderen" }).click();
  await expect(page.getByText("Je wachtwoord klopt niet. Je account is niet verwijderd.")).toBeVisible();
  await expectAccessible(page, "wrong password");
  await page.getByLabel("Je wachtwoord").fill(password);
  await page.getByLabel("Ik begrijp dat mijn account en mijn gegevens voorgoed worden verwijderd.").check();
  await page.getByRole("button", { name: "Mijn account definitief verwijderen" }).click();
  await expect(page).toHaveURL("/inloggen");
  await expect(page.getByRole("status")).toContainText("Je account is verwijderd");
  await expectAccessible(page, "after erasing");

  await submitLogin(page, email, password);
  await expect(page).toHaveURL(/\/inloggen/);
  await expect(page.getByText("Het e-mailadres of het wachtwoord klopt niet.")).toBeVisible();
});

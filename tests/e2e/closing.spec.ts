// Closing a cohort (issue 16) and the retention dry run (issue 15): the coordinator walks the checklist of the
// demo cohort that waits to be closed (Deventer, najaar 2025; no other spec uses it), undoes a step, issues
// certificates, archives, and sees what will be deleted when; the participant downloads their certificate.
// axe-core runs on every page visited.
import { expect, expectAccessible, login, logout, test, users } from "./fixtures.ts";

const COHORT = "Leernetwerk Armoede en schulden, najaar 2025";

test("a coordinator closes a cohort through the checklist and sees the retention dry run", async ({ page }) => {
  test.setTimeout(120_000);
  await login(page, users.coordinator.email, { to: "/leernetwerken" });
  await expectAccessible(page);
  await page.getByRole("link", { name: COHORT }).click();
  await expect(page.getByRole("heading", { level: 1, name: COHORT })).toBeVisible();
  await expectAccessible(page);
  await page
    .getByRole("navigation", { name: "Beheer van dit leernetwerk" })
    .getByRole("link", { name: "Afsluiten" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Leernetwerk afsluiten" })).toBeVisible();
  const cohortPath = new URL(page.url()).pathname.replace(/\/afsluiten$/, "");

  // The end self-scans: Deventer has not filled them in.
  const scans = page.getByRole("region", { name: "Eindzelfscans" });
  await expect(scans.getByRole("cell", { name: "Deventer" })).toBeVisible();
  await expectAccessible(page);
  await scans.getByRole("button", { name: "Eindzelfscans gecontroleerd" }).click();
  await expect(scans.getByText(/Gedaan: gecontroleerd op/)).toBeVisible();
  // … and undone.
  await scans.getByRole("button", { name: /Terugdraaien/ }).click();
  await expect(scans.getByText("Nog niet gedaan.")).toBeVisible();
  await scans.getByRole("button", { name: "Eindzelfscans gecontroleerd" }).click();
  await expect(scans.getByText(/Gedaan: gecontroleerd op/)).toBeVisible();

  // Invite the duo to publish its summary.
  const summaries = page.getByRole("region", { name: "Samenvatting delen in de kennisbank" });
  await summaries.getByRole("button", { name: "Duo's uitnodigen" }).click();
  await expect(summaries.getByText(/Gedaan: uitgenodigd op/)).toBeVisible();

  // Certificates: a wrong number is refused with a message at the field, what was typed stays.
  const certificates = page.getByRole("region", { name: "Deelnamebewijzen" });
  const required = certificates.getByLabel("Aantal bijeenkomsten dat iemand aanwezig moet zijn geweest");
  await required.fill("7");
  await certificates.getByRole("button", { name: "Deelnamebewijzen uitgeven" }).click();
  await expect(page.getByText("Kies een aantal bijeenkomsten van 1 tot en met 3.").first()).toBeVisible();
  await expect(required).toHaveValue("7");
  await expectAccessible(page, "certificate number refused");
  await required.fill("2");
  await certificates.getByRole("button", { name: "Deelnamebewijzen uitgeven" }).click();
  await expect(certificates.getByText(/Gedaan: uitgegeven op/)).toBeVisible();
  const karin = certificates.getByRole("row", { name: /Karin Smit/ });
  await expect(karin.getByRole("cell", { name: "Ja", exact: true })).toBeVisible();
  const tom = certificates.getByRole("row", { name: /Tom Bakker/ });
  await expect(tom.getByRole("cell", { name: "Nee", exact: true })).toBeVisible();
  await expect(tom).toContainText("1 bijeenkomst te weinig");

  // The retention clock, then archiving (asked to confirm first).
  const retention = page.getByRole("region", { name: "Bewaartermijn" });
  await retention.getByRole("button", { name: "Bewaartermijn starten" }).click();
  await expect(retention.getByText(/Gestart op/)).toBeVisible();
  const archive = page.getByRole("region", { name: "Archiveren" });
  await archive.getByRole("button", { name: "Leernetwerk archiveren" }).click();
  await expect(archive.getByText(/Vink aan dat je begrijpt/)).toBeVisible();
  await archive.getByLabel("Ik begrijp dat het leernetwerk daarna niet meer kan worden veranderd").check();
  await archive.getByRole("button", { name: "Leernetwerk archiveren" }).click();
  await expect(page.getByText(/Dit leernetwerk is gearchiveerd op/)).toBeVisible();
  await expect(page.getByRole("button", { name: /Terugdraaien/ })).toHaveCount(0);
  await expectAccessible(page, "archived");

  // The dry run: the cohort, its date, and what would be deleted.
  await retention.getByRole("link", { name: /Wat wordt wanneer verwijderd/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Bewaartermijnen" })).toBeVisible();
  const row = page.getByRole("row", { name: new RegExp(COHORT) });
  await expect(row).toBeVisible();
  // Journaalstukken: Karin's entry.
  await expect(row.getByRole("cell").nth(2)).toHaveText("1");
  await expectAccessible(page);

  // The participant who qualifies downloads her own certificate; the cohort is still readable.
  await logout(page);
  await login(page, "karin.smit@deventer.test", { to: cohortPath });
  await expect(page.getByText(/Dit leernetwerk is gearchiveerd/)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Je deelnamebewijs" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Deelnamebewijs" })).toBeVisible();
  await expectAccessible(page);
  const download = await page.request.get(`${cohortPath}/deelnamebewijs.pdf`);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toBe("application/pdf");
  expect((await download.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
});

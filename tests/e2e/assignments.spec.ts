// Assignments in the browser: a duo member's draft survives a reload; both members edit and the second
// save shows the conflict with both versions; handing in with an attachment; the facilitator's feedback
// reaches the duo; another duo and another cohort get a 404; the coordinator adds an assignment to a
// session. Every page visited is checked with axe-core.
import { expect, expectAccessible, login, statusOf, test, users } from "./fixtures.ts";

// Several people log in per test: more time than the default.
test.describe.configure({ mode: "serial", timeout: 120_000 });

const ASSIGNMENT = "Maak een rollenkaart";
const OTHER_DUO = "noor.visser@amersfoort.test";
const saved = /Automatisch opgeslagen om/;

// A 1×1 PNG: a real image, checked by its content.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

test("a duo member's draft survives a reload; when both edit, the second save shows both versions", async ({
  page,
  browser,
}) => {
  await login(page, users.participant.email, { to: "/opdrachten" });
  await expect(page.getByRole("heading", { level: 1, name: "Opdrachten" })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Opdrachten" }),
  ).toHaveAttribute("aria-current", "page");
  await expectAccessible(page);
  await page.getByRole("link", { name: ASSIGNMENT }).click();
  await expect(page.getByRole("heading", { level: 1, name: ASSIGNMENT })).toBeVisible();
  await expectAccessible(page);

  const text = page.getByLabel("Jullie tekst");
  await text.fill("Onze rollenkaart: beleid (Lisa), bestuur (wethouder).");
  await expect(page.getByRole("status").filter({ hasText: saved })).toBeVisible({ timeout: 10_000 });
  await page.reload();
  await expect(page.getByLabel("Jullie tekst")).toHaveValue("Onze rollenkaart: beleid (Lisa), bestuur (wethouder).");
  await expect(page.getByText("Concept", { exact: true })).toBeVisible();

  // Erik, the duo partner, edits the same text in his own browser and saves first.
  const erikContext = await browser.newContext();
  const erik = await erikContext.newPage();
  await login(erik, users.participantPartner.email, { to: page.url().replace(/^https?:\/\/[^/]+/, "") });
  await expect(erik.getByLabel("Jullie tekst")).toHaveValue("Onze rollenkaart: beleid (Lisa), bestuur (wethouder).");
  await erik.getByLabel("Jullie tekst").fill("Rollenkaart van Erik: uitvoering ontbreekt nog.");
  await erik.getByLabel("Jullie tekst").press("Tab"); // leaving the field saves at once
  await expect(erik.getByRole("status").filter({ hasText: saved })).toBeVisible({ timeout: 10_000 });
  await expectAccessible(erik);
  await erikContext.close();

  // Lisa's next save is refused: both versions are shown, nothing is overwritten.
  await text.fill("Rollenkaart van Lisa: inwoners ontbreken nog.");
  await text.press("Tab");
  const conflict = page.getByRole("alert").filter({ hasText: "Je duopartner heeft de tekst intussen ook gewijzigd" });
  await expect(conflict).toBeVisible({ timeout: 10_000 });
  await expect(conflict.getByText("Rollenkaart van Erik: uitvoering ontbreekt nog.")).toBeVisible();
  await expect(conflict.getByText("Rollenkaart van Lisa: inwoners ontbreken nog.")).toBeVisible();
  await expectAccessible(page, "conflict");
  // Lisa combines both and keeps her version.
  await text.fill("Rollenkaart: uitvoering en inwoners ontbreken nog.");
  await conflict.getByRole("button", { name: "Mijn versie bewaren" }).click();
  await expect(page.getByRole("status").filter({ hasText: saved })).toBeVisible({ timeout: 10_000 });
  await page.reload();
  await expect(page.getByLabel("Jullie tekst")).toHaveValue("Rollenkaart: uitvoering en inwoners ontbreken nog.");
});

test("hand in with an attachment; the facilitator's feedback reaches the duo; others get a 404", async ({
  page,
  browser,
}) => {
  await login(page, users.participant.email, { to: "/opdrachten" });
  await expectAccessible(page);
  await page.getByRole("link", { name: ASSIGNMENT }).click();
  await expect(page.getByRole("heading", { level: 1, name: ASSIGNMENT })).toBeVisible();
  await expectAccessible(page);
  const assignmentPath = new URL(page.url()).pathname;

  // A file that is not what its name says is refused; the typed text stays.
  await page.getByLabel("Jullie tekst").fill("Rollenkaart: uitvoering en inwoners ontbreken nog. Zie de foto.");
  await page
    .getByLabel("Kies een bestand")
    .setInputFiles({ name: "kaart.pdf", mimeType: "application/pdf", buffer: Buffer.from("geen pdf") });
  await page.getByRole("button", { name: "Bestand toevoegen" }).click();
  await expect(page.getByText("Dit soort bestand kun je niet toevoegen")).toBeVisible();
  await expect(page.getByLabel("Jullie tekst")).toHaveValue(
    "Rollenkaart: uitvoering en inwoners ontbreken nog. Zie de foto.",
  );
  await expectAccessible(page, "wrong file type");

  // A file over 10 MB is refused by the page before sending (the server would answer a bare 413); the text stays.
  await page
    .getByLabel("Kies een bestand")
    .setInputFiles({ name: "groot.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(12 * 1024 * 1024) });
  await page.getByRole("button", { name: "Bestand toevoegen" }).click();
  await expect(page.getByText("Dit bestand is groter dan 10 MB.")).toBeVisible();
  await expect(page.getByLabel("Jullie tekst")).toHaveValue(
    "Rollenkaart: uitvoering en inwoners ontbreken nog. Zie de foto.",
  );

  await page
    .getByLabel("Kies een bestand")
    .setInputFiles({ name: "rollenkaart.png", mimeType: "image/png", buffer: PNG });
  await page.getByRole("button", { name: "Bestand toevoegen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "rollenkaart.png is toegevoegd." })).toBeVisible();
  await expect(page.getByRole("link", { name: "rollenkaart.png" })).toBeVisible();
  const attachmentPath = await page.getByRole("link", { name: "rollenkaart.png" }).getAttribute("href");

  await page.getByRole("button", { name: "Inleveren" }).click();
  await expect(page.getByText("De opdracht is ingeleverd")).toBeVisible();
  await expect(page.getByText("Ingeleverd", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Terugtrekken om aan te passen" })).toBeVisible();
  await expectAccessible(page, "handed in");

  // The facilitator finds it through the cohort's dashboard and gives feedback.
  const marcoContext = await browser.newContext();
  const marco = await marcoContext.newPage();
  await login(marco, users.facilitator.email, { to: "/leernetwerken" });
  await expectAccessible(marco);
  await marco
    .getByRole("link", { name: /voorjaar 2027/ })
    .first()
    .click();
  // Wait for the cohort page itself: a check run before the navigation ends checks the previous page.
  await expect(marco.getByRole("heading", { level: 1 })).toHaveText(/voorjaar 2027/);
  await expectAccessible(marco);
  await marco.getByRole("link", { name: "Opdrachten en inzendingen per gemeente" }).click();
  await expect(marco.getByRole("heading", { level: 1, name: "Opdrachten en inzendingen" })).toBeVisible();
  await expect(marco.getByRole("row").filter({ hasText: "Zwolle" })).toContainText("Ingeleverd");
  await expectAccessible(marco);
  await marco.getByRole("link", { name: ASSIGNMENT }).first().click();
  await expect(marco.getByRole("heading", { level: 1, name: ASSIGNMENT })).toBeVisible();
  await expectAccessible(marco);
  await marco.getByRole("link", { name: "Lezen van Zwolle" }).click();
  await expect(marco.getByText("Rollenkaart: uitvoering en inwoners ontbreken nog. Zie de foto.")).toBeVisible();
  await expect(marco.getByRole("link", { name: "rollenkaart.png" })).toBeVisible();
  await expectAccessible(marco);
  const submissionPath = new URL(marco.url()).pathname;
  await marco.getByLabel("Je feedback").fill("Goede start. Wie kan namens de inwoners aan tafel?");
  await marco.getByRole("button", { name: "Feedback geven" }).click();
  await expect(marco.getByText("Je feedback is geplaatst")).toBeVisible();
  await marco.getByRole("button", { name: "Markeren als besproken" }).click();
  await expect(marco.getByText(/Besproken op/)).toBeVisible();
  await expectAccessible(marco, "feedback given");
  await marcoContext.close();

  // The duo sees the feedback; withdrawing is no longer offered.
  await page.goto(assignmentPath);
  await expect(page.getByText("Feedback ontvangen", { exact: true })).toBeVisible();
  await expect(page.getByText("Goede start. Wie kan namens de inwoners aan tafel?")).toBeVisible();
  await expect(page.getByRole("button", { name: "Terugtrekken om aan te passen" })).toHaveCount(0);
  await expectAccessible(page, "feedback received");

  // A member of another duo: her own (empty) assignment, and a 404 for Zwolle's submission and file.
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await login(other, OTHER_DUO, { to: assignmentPath });
  await expect(other.getByLabel("Jullie tekst")).toHaveValue("");
  await expect(other.getByText("Rollenkaart: uitvoering")).toHaveCount(0);
  await expectAccessible(other);
  expect(statusOf(await other.goto(submissionPath))).toBe(404);
  await expectAccessible(other);
  // The file route answers a plain 404 (no page): fetched with her session rather than opened.
  expect((await other.request.get(attachmentPath!)).status()).toBe(404);
  await otherContext.close();

  // A participant and a facilitator of another cohort: 404.
  const outsiderContext = await browser.newContext();
  const outsider = await outsiderContext.newPage();
  await login(outsider, users.otherCohortParticipant.email);
  await expectAccessible(outsider);
  expect(statusOf(await outsider.goto(assignmentPath))).toBe(404);
  await expectAccessible(outsider);
  await outsiderContext.close();
  const anoukContext = await browser.newContext();
  const anouk = await anoukContext.newPage();
  await login(anouk, users.otherCohortFacilitator.email);
  await expectAccessible(anouk);
  expect(statusOf(await anouk.goto(submissionPath))).toBe(404);
  await expectAccessible(anouk);
  await anoukContext.close();
});

test("the coordinator adds an assignment to a session; participants see it there and on their start page", async ({
  page,
  browser,
}) => {
  await login(page, users.coordinator.email, { to: "/leernetwerken" });
  await expectAccessible(page);
  await page
    .getByRole("link", { name: /voorjaar 2027/ })
    .first()
    .click();
  // Wait for the cohort page itself: a check run before the navigation ends checks the previous page.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/voorjaar 2027/);
  await expectAccessible(page);
  await page
    .getByRole("link", { name: /Beleid en uitvoering aanpassen/ })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 2, name: "Opdrachten" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Opdracht toevoegen bij deze bijeenkomst" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nieuwe opdracht" })).toBeVisible();
  await expectAccessible(page);
  // Bad input: a clear message, the typed text kept.
  await page.getByLabel("Uitleg (mag leeg blijven)").fill("Vraag **feedback** op jullie aanpak.");
  await page.getByRole("button", { name: "Opdracht aanmaken" }).click();
  await expect(page.getByText("Vul een titel in (minstens 3 tekens).")).toBeVisible();
  await expect(page.getByLabel("Uitleg (mag leeg blijven)")).toHaveValue("Vraag **feedback** op jullie aanpak.");
  await expectAccessible(page, "errors");
  await page.getByLabel("Titel").fill("Feedback op jullie aanpak");
  await page.getByLabel("Inleveren vóór (datum)").fill("2027-06-27");
  await page.getByLabel("Tijd").fill("17:00");
  await page.getByRole("button", { name: "Opdracht aanmaken" }).click();
  await expect(page.getByText("De opdracht is aangemaakt")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Feedback op jullie aanpak" })).toBeVisible();
  await expect(page.locator(".facts")).toContainText("27 jun 2027, 17:00");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Opdracht bewerken" }).click();
  await expect(page.getByLabel("Titel")).toHaveValue("Feedback op jullie aanpak");
  await expectAccessible(page);

  const lisaContext = await browser.newContext();
  const lisa = await lisaContext.newPage();
  await login(lisa, users.participant.email);
  await expect(lisa.getByRole("region", { name: "Opdrachten om in te leveren" })).toContainText(
    "Feedback op jullie aanpak",
  );
  await expectAccessible(lisa);
  await lisaContext.close();
});

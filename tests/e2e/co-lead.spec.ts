// Facilitators as co-leads (issue 19) in the browser: the facilitator prepares a session (programme, who
// leads it, a handout), writes the report afterwards and sees the session they lead on their start page; a
// participant of the cohort sees the lead and the report on the session page and downloads the handout.
// Every page visited is checked with axe-core.
import type { Page } from "@playwright/test";
import { expect, expectAccessible, login, test, users } from "./fixtures.ts";

test.describe.configure({ timeout: 120_000 });

const PDF = Buffer.from("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n");

/** On a cohort page: the path of session N's own page. */
async function sessionPath(page: Page, number: number) {
  const href = await page
    .getByRole("link", { name: new RegExp(`\\(bijeenkomst ${number}\\)$`) })
    .first()
    .getAttribute("href");
  expect(href).toMatch(/\/bijeenkomsten\/[0-9a-f-]{36}$/);
  return href!;
}

test("a facilitator prepares a session with a handout that a participant downloads, and writes the report", async ({
  page,
  browser,
}) => {
  test.slow();
  await login(page, users.facilitator.email);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welkom, Marco");
  await expect(page.getByRole("heading", { level: 2, name: "Wat op je wacht" })).toBeVisible();
  await expectAccessible(page);

  await page
    .getByRole("region", { name: "Leernetwerken die je begeleidt" })
    .getByRole("link", { name: /Ervaringsdeskundigheid en beleid/ })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Ervaringsdeskundigheid en beleid");
  await expectAccessible(page);
  const path = await sessionPath(page, 3);
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1, name: /^Bijeenkomst 3:/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Bijeenkomst voorbereiden" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Voorbereiding voor bijeenkomst 3" })).toBeVisible();
  await expectAccessible(page);

  // Programme and lead.
  await page.getByRole("textbox", { name: "Programma" }).fill("- 14:00 Welkom\n- 14:15 Casus van Zwolle bespreken");
  const leader = page.getByLabel("Wie leidt deze bijeenkomst?");
  const marco = await leader.locator("option", { hasText: "Marco" }).getAttribute("value");
  await leader.selectOption(marco!);
  await page.getByRole("button", { name: "Opslaan", exact: true }).click();
  await expect(page.getByText("Het programma en de voorbereiding zijn opgeslagen")).toBeVisible();

  // A handout.
  await page
    .getByLabel("Bestand voor een hand-out")
    .setInputFiles({ name: "dias.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "Hand-out uploaden" }).click();
  await expect(page.getByText("dias.pdf is toegevoegd als hand-out")).toBeVisible();
  const handouts = page.getByRole("region", { name: "Hand-outs" });
  await expect(handouts.getByRole("link", { name: "dias.pdf" })).toBeVisible();
  await expectAccessible(page, "with a handout");

  // After the session: the report.
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1, name: /^Bijeenkomst 3:/ })).toBeVisible();
  await expect(page.locator("p", { hasText: "Leiding:" })).toContainText("Marco");
  await page.getByRole("link", { name: "Verslag schrijven" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Verslag van bijeenkomst 3/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Wat is besproken").fill("De casus van Zwolle: wie schuift aan bij het beleid?");
  await page.getByLabel("Afspraken").fill("Elke gemeente nodigt één ervaringsdeskundige uit.");
  await page.getByLabel("Vervolg").fill("Marco stuurt de dia's rond.");
  await page.getByRole("button", { name: "Verslag opslaan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Bijeenkomst 3:/ })).toBeVisible();
  const report = page.getByRole("region", { name: "Verslag" });
  await expect(report).toContainText("Elke gemeente nodigt één ervaringsdeskundige uit.");
  await expectAccessible(page, "with the report");

  // The start page shows the session Marco leads.
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welkom, Marco");
  const led = page.getByRole("region", { name: "Bijeenkomsten die je leidt" });
  await expect(led.getByRole("heading", { level: 3, name: /^Bijeenkomst 3:/ })).toBeVisible();
  await expectAccessible(page, "leading a session");

  // Lisa, a participant of the cohort, finds the new handout in her inbox, follows it to the session, reads
  // the lead and the report and downloads the handout.
  const lisaContext = await browser.newContext();
  const lisa = await lisaContext.newPage();
  await login(lisa, users.participant.email, { to: "/meldingen" });
  await expectAccessible(lisa, "inbox");
  await lisa.getByRole("link", { name: /^Ongelezen: Nieuwe hand-out bij bijeenkomst 3: .* \(dias\.pdf\)$/ }).focus();
  await lisa.keyboard.press("Enter");
  await expect(lisa).toHaveURL(new RegExp(`${path}$`));
  await expect(lisa.getByRole("heading", { level: 1, name: /^Bijeenkomst 3:/ })).toBeVisible();
  await expect(lisa.locator("p", { hasText: "Leiding:" })).toContainText("Marco");
  await expect(lisa.getByRole("region", { name: "Verslag" })).toContainText("Marco stuurt de dia's rond.");
  await expect(lisa.getByRole("link", { name: "Bijeenkomst voorbereiden" })).toHaveCount(0);
  await expectAccessible(lisa);
  const [download] = await Promise.all([
    lisa.waitForEvent("download"),
    lisa.getByRole("region", { name: "Hand-outs" }).getByRole("link", { name: "dias.pdf" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("dias.pdf");
  const bytes = await download.createReadStream().then(
    (stream) =>
      new Promise<Buffer>((resolve) => {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => resolve(Buffer.concat(chunks)));
      }),
  );
  expect(bytes.equals(PDF)).toBe(true);
  // The preparation page is for staff only.
  const response = await lisa.goto(`${path}/voorbereiding`);
  expect(response?.status()).toBe(403);
  await expectAccessible(lisa, "403");
  await lisaContext.close();
});

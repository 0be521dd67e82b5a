// Exchange between municipalities (issue 19): Zwolle's duo shares its plan with the cohort (Lisa proposes,
// Erik agrees), a member of Amersfoort's duo reads it under "Gedeelde plannen" and reacts, Lisa answers; then
// Erik stops sharing and Amersfoort no longer reads it. The discussion of a session: Marco asks, Noor answers.
// axe-core runs on every page visited.
import { DEMO_COHORT_NAME, expect, expectAccessible, login, logout, test, users } from "./fixtures.ts";

const noor = "noor.visser@amersfoort.test";

test("a duo reacts to another duo's shared plan", async ({ page }) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);

  // Lisa proposes to share the whole plan.
  await login(page, users.participant.email);
  await expectAccessible(page);
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Aanpak" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Aanpak van Zwolle" })).toBeVisible();
  await expectAccessible(page);
  const canvasPath = new URL(page.url()).pathname;
  const cohortPath = canvasPath.split("/aanpak/")[0]!;
  await page.getByRole("link", { name: "Delen met het leernetwerk" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Aanpak delen met het leernetwerk" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Het hele plan").check();
  await page.getByRole("button", { name: "Voorstellen om te delen" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Voorstel om te delen" })).toBeVisible();
  await expect(page.getByText("We wachten nog op het akkoord van Erik Mulder.")).toBeVisible();
  await expectAccessible(page, "proposed");
  await logout(page);
  await expectAccessible(page);

  // Not shared yet: Noor (Amersfoort) sees no shared plan.
  await login(page, noor, { to: `${cohortPath}/gedeelde-plannen` });
  await expect(page.getByRole("heading", { level: 1, name: "Gedeelde plannen" })).toBeVisible();
  await expect(page.getByText("Nog geen enkel duo deelt zijn aanpak met het leernetwerk.")).toBeVisible();
  await expectAccessible(page);
  await logout(page);

  // Erik agrees.
  await login(page, users.participantPartner.email, { to: `${canvasPath}/delen` });
  await expect(page.getByText("Lisa Bakker stelde voor om het hele plan te delen")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Akkoord: het hele plan delen" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Gedeeld" })).toBeVisible();
  await expectAccessible(page, "shared");
  await logout(page);

  // Noor finds it from the cohort page and reacts.
  await login(page, noor, { to: cohortPath });
  await expectAccessible(page);
  await page.getByRole("link", { name: "Gedeelde plannen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Gedeelde plannen" })).toBeVisible();
  await expectAccessible(page, "with Zwolle");
  await page.getByRole("link", { name: "Aanpak van Zwolle" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Aanpak van Zwolle" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Ons vraagstuk" })).toBeVisible();
  await expect(page.getByText(/armoedebeleid/).first()).toBeVisible();
  await expectAccessible(page);
  const reaction = `Bij ons werkt een klantreis goed (${stamp}).`;
  await page.getByLabel("Jouw reactie aan Lisa Bakker en Erik Mulder").fill(reaction);
  await page.getByRole("button", { name: "Reactie plaatsen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Je reactie is geplaatst" })).toBeVisible();
  await expect(page.getByText(reaction)).toBeVisible();
  await expectAccessible(page, "after reacting");
  const sharedPath = new URL(page.url()).pathname;
  await logout(page);

  // Lisa sees the reaction and answers it.
  await login(page, users.participant.email, { to: sharedPath });
  await expect(page.getByText(reaction)).toBeVisible();
  await expectAccessible(page);
  const answer = `Dank je, Noor! We nemen contact op (${stamp}).`;
  await page.getByLabel("Jullie antwoord aan Noor Visser").fill(answer);
  await page.getByRole("button", { name: "Antwoord plaatsen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Je antwoord is geplaatst" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Antwoorden van het duo op Noor Visser" })).toContainText(answer);
  await expectAccessible(page, "after answering");
  await logout(page);

  // Erik stops sharing: Noor gets the 404 page.
  await login(page, users.participantPartner.email, { to: `${canvasPath}/delen` });
  await expectAccessible(page);
  await page.getByRole("button", { name: "Delen stoppen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Jullie aanpak wordt niet meer gedeeld" })).toBeVisible();
  await expectAccessible(page, "withdrawn");
  await logout(page);
  await login(page, noor);
  const response = await page.goto(sharedPath);
  expect(response?.status()).toBe(404);
  await expectAccessible(page);
});

test("the facilitator asks a question at a session and a participant answers", async ({ page }) => {
  test.setTimeout(90_000);
  const stamp = Date.now().toString(36);
  await login(page, users.facilitator.email);
  await expectAccessible(page);
  await page.goto("/leernetwerken");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: DEMO_COHORT_NAME }).click();
  await expect(page.getByRole("heading", { level: 1, name: DEMO_COHORT_NAME })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: /^Details.*\(bijeenkomst 2\)$/ }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Gesprek" })).toBeVisible();
  await expectAccessible(page);
  const question = `Welke ervaring nemen jullie mee naar huis? (${stamp})`;
  await page.getByLabel("Een vraag voor de deelnemers").fill(question);
  await page.getByRole("button", { name: "Vraag stellen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Je vraag staat bij de bijeenkomst" })).toBeVisible();
  await expect(page.getByText(question)).toBeVisible();
  await expectAccessible(page, "with a question");
  const sessionPath = new URL(page.url()).pathname;
  await logout(page);

  await login(page, noor, { to: sessionPath });
  await expect(page.getByText(question)).toBeVisible();
  await expectAccessible(page);
  // An empty answer is refused at the field; a real one is posted.
  await page.getByRole("button", { name: "Antwoord plaatsen" }).click();
  await expect(page.getByText("Schrijf eerst je tekst.")).toBeVisible();
  await page.getByLabel("Jouw antwoord op deze vraag").fill(`Het verhaal van een inwoner (${stamp}).`);
  await page.getByRole("button", { name: "Antwoord plaatsen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Je bericht is geplaatst" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Antwoorden" })).toContainText(`Het verhaal van een inwoner (${stamp}).`);
  await expect(page.getByRole("button", { name: "Mijn bericht verwijderen" })).toBeVisible();
  await expectAccessible(page, "after answering");
});

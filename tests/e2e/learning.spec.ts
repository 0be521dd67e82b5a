// Learning: the module overview, a lesson with its tags (lemniscaat figure, zelfscan), "markeer als
// gelezen" moving the participant's and the duo's progress, the coordinator attaching reading to a session,
// and staff seeing progress per duo. axe-core runs on every page.
import { DEMO_COHORT_NAME, expect, expectAccessible, login, logout, test, users } from "./fixtures.ts";

const MODULE = "Voorafgaand aan de lemniscaat";

test("a participant reads a lesson, marks it read, and the progress moves for them and in the duo view", async ({
  page,
}) => {
  await login(page, users.participant.email);
  await expectAccessible(page);
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Leren" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Leren" })).toBeVisible();
  await expectAccessible(page);

  // The demo has Lisa at 1 of the lessons of module 2.
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: new RegExp(MODULE) }) });
  const mine = card.getByRole("progressbar", { name: /^Jij:/ });
  const before = Number((await mine.getAttribute("aria-label"))!.match(/Jij: (\d+) van/)![1]);
  const total = Number((await mine.getAttribute("aria-label"))!.match(/van (\d+) lessen/)![1]);
  expect(before).toBeLessThan(total);
  await expect(card.getByRole("progressbar", { name: /^Erik Mulder:/ })).toBeVisible();

  await card.getByRole("link", { name: MODULE }).click();
  await expect(page.getByRole("heading", { level: 1, name: MODULE })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Bronnen" })).toBeVisible();
  await expectAccessible(page);

  // Open the first lesson Lisa has not read yet.
  const unread = page.locator(".lesson-list > li").filter({ hasNotText: "gelezen door jij" }).first();
  const lessonTitle = (await unread.getByRole("link").textContent())!.trim();
  await unread.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: lessonTitle })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "nog niet als gelezen" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Vorige en volgende les" })).toBeVisible();
  await expect(page.getByRole("note").filter({ hasText: "Reflectievraag" }).first()).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Markeer als gelezen" }).click();
  await expect(page.getByRole("button", { name: "Markeer als ongelezen" })).toBeVisible();
  await expect(page.locator(".read-status .badge")).toHaveText("Gelezen");

  await page.getByRole("link", { name: "Leren", exact: true }).first().click();
  await expect(card.getByRole("progressbar", { name: /^Jij:/ })).toHaveAttribute(
    "aria-label",
    `Jij: ${before + 1} van ${total} lessen gelezen`,
  );

  await page.getByRole("link", { name: /Voortgang van jullie duo/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Voortgang van jullie duo" })).toBeVisible();
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: lessonTitle }) });
  await expect(row.getByRole("cell").nth(0)).toHaveText(/^Gelezen \(/);
  await expect(row.getByRole("cell").nth(1)).toHaveText("Nog niet gelezen");
  await expectAccessible(page);

  // The partner sees Lisa's progress side by side with their own.
  await logout(page);
  await login(page, users.participantPartner.email, { to: "/leren/voortgang" });
  await expect(page.getByRole("columnheader", { name: "Lisa Bakker" }).first()).toBeVisible();
  const partnerRow = page.getByRole("row").filter({ has: page.getByRole("link", { name: lessonTitle }) });
  // Erik's own column comes first, Lisa's second.
  await expect(partnerRow.getByRole("cell").nth(0)).toHaveText("Nog niet gelezen");
  await expect(partnerRow.getByRole("cell").nth(1)).toHaveText(/^Gelezen \(/);
  await expectAccessible(page);
});

test("a lemniscaat lesson shows the figure with the phase highlighted, a table of contents and a working zelfscan", async ({
  page,
}) => {
  await login(page, users.participant.email, { to: "/leren/ontsluiten" });
  await expectAccessible(page);
  await page.locator(".lesson-list a").first().click();
  const figure = page.getByRole("img", { name: /fase 1 uitgelicht: Ervaringskennis ontsluiten/ });
  await expect(figure).toBeVisible();
  await expect(page.locator("figure.lemniscaat figcaption")).toContainText("Fase 1: Ervaringskennis ontsluiten");
  // The phases as text only on a narrow screen, where the labels in the figure are too small to read.
  const narrowList = page.locator(".lemniscaat-phases-narrow");
  await expect(narrowList).toBeHidden();
  await page.setViewportSize({ width: 375, height: 800 });
  await expect(narrowList).toBeVisible();
  await expect(narrowList.locator("li.is-current")).toHaveText("Ervaringskennis ontsluiten (deze fase)");
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  const toc = page.getByRole("navigation", { name: "In deze les" });
  await expect(toc.getByRole("link").first()).toBeVisible();
  await expectAccessible(page);

  // The next lesson link leads on through the module.
  const next = page.getByRole("link", { name: /Volgende les/ });
  await expect(next).toBeVisible();

  // A zelfscan on this page or further on: save an answer and find it again after a reload.
  let scan = page.locator("section.zelfscan").first();
  for (let i = 0; i < 4 && (await scan.count()) === 0; i++) {
    await page.getByRole("link", { name: /Volgende les/ }).click();
    await page.waitForLoadState("load");
    await expectAccessible(page);
    scan = page.locator("section.zelfscan").first();
  }
  await expect(scan).toBeVisible();
  const question = scan.getByRole("group").first();
  await question.getByRole("checkbox", { name: "Besproken / in orde" }).check();
  await question.getByRole("textbox", { name: /Notitie/ }).fill("Besproken met Erik op 3 maart");
  await scan.getByRole("button", { name: "Zelfscan opslaan" }).click();
  await expect(scan.getByRole("status")).toHaveText("Je antwoorden zijn opgeslagen.");
  await page.reload();
  const saved = page.locator("section.zelfscan").first().getByRole("group").first();
  await expect(saved.getByRole("checkbox", { name: "Besproken / in orde" })).toBeChecked();
  await expect(saved.getByRole("textbox", { name: /Notitie/ })).toHaveValue("Besproken met Erik op 3 maart");

  // A note that is too long (the browser's maxlength bypassed) is refused by the server; the typed text stays.
  const note = saved.getByRole("textbox", { name: /Notitie/ });
  await note.evaluate((element) => element.removeAttribute("maxlength"));
  const long = `Heel lang. ${"x".repeat(2000)}`;
  await note.fill(long);
  await page.locator("section.zelfscan").first().getByRole("button", { name: "Zelfscan opslaan" }).click();
  await expect(page.locator("section.zelfscan").first().getByRole("status")).toContainText("mag hoogstens 2000 tekens");
  await expect(
    page
      .locator("section.zelfscan")
      .first()
      .getByRole("group")
      .first()
      .getByRole("textbox", { name: /Notitie/ }),
  ).toHaveValue(long);
  await expectAccessible(page, "zelfscan error");

  // Printing leaves out the site header, navigation and buttons.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Vorige en volgende les" })).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("a lesson opened directly keeps its content while the page takes over, after marking it read, and after navigating away and back", async ({
  page,
}) => {
  // Opened as a document: the page data leaves the content's HTML out, the browser takes it from the page.
  await login(page, users.participant.email);
  await expectAccessible(page);
  await page.goto("/leren/ontsluiten/werk-bronnen-en-klantreis");
  const content = page.locator(".lesson-content");
  // Rendered from a document request's data: the parts whose HTML the browser takes from the page are numbered.
  await expect(content.locator("[data-h]").first()).toBeAttached();
  const paragraph = content.getByText("Dat heeft voordelen. Je belast mensen niet opnieuw met dezelfde vragen.");
  const glossaryLink = content.getByRole("link", { name: "klantreis", exact: true });
  await expect(paragraph).toBeVisible();
  await expect(glossaryLink).toHaveAttribute("href", "/leren/begrippen#klantreis");
  await expect(content.getByRole("heading", { level: 2, name: "De klantreis sociaal domein" })).toBeVisible();
  const documentText = await content.textContent();

  // The page is hydrated (a form answered without reloading the page) and the content is unchanged.
  const readBox = page.locator(".read-box");
  const marked = (await readBox.getByRole("button").textContent())!.includes("ongelezen");
  await readBox.getByRole("button").click();
  await expect(readBox.getByRole("button")).toHaveText(marked ? "Markeer als gelezen" : "Markeer als ongelezen");
  expect(await content.textContent()).toBe(documentText);

  // Client-side navigations (page data with the HTML) to the next lesson and back.
  await page.getByRole("link", { name: /Volgende les/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(
    "Via het werk, uit publicaties en met een klantreis",
  );
  await expect(content).not.toContainText("Dat heeft voordelen.");
  await expectAccessible(page);
  await page.getByRole("link", { name: /Vorige les/ }).click();
  await expect(paragraph).toBeVisible();
  expect(await content.textContent()).toBe(documentText);
  await page.goBack();
  await expect(content).not.toContainText("Dat heeft voordelen.");
  await page.goBack();
  await expect(paragraph).toBeVisible();
  expect(await content.textContent()).toBe(documentText);
  await expectAccessible(page);
});

test("the glossary has anchors that lessons link to; an unknown lesson or module is a 404", async ({ page }) => {
  await login(page, users.participant.email, { to: "/leren/begrippen" });
  await expect(page.getByRole("heading", { level: 1, name: "Begrippen" })).toBeVisible();
  await expect(page.locator("h2#ervaringskennis")).toBeVisible();
  await expectAccessible(page);

  const missingLesson = await page.goto("/leren/de-basis/bestaat-niet");
  expect(missingLesson?.status()).toBe(404);
  await expectAccessible(page);
  const missingModule = await page.goto("/leren/bestaat-niet");
  expect(missingModule?.status()).toBe(404);
  await expectAccessible(page);
});

test("the coordinator attaches a lesson to a session and the participant sees what to read on the start page", async ({
  page,
}) => {
  await login(page, users.coordinator.email, { to: "/leernetwerken" });
  await expectAccessible(page);
  await page.getByRole("link", { name: DEMO_COHORT_NAME }).click();
  await expect(page.getByRole("heading", { level: 1, name: DEMO_COHORT_NAME })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Leesvoorbereiding voor bijeenkomst 1" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Voorbereiding voor bijeenkomst 1" })).toBeVisible();
  await expectAccessible(page);

  // Adding nothing gives a clear message; adding a lesson lists it.
  await page.getByRole("button", { name: "Toevoegen" }).click();
  await expect(page.getByText("Kies een module of les uit de lijst.")).toBeVisible();
  await expectAccessible(page);
  const select = page.getByLabel("Wat moeten de deelnemers lezen?");
  const option = select.locator("option", { hasText: "Wat is kwartiermaken" }).first();
  const value = (await option.getAttribute("value"))!;
  const title = (await option.textContent())!.replace(/ \(\d+ min\)$/, "");
  await select.selectOption(value);
  await page.getByRole("button", { name: "Toevoegen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "toegevoegd aan de voorbereiding" })).toBeVisible();
  await expect(page.locator(".reading-list").getByRole("link", { name: title })).toBeVisible();

  // The same lesson twice is refused and the choice is kept.
  await select.selectOption(value);
  await page.getByRole("button", { name: "Toevoegen" }).click();
  await expect(page.getByText(`"${title}" staat al bij deze bijeenkomst.`)).toBeVisible();
  await expect(select).toHaveValue(value);

  await logout(page);
  await login(page, users.participant.email);
  const next = page.getByRole("region", { name: "Volgende bijeenkomst" });
  await expect(next.getByRole("heading", { name: "Lees vóór deze bijeenkomst" })).toBeVisible();
  await expect(next.getByRole("link", { name: title })).toBeVisible();
  await expect(next.getByText("nog niet gelezen")).toBeVisible();
  await expectAccessible(page);
});

test("facilitators see progress per duo in their own cohort only; participants cannot", async ({ page }) => {
  await login(page, users.facilitator.email, { to: "/leernetwerken" });
  await expectAccessible(page);
  await page.getByRole("link", { name: DEMO_COHORT_NAME }).click();
  await expect(page.getByRole("heading", { level: 1, name: DEMO_COHORT_NAME })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Leesvoortgang per duo" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Voortgang per duo" })).toBeVisible();
  const zwolle = page.getByRole("region", { name: "Voortgang van het duo van Zwolle" });
  await expect(zwolle.getByRole("columnheader", { name: /Lisa Bakker/ })).toBeVisible();
  await expect(zwolle.getByRole("row", { name: /Totaal/ })).toContainText(/\d+ van \d+/);
  await expectAccessible(page);
  const progressUrl = new URL(page.url()).pathname;

  await logout(page);
  await login(page, users.otherCohortFacilitator.email);
  await expectAccessible(page);
  expect((await page.goto(progressUrl))?.status()).toBe(404);
  await expectAccessible(page);

  await logout(page);
  await login(page, users.participant.email);
  await expectAccessible(page);
  expect((await page.goto(progressUrl))?.status()).toBe(403);
  await expectAccessible(page);
});

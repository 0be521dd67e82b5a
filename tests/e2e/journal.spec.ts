// The reflection journal: writing from a lesson prompt, sharing with the facilitators, the facilitator's
// answer, withdrawing (the facilitator then gets a 404), autosave across a reload and two tabs, export,
// facilitators' prompts on the start page, and deleting. axe-core runs on every page visited.
import {
  expect,
  expectAccessible,
  expectAccessibleOnce,
  login,
  logout,
  statusOf,
  test,
  track,
  users,
} from "./fixtures.ts";

const LESSON = "/leren/de-basis/van-ervaring-naar-ervaringskennis";

function unique(prefix: string) {
  return `${prefix} ${Date.now().toString(36)}`;
}

test("write from a lesson prompt, share with the facilitators, get an answer, withdraw", async ({ page }) => {
  // A long journey (three people, a dozen pages, axe on each): more time on a busy machine.
  test.slow();
  const title = unique("Wat ik merkte bij de les");
  await login(page, users.participant.email, { to: LESSON });
  await expectAccessible(page);
  const note = page.getByRole("note").filter({ hasText: "Reflectievraag" }).first();
  const promptText = (await note.locator("p").nth(1).textContent())!.trim();
  await note.getByRole("link", { name: /Schrijf in je journaal/ }).click();
  await expect(page).toHaveURL(/\/journaal\/schrijven\?reflectie=/);
  await expect(page.getByRole("heading", { level: 1, name: "Schrijven in je journaal" })).toBeVisible();
  await expect(page.getByText(promptText)).toBeVisible();
  await expect(page.getByRole("link", { name: "Van ervaring naar ervaringskennis" })).toBeVisible();
  await expectAccessible(page);

  // Saving with an empty text keeps what was typed and says what is wrong.
  await page.getByLabel("Titel (mag leeg blijven)").fill(title);
  await page.getByRole("button", { name: "Opslaan en bekijken" }).click();
  await expect(page.getByText("Schrijf iets in je journaal voordat je opslaat.")).toBeVisible();
  await expect(page.getByLabel("Titel (mag leeg blijven)")).toHaveValue(title);
  await expectAccessible(page, "with an error");

  await page.getByLabel("Je tekst").fill("Ik merk dat ik **mijn eigen ervaring** vaak wegstop op het werk.");
  await page.getByLabel("Labels (mag leeg blijven)").fill("eigen ervaring, e2e");
  // Leaving the text field autosaves a draft: the entry gets its own address (checked with axe too).
  await expect(page).toHaveURL(/\/journaal\/schrijven\/[0-9a-f-]{36}$/, { timeout: 10_000 });
  await expectAccessible(page, "after the first autosave");
  await page.getByRole("button", { name: "Opslaan en bekijken" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByTestId("readers")).toHaveText("Alleen jij.");
  await expect(page.getByText(promptText)).toBeVisible();
  await expectAccessible(page);
  const entryPath = new URL(page.url()).pathname;

  await page.getByRole("checkbox", { name: "De begeleiders van mijn leernetwerk" }).check();
  await page.getByRole("button", { name: "Delen opslaan" }).click();
  await expect(page.getByTestId("readers")).toContainText("Marco Jansen");
  // Autosave and "Opslaan" together made exactly one entry.
  await page.goto("/journaal");
  await expect(page.getByRole("link", { name: title })).toHaveCount(1);
  await expectAccessibleOnce(page);
  await logout(page);

  // The facilitator finds it among the shared journals, per participant, and answers.
  await login(page, users.facilitator.email);
  await expectAccessibleOnce(page);
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Gedeelde journaals" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Gedeelde journaals" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /Lisa Bakker/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Wie kan dit lezen?" })).toHaveCount(0);
  await expectAccessible(page);
  await page
    .getByLabel("Jouw antwoord")
    .fill("Dank voor je eerlijkheid. Wat zou er gebeuren als je het één keer wél vertelt?");
  await page.getByRole("button", { name: "Plaatsen" }).click();
  await expect(page.getByText("Wat zou er gebeuren als je het één keer wél vertelt?")).toBeVisible();
  await logout(page);

  // The author sees the answer under her entry, then withdraws the sharing.
  await login(page, users.participant.email, { to: entryPath });
  await expect(page.getByText("Wat zou er gebeuren als je het één keer wél vertelt?")).toBeVisible();
  await expect(page.getByText("Marco Jansen (senior ervaringsdeskundige)")).toBeVisible();
  await page.getByRole("checkbox", { name: "De begeleiders van mijn leernetwerk" }).uncheck();
  await page.getByRole("button", { name: "Delen opslaan" }).click();
  await expect(page.getByTestId("readers")).toHaveText("Alleen jij.");
  await page.getByText("Geschiedenis van het delen").click();
  await expect(page.getByText(/naar “Alleen ik \(privé\)”/)).toBeVisible();
  await expectAccessible(page, "after withdrawing");
  await logout(page);

  await login(page, users.facilitator.email);
  await expectAccessibleOnce(page);
  const response = await page.goto(entryPath);
  expect(statusOf(response)).toBe(404);
  await expectAccessible(page);
  await page.goto("/journaal/gedeeld");
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
});

test("autosave keeps the text across a reload, and a second tab's edit is never overwritten", async ({
  page,
  context,
}) => {
  await login(page, users.participant.email, { to: "/journaal/schrijven" });
  await expectAccessible(page);
  const body = page.getByLabel("Je tekst");
  await body.fill("Tekst die vanzelf bewaard wordt.");
  await expect(page.getByRole("status").filter({ hasText: "Automatisch opgeslagen om" })).toBeVisible({
    timeout: 10_000,
  });
  await expect(page).toHaveURL(/\/journaal\/schrijven\/[0-9a-f-]{36}$/);
  await page.reload();
  await expect(page.getByLabel("Je tekst")).toHaveValue("Tekst die vanzelf bewaard wordt.");
  await expectAccessible(page);

  // A second tab edits the same entry and saves first.
  const other = await context.newPage();
  track(other);
  await other.goto(page.url());
  await other.getByLabel("Je tekst").fill("Versie uit het tweede venster.");
  await other.getByLabel("Titel (mag leeg blijven)").click(); // leaving the text field saves at once
  await expect(other.getByRole("status").filter({ hasText: "Automatisch opgeslagen om" })).toBeVisible({
    timeout: 10_000,
  });
  await expectAccessible(other);
  await other.close();

  // The first tab's save is refused and both texts are shown.
  await page.getByLabel("Je tekst").fill("Versie uit het eerste venster.");
  await page.getByLabel("Titel (mag leeg blijven)").click();
  const conflict = page.getByRole("alert").filter({ hasText: "Dit stuk is in een ander venster gewijzigd" });
  await expect(conflict).toBeVisible({ timeout: 10_000 });
  await expect(conflict.getByText("Versie uit het tweede venster.")).toBeVisible();
  await expect(conflict.getByText("Versie uit het eerste venster.")).toBeVisible();
  await expectAccessible(page, "conflict");
  await conflict.getByRole("button", { name: "Mijn versie bewaren" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Automatisch opgeslagen om" })).toBeVisible({
    timeout: 10_000,
  });
  await page.reload();
  await expect(page.getByLabel("Je tekst")).toHaveValue("Versie uit het eerste venster.");
});

test("the journal can be searched, downloaded as Markdown and printed, with the replies", async ({ page }) => {
  await login(page, users.participant.email);
  await expectAccessibleOnce(page);
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Journaal" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mijn journaal" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Het gesprek bij het inloopspreekuur" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("searchbox", { name: "Zoeken" }).fill("inloopspreekuur");
  await page.getByRole("button", { name: "Zoeken" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Gevonden: 1" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Mijn eigen ervaring met de schuldhulp" })).toHaveCount(0);
  await expectAccessible(page, "search");
  await page.getByRole("link", { name: "Alles tonen" }).click();

  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Alles downloaden (Markdown)" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^journaal-\d{4}-\d{2}-\d{2}\.md$/);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const markdown = Buffer.concat(chunks).toString("utf8");
  expect(markdown).toContain("# Reflectiejournaal van Lisa Bakker");
  expect(markdown).toContain("## Het gesprek bij het inloopspreekuur");
  expect(markdown).toContain("## Mijn eigen ervaring met de schuldhulp");
  expect(markdown).toContain("**Marco Jansen**");
  expect(markdown).toContain("Wat mooi dat je zelf bent gaan kijken");

  await page.getByRole("link", { name: "Afdrukbare versie" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Reflectiejournaal van Lisa Bakker" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Het gesprek bij het inloopspreekuur" })).toBeVisible();
  await expect(page.getByText("Wat mooi dat je zelf bent gaan kijken", { exact: false })).toBeVisible();
  await expectAccessible(page);
});

test("a facilitator's prompt reaches the start page, the entry written about it links to it, and deleting it really deletes it", async ({
  page,
}) => {
  const question = unique("Welke inwoner sprak je deze week?");
  await login(page, users.facilitator.email);
  await expectAccessibleOnce(page);
  await expect(page.getByRole("heading", { name: "Gedeelde journaals" })).toBeVisible();
  await page.getByRole("link", { name: "Een reflectievraag stellen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Reflectievragen" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Vraag plaatsen" }).click();
  await expect(page.getByText("Schrijf de vraag op (minstens 5 tekens).")).toBeVisible();
  await expectAccessible(page, "with an error");
  await page.getByLabel("Vraag", { exact: true }).fill(question);
  await page.getByRole("button", { name: "Vraag plaatsen" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: question })).toBeVisible();
  await logout(page);

  // Lisa sees it on her start page and writes about it; the entry stays private.
  await login(page, users.participant.email);
  await expectAccessibleOnce(page);
  const card = page.getByRole("listitem").filter({ hasText: question });
  await expect(card).toBeVisible();
  await card.getByRole("link", { name: /Schrijf in je journaal/ }).click();
  await expect(page).toHaveURL(/\/journaal\/schrijven\?vraag=/);
  await expect(page.getByRole("region", { name: "Vraag van je begeleider" })).toContainText(question);
  await expectAccessible(page);
  await page.getByLabel("Je tekst").fill("Een inwoner vertelde over de wachtrij bij de balie.");
  // The autosave gives the draft its own address within a few seconds; check that page too, then save.
  await expect(page).toHaveURL(/\/journaal\/schrijven\/[0-9a-f-]{36}$/, { timeout: 10_000 });
  await expectAccessible(page, "after the first autosave");
  await page.getByRole("button", { name: "Opslaan en bekijken" }).click();
  await expect(page.getByTestId("readers")).toHaveText("Alleen jij.");
  await expectAccessible(page);
  const entryPath = new URL(page.url()).pathname;
  await page.goto("/");
  await expect(
    page
      .getByRole("listitem")
      .filter({ hasText: question })
      .getByRole("link", { name: /Je hebt hierover geschreven/ }),
  ).toBeVisible();

  // Delete it: really gone, also for its author.
  await page.goto(entryPath);
  await page.getByRole("button", { name: "Verwijderen" }).click();
  await expect(page.getByText("Vink aan dat je dit stuk echt wilt verwijderen.")).toBeVisible();
  await page.getByLabel(/Ja, verwijder dit stuk/).check();
  await page.getByRole("button", { name: "Verwijderen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mijn journaal" })).toBeVisible();
  await expectAccessible(page);
  expect(statusOf(await page.goto(entryPath))).toBe(404);
});

test("the duo partner reads what was shared with the duo; the coordinator reads nothing of the journal", async ({
  page,
}) => {
  // Erik reads what Lisa shared with the duo (demo data); the coordinator reads nothing of Lisa's journal.
  await login(page, users.participantPartner.email, { to: "/journaal" });
  await expectAccessible(page);
  await page.getByRole("link", { name: /Met mij gedeeld/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Met mij gedeeld" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Hoe krijgen we de wethouder mee?" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Hoe krijgen we de wethouder mee?" })).toBeVisible();
  await expectAccessible(page);
  const duoEntryPath = new URL(page.url()).pathname;
  await logout(page);

  await login(page, users.coordinator.email);
  await expectAccessibleOnce(page);
  expect(statusOf(await page.goto(duoEntryPath))).toBe(404);
  await expectAccessible(page);
  expect(statusOf(await page.goto("/journaal/gedeeld"))).toBe(403);
  await expectAccessible(page);
});

// The self-scans: a duo (Zaanstad, not started in the demo) fills the verkenning at intake and at the end and
// sees the change in the chart and table; the facilitator sees that duo's results; the coordinator sees only
// the anonymised aggregate ("te weinig duo's" below three) and gets a 403 on a duo's pages; a participant of
// another duo gets a 404; two members saving at once get a conflict instead of an overwrite. axe-core runs
// on every page visited, charts included, also at 375 px wide.
import type { Page } from "@playwright/test";
import {
  DEMO_COHORT_NAME,
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

// Each journey fills long forms and runs axe on many pages: on a busy shared machine that can take more than
// the default 30 s.
test.describe.configure({ timeout: 60_000 });

const zaanstad = { email: "yara.bos@zaanstad.test", firstName: "Yara" };
let cohortPath = "";
let duoResultsPath = "";

/** Answers every scale question of the form with `value` (1–5). */
async function answerScales(page: Page, value: number) {
  const groups = page.locator(".scale-options");
  const count = await groups.count();
  expect(count).toBeGreaterThanOrEqual(10);
  for (let index = 0; index < count; index++) {
    await groups
      .nth(index)
      .getByRole("radio")
      .nth(value - 1)
      .check();
  }
}

/** The demo cohort's address, read from the start page (so a test does not depend on an earlier one). */
async function demoCohortPath(page: Page) {
  const path = await page
    .getByRole("heading", { level: 2 })
    .getByRole("link", { name: DEMO_COHORT_NAME })
    .getAttribute("href");
  expect(path).toMatch(/^\/leernetwerken\/[0-9a-f-]{36}$/);
  return path!;
}

/** Opens a self-scan moment for changes: a completed one (by an earlier run of the test) is opened again. */
async function openForChanges(page: Page, path: string, heading: string) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  const reopen = page.getByRole("button", { name: "Weer openen om te wijzigen" });
  if (await reopen.isVisible()) {
    await reopen.click();
    await expect(page.getByRole("button", { name: "Afronden" })).toBeVisible();
  }
}

async function expectNoHorizontalScroll(page: Page) {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.scroll, `page is ${widths.scroll}px wide on a ${widths.client}px screen`).toBeLessThanOrEqual(
    widths.client,
  );
}

// Zaanstad's journey, in order (later tests read what the first ones stored). It starts from the demo data
// (Zaanstad has not filled anything yet), so it runs once per seeded server; the tests after this block work
// out their own state and can be repeated (--repeat-each).
test.describe("Zaanstad's verkenning from intake to end", () => {
  test.describe.configure({ mode: "serial" });

  test("a duo fills the verkenning at intake: a draft first, then completed", async ({ page }) => {
    await login(page, zaanstad.email);
    await expectAccessibleOnce(page);
    cohortPath = (await page
      .getByRole("heading", { level: 2 })
      .getByRole("link", { name: DEMO_COHORT_NAME })
      .getAttribute("href"))!;
    expect(cohortPath).toMatch(/^\/leernetwerken\/[0-9a-f-]{36}$/);

    // The start page names the due moment (the demo cohort has not started: intake) and links the scans.
    const due = page.getByRole("region", { name: "Zelfscans: intake" });
    await expect(due.getByRole("link", { name: /^Verkenning/ })).toBeVisible();
    await due.getByRole("link", { name: /^Verkenning/ }).click();
    await expect(page).toHaveURL(`${cohortPath}/zelfscans/verkenning/intake`);
    await expect(page.getByRole("heading", { level: 1, name: "Verkenning: intake" })).toBeVisible();
    await expect(page.getByText("Gebaseerd op: Handreiking kwartiermaken voor ervaringsdeskundigen.")).toBeVisible();
    await expectAccessible(page);

    // Completing with questions open keeps the answers as a draft and marks what is missing (autosave: the
    // last test of this file).
    await page.locator(".scale-options").first().getByRole("radio").nth(1).check();
    await page.getByLabel("Toelichting (mag leeg blijven)").first().fill("Alleen ons eigen team weet ervan.");
    await page.getByRole("button", { name: "Afronden" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "opgeslagen als concept" })).toBeVisible();
    await expect(page.getByText("Beantwoord deze vraag om af te ronden.").first()).toBeVisible();
    await expect(page.locator(".scale-options").first().getByRole("radio").nth(1)).toBeChecked();
    await expect(page.getByLabel("Toelichting (mag leeg blijven)").first()).toHaveValue(
      "Alleen ons eigen team weet ervan.",
    );
    await expectAccessible(page, "incomplete");

    await answerScales(page, 2);
    await page.getByRole("radio", { name: /^Nog niet/ }).check();
    await page.getByLabel("Waarom? Jullie redenen").fill("Er is nog geen geld voor een eerlijke vergoeding.");
    await page.getByRole("button", { name: "Afronden" }).click();
    await expect(page).toHaveURL(`${cohortPath}/zelfscans/verkenning/resultaten`);
    await expect(page.getByRole("heading", { level: 1, name: "Uitkomst: Verkenning" })).toBeVisible();
    await expect(page.getByRole("img", { name: /Verkenning: uitkomst per moment/ })).toBeVisible();
    const table = page.getByRole("table", { name: "Verkenning: uitkomst per moment" });
    await expect(table.getByRole("row", { name: /Kennis en beelden/ })).toContainText("2,0");
    await expect(page.getByText("Na een volgend moment zie je hier ook het verschil.")).toBeVisible();
    await expectAccessible(page);
  });

  test("the same duo fills the verkenning at the end and sees the change, also on a phone", async ({ page }) => {
    await login(page, zaanstad.email);
    await expectAccessibleOnce(page);
    // The end of the cohort: higher scores and a go.
    await page.goto(`${cohortPath}/zelfscans`);
    await expect(page.getByRole("heading", { level: 1, name: "Zelfscans" })).toBeVisible();
    await expect(page.getByRole("row", { name: /Intake/ }).first()).toContainText("Afgerond");
    await expectAccessible(page);
    await page.getByRole("link", { name: /^Invullen\s?: Verkenning, einde$/ }).click();
    const table = page.getByRole("table", { name: "Verkenning: uitkomst per moment" });
    await expect(page.getByRole("heading", { level: 1, name: "Verkenning: einde" })).toBeVisible();
    await expectAccessible(page);
    await answerScales(page, 4);
    await page.getByRole("radio", { name: /^Go/ }).check();
    await page.getByLabel("Waarom? Jullie redenen").fill("Er is budget voor twee ervaringsdeskundigen.");
    await page.getByRole("button", { name: "Afronden" }).click();
    await expect(page).toHaveURL(`${cohortPath}/zelfscans/verkenning/resultaten`);
    const chart = page.getByRole("img", { name: /Verkenning: uitkomst per moment/ });
    await expect(chart).toContainText("2,0 (intake)");
    await expect(chart).toContainText("4,0 (einde)");
    await expect(table.getByRole("columnheader", { name: /intake → einde/ })).toBeVisible();
    await expect(table.getByRole("row", { name: /Cultuur, geld en opdrachtgever/ })).toContainText("+2,0");
    await expect(page.getByRole("heading", { level: 2, name: "Antwoorden: einde" })).toBeVisible();
    await expect(page.getByText("Er is budget voor twee ervaringsdeskundigen.")).toBeVisible();
    await expectAccessible(page, "two moments");

    // Phone width: the chart and tables fit, still accessible.
    await page.setViewportSize({ width: 375, height: 740 });
    await page.reload();
    await expect(chart).toBeVisible();
    const box = await chart.boundingBox();
    expect(box!.width).toBeLessThanOrEqual(375);
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, "375 px");
  });

  test("the facilitator sees each duo's scans, a participant of another duo gets a 404", async ({ page }) => {
    await login(page, users.facilitator.email);
    await expectAccessibleOnce(page);
    await page.goto(cohortPath);
    await expectAccessible(page);
    await page.getByRole("link", { name: "Zelfscans per duo" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Zelfscans" })).toBeVisible();
    const zaanstadCard = page.getByRole("region", { name: "Zaanstad" });
    await expect(zaanstadCard.getByRole("row", { name: /Verkenning/ })).toContainText("Afgerond");
    await expectAccessible(page);
    await zaanstadCard.getByRole("link", { name: "Verkenning van Zaanstad" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Verkenning: Zaanstad" })).toBeVisible();
    await expect(page.getByRole("img", { name: /uitkomst per moment/ })).toContainText("4,0 (einde)");
    await expect(page.getByText("Er is nog geen geld voor een eerlijke vergoeding.")).toBeVisible();
    await expectAccessible(page);
    duoResultsPath = new URL(page.url()).pathname;

    // Zwolle answered the randvoorwaarden each on their own: side by side.
    await page.goto(`${cohortPath}/zelfscans`);
    await page
      .getByRole("region", { name: "Zwolle" })
      .getByRole("link", { name: "Randvoorwaarden en lemniscaat van Zwolle" })
      .click();
    await expect(page.getByRole("columnheader", { name: "Lisa Bakker" })).toBeVisible();
    await expect(page.getByRole("columnheader", { name: "Erik Mulder" })).toBeVisible();
    await expectAccessible(page);
    await logout(page);

    // Lisa (Zwolle) may not open Zaanstad's results, nor the aggregate.
    await login(page, users.participant.email);
    await expectAccessibleOnce(page);
    expect(statusOf(await page.goto(duoResultsPath))).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Pagina niet gevonden" })).toBeVisible();
    await expectAccessible(page);
    expect(statusOf(await page.goto(`${cohortPath}/zelfscans/verkenning/totaal`))).toBe(403);
    await expectAccessible(page);
    await logout(page);

    // Joost is in another cohort: the demo cohort's scans do not exist for him.
    await login(page, users.otherCohortParticipant.email);
    await expectAccessibleOnce(page);
    expect(statusOf(await page.goto(`${cohortPath}/zelfscans`))).toBe(404);
    await expectAccessible(page);
  });

  test("the coordinator sees only the anonymised aggregate, and 'te weinig duo's' below three", async ({ page }) => {
    await login(page, users.coordinator.email);
    await expectAccessibleOnce(page);
    await page.goto(cohortPath);
    await expectAccessible(page);
    await page.getByRole("link", { name: "Zelfscans (gemiddelden)" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Zelfscans" })).toBeVisible();
    const verkenningRow = page.getByRole("row", { name: /^Verkenning/ });
    await expect(verkenningRow).toContainText("5 duo's");
    await expect(verkenningRow).toContainText("1: te weinig duo's");
    // No duo is named here.
    await expect(page.getByText("Zaanstad")).toHaveCount(0);
    await expect(page.getByText("Zwolle")).toHaveCount(0);
    await expectAccessible(page);

    await page.getByRole("link", { name: "Gemiddelden van Verkenning" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Verkenning: het leernetwerk samen" })).toBeVisible();
    await expect(page.getByRole("img", { name: /gemiddelde van het leernetwerk per moment/ })).toContainText(
      "(intake)",
    );
    await expect(page.getByRole("img", { name: /gemiddelde van het leernetwerk per moment/ })).not.toContainText(
      "(einde)",
    );
    await expect(page.getByTestId("te-weinig-end")).toHaveText(
      "te weinig duo's om gemiddelden te tonen (1 van de 3 die nodig zijn)",
    );
    await expect(page.getByRole("table", { name: "Aantal duo's per oordeel" })).toBeVisible();
    await expect(page.getByText("Er is budget voor twee ervaringsdeskundigen.")).toHaveCount(0);
    await expectAccessible(page);

    // Only Zwolle answered the randvoorwaarden: nothing is shown, not even per question.
    await page.goto(`${cohortPath}/zelfscans/randvoorwaarden-en-lemniscaat/totaal`);
    await expect(page.getByTestId("te-weinig-intake")).toContainText("te weinig duo's");
    await expect(page.getByRole("img")).toHaveCount(0);
    await expect(page.getByText("Gemiddelde per vraag")).toHaveCount(0);
    await expectAccessible(page);

    // A duo's own pages are not for the coordinator.
    expect(statusOf(await page.goto(duoResultsPath))).toBe(403);
    await expectAccessible(page);
    expect(statusOf(await page.goto(`${cohortPath}/zelfscans/verkenning/intake`))).toBe(403);
    await expectAccessible(page);
    expect(statusOf(await page.goto(`${cohortPath}/zelfscans/bestaat-niet/totaal`))).toBe(404);
    await expectAccessible(page);
  });
});

test("two members saving at once: the second sees the stored answers and keeps what they typed", async ({
  page,
  browser,
}) => {
  await login(page, users.participant.email);
  await expectAccessibleOnce(page);
  const erikContext = await browser.newContext();
  const erikPage = await erikContext.newPage();
  track(erikPage);
  await login(erikPage, users.participantPartner.email);
  await expectAccessibleOnce(erikPage);

  const cohortPath = await demoCohortPath(page);
  // Texts of their own, so a repeated run changes the stored answers too.
  const run = Date.now().toString(36);
  const armoede = `Armoedebeleid ${run}`;
  const schuld = `Schuldhulpverlening ${run}`;
  const path = `${cohortPath}/zelfscans/participatieladder/halverwege`;
  await page.goto(path);
  await erikPage.goto(path);
  await expect(page.getByRole("heading", { level: 1, name: "Participatieladder: halverwege" })).toBeVisible();
  await expectAccessible(page);
  await expectAccessible(erikPage);

  await page.getByLabel("Over welk beleidsonderwerp gaat het?").fill(armoede);
  await page
    .getByRole("group", { name: "Waar staan inwoners met ervaringskennis nu?" })
    .getByRole("radio", { name: /^3\. Adviseren/ })
    .check();
  await page.getByRole("button", { name: "Opslaan als concept" }).click();
  await expect(page.getByText("Concept, laatst opgeslagen")).toContainText("Lisa Bakker");

  // Erik's page still has the old version (empty, or an earlier run's). The form autosaves as he types (here: when he leaves the
  // field); that save meets Lisa's and is refused.
  await erikPage.getByLabel("Over welk beleidsonderwerp gaat het?").fill(schuld);
  await erikPage.getByLabel("Over welk beleidsonderwerp gaat het?").press("Tab");
  const conflict = erikPage.getByRole("alert").filter({ hasText: "Intussen is er iets anders opgeslagen" });
  await expect(conflict).toBeVisible({ timeout: 10_000 });
  await expect(conflict).toContainText(armoede);
  await expect(erikPage.getByLabel("Over welk beleidsonderwerp gaat het?")).toHaveValue(schuld);
  await expectAccessible(erikPage, "conflict");

  // Keeping his own answers is a deliberate choice: now Erik's answers are stored.
  await erikPage.getByRole("button", { name: "Mijn antwoorden bewaren" }).click();
  await expect(erikPage.getByRole("status").filter({ hasText: "Automatisch opgeslagen om" })).toBeVisible({
    timeout: 10_000,
  });
  await erikPage.reload();
  await expect(erikPage.getByLabel("Over welk beleidsonderwerp gaat het?")).toHaveValue(schuld);
  await erikPage.getByRole("button", { name: "Opslaan als concept" }).click();
  await expect(erikPage.getByText("Concept, laatst opgeslagen")).toContainText("Erik Mulder");
  await expect(erikPage.getByLabel("Over welk beleidsonderwerp gaat het?")).toHaveValue(schuld);
  await erikContext.close();
});

test("a duo chooses to answer each on their own; the results show the members side by side", async ({ page }) => {
  await login(page, "sophie.meijer@deventer.test");
  await expectAccessibleOnce(page);
  const cohortPath = await demoCohortPath(page);
  await openForChanges(
    page,
    `${cohortPath}/zelfscans/randvoorwaarden-en-lemniscaat/halverwege`,
    "Randvoorwaarden en lemniscaat: halverwege",
  );
  await expectAccessible(page);
  await page.getByRole("radio", { name: /^Ieder apart/ }).check();
  await page.getByRole("button", { name: "Keuze opslaan" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Naast elkaar" })).toBeVisible();
  await expect(page.getByText("Ahmed Yilmaz heeft deze zelfscan nog niet afgerond.")).toBeVisible();
  await expectAccessible(page, "each on their own");
  const groups = page.locator(".scale-options");
  await expect(groups).toHaveCount(10);
  for (let index = 0; index < 10; index++)
    await groups
      .nth(index)
      .getByRole("radio")
      .nth(index % 5)
      .check();
  await page.getByRole("button", { name: "Afronden" }).click();
  await expect(page).toHaveURL(`${cohortPath}/zelfscans/randvoorwaarden-en-lemniscaat/resultaten`);
  await expect(page.getByText("Ieder duolid apart ingevuld, naast elkaar")).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Sophie Meijer" })).toBeVisible();
  await expect(page.getByRole("img", { name: /Randvoorwaarden en lemniscaat: uitkomst per moment/ })).toContainText(
    "(halverwege)",
  );
  await expectAccessible(page);
});

test("a ticked answer is saved without pressing anything, and 'Afronden' right after ticking always finishes", async ({
  page,
}) => {
  await login(page, "sophie.meijer@deventer.test");
  await expectAccessibleOnce(page);
  const cohortPath = await demoCohortPath(page);
  const path = `${cohortPath}/zelfscans/randvoorwaarden-en-lemniscaat/einde`;
  const heading = "Randvoorwaarden en lemniscaat: einde";
  const results = `${cohortPath}/zelfscans/randvoorwaarden-en-lemniscaat/resultaten`;
  const groups = page.locator(".scale-options");
  const radio = (group: number, value: number) =>
    groups
      .nth(group)
      .getByRole("radio")
      .nth(value - 1);
  /** A value other than the one ticked now (an earlier run may have stored any). */
  const otherValue = async (group: number) => {
    for (let value = 1; value <= 5; value++) if (await radio(group, value).isChecked()) return (value % 5) + 1;
    return 1;
  };

  // Ticked, nothing pressed: the answer is saved automatically and survives a reload.
  await openForChanges(page, path, heading);
  await expect(groups).toHaveCount(10);
  const first = await otherValue(0);
  await radio(0, first).check();
  await expect(page.getByRole("status").filter({ hasText: "Automatisch opgeslagen om" })).toBeVisible({
    timeout: 10_000,
  });
  await expectAccessible(page, "autosaved");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  await expect(radio(0, first)).toBeChecked();

  // "Afronden" at once after ticking every answer: it finishes, with every answer as ticked.
  const ticked: number[] = [];
  for (let index = 0; index < 10; index++) {
    ticked.push(await otherValue(index));
    await radio(index, ticked[index]!).check();
  }
  await page.getByRole("button", { name: "Afronden" }).click();
  await expect(page).toHaveURL(results);
  await expect(page.getByRole("heading", { level: 1, name: /^Uitkomst/ })).toBeVisible();
  await expectAccessible(page);
  await openForChanges(page, path, heading);
  for (let index = 0; index < 10; index++) await expect(radio(index, ticked[index]!)).toBeChecked();

  // The same while an autosave is on its way (a slow connection): "Afronden" waits for it, then finishes.
  await page.route("**/zelfscans/**", async (route) => {
    if (route.request().method() === "POST" && (route.request().postData() ?? "").includes("autosave"))
      await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  const changed = await otherValue(3);
  await radio(3, changed).check();
  await expect(page.getByRole("status").filter({ hasText: "Bezig met opslaan" })).toBeVisible({ timeout: 10_000 });
  const last = await otherValue(7);
  await radio(7, last).check();
  await page.getByRole("button", { name: "Afronden" }).click();
  await expect(page).toHaveURL(results, { timeout: 10_000 });
  await expect(page.getByRole("heading", { level: 1, name: /^Uitkomst/ })).toBeVisible();
  await page.unrouteAll({ behavior: "wait" });
  await openForChanges(page, path, heading);
  await expect(radio(3, changed)).toBeChecked();
  await expect(radio(7, last)).toBeChecked();
  await expect(radio(0, ticked[0]!)).toBeChecked();

  // After each autosave the router reloads the page's other data (header, cohort). On a busy server that
  // reload can take long: "Afronden" waits only for the save's own answer, never for that reload.
  await page.route(/\/einde\.data\?_routes=/, async (route) => {
    if (route.request().method() === "GET") await new Promise((resolve) => setTimeout(resolve, 12_000));
    await route.continue().catch(() => undefined);
  });
  const slowFirst = await otherValue(5);
  await radio(5, slowFirst).check();
  await expect(page.getByRole("status").filter({ hasText: "Automatisch opgeslagen om" })).toBeVisible({
    timeout: 10_000,
  });
  const slowLast = await otherValue(6);
  await radio(6, slowLast).check();
  await page.getByRole("button", { name: "Afronden" }).click();
  await expect(page).toHaveURL(results, { timeout: 8_000 });
  await page.unrouteAll({ behavior: "ignoreErrors" });
  await openForChanges(page, path, heading);
  await expect(radio(5, slowFirst)).toBeChecked();
  await expect(radio(6, slowLast)).toBeChecked();
  // Finished again, so the next run finds it as the duo left it.
  await page.getByRole("button", { name: "Afronden" }).click();
  await expect(page).toHaveURL(results);
});

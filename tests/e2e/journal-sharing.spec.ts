// Issue 15, who may read a shared entry: an entry shared with two audiences at once (the duo partner and the
// facilitators) is read by both, the author sees them by name and sees who read it; a facilitator taken off
// the cohort loses access at once. axe-core runs on every page visited.
import {
  DEMO_COHORT_NAME,
  expect,
  expectAccessible,
  expectAccessibleOnce,
  login,
  logout,
  statusOf,
  test,
  users,
} from "./fixtures.ts";

test("an entry shared with the duo partner and the facilitators is read by both; a facilitator who leaves loses access", async ({
  page,
}) => {
  // Four people and a dozen pages, axe on each: more time on a busy machine.
  test.slow();
  const title = `Voor Erik en de begeleiding ${Date.now().toString(36)}`;

  // The coordinator adds Anouk to the cohort's facilitators (she leaves again below).
  await login(page, users.coordinator.email, { to: "/leernetwerken" });
  await expectAccessibleOnce(page);
  await page.getByRole("table").getByRole("link", { name: DEMO_COHORT_NAME }).click();
  await expect(page).toHaveURL(/\/leernetwerken\/[0-9a-f-]{36}$/);
  await expectAccessibleOnce(page);
  const facilitatorsPath = `${new URL(page.url()).pathname}/begeleiders`;
  await page.goto(facilitatorsPath);
  const choice = page.getByLabel("Begeleider", { exact: true });
  await choice.selectOption((await choice.locator("option", { hasText: "Anouk Willems" }).getAttribute("value"))!);
  await page.getByRole("button", { name: "Toewijzen" }).click();
  await expect(page.getByRole("button", { name: "Weghalen (Anouk Willems)" })).toBeVisible();
  await expectAccessible(page);
  await logout(page);

  // Lisa writes an entry and shares it with two audiences; the form names who would read it.
  await login(page, users.participant.email, { to: "/journaal/schrijven" });
  await expectAccessibleOnce(page);
  await page.getByLabel("Titel (mag leeg blijven)").fill(title);
  await page.getByLabel("Je tekst").fill("Ik twijfel of we de wethouder nu al moeten betrekken.");
  await page.getByRole("button", { name: "Opslaan en bekijken" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const sharing = page.getByRole("group", { name: /Delen met/ });
  await expect(sharing).toContainText("Erik Mulder");
  await expect(sharing).toContainText("Anouk Willems");
  await sharing.getByRole("checkbox", { name: "Mijn duopartner" }).check();
  await sharing.getByRole("checkbox", { name: "De begeleiders van mijn leernetwerk" }).check();
  await page.getByRole("button", { name: "Delen opslaan" }).click();
  const readers = page.getByTestId("readers");
  await expect(readers).toContainText("Erik Mulder");
  await expect(readers).toContainText("Marco Jansen");
  await expect(readers).toContainText("Anouk Willems");
  await expect(page.getByTestId("read-by")).toHaveText("Nog niemand anders heeft dit stuk gelezen.");
  await expectAccessible(page, "shared with two audiences");
  const entryPath = new URL(page.url()).pathname;
  await logout(page);

  // Both audiences read it: the duo partner and a facilitator.
  for (const reader of [users.participantPartner, users.otherCohortFacilitator]) {
    await login(page, reader.email, { to: entryPath });
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Wie kan dit lezen?" })).toHaveCount(0);
    await expectAccessibleOnce(page);
    await logout(page);
  }

  // The coordinator takes Anouk off the cohort: she cannot open the entry any more, at once.
  await login(page, users.coordinator.email, { to: facilitatorsPath });
  await page.getByRole("button", { name: "Weghalen (Anouk Willems)" }).click();
  await expect(page.getByRole("button", { name: "Weghalen (Anouk Willems)" })).toHaveCount(0);
  await logout(page);
  await login(page, users.otherCohortFacilitator.email);
  await expectAccessibleOnce(page);
  const response = await page.goto(entryPath);
  expect(statusOf(response)).toBe(404);
  await expectAccessible(page, "after leaving");
  await page.goto("/journaal/gedeeld");
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
  await expectAccessibleOnce(page);
  await logout(page);

  // Lisa sees who read her entry.
  await login(page, users.participant.email, { to: entryPath });
  const readBy = page.getByTestId("read-by");
  await expect(readBy).toContainText("Erik Mulder");
  await expect(readBy).toContainText("Anouk Willems");
  await expectAccessible(page, "read by");
});

// Guards authorization as the browser sees it: pages need a login; a participant cannot open another
// cohort (a Dutch 404, the same as for an id that does not exist, so ids cannot be probed) nor the
// coordinator's management pages or actions (a Dutch 403); unknown URLs give the Dutch 404 page.
import {
  DEMO_COHORT_NAME,
  expect,
  expectAccessible,
  login,
  logout,
  statusOf,
  submitLogin,
  test,
  users,
} from "./fixtures.ts";

test("a visitor who is not logged in is sent to the login page, and back after logging in", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/inloggen$/);
  await expect(page.getByRole("heading", { level: 1, name: "Inloggen" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Hoofdmenu" })).toHaveCount(0);
  await expectAccessible(page);

  await page.goto("/beheer/uitnodigingen");
  await expect(page).toHaveURL(/\/inloggen\?redirectTo=%2Fbeheer%2Fuitnodigingen$/);
  await submitLogin(page, users.coordinator.email, "Leernetwerk-demo-2027");
  await expect(page).toHaveURL(/\/beheer\/uitnodigingen$/);
  await expect(page.getByRole("heading", { level: 1, name: "Uitnodigingen" })).toBeVisible();
  await expectAccessible(page);
});

test("a participant of one cohort gets a 404 for another cohort's page", async ({ page }) => {
  // Lisa's own cohort link gives the demo cohort's id, and her cohort page works for her.
  await login(page, users.participant.email);
  const cohortLink = page.getByRole("heading", { level: 2 }).getByRole("link", { name: DEMO_COHORT_NAME });
  const href = await cohortLink.getAttribute("href");
  expect(href).toMatch(/^\/leernetwerken\/[0-9a-f-]{36}$/);
  await cohortLink.click();
  await expect(page).toHaveURL(href!);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(DEMO_COHORT_NAME);
  await expect(page.getByRole("listitem").filter({ hasText: /^Lisa Bakker \(jij\) — beleidsmedewerker$/ })).toHaveCount(
    1,
  );
  await expectAccessible(page);
  await logout(page);

  // Joost is in the other cohort: its page works, the demo cohort's page is "not found".
  await login(page, users.otherCohortParticipant.email);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welkom, Joost");
  await expect(page.getByRole("heading", { level: 2, name: /Participatiewet, najaar 2026/ })).toBeVisible();
  await expectAccessible(page);

  const response = await page.goto(href!);
  expect(statusOf(response)).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pagina niet gevonden");
  await expect(page.getByText("Foutcode 404")).toBeVisible();
  await expect(page.getByText(DEMO_COHORT_NAME)).toHaveCount(0);
  // Still inside the normal layout, logged in, with a way back.
  await expect(page.getByRole("navigation", { name: "Hoofdmenu" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Naar de startpagina" })).toBeVisible();
  await expectAccessible(page);

  // A well-formed id that does not exist, and an id that is not even a uuid: the same 404.
  const unknown = await page.goto("/leernetwerken/00000000-0000-4000-8000-000000000000");
  expect(statusOf(unknown)).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pagina niet gevonden");
  await expectAccessible(page);
  const notUuid = await page.request.get("/leernetwerken/niet-een-id");
  expect(notUuid.status()).toBe(404);
  expect(await notUuid.text()).toContain("Pagina niet gevonden");
});

test("a participant gets 403 on the coordinator's pages and cannot post invitations", async ({ page }) => {
  await login(page, users.participant.email);
  await expectAccessible(page);
  const response = await page.goto("/beheer/uitnodigingen");
  expect(statusOf(response)).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Geen toegang");
  await expect(page.getByText("Foutcode 403")).toBeVisible();
  await expect(page.getByRole("button", { name: "Uitnodiging versturen" })).toHaveCount(0);
  await expectAccessible(page);

  for (const path of ["/beheer/e-mail", "/beheer/logboek"]) {
    const other = await page.request.get(path);
    expect(other.status(), path).toBe(403);
    expect(await other.text()).toContain("Geen toegang");
  }
  // The action checks the role too, not only the page: a hand-made post is refused.
  const post = await page.request.post("/beheer/uitnodigingen", {
    form: { intent: "invite", email: "indringer@e2e.test", role: "COORDINATOR" },
  });
  expect(post.status()).toBe(403);
});

test("an unknown address shows the Dutch 404 page", async ({ page }) => {
  const response = await page.goto("/deze-pagina-bestaat-niet");
  expect(statusOf(response)).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pagina niet gevonden");
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  await expectAccessible(page);
});

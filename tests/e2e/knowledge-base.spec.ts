// The cohort synthesis and the public knowledge base (issue 16): a facilitator of the closed cohort
// "voorjaar 2026" rewrites its synthesis (a name is refused), which takes it offline until a coordinator
// approves it again; then a visitor without an account reads it. axe-core runs on every page visited.
import {
  DEMO_PASSWORD,
  expect,
  expectAccessible,
  expectAccessibleOnce,
  login,
  logout,
  submitLogin,
  test,
  users,
} from "./fixtures.ts";

const COHORT = "Leernetwerk Ervaringskennis in beleid, voorjaar 2026";
const FATIMA = "fatima.elamrani@leernetwerk.test";

test("a facilitator writes the cohort synthesis, a coordinator approves it, anyone reads it", async ({ page }) => {
  test.setTimeout(150_000);
  const title = `Wat dit leernetwerk leerde ${Date.now().toString(36)}`;
  await login(page, FATIMA, { to: "/leernetwerken" });
  await expectAccessibleOnce(page);
  await page.getByRole("link", { name: COHORT }).click();
  await expect(page.getByRole("heading", { level: 1, name: COHORT })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Synthese voor de kennisbank" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Synthese voor de kennisbank" })).toBeVisible();
  await expect(page.getByTestId("synthesis-state")).toContainText("Goedgekeurd en openbaar in de kennisbank.");
  await expectAccessible(page);

  // A name of someone in the cohort is refused; what was typed stays.
  await page.getByLabel("Titel", { exact: true }).fill(title);
  const body = page.getByLabel("Wat heeft dit leernetwerk geleerd?");
  await body.fill(
    "Sem liet zien dat gesprekken op plekken waar mensen al komen meer opleveren dan een enquête.\n\nBetalen voor meedenken maakt het verschil.",
  );
  await page.getByRole("button", { name: "Opslaan en laten beoordelen" }).click();
  await expect(page.getByText("Er staat een naam in: “Sem”. Haal namen van mensen weg.").first()).toBeVisible();
  await expect(page.getByLabel("Titel", { exact: true })).toHaveValue(title);
  await expectAccessible(page, "with an error");
  await body.fill(
    "Gesprekken op plekken waar mensen al komen leverden meer op dan een enquête.\n\nBetalen voor meedenken maakt het verschil.",
  );
  await page.getByLabel("Fase 4: Evalueren en terugkoppelen").check();
  await page.getByRole("button", { name: "Opslaan en laten beoordelen" }).click();
  await expect(page.getByTestId("synthesis-state")).toContainText("Wacht op beoordeling door een coördinator.");
  await expectAccessible(page, "waiting for review");
  await logout(page);

  // Until it is approved again, it is not public.
  await page.goto("/kennisbank?soort=synthese");
  await expect(page.getByRole("heading", { level: 1, name: "Kennisbank" })).toBeVisible();
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
  await expectAccessible(page, "signed out");

  await login(page, users.coordinator.email, { to: "/beheer/kennisbank" });
  await expect(page.getByRole("heading", { level: 1, name: "Kennisbank beoordelen" })).toBeVisible();
  const item = page.getByRole("region", { name: title });
  await expect(item).toContainText("Synthese van de begeleiders");
  await expectAccessibleOnce(page);
  await item.getByRole("button", { name: /^Goedkeuren en publiceren/ }).click();
  await expect(page.getByText("Goedgekeurd: de tekst staat nu openbaar in de kennisbank")).toBeVisible();
  await logout(page);

  // Anyone finds it, without an author's name, and can print it.
  await page.goto("/kennisbank");
  await expect(page.getByRole("heading", { level: 1, name: "Kennisbank" })).toBeVisible();
  await page.getByLabel("Soort tekst").selectOption("synthese");
  await page.getByLabel("Fase van de lemniscaat").selectOption("evalueren");
  await page.getByRole("button", { name: "Zoeken" }).click();
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText(/Lessen van het leernetwerk, geschreven door de begeleiders/)).toBeVisible();
  await expect(page.getByText(/Fatima/)).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Afdrukken" })).toBeVisible();
  await expectAccessible(page, "signed out");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Afdrukken" })).toBeHidden();
  await expect(page.locator(".site-footer")).toBeHidden();

  // A reader with an account signs in from the header and comes back to the same text.
  await page.emulateMedia({ media: "screen" });
  const article = new URL(page.url()).pathname;
  await page.getByRole("banner").getByRole("link", { name: "Inloggen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Inloggen" })).toBeVisible();
  await expect(page.getByRole("banner").getByRole("link", { name: "Inloggen" })).toHaveCount(0);
  await expectAccessibleOnce(page);
  await submitLogin(page, users.participant.email, DEMO_PASSWORD);
  await expect(page).toHaveURL(article);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await logout(page);

  // A coordinator takes it offline again, with a reason for the facilitators.
  await login(page, users.coordinator.email, { to: "/beheer/kennisbank" });
  const published = page
    .getByRole("region", { name: "Openbaar in de kennisbank" })
    .getByRole("listitem")
    .filter({ has: page.getByRole("link", { name: title }) });
  await published.getByText("Offline halen", { exact: false }).first().click();
  await published.getByLabel("Reden om offline te halen").fill("Een lezer herkende de wijk. Haal de plaatsnaam weg.");
  await expectAccessible(page, "taking offline");
  await published.getByRole("button", { name: /^Offline halen/ }).click();
  await expect(page.getByRole("status").first()).toContainText("Offline gehaald");
  await expect(published).toHaveCount(0);
  await logout(page);
  await page.goto("/kennisbank?soort=synthese");
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
});

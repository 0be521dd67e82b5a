// Guards: logging in as each demo role (coordinator, facilitator, participant) lands on that role's own
// start page, with that role's headings and main menu, and nothing from another role's menu.
import { DEMO_COHORT_NAME, expect, expectAccessible, login, test, users } from "./fixtures.ts";

test("the coordinator sees what needs attention, all cohorts and the management menu", async ({ page }) => {
  await login(page, users.coordinator.email);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welkom, Sanne");
  await expect(page.getByRole("heading", { level: 2, name: "Wat aandacht nodig heeft" })).toBeVisible();
  const cohorts = page.getByRole("region", { name: "Leernetwerken" });
  await expect(cohorts.getByRole("link", { name: DEMO_COHORT_NAME })).toBeVisible();
  await expect(cohorts.getByRole("link", { name: /Participatiewet, najaar 2026/ })).toBeVisible();

  const menu = page.getByRole("navigation", { name: "Hoofdmenu" });
  await expect(menu.getByRole("link")).toHaveText([
    /^Start/,
    "Leernetwerken",
    "Leren",
    "Kennisbank",
    "Uitnodigingen",
    "E-mail",
    "Logboek",
    "Account",
  ]);
  // Out of context ("Start") the link says where it goes to a screen reader too.
  await expect(menu.getByRole("link").first()).toHaveAccessibleName(
    "Start – je overzicht van wat er voor je klaarstaat",
  );
  await expect(page.getByRole("banner")).toContainText("Sanne de Vries (Coördinator)");
  await expectAccessible(page);
});

test("the facilitator sees their next sessions and cohorts, without management pages", async ({ page }) => {
  await login(page, users.facilitator.email);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welkom, Marco");
  const next = page.getByRole("region", { name: "Je volgende bijeenkomsten" });
  await expect(next.getByRole("heading", { level: 3, name: /^Bijeenkomst \d+:/ }).first()).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Leernetwerken die je begeleidt" }).getByRole("link", { name: DEMO_COHORT_NAME }),
  ).toBeVisible();
  await expect(page.getByRole("heading", { name: "Wat aandacht nodig heeft" })).toHaveCount(0);

  const menu = page.getByRole("navigation", { name: "Hoofdmenu" });
  await expect(menu.getByRole("link")).toHaveText([
    /^Start/,
    "Mijn leernetwerken",
    "Intervisie",
    "Leren",
    "Gedeelde journaals",
    "Kennisbank",
    "Account",
  ]);
  await expect(page.getByRole("link", { name: "Uitnodigingen" })).toHaveCount(0);
  await expect(page.getByRole("banner")).toContainText("Marco Jansen (Begeleider)");
  await expectAccessible(page);
});

test("the participant sees their cohort, duo partner, next session and open tasks", async ({ page }) => {
  await login(page, users.participant.email);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welkom, Lisa");
  await expect(page.getByRole("heading", { level: 2, name: DEMO_COHORT_NAME })).toBeVisible();
  await expect(page.getByText(/namens de gemeente Zwolle/)).toContainText("Je duo: Erik Mulder (leidinggevende)");
  await expect(page.getByRole("heading", { level: 2, name: "Volgende bijeenkomst" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Open taken" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Wat aandacht nodig heeft" })).toHaveCount(0);

  const menu = page.getByRole("navigation", { name: "Hoofdmenu" });
  await expect(menu.getByRole("link")).toHaveText([
    /^Start/,
    "Mijn leernetwerk",
    "Opdrachten",
    "Aanpak",
    "Intervisie",
    "Leren",
    "Journaal",
    "Kennisbank",
    "Account",
  ]);
  for (const name of ["Uitnodigingen", "E-mail", "Logboek"]) {
    await expect(page.getByRole("link", { name, exact: true })).toHaveCount(0);
  }
  await expect(page.getByRole("banner")).toContainText("Lisa Bakker (Deelnemer)");
  await expectAccessible(page);
});

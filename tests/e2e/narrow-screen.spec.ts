// Guards the phone-sized layout: at 375 px wide the login page, the participant's start page and the
// cohort page fit the screen (no sideways scrolling) and stay accessible.
import type { Page } from "@playwright/test";
import { expect, expectAccessible, submitLogin, test, users } from "./fixtures.ts";

test.use({ viewport: { width: 375, height: 740 } });

async function expectNoHorizontalScroll(page: Page) {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.client).toBeLessThanOrEqual(375);
  expect(widths.scroll, `page is ${widths.scroll}px wide on a 375px screen`).toBeLessThanOrEqual(375);
}

test("the participant's start page fits a 375 px wide screen", async ({ page }) => {
  await page.goto("/inloggen");
  await expectNoHorizontalScroll(page);
  await expectAccessible(page);

  await submitLogin(page, users.participant.email, "Leernetwerk-demo-2027");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welkom, Lisa");
  await expect(page.getByRole("heading", { level: 2, name: "Open taken" })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await expectAccessible(page);

  await page.getByRole("heading", { level: 2 }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/leernetwerken\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 2, name: "Programma" })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await expectAccessible(page);
});

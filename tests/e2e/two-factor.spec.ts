// Two-factor sign-in end to end: a facilitator sets it up with the QR code's secret (the code computed
// here from the secret shown as text, as an authenticator app would), keeps the recovery codes, signs out,
// signs in with password and code, and turns it off again with a recovery code.
import { generate } from "otplib";
import { DEMO_PASSWORD, expect, expectAccessible, login, logout, submitLogin, test } from "./fixtures.ts";

// A facilitator no other browser test signs in as (two-factor sign-in is turned off again at the end).
const PIETER = "pieter.vandam@leernetwerk.test";

/**
 * A code the server will take: the current 30-second step's, or the next one's when the current step was
 * used already (the server accepts one step either side and never the same step twice).
 */
async function codeAfter(secret: string, lastStep: number | null) {
  const step = Math.floor(Date.now() / 30_000);
  const use = lastStep === null || step > lastStep ? step : lastStep + 1;
  return { code: await generate({ secret, epoch: use * 30 }), step: use };
}

test("a facilitator sets up two-factor sign-in, signs in with a code and turns it off again", async ({ page }) => {
  // Three sign-ins and eleven accessibility checks.
  test.setTimeout(120_000);
  await login(page, PIETER);

  await page.goto("/account");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Tweestapsverificatie instellen" }).click();
  await expect(page).toHaveURL(/\/account\/tweestapsverificatie$/);
  await expect(page.getByRole("heading", { level: 2, name: "Tweestapsverificatie staat uit" })).toBeVisible();
  await expectAccessible(page, "off");

  await page.getByRole("button", { name: "Tweestapsverificatie instellen" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Instellen" })).toBeVisible();
  const qr = page.getByRole("img", { name: /QR-code/ });
  await expect(qr).toBeVisible();
  expect(await qr.getAttribute("src")).toMatch(/^data:image\/svg\+xml;base64,/);
  const secret = (await page.getByTestId("two-factor-secret").textContent())!.replaceAll(" ", "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await expectAccessible(page, "setting up");

  // A mistyped code first: a clear message at the field.
  await page.getByLabel("Code uit je app").fill("000000");
  await page.getByRole("button", { name: "Bevestigen en aanzetten" }).click();
  await expect(page.getByText("Deze code klopt niet").first()).toBeVisible();
  await expectAccessible(page, "wrong code");

  const setup = await codeAfter(secret, null);
  await page.getByLabel("Code uit je app").fill(setup.code);
  await page.getByRole("button", { name: "Bevestigen en aanzetten" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tweestapsverificatie staat aan" })).toBeVisible();
  const recoveryCodes = await page.getByTestId("recovery-codes").getByRole("listitem").allTextContents();
  expect(recoveryCodes).toHaveLength(10);
  await expect(page.getByRole("button", { name: "Afdrukken" })).toBeVisible();
  await expectAccessible(page, "recovery codes");

  // Signing in again: the password alone is not enough.
  await logout(page);
  await submitLogin(page, PIETER, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/inloggen\/code$/);
  await expect(page.getByRole("heading", { level: 1, name: "Code invullen" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Code", { exact: true }).fill("123456");
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page.getByText("Deze code klopt niet").first()).toBeVisible();
  await expectAccessible(page, "wrong code");
  const signIn = await codeAfter(secret, setup.step);
  await page.getByLabel("Code", { exact: true }).fill(signIn.code);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page).toHaveURL("/");
  await expectAccessible(page, "signed in with a code");

  // Off again (so the demo account is as it was), with the password and a recovery code.
  await page.goto("/account/tweestapsverificatie");
  await expect(page.getByRole("heading", { level: 2, name: "Tweestapsverificatie staat aan" })).toBeVisible();
  await expect(page.getByText("10 herstelcodes")).toBeVisible();
  await expectAccessible(page, "on");
  await page.getByLabel("Je wachtwoord").fill(DEMO_PASSWORD);
  await page.getByLabel("Code uit je app of een herstelcode").fill(recoveryCodes[0]!);
  await page.getByRole("button", { name: "Tweestapsverificatie uitzetten" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Tweestapsverificatie staat uit" })).toBeVisible();
  await expectAccessible(page, "turned off, with toast");

  await logout(page);
  await login(page, PIETER);
});

// Guards what people see when they type something wrong: a failed login keeps the e-mail address and
// says (the same for a wrong password and an unknown address) that it did not work; too many failures
// for one address pause the login for it; forms with errors keep what was typed and show a Dutch error
// next to the field; mismatching passwords on the invitation page are caught.
import type { Page, Response } from "@playwright/test";
import {
  DEMO_PASSWORD,
  expect,
  expectAccessible,
  login,
  logout,
  readLinkFromOutbox,
  submitLogin,
  test,
  uniqueEmail,
  users,
} from "./fixtures.ts";

const WRONG_LOGIN = "Het e-mailadres of het wachtwoord klopt niet. Controleer ze en probeer het opnieuw.";
const THROTTLED = "Er is te vaak een verkeerd wachtwoord ingevuld voor dit e-mailadres.";

/** Submits the login form and returns the HTTP response to the form post. */
async function postLogin(page: Page, email: string, password: string): Promise<Response> {
  const response = page.waitForResponse(
    (r) => r.request().method() === "POST" && new URL(r.url()).pathname.startsWith("/inloggen"),
  );
  await submitLogin(page, email, password);
  return response;
}

test("a wrong password or unknown address keeps the e-mail address and shows one message", async ({ page }) => {
  await page.goto("/inloggen");
  await expectAccessible(page);

  const wrongPassword = await postLogin(page, "erik.mulder@zwolle.test", "niet-het-goede-wachtwoord");
  expect(wrongPassword.status()).toBe(400);
  await expect(page.getByRole("alert")).toHaveText(WRONG_LOGIN);
  await expect(page.getByLabel("E-mailadres")).toHaveValue("erik.mulder@zwolle.test");
  await expect(page).toHaveURL(/\/inloggen$/);
  await expect(page.getByRole("navigation", { name: "Hoofdmenu" })).toHaveCount(0);
  await expectAccessible(page, "wrong password");

  // An address without an account gets exactly the same answer (no way to find out who has an account).
  const unknown = await postLogin(page, "niemand.hier@e2e.test", DEMO_PASSWORD);
  expect(unknown.status()).toBe(400);
  await expect(page.getByRole("alert")).toHaveText(WRONG_LOGIN);
  await expect(page.getByLabel("E-mailadres")).toHaveValue("niemand.hier@e2e.test");

  // An empty form gets field errors in Dutch, linked to the fields.
  await page.getByLabel("E-mailadres").fill("");
  await page.getByLabel("Wachtwoord", { exact: true }).fill("");
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page.getByText("Vul je e-mailadres in.")).toBeVisible();
  await expect(page.getByText("Vul je wachtwoord in.")).toBeVisible();
  await expect(page.getByLabel("E-mailadres")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("E-mailadres")).toHaveAccessibleDescription(/Vul je e-mailadres in\./);
  await expectAccessible(page, "empty form");
});

test("after five failed logins for one address, even the right password is refused for a while", async ({ page }) => {
  const email = "hans.smit@amersfoort.test";
  await page.goto("/inloggen");
  await expectAccessible(page);
  for (let attempt = 1; attempt <= 5; attempt++) {
    const response = await postLogin(page, email, `fout-wachtwoord-${attempt}`);
    expect(response.status(), `attempt ${attempt}`).toBe(400);
    await expect(page.getByRole("alert")).toHaveText(WRONG_LOGIN);
  }
  const throttled = await postLogin(page, email, DEMO_PASSWORD);
  expect(throttled.status()).toBe(429);
  await expect(page.getByRole("alert")).toContainText(THROTTLED);
  await expect(page.getByRole("alert")).toContainText("Wacht 15 minuten");
  await expect(page.getByLabel("E-mailadres")).toHaveValue(email);
  await expect(page).toHaveURL(/\/inloggen$/);
  await expectAccessible(page, "throttled");

  // The pause is per address: someone else can still log in from the same browser.
  await submitLogin(page, users.participant.email, DEMO_PASSWORD);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welkom, Lisa");
  await expectAccessible(page);
});

test("the invitation form keeps what was typed when the e-mail address is invalid", async ({ page }) => {
  await login(page, users.coordinator.email, { to: "/beheer/uitnodigingen" });
  await expectAccessible(page);

  await page.getByLabel("E-mailadres").fill("geen-geldig-adres");
  await page.getByLabel("Naam (mag leeg blijven)").fill("Iemand Anders");
  await page.getByLabel("Rol").selectOption({ label: "Deelnemer" });
  const enrollment = page.getByLabel("Gemeente in het leernetwerk");
  const tilburg = await enrollment.locator("option", { hasText: "Tilburg" }).getAttribute("value");
  await enrollment.selectOption(tilburg!);
  await page.getByLabel("Functie in het duo").selectOption({ label: "Leidinggevende" });
  await page.getByRole("button", { name: "Uitnodiging versturen" }).click();

  const emailInput = page.getByLabel("E-mailadres");
  await expect(page.getByRole("alert")).toContainText("Eén veld is niet goed ingevuld.");
  await expect(page.getByText("Vul een geldig e-mailadres in, bijvoorbeeld naam@gemeente.nl.")).toBeVisible();
  await expect(emailInput).toHaveAttribute("aria-invalid", "true");
  await expect(emailInput).toHaveAccessibleDescription(/Vul een geldig e-mailadres in/);
  await expect(emailInput).toHaveValue("geen-geldig-adres");
  await expect(page.getByLabel("Naam (mag leeg blijven)")).toHaveValue("Iemand Anders");
  await expect(page.getByLabel("Rol")).toHaveValue("PARTICIPANT");
  await expect(enrollment).toHaveValue(tilburg!);
  await expect(page.getByLabel("Functie in het duo")).toHaveValue("LEIDINGGEVENDE");
  await expect(page.getByRole("row").filter({ hasText: "geen-geldig-adres" })).toHaveCount(0);
  await expectAccessible(page, "invalid e-mail");
});

test("mismatching passwords on the invitation page are caught, and fixing them works", async ({ page }) => {
  const email = uniqueEmail("twee.wachtwoorden");
  await login(page, users.coordinator.email, { to: "/beheer/uitnodigingen" });
  await expectAccessible(page);
  await page.getByLabel("E-mailadres").fill(email);
  const enrollment = page.getByLabel("Gemeente in het leernetwerk");
  await enrollment.selectOption((await enrollment.locator("option", { hasText: "Zaanstad" }).getAttribute("value"))!);
  await page.getByLabel("Rol").selectOption({ label: "Deelnemer" });
  await page.getByLabel("Functie in het duo").selectOption({ label: "Beleidsmedewerker" });
  await page.getByRole("button", { name: "Uitnodiging versturen" }).click();
  await expect(page.getByRole("status")).toContainText("De uitnodiging is verstuurd");
  const invitationPath = await readLinkFromOutbox(page, email, "/uitnodiging/");
  await logout(page);

  await page.goto(invitationPath);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welkom bij het Leernetwerk");
  await expectAccessible(page);
  await page.getByLabel("Je naam").fill("Tim Tweemaal");
  await page.getByLabel("Kies een wachtwoord").fill("Eerste lange wachtwoord 1");
  await page.getByLabel("Herhaal het wachtwoord").fill("Tweede lange wachtwoord 2");
  await page.getByRole("button", { name: "Account aanmaken" }).click();

  const confirm = page.getByLabel("Herhaal het wachtwoord");
  await expect(page.getByText("De twee wachtwoorden zijn niet gelijk.")).toBeVisible();
  await expect(confirm).toHaveAttribute("aria-invalid", "true");
  await expect(confirm).toHaveAccessibleDescription(/De twee wachtwoorden zijn niet gelijk\./);
  await expect(page.getByLabel("Je naam")).toHaveValue("Tim Tweemaal");
  await expect(page).toHaveURL(invitationPath);
  await expectAccessible(page, "passwords differ");

  // The link was not used up by the failed attempt.
  await page.getByLabel("Kies een wachtwoord").fill("Eerste lange wachtwoord 1");
  await confirm.fill("Eerste lange wachtwoord 1");
  await page.getByRole("button", { name: "Account aanmaken" }).click();
  await expect(page).toHaveURL(/\/leernetwerken\/[0-9a-f-]{36}$/);
  await expect(
    page.getByRole("listitem").filter({ hasText: /^Tim Tweemaal \(jij\) — beleidsmedewerker$/ }),
  ).toHaveCount(1);
  await expectAccessible(page);
});

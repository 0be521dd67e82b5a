// The programme's evaluation (issue 16): a participant answers the evaluation of a session that took place
// (bad input first: what was typed stays), cannot answer it twice, and the facilitator then sees only the
// aggregate — no names — now that three participants answered; the CSV for researchers holds no names either.
// Demo data (prisma/demo-evaluation.ts): in the Participatiewet cohort, two of four answered session 3; Joost
// is the third. axe-core runs on every page visited.
import { expect, expectAccessible, login, logout, test, users } from "./fixtures.ts";

const SESSION = "Bijeenkomst 3: Positie van de ervaringsdeskundige";
const VALUABLE = "Het gesprek met de ervaringsdeskundige over de eerste brief";

test("a participant answers an evaluation and the facilitator sees only the aggregate", async ({ page }) => {
  test.setTimeout(120_000);
  await login(page, users.otherCohortParticipant.email);
  await expectAccessible(page);
  await page.getByRole("link", { name: `Evaluatie invullen: ${SESSION}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Evaluatie van de bijeenkomst" })).toBeVisible();
  await expect(page.getByText(SESSION).first()).toBeVisible();
  await expectAccessible(page);
  const evaluationUrl = page.url();

  // Sent without the scale answers: refused at each question, and the open answer typed stays.
  await page.getByLabel("Wat was voor jou het meest waardevol?").fill(VALUABLE);
  await page.getByRole("button", { name: "Evaluatie versturen" }).click();
  await expect(page.getByText("5 velden zijn niet goed ingevuld.")).toBeVisible();
  await expect(page.getByText("Kies een antwoord op deze vraag.").first()).toBeVisible();
  await expect(page.getByLabel("Wat was voor jou het meest waardevol?")).toHaveValue(VALUABLE);
  await expectAccessible(page, "errors");

  const choose = async (question: string, label: string) =>
    page.getByRole("group", { name: question }).getByLabel(label, { exact: true }).check();
  await choose("De bijeenkomst was nuttig voor mij.", "5: Helemaal mee eens");
  await choose("Wat ik vandaag heb gehoord en gedaan, kan ik gebruiken in mijn werk aan beleid of uitvoering.", "4");
  await choose("De inbreng van de ervaringsdeskundigen heeft mij iets nieuws laten zien.", "5: Helemaal mee eens");
  await choose("Ik heb iets gehad aan het gesprek met de andere gemeenten.", "3");
  await choose("De begeleiders hebben de bijeenkomst goed geleid.", "4");
  await page.getByRole("button", { name: "Evaluatie versturen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Evaluatie" })).toBeVisible();
  await expect(page.getByText("Dank je wel! Je evaluatie is verstuurd")).toBeVisible();
  const item = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: SESSION }) });
  await expect(item.getByText("Ingevuld")).toBeVisible();
  await expectAccessible(page);

  // Once only: the form is gone, with the reason.
  await page.goto(evaluationUrl);
  await expect(page.getByText(/Je hebt deze evaluatie al ingevuld/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Evaluatie versturen" })).toHaveCount(0);
  const resultsUrl = `${new URL(evaluationUrl).pathname}/resultaten`;
  await logout(page);

  // The facilitator: counts per evaluation, then the aggregate of session 3 (three answers now).
  await login(page, users.otherCohortFacilitator.email, {
    to: new URL(evaluationUrl).pathname.replace(/\/[^/]+$/, ""),
  });
  await expect(page.getByRole("heading", { level: 1, name: "Evaluatie" })).toBeVisible();
  const row = page.getByRole("row", { name: new RegExp(SESSION) });
  await expect(row.getByRole("cell", { name: "3 van 4" })).toBeVisible();
  await expectAccessible(page);
  await row.getByRole("link", { name: /Bekijk/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Uitkomsten: ${SESSION}` })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe(resultsUrl);
  await expect(page.getByText("Gebaseerd op 3 antwoorden.")).toBeVisible();
  await expect(page.getByRole("img", { name: /gemiddelde per vraag/ })).toBeVisible();
  const table = page.getByRole("table", { name: /antwoorden per vraag/ });
  await expect(table.getByRole("row", { name: /De bijeenkomst was nuttig voor mij\./ })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: VALUABLE })).toBeVisible();
  // Only the aggregate: no participant's name anywhere in the page's content.
  const main = page.getByRole("main");
  for (const name of ["Joost", "Karin", "Daan", "Ellen"]) await expect(main).not.toContainText(name);
  await expectAccessible(page);

  await page.getByRole("link", { name: "Uitkomsten van het hele leernetwerk" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Uitkomsten van het leernetwerk" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Gemiddelde per vraag, per bijeenkomst" })).toBeVisible();
  await expectAccessible(page);

  // The CSV for researchers: aggregates and open answers, no names.
  const csv = await (await page.request.get(`${resultsUrl.replace(/\/[^/]+\/resultaten$/, "")}/resultaten.csv`)).text();
  expect(csv).toContain(VALUABLE);
  expect(csv).toContain("De bijeenkomst was nuttig voor mij.");
  for (const name of ["Joost", "Karin", "Daan", "Ellen", "almere.test"]) expect(csv).not.toContain(name);
});

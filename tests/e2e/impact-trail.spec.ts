// The impact trail: a duo member records a policy topic through all four lemniscaat phases (ervaringen
// ophalen, vertalen, aanpassen, terugkoppelen), sees the phase progress on the topic list and opens the
// printable "Wat hebben we met uw ervaringen gedaan?" page for the council. axe-core runs on every page.
import { expect, expectAccessible, expectAccessibleOnce, login, test, users } from "./fixtures.ts";

test("a duo records a topic through the four phases and opens the page for the council", async ({ page }) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const topic = `Toegang tot de schuldhulpverlening ${stamp}`;
  await login(page, users.participant.email);
  await expectAccessibleOnce(page);
  await page.getByRole("link", { name: "Impactspoor van Zwolle" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Impactspoor van Zwolle" })).toBeVisible();
  await expectAccessible(page);

  // A new topic; an empty name is refused with a Dutch message first.
  await page.getByRole("button", { name: "Onderwerp toevoegen" }).click();
  await expect(page.getByText("Geef het onderwerp een naam van minstens 3 tekens.")).toBeVisible();
  await page.getByLabel("Beleidsonderwerp").fill(topic);
  await page.getByLabel("Toelichting (niet verplicht)").fill("Inwoners met schulden vinden de weg naar hulp laat.");
  await page.getByRole("button", { name: "Onderwerp toevoegen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: topic })).toBeVisible();
  await expect(page.getByText("Ronde 1: 0 van 4 fasen")).toBeVisible();
  await expectAccessible(page);
  const topicUrl = page.url();

  // Phase 1: how and from whom the experiences were gathered, consent noted; the form warns about personal data.
  await page.getByRole("link", { name: "1. Ervaringen ophalen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Fase 1: Ervaringskennis ontsluiten" })).toBeVisible();
  await expect(page.getByText("Geen persoonsgegevens van inwoners.")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Korte titel van deze stap").fill("Groepsgesprek in de bibliotheek");
  await page.getByLabel("Datum").fill("2027-03-14");
  await page.getByLabel("Gesprek in een groep").check();
  await page.getByLabel("Klantreis").check();
  await page.getByLabel("Van wie (in algemene termen)").fill("Tien inwoners met schulden, via het buurtteam");
  await page.getByLabel("Toestemming").fill("Mondeling gevraagd, vastgelegd in het verslag");
  await page.getByLabel("Wat hoorden jullie?").fill("De eerste brief is moeilijk en komt laat.");
  const linkSelect = page.getByLabel("Onderdeel van het leernetwerk");
  await linkSelect.selectOption(
    (await linkSelect
      .locator("option", { hasText: /^Aanpak \(/ })
      .first()
      .getAttribute("value")) ?? "",
  );
  await page.getByRole("button", { name: "Stap opslaan" }).click();
  await expect(page.getByRole("heading", { level: 4, name: /Groepsgesprek in de bibliotheek/ })).toBeVisible();

  // Phases 2, 3 and 4.
  const addStep = async (link: string, title: string, fill: () => Promise<void>) => {
    await page.goto(topicUrl);
    await page.getByRole("link", { name: link }).click();
    await page.getByLabel("Korte titel van deze stap").fill(title);
    await page.getByLabel("Datum").fill("2027-04-02");
    await fill();
    await page.getByRole("button", { name: "Stap opslaan" }).click();
    await expect(page.getByRole("heading", { level: 4, name: new RegExp(title) })).toBeVisible();
  };
  await addStep("2. Vertalen", "Duiden met ervaringsdeskundigen", async () => {
    await page.getByLabel("Onderliggende oorzaken").fill("De drempel naar hulp is te hoog.");
  });
  await addStep("3. Aanpassen", "Besluit over één loket", async () => {
    await page.getByLabel("Wat verandert er?").fill("Eén loket voor geldzorgen in het wijkcentrum.");
    await page.getByLabel("Besloten door").fill("Het college");
    await page.getByLabel("Stand van zaken").selectOption("besloten");
  });
  await addStep("4. Terugkoppelen", "Brief aan de deelnemers", async () => {
    await page.getByLabel("Wat hebben jullie met de ervaringen gedaan?").fill("Er komt één loket.");
    await page
      .getByLabel("Wat hebben jullie niet overgenomen, en waarom niet?")
      .fill("Een avondopening kan nog niet: daar is geen budget voor.");
    await page.getByLabel("Hoe hebben jullie het laten weten?").fill("Een brief via het buurtteam.");
  });
  await expect(page.getByText("Ronde 1: 4 van 4 fasen").first()).toBeVisible();
  await expectAccessible(page);

  // The topic list shows the progress.
  await page.getByRole("link", { name: "Impactspoor van Zwolle" }).click();
  const card = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: topic }) });
  await expect(card.getByText("Ronde 1: 4 van 4 fasen")).toBeVisible();

  // The printable page for the council and the residents.
  await page.goto(topicUrl);
  await page.getByRole("link", { name: /Wat hebben we met uw ervaringen gedaan\?/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Wat hebben we met uw ervaringen gedaan?" })).toBeVisible();
  await expect(page.getByText("Een avondopening kan nog niet: daar is geen budget voor.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: "Wat er verandert" })).toBeVisible();
  await expectAccessible(page);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Hoofdmenu" })).toBeHidden();
  await expect(page.getByRole("link", { name: /Downloaden als Word-bestand/ })).toBeHidden();
  const download = page.waitForEvent("download");
  await page.emulateMedia({ media: "screen" });
  await page.getByRole("link", { name: /Downloaden als Word-bestand/ }).click();
  expect((await download).suggestedFilename()).toMatch(/^terugkoppeling-zwolle-toegang-tot-de-schuldhulpverlening/);
});

test("a participant keeps a journal entry in a topic of the impact trail and finds it on the topic page", async ({
  page,
}) => {
  test.slow();
  const stamp = Date.now().toString(36);
  const entryTitle = `Wat ik wil bewaren ${stamp}`;
  const topic = `Bewaard werk ${stamp}`;
  await login(page, users.participant.email, { to: "/journaal/schrijven" });
  await expect(page.getByRole("heading", { level: 1, name: "Schrijven in je journaal" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Titel (mag leeg blijven)").fill(entryTitle);
  await page.getByLabel("Je tekst").fill("Het gesprek met de cliëntenraad veranderde onze aanpak.");
  await page.getByRole("button", { name: "Opslaan en bekijken" }).click();
  await expect(page.getByRole("heading", { level: 1, name: entryTitle })).toBeVisible();

  // "Bewaren in het impactspoor" on the entry page: a new topic without a name is refused first.
  const keep = page.getByRole("region", { name: "Bewaren in het impactspoor" });
  await expect(keep).toBeVisible();
  await expectAccessible(page);
  await keep.getByRole("button", { name: "Bewaren in het impactspoor" }).click();
  await expect(page.getByText("Geef het nieuwe onderwerp een titel.").first()).toBeVisible();
  await keep.getByLabel("Naam van het nieuwe onderwerp (als je geen onderwerp kiest)").fill(topic);
  await keep.getByRole("button", { name: "Bewaren in het impactspoor" }).click();

  // The topic page of the municipality shows the copy under "Bewaard uit het leernetwerk".
  await expect(page.getByRole("heading", { level: 1, name: topic })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Bewaard uit het leernetwerk" })).toBeVisible();
  const kept = page.getByRole("article").filter({ has: page.getByRole("heading", { level: 3, name: entryTitle }) });
  await expect(kept.getByText("Het gesprek met de cliëntenraad veranderde onze aanpak.")).toBeVisible();
  await expect(kept.getByText(/bewaard door/)).toBeVisible();
  await expectAccessible(page);
});

// A browser journey through the production shape (playwright.cluster.config.ts starts nginx, two web
// processes, two workers, PostgreSQL and Redis): the browser talks to nginx only, and nginx hands the
// requests round robin to both web processes (X-Instance names the one that answered). Lisa signs in on one
// process and is served by the other; a file she uploads through one is downloaded through the other; her
// duo partner Erik saves the same draft and Lisa's next autosave shows the conflict with both versions,
// whichever process each landed on; then one web process is killed (SIGKILL) mid-journey: the proxy routes
// around it, Lisa keeps typing, and after a reload everything she typed is there. No answer is a 5xx.
import { readFileSync } from "node:fs";
import type { Page, Response } from "@playwright/test";
import { allowConsoleErrors, expect, expectAccessible, login, test, users } from "../e2e/fixtures.ts";
import { type ClusterControl, controlFile } from "./browser-setup.ts";

const ASSIGNMENT = "Maak een rollenkaart";
const saved = /Automatisch opgeslagen om/;
// A 1×1 PNG: a real image, checked by its content.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

type Answer = { instance: string; method: string; path: string; status: number; sentAt: number };

/** Records, per page, which web process answered each request to the app (X-Instance). */
function recordAnswers(page: Page): Answer[] {
  const answers: Answer[] = [];
  page.on("response", (response: Response) => {
    // nginx's own 502 (no web process answered) has no X-Instance.
    const instance = response.headers()["x-instance"] ?? (response.status() >= 500 ? "nginx" : undefined);
    // Pages, route data and downloads; scripts and styles come from the browser's cache after the first time.
    if (!instance || !["document", "fetch", "xhr"].includes(response.request().resourceType())) return;
    answers.push({
      instance,
      method: response.request().method(),
      path: new URL(response.url()).pathname,
      status: response.status(),
      sentAt: response.request().timing().startTime,
    });
  });
  return answers;
}

/** The answer to the last request of `method` whose path matches. */
function last(answers: Answer[], method: string, path: RegExp): Answer {
  const found = answers.filter((answer) => answer.method === method && path.test(answer.path)).at(-1);
  expect(found, `a ${method} matching ${path}`).toBeDefined();
  return found!;
}

test("a journey across both web processes survives one of them being killed", async ({ page, browser }, info) => {
  const control = JSON.parse(readFileSync(controlFile(Number(new URL(info.project.use.baseURL!).port)), "utf8"));
  const { webs } = control as ClusterControl;
  expect(webs.map((web) => web.name)).toEqual(["web-1", "web-2"]);
  const lisaAnswers = recordAnswers(page);

  // Signed in on one process, served by the other.
  await login(page, users.participant.email, { to: "/opdrachten" });
  const signedInOn = last(lisaAnswers, "POST", /^\/inloggen/).instance;
  await expect(page.getByRole("heading", { level: 1, name: "Opdrachten" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: ASSIGNMENT }).click();
  await expect(page.getByRole("heading", { level: 1, name: ASSIGNMENT })).toBeVisible();
  await expectAccessible(page);
  expect(
    lisaAnswers.some((answer) => answer.instance !== signedInOn && answer.status === 200),
    "after signing in, the other process served Lisa's pages",
  ).toBe(true);

  const text = page.getByLabel("Jullie tekst");
  await text.fill("Rollenkaart: beleid (Lisa), bestuur (wethouder).");
  await expect(page.getByRole("status").filter({ hasText: saved })).toBeVisible();

  // A file uploaded through one process, downloaded through the other (the bytes live in the database).
  await page
    .getByLabel("Kies een bestand")
    .setInputFiles({ name: "rollenkaart.png", mimeType: "image/png", buffer: PNG });
  await page.getByRole("button", { name: "Bestand toevoegen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "rollenkaart.png is toegevoegd." })).toBeVisible();
  await expectAccessible(page, "file added");
  const uploadedOn = last(lisaAnswers, "POST", /^\/opdrachten\//).instance;
  const attachmentPath = await page.getByRole("link", { name: "rollenkaart.png" }).getAttribute("href");
  let downloadedOn = uploadedOn;
  for (let attempt = 0; attempt < 4 && downloadedOn === uploadedOn; attempt++) {
    const download = await page.request.get(attachmentPath!);
    expect(download.status()).toBe(200);
    expect(Buffer.from(await download.body())).toEqual(PNG);
    downloadedOn = download.headers()["x-instance"]!;
  }
  expect(downloadedOn, `uploaded through ${uploadedOn}, downloaded through the other`).not.toBe(uploadedOn);

  // Erik, the duo partner, saves the same draft in his own browser; Lisa's next autosave is refused and
  // shows both versions, although the two saves need not have reached the same process.
  const erikContext = await browser.newContext();
  const erik = await erikContext.newPage();
  const erikAnswers = recordAnswers(erik);
  await login(erik, users.participantPartner.email, { to: new URL(page.url()).pathname });
  await expect(erik.getByLabel("Jullie tekst")).toHaveValue("Rollenkaart: beleid (Lisa), bestuur (wethouder).");
  await erik.getByLabel("Jullie tekst").fill("Rollenkaart van Erik: uitvoering ontbreekt nog.");
  await erik.getByLabel("Jullie tekst").press("Tab"); // leaving the field saves at once
  await expect(erik.getByRole("status").filter({ hasText: saved })).toBeVisible();
  await expectAccessible(erik);
  const erikSavedOn = last(erikAnswers, "POST", /^\/opdrachten\//).instance;
  await erikContext.close();

  await text.fill("Rollenkaart van Lisa: inwoners ontbreken nog.");
  await text.press("Tab");
  const conflict = page.getByRole("alert").filter({ hasText: "Je duopartner heeft de tekst intussen ook gewijzigd" });
  await expect(conflict).toBeVisible();
  await expect(conflict.getByText("Rollenkaart van Erik: uitvoering ontbreekt nog.")).toBeVisible();
  await expectAccessible(page, "conflict");
  const conflictOn = last(lisaAnswers, "POST", /^\/opdrachten\//);
  expect(conflictOn.status).toBe(409);
  info.annotations.push({
    type: "autosave conflict",
    description: `Erik saved on ${erikSavedOn}, Lisa's conflict came from ${conflictOn.instance}`,
  });

  // One web process dies on the spot, mid-journey. Lisa keeps working; nginx sends everything to the other.
  // A POST that reached the dying process is not sent again by nginx (it might have been handled): it gets a
  // 502, which the browser logs; the autosave then says it did not save and tries again on the next tick.
  // Chromium logs the 502, and Remix logs the SyntaxError of decoding nginx's HTML page as route data before
  // it throws (the error that autosaveClientAction catches).
  allowConsoleErrors(page, /status of 502\b/);
  allowConsoleErrors(page, /^SyntaxError\b/);
  const victim = webs.find((web) => web.name === "web-1")!;
  await page.waitForLoadState("networkidle");
  process.kill(victim.pid, "SIGKILL");
  const killedAt = Date.now();
  await text.fill("Rollenkaart: uitvoering en inwoners ontbreken nog.");
  await conflict.getByRole("button", { name: "Mijn versie bewaren" }).click();
  await expect(page.getByRole("status").filter({ hasText: saved })).toBeVisible();
  // The same failure made certain: the next autosave gets the proxy's 502, as a POST caught by the dying
  // process does. The editor says it did not save, keeps the text, and saves it on the next tick.
  let posts = 0;
  const draftData = /\/opdrachten\/[^/]+\.data$/;
  await page.route(draftData, async (route) => {
    if (route.request().method() !== "POST" || posts++ > 0) return route.fallback();
    await route.fulfill({
      status: 502,
      contentType: "text/html",
      headers: { "X-Instance": "simulated" },
      body: "<html><body>502 Bad Gateway</body></html>",
    });
  });
  await text.fill("Rollenkaart: uitvoering en inwoners ontbreken nog. Na de storing getypt.");
  await text.press("Tab");
  await expect(page.getByRole("status").filter({ hasText: "Opslaan lukte niet" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: saved })).toBeVisible();
  expect(posts).toBeGreaterThan(1);
  await page.unroute(draftData);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: ASSIGNMENT })).toBeVisible();
  await expect(page.getByLabel("Jullie tekst")).toHaveValue(
    "Rollenkaart: uitvoering en inwoners ontbreken nog. Na de storing getypt.",
  );
  await expect(page.getByRole("link", { name: "rollenkaart.png" })).toBeVisible();
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Opdrachten" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Opdrachten" })).toBeVisible();

  const afterKill = lisaAnswers.filter((answer) => answer.sentAt > killedAt);
  expect(afterKill.length).toBeGreaterThan(2);
  expect(
    afterKill.filter((answer) => answer.status < 500 && answer.instance !== "web-2"),
    "answers after the kill",
  ).toEqual([]);
  const all = [...lisaAnswers, ...erikAnswers];
  expect(new Set(all.filter((answer) => answer.status < 500).map((answer) => answer.instance))).toEqual(
    new Set(["web-1", "web-2"]),
  );
  // At most the one autosave that was on its way to the dying process failed; it was saved again after it.
  const failed = all.filter((answer) => answer.status >= 500 && answer.instance !== "simulated");
  expect(failed.length, JSON.stringify(failed)).toBeLessThanOrEqual(1);
  for (const answer of failed) {
    expect(answer).toMatchObject({ method: "POST", status: 502, instance: "nginx" });
    expect(
      afterKill.some((later) => later.method === "POST" && later.status === 200 && later.sentAt > answer.sentAt),
    ).toBe(true);
  }
});

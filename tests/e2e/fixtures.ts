// Shared pieces for the end-to-end tests: the demo logins, small helpers, and an accessibility fixture.
//
// Accessibility: every spec imports `test` from here. The automatic `a11y` fixture records each page (URL
// path) the browser lands on, and `expectAccessible(page)` runs axe-core (WCAG 2.0/2.1 A and AA) on the
// current page and fails on any violation. When a test ends, every page it visited must have been checked
// at least once: a new page reached by a test but never checked fails that test, so the rule "axe on every
// page visited" cannot silently erode. The test's own `page` is watched from the start; a page from an
// extra browser context is watched from the first `track(page)` (called by `login`).
//
// Errors: the same fixture fails the test on any error the browser reports on a watched page — a console
// error (a React hydration mismatch, a CSP violation, a failed script) or an uncaught page error. The only
// console errors let through are Chromium's "Failed to load resource" lines for 4xx answers, which the tests
// cause on purpose (a 404 or 403 page) and assert themselves; a 5xx still fails. Every spec must import
// `test` from this file (tests/architecture/e2e-fixtures.test.ts checks that).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { test as base, expect, type Page, type Response } from "@playwright/test";
import type { Result as AxeViolation } from "axe-core";

export { expect };

export const DEMO_PASSWORD = "Leernetwerk-demo-2027";

export const users = {
  coordinator: { email: "sanne.devries@leernetwerk.test", firstName: "Sanne" },
  facilitator: { email: "marco.jansen@leernetwerk.test", firstName: "Marco" },
  participant: { email: "lisa.bakker@zwolle.test", firstName: "Lisa" },
  participantPartner: { email: "erik.mulder@zwolle.test", firstName: "Erik" },
  otherCohortParticipant: { email: "joost.peters@almere.test", firstName: "Joost" },
  otherCohortFacilitator: { email: "anouk.willems@leernetwerk.test", firstName: "Anouk" },
} as const;

export const DEMO_COHORT_NAME = "Leernetwerk Ervaringsdeskundigheid en beleid, voorjaar 2027";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

// axe-core itself, run in the page: injected once per document (a Remix navigation keeps the document, so
// later checks reuse it) and asked for violations only. @axe-core/playwright's analyze() injected the 0.5 MB
// script again for every check and finished each run in a second, blank tab: about half of the browser
// suite's time went there (measured in a trace of the intervisie journey).
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const present = await page.evaluate(() => typeof (window as { axe?: { run?: unknown } }).axe?.run === "function");
  if (!present) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: typeof import("axe-core") }).axe;
    const results = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return results.violations;
  }, WCAG_TAGS);
}

type Tracker = { visited: Map<string, string>; checked: Set<string>; errors: string[]; allowed: RegExp[] };

/** Chromium's line for an HTTP error answer to a request; 4xx answers are expected (and asserted) by tests. */
const EXPECTED_HTTP_ERROR = /^Failed to load resource: the server responded with a status of 4\d\d\b/;
const trackers = new WeakMap<Page, Tracker>();
/** The pages watched during the running test (one worker runs one test at a time). */
const watched = new Set<Tracker>();

function pathOf(url: string): string | null {
  if (!url.startsWith("http")) return null; // about:blank, data: …
  return new URL(url).pathname;
}

function trackerFor(page: Page): Tracker {
  let tracker = trackers.get(page);
  if (!tracker) {
    const created: Tracker = { visited: new Map(), checked: new Set(), errors: [], allowed: [] };
    page.on("console", (message) => {
      if (message.type() !== "error" || EXPECTED_HTTP_ERROR.test(message.text())) return;
      if (created.allowed.some((pattern) => pattern.test(message.text()))) return;
      created.errors.push(`console error on ${pathOf(page.url()) ?? page.url()}: ${message.text()}`);
    });
    page.on("pageerror", (error) => {
      created.errors.push(`page error on ${pathOf(page.url()) ?? page.url()}: ${error.message}`);
    });
    page.on("framenavigated", (frame) => {
      if (frame !== page.mainFrame()) return;
      const path = pathOf(frame.url());
      if (path && !created.visited.has(path)) created.visited.set(path, frame.url());
    });
    trackers.set(page, created);
    tracker = created;
  }
  watched.add(tracker);
  return tracker;
}

/** Starts watching a page (e.g. from a second browser context) for the end-of-test accessibility check. */
export function track(page: Page) {
  trackerFor(page);
}

/**
 * Lets console errors matching `pattern` through on this page for the rest of the test: only for an error the
 * test causes on purpose and asserts itself (the cluster journey's 502 for a request to a killed process).
 */
export function allowConsoleErrors(page: Page, pattern: RegExp) {
  trackerFor(page).allowed.push(pattern);
}

/** Runs axe-core on the page as it is now and expects no WCAG 2.1 A/AA violations. */
export async function expectAccessible(page: Page, state = "") {
  await page.waitForLoadState("load");
  const violations = await axeViolations(page);
  const report = violations.map(
    (violation) =>
      `- [${violation.impact}] ${violation.id}: ${violation.help}\n` +
      violation.nodes
        .slice(0, 5)
        .map((node) => `    ${node.target.join(" ")}: ${node.failureSummary?.replaceAll("\n", " ")}`)
        .join("\n"),
  );
  const where = `${new URL(page.url()).pathname}${state ? ` (${state})` : ""}`;
  expect(report, `axe-core violations on ${where}:\n${report.join("\n")}`).toEqual([]);
  const path = pathOf(page.url());
  if (path) trackerFor(page).checked.add(path);
}

/** Like expectAccessible, but only when this page (URL path) has not been checked yet in this test. */
export async function expectAccessibleOnce(page: Page) {
  const path = pathOf(page.url());
  if (path && trackerFor(page).checked.has(path)) return;
  await expectAccessible(page);
}

// biome-ignore lint/suspicious/noConfusingVoidType: Playwright's type for an automatic fixture that gives no value
export const test = base.extend<{ a11y: void }>({
  a11y: [
    async ({ page }, use, testInfo) => {
      watched.clear();
      trackerFor(page);
      await use();
      const trackersOfTest = [...watched];
      watched.clear();
      const errors = trackersOfTest.flatMap((tracker) => tracker.errors);
      expect(errors, "errors in the browser (console or page)").toEqual([]);
      // Only judge coverage when the test itself passed; otherwise its own failure is the news.
      if (testInfo.status !== testInfo.expectedStatus) return;
      const unchecked = trackersOfTest.flatMap((tracker) =>
        [...tracker.visited.entries()].filter(([path]) => !tracker.checked.has(path)).map(([, url]) => url),
      );
      expect(unchecked, "pages visited without an accessibility check (call expectAccessible)").toEqual([]);
    },
    { auto: true },
  ],
});

/** Fills in and submits the login form; the caller asserts where it lands. */
export async function submitLogin(page: Page, email: string, password: string) {
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Inloggen" }).click();
}

/**
 * Logs in through the login page and waits until the browser has left it. With `to`, the login page is
 * opened as a redirect target would (?redirectTo=…) and the browser lands there straight away.
 */
export async function login(page: Page, email: string, options: { password?: string; to?: string } = {}) {
  track(page);
  await page.goto(options.to ? `/inloggen?${new URLSearchParams({ redirectTo: options.to })}` : "/inloggen");
  await expectAccessibleOnce(page);
  await submitLogin(page, email, options.password ?? DEMO_PASSWORD);
  await expect(page).toHaveURL(options.to ?? "/");
}

/** Logs out with the header button (a POST) and waits for the login page. */
export async function logout(page: Page) {
  await page.getByRole("button", { name: "Uitloggen", exact: true }).click();
  await expect(page).toHaveURL(/\/inloggen$/);
  await expect(page.getByRole("heading", { level: 1, name: "Inloggen" })).toBeVisible();
}

/** The HTTP status of a full page load, failing clearly when there was no response. */
export function statusOf(response: Response | null): number {
  expect(response, "page.goto gave no response").not.toBeNull();
  return response!.status();
}

/** A unique address for data a test creates, so runs and tests never collide. */
export function uniqueEmail(prefix: string) {
  return `${prefix}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@e2e.test`;
}

/**
 * As coordinator (already logged in): opens the newest stored e-mail to `to` (with `subject`, if given) in
 * the outbox, checks both pages for accessibility, and returns the link in the body that contains `pathPart`.
 */
export async function readLinkFromOutbox(page: Page, to: string, pathPart: string, subject?: string): Promise<string> {
  await page.goto("/beheer/e-mail");
  await expect(page.getByRole("heading", { level: 1, name: "E-mail" })).toBeVisible();
  await expectAccessibleOnce(page);
  // Newest first: the first row for this address (and subject) is the message just created. The subject
  // matters for demo people: the in-process jobs may have sent them a notification in the meantime.
  let rows = page.getByRole("row").filter({ hasText: to });
  if (subject) rows = rows.filter({ hasText: subject });
  const row = rows.first();
  await row.getByRole("link").click();
  await expect(page).toHaveURL(/\/beheer\/e-mail\/[0-9a-f-]{36}$/);
  await expect(page.getByText(to, { exact: true })).toBeVisible();
  await expectAccessible(page);
  const link = page.getByTestId("email-body").locator(`a[href*="${pathPart}"]`);
  await expect(link).toHaveCount(1);
  const href = await link.getAttribute("href");
  expect(href).toBeTruthy();
  // The link must point at this very server (APP_URL), so it works when followed.
  const url = new URL(href!);
  expect(url.origin).toBe(new URL(page.url()).origin);
  return url.pathname;
}

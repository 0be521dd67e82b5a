import { describe, expect, it } from "vitest";
import { DEFAULT_DESCRIPTION, pageDescription } from "./page-description.ts";

describe("pageDescription", () => {
  it("falls back to the platform's description", () => {
    expect(pageDescription([{ handle: undefined }, { handle: { breadcrumb: "x" } }])).toBe(DEFAULT_DESCRIPTION);
  });

  it("takes the deepest page's own description, as text or from its data", () => {
    expect(pageDescription([{ handle: { description: "Buiten" } }, { handle: { description: "Binnen" } }])).toBe(
      "Binnen",
    );
    const lesson = { handle: { description: (data: { summary: string }) => data.summary }, data: { summary: "Les" } };
    expect(pageDescription([{ handle: { description: "Buiten" } }, lesson])).toBe("Les");
    // Without data (an error page) a function gives nothing: the next one up, or the default.
    expect(pageDescription([{ ...lesson, data: undefined }])).toBe(DEFAULT_DESCRIPTION);
  });
});

import { describe, expect, it } from "vitest";
import { shorten } from "./text.ts";

describe("shorten", () => {
  it("cuts at a word boundary with an ellipsis, and leaves short texts alone", () => {
    expect(shorten("Kort.", 20)).toBe("Kort.");
    expect(shorten("Een inwoner vertelde over de wachtrij bij de balie.", 30)).toBe("Een inwoner vertelde over de…");
    expect(shorten("Eenheelbijzonderlangwoordzonderspaties", 10)).toBe("Eenheelbij…");
  });
});

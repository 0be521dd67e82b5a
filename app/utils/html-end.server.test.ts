import { describe, expect, it } from "vitest";
import { documentEndLast } from "./html-end.server.ts";

describe("documentEndLast", () => {
  it("moves the closing tags after the scripts rendered after the shell", () => {
    expect(
      documentEndLast(
        "<!DOCTYPE html><html><body><main>één</main></body></html><script>a()</script><script>b()</script>",
      ),
    ).toBe("<!DOCTYPE html><html><body><main>één</main><script>a()</script><script>b()</script></body></html>");
  });

  it("leaves a document that already ends with them, or has none, as it is", () => {
    expect(documentEndLast("<html><body>x</body></html>")).toBe("<html><body>x</body></html>");
    expect(documentEndLast("<p>kort</p>")).toBe("<p>kort</p>");
  });
});

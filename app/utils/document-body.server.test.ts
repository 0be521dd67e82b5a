import { describe, expect, it } from "vitest";
import { documentHtml, documentResponse } from "./document-body.server.ts";

const html = "<!DOCTYPE html><html><body><p>Één pagina</p></body></html>";

function page() {
  return documentResponse(html, { status: 404, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

describe("documentResponse", () => {
  it("is a Response with the status and headers given", () => {
    const response = page();
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(404);
    expect(response.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
  });

  it("reads as a Response made with the HTML as its body, once", async () => {
    const response = page();
    expect(response.bodyUsed).toBe(false);
    expect(documentHtml(response)).toBe(html);
    expect(await response.text()).toBe(html);
    expect(response.bodyUsed).toBe(true);
    await expect(response.text()).rejects.toThrow();
    // Read already: the server must not send it as if it were unread.
    expect(documentHtml(response)).toBeUndefined();
  });

  it("gives its body as a stream, as bytes, and in clones", async () => {
    expect(new TextDecoder().decode(await page().arrayBuffer())).toBe(html);
    const response = page();
    expect(await response.clone().text()).toBe(html);
    expect(await new Response(response.body).text()).toBe(html);
  });

  it("knows no other Response", () => {
    expect(documentHtml(new Response(html))).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { errorMessageOf, statusMessage } from "./error-boundary.tsx";

// What the router hands the boundary under single fetch: a thrown Response becomes an ErrorResponse whose
// `data` is the body's text (or its JSON), a thrown data() keeps its value.
class ErrorResponse {
  constructor(
    readonly status: number,
    readonly statusText: string,
    readonly data: unknown,
    readonly internal = false,
  ) {}
}

describe("the message an error page shows", () => {
  it("shows the Dutch message of a thrown 404 or 403", () => {
    expect(errorMessageOf(new ErrorResponse(404, "", "Dit journaalstuk bestaat niet of is niet met je gedeeld."))).toBe(
      "Dit journaalstuk bestaat niet of is niet met je gedeeld.",
    );
    expect(errorMessageOf(new ErrorResponse(403, "", "Alleen de schrijver kan dit doen."))).toBe(
      "Alleen de schrijver kan dit doen.",
    );
  });

  it("reads the message of a thrown data() or JSON body", () => {
    expect(errorMessageOf(new ErrorResponse(404, "", { message: "Deze opdracht bestaat niet." }))).toBe(
      "Deze opdracht bestaat niet.",
    );
  });

  it("keeps the page's own text for the generic defaults, an empty body, router errors and server errors", () => {
    expect(errorMessageOf(new ErrorResponse(404, "", "Niet gevonden"))).toBeNull();
    expect(errorMessageOf(new ErrorResponse(403, "", "Geen toegang"))).toBeNull();
    expect(errorMessageOf(new ErrorResponse(404, "", ""))).toBeNull();
    expect(
      errorMessageOf(new ErrorResponse(404, "Not Found", new Error('No route matches URL "/x"'), true)),
    ).toBeNull();
    expect(errorMessageOf(new ErrorResponse(500, "", "TypeError: x is undefined"))).toBeNull();
    expect(errorMessageOf(new Error("boom"))).toBeNull();
    expect(errorMessageOf(new ErrorResponse(404, "", { other: 1 }))).toBeNull();
  });

  it("has a title and text per status", () => {
    expect(statusMessage(404).title).toBe("Pagina niet gevonden");
    expect(statusMessage(403).title).toBe("Geen toegang");
    expect(statusMessage(418).title).toBe("Er ging iets mis bij ons");
  });
});

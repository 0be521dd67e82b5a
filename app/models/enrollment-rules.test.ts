import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  alreadyInCohortProblem,
  capacityProblem,
  cleanMunicipalityName,
  decisionProblem,
  duoFields,
  duoMembersFrom,
  duoProblems,
  duplicateMunicipalityProblem,
  municipalityKey,
  phoneField,
  placesLeft,
} from "./enrollment-rules.ts";

describe("municipality names", () => {
  it("drops the word 'gemeente', extra spaces and case for comparison", () => {
    expect(cleanMunicipalityName("  Gemeente   Zwolle ")).toBe("Zwolle");
    expect(cleanMunicipalityName("gemeente súdwest-Fryslân")).toBe("súdwest-Fryslân");
    expect(cleanMunicipalityName("Gemeentestad")).toBe("Gemeentestad");
    expect(municipalityKey("Gemeente Zwolle")).toBe(municipalityKey("zwolle"));
    expect(municipalityKey("Súdwest-Fryslân")).toBe("súdwest-fryslân");
  });
});

describe("capacity", () => {
  it("allows a municipality while there is a place left", () => {
    expect(capacityProblem({ capacity: 8, activeEnrollments: 7 })).toBeNull();
    expect(placesLeft({ capacity: 8, activeEnrollments: 7 })).toBe(1);
  });
  it("refuses when every place is taken, or more", () => {
    expect(capacityProblem({ capacity: 8, activeEnrollments: 8 })).toBe(
      "Dit leernetwerk zit vol: alle 8 plaatsen voor gemeenten zijn bezet.",
    );
    expect(capacityProblem({ capacity: 2, activeEnrollments: 3 })).toMatch(/zit vol/);
    expect(placesLeft({ capacity: 2, activeEnrollments: 3 })).toBe(0);
  });
  it("a cohort of capacity 0 takes no one", () => {
    expect(capacityProblem({ capacity: 0, activeEnrollments: 0 })).toMatch(/zit vol/);
  });
});

describe("a municipality applying twice", () => {
  it("is refused for the same cohort, whatever the spelling", () => {
    const problem = duplicateMunicipalityProblem({
      name: "gemeente ZWOLLE",
      appliedKeys: ["zwolle"],
      enrolledKeys: [],
    });
    expect(problem).toMatch(/^De gemeente ZWOLLE heeft zich al aangemeld voor dit leernetwerk\./);
  });
  it("is refused when it already takes part", () => {
    expect(duplicateMunicipalityProblem({ name: "Zwolle", appliedKeys: [], enrolledKeys: ["zwolle"] })).toBe(
      "De gemeente Zwolle doet al mee aan dit leernetwerk.",
    );
  });
  it("is fine for another municipality", () => {
    expect(
      duplicateMunicipalityProblem({ name: "Kampen", appliedKeys: ["zwolle"], enrolledKeys: ["deventer"] }),
    ).toBeNull();
  });
});

describe("a person already in the cohort", () => {
  const people = [
    { email: "lisa.bakker@zwolle.test", municipality: "Zwolle", kind: "member" as const },
    { email: "marieke.groen@zwolle.test", municipality: "Zwolle", kind: "invited" as const },
  ];
  it("names the duo they are in, ignoring case", () => {
    expect(alreadyInCohortProblem(" Lisa.Bakker@Zwolle.test", people)).toBe(
      "lisa.bakker@zwolle.test doet al mee aan dit leernetwerk, in het duo van de gemeente Zwolle.",
    );
    expect(alreadyInCohortProblem("marieke.groen@zwolle.test", people)).toMatch(/is al uitgenodigd/);
  });
  it("lets a new person through", () => {
    expect(alreadyInCohortProblem("nieuw@kampen.test", people)).toBeNull();
  });
});

describe("the duo", () => {
  const member = (
    slot: "member1" | "member2" | "expert",
    fn: "BELEIDSMEDEWERKER" | "LEIDINGGEVENDE" | "STRATEGISCH_BELEIDSADVISEUR" | "ERVARINGSDESKUNDIGE",
    email = `${slot}@x.nl`,
  ) => ({
    slot,
    name: "Iemand",
    email,
    function: fn,
  });
  it("is a beleidsmedewerker with a leidinggevende or strategisch beleidsadviseur, in either order", () => {
    expect(duoProblems([member("member1", "BELEIDSMEDEWERKER"), member("member2", "LEIDINGGEVENDE")])).toEqual({});
    expect(
      duoProblems([member("member1", "STRATEGISCH_BELEIDSADVISEUR"), member("member2", "BELEIDSMEDEWERKER")]),
    ).toEqual({});
  });
  it("needs both levels", () => {
    expect(
      duoProblems([member("member1", "BELEIDSMEDEWERKER"), member("member2", "BELEIDSMEDEWERKER")]),
    ).toHaveProperty("member2Function");
    expect(
      duoProblems([member("member1", "LEIDINGGEVENDE"), member("member2", "STRATEGISCH_BELEIDSADVISEUR")]),
    ).toHaveProperty("member2Function");
  });
  it("needs a different e-mail address per person", () => {
    const problems = duoProblems([
      member("member1", "BELEIDSMEDEWERKER", "a@x.nl"),
      member("member2", "LEIDINGGEVENDE", "A@x.nl"),
      member("expert", "ERVARINGSDESKUNDIGE", "a@x.nl"),
    ]);
    expect(problems).toEqual({
      member2Email: "Iedereen in het duo heeft een eigen e-mailadres nodig.",
      expertEmail: "Iedereen in het duo heeft een eigen e-mailadres nodig.",
    });
  });

  const schema = z.object(duoFields).transform((data, ctx) => duoMembersFrom(data, ctx));
  const valid = {
    member1Name: "Lisa Bakker",
    member1Email: "Lisa@Zwolle.test",
    member1Function: "BELEIDSMEDEWERKER",
    member2Name: "Erik Mulder",
    member2Email: "erik@zwolle.test",
    member2Function: "LEIDINGGEVENDE",
    expertName: "",
    expertEmail: "",
  };
  it("turns form fields into members; the ervaringsdeskundige is optional", () => {
    expect(schema.parse(valid)).toEqual([
      { slot: "member1", name: "Lisa Bakker", email: "lisa@zwolle.test", function: "BELEIDSMEDEWERKER" },
      { slot: "member2", name: "Erik Mulder", email: "erik@zwolle.test", function: "LEIDINGGEVENDE" },
    ]);
    expect(schema.parse({ ...valid, expertName: "Marieke Groen", expertEmail: "marieke@zwolle.test" })).toContainEqual({
      slot: "expert",
      name: "Marieke Groen",
      email: "marieke@zwolle.test",
      function: "ERVARINGSDESKUNDIGE",
    });
  });
  it("reports an invalid e-mail and a half-filled ervaringsdeskundige per field", () => {
    const invalid = schema.safeParse({ ...valid, member2Email: "erik@" });
    expect(invalid.error?.flatten().fieldErrors).toEqual({
      member2Email: ["Vul een geldig e-mailadres in, bijvoorbeeld naam@gemeente.nl."],
    });
    const halfExpert = schema.safeParse({ ...valid, expertName: "Marieke Groen" });
    expect(halfExpert.error?.flatten().fieldErrors.expertEmail?.[0]).toMatch(/e-mailadres van de ervaringsdeskundige/);
    const badExpert = schema.safeParse({ ...valid, expertName: "Marieke Groen", expertEmail: "marieke" });
    expect(badExpert.error?.flatten().fieldErrors.expertEmail?.[0]).toMatch(/geldig e-mailadres/);
  });
});

describe("phone numbers", () => {
  it("accepts Dutch and international numbers and refuses nonsense", () => {
    for (const ok of ["038 498 2000", "+31 6 1234 5678", "06-12345678", "(038) 4982000"])
      expect(phoneField.safeParse(ok).success).toBe(true);
    for (const bad of ["", "12345", "bel me", "038 498 2000 toestel 4"])
      expect(phoneField.safeParse(bad).success).toBe(false);
  });
});

describe("intake decisions", () => {
  it("needs a reason for the waiting list and for a refusal", () => {
    expect(decisionProblem({ current: "INTAKE_PLANNED", decision: "REJECTED", reason: "" })).toMatchObject({
      field: "reason",
    });
    expect(decisionProblem({ current: "SUBMITTED", decision: "WAITLISTED", reason: "  " })).toMatchObject({
      field: "reason",
    });
    expect(
      decisionProblem({ current: "SUBMITTED", decision: "WAITLISTED", reason: "Nu vol, in het najaar weer" }),
    ).toBeNull();
    expect(decisionProblem({ current: "INTAKE_PLANNED", decision: "ADMITTED", reason: "" })).toBeNull();
  });
  it("lets a waiting-list municipality be admitted later, but an admission is final here", () => {
    expect(decisionProblem({ current: "WAITLISTED", decision: "ADMITTED", reason: "" })).toBeNull();
    expect(decisionProblem({ current: "ADMITTED", decision: "REJECTED", reason: "toch niet" })).toMatchObject({
      field: "decision",
    });
  });
});

import { describe, expect, it } from "vitest";
import {
  canvasSections,
  changedSectionIds,
  contentFromForm,
  emptyContent,
  fieldName,
  findSection,
  isSectionEmpty,
  normalizeContent,
  sectionAsText,
  tooLongFields,
} from "./action-plan-sections.ts";

describe("the canvas sections", () => {
  it("has the vraagstuk, the four lemniscaat phases, the preconditions and the first steps, with unique ids", () => {
    expect(canvasSections.map((section) => section.id)).toEqual([
      "vraagstuk",
      "fase-ontsluiten",
      "fase-vertalen",
      "fase-aanpassen",
      "fase-evalueren",
      "randvoorwaarden",
      "eerste-stappen",
    ]);
    expect(findSection("fase-aanpassen")!.title).toBe("Fase 3: Beleid en uitvoering aanpassen");
    expect(findSection("fase-ontsluiten")!.fields.map((field) => field.label)).toEqual([
      "Wat we nu doen",
      "Wat we gaan doen",
      "Wie we betrekken",
      "Wanneer",
      "Hoe we merken dat het werkt",
    ]);
    const groups = new Set(findSection("randvoorwaarden")!.fields.map((field) => field.group));
    expect([...groups]).toEqual([
      "Beloning en betaling van ervaringsdeskundigen",
      "Ondersteuning van ervaringsdeskundigen",
      "Intervisie voor ervaringsdeskundigen",
      "Minstens twee ervaringsdeskundigen",
    ]);
    const names = canvasSections.flatMap((section) => section.fields.map((field) => fieldName(section, field)));
    expect(new Set(names).size).toBe(names.length);
  });

  it("starts with the municipality's vraagstuk and empty fields", () => {
    const content = emptyContent("Hoe betrekken we inwoners?");
    expect(content.vraagstuk!.tekst).toBe("Hoe betrekken we inwoners?");
    expect(content["fase-vertalen"]!.gaan).toBe("");
    expect(isSectionEmpty(findSection("vraagstuk")!, content)).toBe(false);
    expect(isSectionEmpty(findSection("eerste-stappen")!, content)).toBe(true);
  });

  it("keeps only known sections, fields and statuses from stored JSON", () => {
    const content = normalizeContent({
      vraagstuk: { tekst: "V", extra: "weg" },
      onbekend: { a: "b" },
      randvoorwaarden: { "beloning-status": "geregeld", "intervisie-status": "hack", "ondersteuning-toelichting": 42 },
    });
    expect(content.vraagstuk).toEqual({ tekst: "V" });
    expect(content).not.toHaveProperty("onbekend");
    expect(content.randvoorwaarden!["beloning-status"]).toBe("geregeld");
    expect(content.randvoorwaarden!["intervisie-status"]).toBe("");
    expect(content.randvoorwaarden!["ondersteuning-toelichting"]).toBe("");
    expect(normalizeContent(null)).toEqual(emptyContent());
    expect(normalizeContent([1, 2])).toEqual(emptyContent());
  });

  it("reads a posted form and reports fields that are too long", () => {
    const form = {
      "vraagstuk.tekst": "Ons vraagstuk",
      "fase-ontsluiten.nu": "We houden een gesprekstafel.",
      "randvoorwaarden.beloning-status": "mee-bezig",
      "eerste-stappen.tekst": "x".repeat(10_001),
    };
    const content = contentFromForm(form);
    expect(content["fase-ontsluiten"]!.nu).toBe("We houden een gesprekstafel.");
    expect(content.randvoorwaarden!["beloning-status"]).toBe("mee-bezig");
    expect(tooLongFields(form)).toEqual(["eerste-stappen.tekst"]);
  });

  it("writes a section as readable text for diff, export and publishing", () => {
    const content = emptyContent("Ons vraagstuk");
    content["fase-ontsluiten"]!.nu = "Gesprekstafels";
    content["fase-ontsluiten"]!.wanneer = "Voor de zomer";
    content.randvoorwaarden!["beloning-status"] = "geregeld";
    content.randvoorwaarden!["beloning-toelichting"] = "Vergoeding per bijeenkomst";
    expect(sectionAsText(findSection("vraagstuk")!, content)).toBe("Ons vraagstuk");
    expect(sectionAsText(findSection("fase-ontsluiten")!, content)).toBe(
      "Wat we nu doen: Gesprekstafels\n\nWanneer: Voor de zomer",
    );
    expect(sectionAsText(findSection("randvoorwaarden")!, content)).toBe(
      "Beloning en betaling van ervaringsdeskundigen — hoe ver is het?: Geregeld\n\nBeloning en betaling van ervaringsdeskundigen — toelichting: Vergoeding per bijeenkomst",
    );
  });

  it("names the sections that changed", () => {
    const before = emptyContent("A");
    const after = normalizeContent({ ...before, "eerste-stappen": { tekst: "Bellen met de wethouder" } });
    expect(changedSectionIds(before, after)).toEqual(["eerste-stappen"]);
    expect(changedSectionIds(before, before)).toEqual([]);
  });
});

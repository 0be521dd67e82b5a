import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { planDocument, planDocx } from "./action-plan-export.server.ts";
import { canvasSections, emptyContent } from "./action-plan-sections.ts";

async function docxXml() {
  const doc = planDocument({
    municipality: "Zwolle",
    cohort: "Voorjaar 2027",
    status: "Stand van 12 mei 2027.",
    content: emptyContent("Hoe betrekken we inwoners?"),
  });
  const files = unzipSync(new Uint8Array(await planDocx(doc)));
  return { document: strFromU8(files["word/document.xml"]!), styles: strFromU8(files["word/styles.xml"]!) };
}

/** The paragraph (w:p) that holds `text`, as XML. */
function paragraphWith(xml: string, text: string): string {
  const paragraph = xml.split("</w:p>").find((part) => part.includes(`>${text}</w:t>`));
  expect(paragraph, `a paragraph with "${text}"`).toBeDefined();
  return paragraph!;
}

describe("the plan as a Word file", () => {
  it("sets the document's language to Dutch (nl-NL)", async () => {
    const { styles } = await docxXml();
    const defaults = styles.slice(styles.indexOf("<w:docDefaults>"), styles.indexOf("</w:docDefaults>"));
    expect(defaults).toContain('<w:lang w:val="nl-NL"/>');
  });

  it("makes each section's sub-labels real headings, below the group heading when there is one", async () => {
    const { document } = await docxXml();
    const withSubLabels = canvasSections.filter((section) => section.fields.length > 1);
    expect(withSubLabels.length).toBeGreaterThan(0);
    for (const section of withSubLabels) {
      expect(paragraphWith(document, section.title)).toContain('<w:pStyle w:val="Heading1"/>');
      for (const field of section.fields) {
        const style = field.group ? "Heading3" : "Heading2";
        expect(paragraphWith(document, field.label), field.label).toContain(`<w:pStyle w:val="${style}"/>`);
      }
    }
  });
});

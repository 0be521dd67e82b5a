// The canvas as a document for the municipality's own decision makers: the same content for the printable
// page and the Word file (.docx, made with the `docx` package).
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import { canvasSections, fieldText, type CanvasContent } from "./action-plan-sections.ts";

export type PlanDocument = {
  title: string;
  municipality: string;
  cohort: string;
  /** "Stand van 12 mei 2027", with the latest version when there is one. */
  status: string;
  sections: { id: string; title: string; fields: { label: string; group?: string; text: string }[] }[];
};

export function planDocument(input: {
  municipality: string;
  cohort: string;
  status: string;
  content: CanvasContent;
}): PlanDocument {
  return {
    title: `Aanpak ervaringskennis — ${input.municipality}`,
    municipality: input.municipality,
    cohort: input.cohort,
    status: input.status,
    sections: canvasSections.map((section) => ({
      id: section.id,
      title: section.title,
      fields: section.fields.map((field) => ({
        label: field.label,
        group: field.group,
        text: fieldText(field, input.content[section.id]?.[field.id]),
      })),
    })),
  };
}

function paragraphsOf(text: string): Paragraph[] {
  return text.split(/\n/).map((line) => new Paragraph({ children: [new TextRun(line)], spacing: { after: 80 } }));
}

export async function planDocx(doc: PlanDocument): Promise<Buffer> {
  const children: Paragraph[] = [
    new Paragraph({ text: doc.title, heading: HeadingLevel.TITLE }),
    new Paragraph({ children: [new TextRun({ text: `Gemeente: ${doc.municipality}`, bold: true })] }),
    new Paragraph({ children: [new TextRun(`Leernetwerk: ${doc.cohort}`)] }),
    new Paragraph({ children: [new TextRun({ text: doc.status, italics: true })], spacing: { after: 240 } }),
  ];
  for (const section of doc.sections) {
    children.push(new Paragraph({ text: section.title, heading: HeadingLevel.HEADING_1 }));
    let lastGroup: string | undefined;
    for (const field of section.fields) {
      if (field.group && field.group !== lastGroup)
        children.push(new Paragraph({ text: field.group, heading: HeadingLevel.HEADING_2 }));
      lastGroup = field.group;
      // A sub-label is a real heading (one level below its group, if any), so it shows in Word's navigation pane.
      if (section.fields.length > 1)
        children.push(
          new Paragraph({
            text: field.label,
            heading: field.group ? HeadingLevel.HEADING_3 : HeadingLevel.HEADING_2,
            spacing: { before: 120 },
          }),
        );
      children.push(
        ...(field.text
          ? paragraphsOf(field.text)
          : [new Paragraph({ children: [new TextRun({ text: "Nog niet ingevuld.", italics: true })] })]),
      );
    }
  }
  const document = new Document({
    creator: "Leernetwerk",
    title: doc.title,
    description: `Aanpak van ${doc.municipality}`,
    // Dutch for every run (Word's spelling check and a screen reader's voice), whatever the reader's own default.
    styles: { default: { document: { run: { font: "Calibri", size: 22, language: { value: "nl-NL" } } } } },
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}

/** A file name without spaces or accents: "aanpak-zwolle.docx". */
export function docxFileName(municipality: string): string {
  const slug = municipality
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `aanpak-${slug || "gemeente"}.docx`;
}

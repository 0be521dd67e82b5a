// {% zelfscan id="…" title="…" %} with {% vraag id="…" %} children — a checklist whose answers (ticked
// off + a note) are saved per participant. The scan id is unique across all content, the question ids
// within the scan.
import Markdoc, { type Config, type Node, type RenderableTreeNode, type Schema } from "@markdoc/markdoc";
import { error, validateId } from "./shared.ts";

const { Tag } = Markdoc;

export const vraag: Schema = {
  render: "ZelfscanVraag",
  attributes: { id: { type: String, required: true } },
  validate(node) {
    return validateId("vraag", node.attributes.id);
  },
};

// `{% vraag %}…{% /vraag %}` on one line is an inline tag, so questions sit inside paragraphs.
function questionsOf(node: Node): Node[] {
  return [...node.walk()].filter((child) => child.type === "tag" && child.tag === "vraag");
}

function containsQuestion(node: Node): boolean {
  return [...node.walk()].some((child) => child.type === "tag" && child.tag === "vraag");
}

export const zelfscan: Schema = {
  render: "Zelfscan",
  attributes: {
    id: { type: String, required: true },
    title: { type: String, required: true },
  },
  validate(node) {
    const errors = validateId("zelfscan", node.attributes.id);
    const questions = questionsOf(node);
    if (questions.length === 0)
      errors.push(error("zelfscan-empty", `zelfscan "${node.attributes.id}" heeft geen {% vraag %}`));
    const seen = new Set<string>();
    for (const question of questions) {
      const id = question.attributes.id as string | undefined;
      if (!id) continue;
      if (seen.has(id))
        errors.push(
          error(
            "zelfscan-duplicate-question",
            `vraag-id "${id}" komt twee keer voor in zelfscan "${node.attributes.id}"`,
          ),
        );
      seen.add(id);
    }
    for (const child of node.walk()) {
      if (child.type === "tag" && child.tag !== "vraag") {
        errors.push(error("zelfscan-child", `in een zelfscan mag alleen {% vraag %} staan, niet {% ${child.tag} %}`));
      }
    }
    return errors;
  },
  transform(node, config: Config) {
    const attributes = node.transformAttributes(config);
    const intro = node.children.filter((child) => !containsQuestion(child));
    const questions = questionsOf(node).map(
      (question) =>
        new Tag(
          "ZelfscanVraag",
          { scanId: attributes.id, id: question.attributes.id },
          question.transformChildren(config),
        ),
    );
    // Our config has no async functions, so transforms are synchronous.
    const introChildren = intro.flatMap(
      (child) => child.transform(config) as RenderableTreeNode | RenderableTreeNode[],
    );
    return new Tag("Zelfscan", attributes, [new Tag("ZelfscanIntro", {}, introChildren), ...questions]);
  },
};

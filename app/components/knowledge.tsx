// Parts shared by the public knowledge base's pages: the line that says where a text comes from, its themes
// and phases, and a plain text as paragraphs.
import { Link } from "~/components/link.tsx";
import {
  type KnowledgePhase,
  type KnowledgeTheme,
  knowledgePhases,
  knowledgeThemes,
  type MunicipalitySizeId,
  municipalitySizes,
} from "~/models/knowledge-rules.ts";

export function KnowledgeTags({ themes, phases }: { themes: KnowledgeTheme[]; phases: KnowledgePhase[] }) {
  return (
    <ul className="tag-list" aria-label="Thema's en fasen">
      {themes.map((id) => (
        <li key={id} className="badge">
          <Link to={`/kennisbank?thema=${id}`}>{knowledgeThemes[id]}</Link>
        </li>
      ))}
      {phases.map((id) => (
        <li key={id} className="badge badge-phase">
          <Link to={`/kennisbank?fase=${id}`}>{knowledgePhases[id]}</Link>
        </li>
      ))}
    </ul>
  );
}

export function sizeLabel(sizeClass: MunicipalitySizeId | null): string {
  return sizeClass ? municipalitySizes[sizeClass] : "";
}

/** A plain text whose paragraphs are separated by an empty line. */
export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text.split(/\n{2,}/).map((paragraph, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the paragraphs of one fixed text, never reordered
        <p key={index} className="canvas-text">
          {paragraph}
        </p>
      ))}
    </>
  );
}

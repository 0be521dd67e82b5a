// Reading progress as a native <progress> element with a visible text ("2 van 5 gelezen").
import { aantal } from "~/utils/plural.ts";
export function ReadingProgress({ read, total, who }: { read: number; total: number; who: string }) {
  const text = `${read} van ${aantal(total, "les", "lessen")} gelezen`;
  return (
    <div className="reading-progress">
      <span className="reading-progress-who">{who}</span>
      <progress max={total || 1} value={read} aria-label={`${who}: ${text}`} />
      <span className="reading-progress-text">{text}</span>
    </div>
  );
}

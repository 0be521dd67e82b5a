// "Bronnen": the publications a lesson or module is written from, named at the end of the page.
export function SourceList({
  sources,
  intro = "Deze tekst is in eigen woorden geschreven op basis van:",
}: {
  sources: { key: string; title: string; author: string; year: string }[];
  /** What the sources gave, when that is less than the whole text (an intervisie method). */
  intro?: string;
}) {
  if (sources.length === 0) return null;
  return (
    <section className="sources" aria-labelledby="bronnen">
      <h2 id="bronnen">Bronnen</h2>
      <p className="muted">{intro}</p>
      <ul>
        {sources.map((source) => (
          <li key={source.key}>
            {source.author}, <cite>{source.title}</cite>
            {source.year ? ` (${source.year})` : ""}
          </li>
        ))}
      </ul>
    </section>
  );
}

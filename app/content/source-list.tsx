// "Bronnen": the publications a lesson or module is written from, named at the end of the page.
export function SourceList({ sources }: { sources: { key: string; title: string; author: string; year: string }[] }) {
  if (sources.length === 0) return null;
  return (
    <section className="sources" aria-labelledby="bronnen">
      <h2 id="bronnen">Bronnen</h2>
      <p className="muted">Deze tekst is in eigen woorden geschreven op basis van:</p>
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

// "Bronnen": the publications a lesson or module is written from, named at the end of the page.
type SourceListProps = {
  sources: { key: string; title: string; author: string; year: string }[];
  /** What the sources gave, when that is less than the whole text (an intervisie method). */
  intro?: string;
};

export function SourceList(props: SourceListProps) {
  if (props.sources.length === 0) return null;
  return (
    <section {...SOURCE_LIST_ATTRIBUTES}>
      <SourceListContent {...props} />
    </section>
  );
}

/** The attributes of the list's section, for a page that renders its content once (Prerendered). */
export const SOURCE_LIST_ATTRIBUTES = { className: "sources", "aria-labelledby": "bronnen" } as const;

/** What is inside the list's section. */
export function SourceListContent({
  sources,
  intro = "Deze tekst is in eigen woorden geschreven op basis van:",
}: SourceListProps) {
  return (
    <>
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
    </>
  );
}

import { Link } from "~/components/link.tsx";

/** The question the entry answers: a reflection question from a lesson, or one the facilitator asked. */
export function WritingPrompt({
  reflectie,
  prompt,
}: {
  reflectie: { id: string; text: string; moduleTitle: string; lesson: { href: string; title: string } } | null;
  prompt: { id: string; text: string; author: { name: string } | null } | null;
}) {
  return (
    <>
      {reflectie ? (
        <section className="reflectie" aria-labelledby="prompt-heading">
          <h2 id="prompt-heading" className="box-label">
            Reflectievraag
          </h2>
          <p>{reflectie.text}</p>
          <p className="muted">
            Uit de les <Link to={reflectie.lesson.href}>{reflectie.lesson.title}</Link> ({reflectie.moduleTitle})
          </p>
        </section>
      ) : null}
      {prompt ? (
        <section className="reflectie" aria-labelledby="prompt-heading">
          <h2 id="prompt-heading" className="box-label">
            Vraag van je begeleider
          </h2>
          <p>{prompt.text}</p>
          {prompt.author ? <p className="muted">Gesteld door {prompt.author.name}</p> : null}
        </section>
      ) : null}
    </>
  );
}

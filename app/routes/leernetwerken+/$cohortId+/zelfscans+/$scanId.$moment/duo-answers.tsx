import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { AnswerView } from "~/components/self-scan-results.tsx";
import { TableScroll } from "~/components/table-scroll.tsx";
import type { Answers, SelfScan } from "~/content/self-scan-schema.ts";
import type { loader } from "./route.tsx";

export function ModeChoice() {
  const { mode, modeLocked, editable, partners } = useLoaderData<typeof loader>();
  if (partners.length === 0) return null;
  if (!editable || modeLocked) {
    return (
      <p>
        <strong>Zo vullen jullie deze zelfscan in:</strong>{" "}
        {mode === "DUO" ? "samen, één keer voor het duo." : "ieder apart, naast elkaar."}
      </p>
    );
  }
  return (
    <Form method="post" className="panel mode-choice">
      <fieldset className="choice-group">
        <legend>Hoe vullen jullie deze zelfscan in?</legend>
        <label className="choice">
          <input type="radio" name="mode" value="DUO" defaultChecked={mode === "DUO"} /> Samen: één keer voor het hele
          duo
        </label>
        <label className="choice">
          <input type="radio" name="mode" value="INDIVIDUAL" defaultChecked={mode === "INDIVIDUAL"} /> Ieder apart:
          daarna zien jullie elkaars antwoorden naast elkaar
        </label>
      </fieldset>
      <p className="button-row">
        <button type="submit" name="intent" value="mode" className="button-secondary button-small">
          Keuze opslaan
        </button>
      </p>
    </Form>
  );
}

export function PartnerAnswers() {
  const { partners, scan, response } = useLoaderData<typeof loader>();
  const done = partners.filter((partner) => partner.answers);
  return (
    <section aria-labelledby="naast-elkaar">
      <h2 id="naast-elkaar">Naast elkaar</h2>
      {partners
        .filter((partner) => !partner.completed)
        .map((partner) => (
          <p key={partner.id}>{partner.name} heeft deze zelfscan nog niet afgerond.</p>
        ))}
      {done.length ? (
        <AnswersTable
          scan={scan}
          columns={[
            ...(response?.completedAt ? [{ key: "mine", name: "Jij", answers: response.answers }] : []),
            ...done.map((partner) => ({ key: partner.id, name: partner.name, answers: partner.answers! })),
          ]}
        />
      ) : null}
    </section>
  );
}

export function AnswersTable({
  scan,
  columns,
}: {
  scan: SelfScan;
  columns: { key: string; name: string; answers: Answers }[];
}) {
  return (
    <TableScroll label={`Antwoorden ${scan.title}`}>
      <table className="answers-table">
        <thead>
          <tr>
            <th scope="col">Vraag</th>
            {columns.map((column) => (
              <th scope="col" key={column.key}>
                {column.name}
              </th>
            ))}
          </tr>
        </thead>
        {scan.sections.map((section) => (
          <tbody key={section.id}>
            <tr>
              <th scope="colgroup" colSpan={columns.length + 1} className="answers-section">
                {section.title}
              </th>
            </tr>
            {section.questions.map((question) => (
              <tr key={question.id}>
                <th scope="row">{question.text}</th>
                {columns.map((column) => (
                  <td key={column.key}>
                    <AnswerView
                      question={question}
                      answer={column.answers[question.id]}
                      scaleMax={section.scale?.max}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </TableScroll>
  );
}

export function ConflictNotice({
  scan,
  current,
}: {
  scan: SelfScan;
  current: { answers: Answers; version: number; completedAt: Date | string | null; updatedBy: string | null };
}) {
  return (
    <section className="alert alert-error conflict" role="alert" aria-labelledby="conflict-heading">
      <h2 id="conflict-heading">Intussen is er iets anders opgeslagen</h2>
      <p>
        {current.updatedBy ?? "Iemand anders"} heeft deze zelfscan opgeslagen terwijl jij bezig was
        {current.completedAt ? " en hem afgerond" : ""}. Er is niets overschreven: jouw antwoorden staan nog in het
        formulier hieronder, de opgeslagen antwoorden staan in deze tabel.
      </p>
      <AnswersTable
        scan={scan}
        columns={[{ key: "stored", name: "Opgeslagen antwoorden", answers: current.answers }]}
      />
      <p>
        {current.completedAt
          ? "Wil je toch iets wijzigen? Laad de pagina opnieuw en open de zelfscan weer."
          : "Sla opnieuw op om jouw antwoorden te bewaren, of gebruik de opgeslagen antwoorden."}{" "}
        <Link to=".">De opgeslagen antwoorden gebruiken</Link>
      </p>
    </section>
  );
}

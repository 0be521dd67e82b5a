import { Form, useLoaderData } from "@remix-run/react";
import { TableScroll } from "~/components/table-scroll.tsx";
import type { AttendanceStatus } from "~/generated/prisma/enums.ts";
import { attendanceStatusValues } from "~/models/schedule-forms.ts";
import { formatDateTime } from "~/utils/dates.ts";
import { attendanceStatusLabels, duoFunctionLabels } from "~/utils/labels.ts";
import type { loader } from "./route.tsx";

/** For the cohort's facilitators and coordinators: the sign-offs with their reasons, and recording attendance. */
export function AttendanceSections() {
  const { attendance, participants } = useLoaderData<typeof loader>();
  const byUser = new Map(attendance.map((row) => [row.userId, row]));
  const signOffs = participants.filter((participant) => byUser.get(participant.user.id)?.status === "SIGNED_OFF");
  return (
    <>
      <section aria-labelledby="afmeldingen">
        <h2 id="afmeldingen">Afmeldingen</h2>
        {signOffs.length ? (
          <ul>
            {signOffs.map((participant) => {
              const row = byUser.get(participant.user.id)!;
              return (
                <li key={participant.user.id}>
                  <strong>{participant.user.name}</strong> ({participant.enrollment.municipality.name}):{" "}
                  {row.reason || "geen reden gegeven"} <span className="muted">— {formatDateTime(row.updatedAt)}</span>
                </li>
              );
            })}
          </ul>
        ) : (
          <p>Nog niemand heeft zich afgemeld.</p>
        )}
      </section>
      <section aria-labelledby="aanwezigheid">
        <h2 id="aanwezigheid">Aanwezigheid</h2>
        {participants.length ? (
          <Form method="post">
            <input type="hidden" name="intent" value="attendance" />
            <TableScroll label="Tabel met de aanwezigheid per deelnemer">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Deelnemer</th>
                    <th scope="col">Gemeente</th>
                    <th scope="col">Aanwezigheid</th>
                  </tr>
                </thead>
                <tbody>
                  {participants.map((participant) => {
                    const current = byUser.get(participant.user.id)?.status ?? "";
                    const name = `status-${participant.user.id}`;
                    return (
                      <tr key={participant.user.id}>
                        <th scope="row">
                          {participant.user.name}
                          <br />
                          <span className="muted">{duoFunctionLabels[participant.function]}</span>
                        </th>
                        <td>{participant.enrollment.municipality.name}</td>
                        <td>
                          <fieldset className="radio-inline">
                            <legend className="visually-hidden">Aanwezigheid van {participant.user.name}</legend>
                            {[...attendanceStatusValues, ""].map((value) => {
                              const id = `${name}-${value || "leeg"}`;
                              return (
                                <span key={value} className="radio">
                                  <input
                                    type="radio"
                                    id={id}
                                    name={name}
                                    value={value}
                                    defaultChecked={current === value}
                                  />
                                  <label htmlFor={id}>
                                    {value ? attendanceStatusLabels[value as AttendanceStatus] : "Niet ingevuld"}
                                  </label>
                                </span>
                              );
                            })}
                          </fieldset>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableScroll>
            <button type="submit">Aanwezigheid opslaan</button>
          </Form>
        ) : (
          <p>Er zijn nog geen deelnemers in dit leernetwerk.</p>
        )}
      </section>
    </>
  );
}

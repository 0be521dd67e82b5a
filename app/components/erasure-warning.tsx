// What erasing an account removes and what stays (pseudonymised), shown before the person or a coordinator
// confirms. The rules are in app/models/erasure.server.ts.
import { DELETED_PERSON } from "~/utils/deleted-person.ts";

type Preview = {
  deleted: { journalEntries: number; intervisionCases: number; ownSubmissions: number; ownSelfScans: number };
  kept: { messages: number; planVersions: number; duos: number };
};

export function ErasureWarning({ preview, subject }: { preview: Preview; subject: "je" | string }) {
  const own = subject === "je";
  const whose = own ? "je" : "de";
  return (
    <div className="stack">
      <section aria-labelledby="wat-weggaat">
        <h2 id="wat-weggaat">Wat verdwijnt</h2>
        <ul>
          <li>
            {own ? "Je account: je kunt niet meer inloggen." : `Het account van ${subject}: inloggen kan niet meer.`}
          </li>
          <li>
            {own ? "Je" : "Het"} journaal ({preview.deleted.journalEntries} stukken), met de reacties erop.
          </li>
          <li>
            {own ? "Je" : "De"} eigen intervisiecasussen ({preview.deleted.intervisionCases}) met de aantekeningen
            erbij.
          </li>
          <li>
            Zelfscans en opdrachten die {own ? "je" : "deze persoon"} alleen invulde ({preview.deleted.ownSelfScans}{" "}
            zelfscans, {preview.deleted.ownSubmissions} opdrachten) en {whose} eigen bestanden.
          </li>
          <li>
            Gelezen lessen, aanwezigheid, meldingen en {whose} keuzes daarvoor, e-mail aan{" "}
            {own ? "jou" : "deze persoon"}, inlogsessies, tweestapsverificatie en de agenda-link.
          </li>
        </ul>
      </section>
      <section aria-labelledby="wat-blijft">
        <h2 id="wat-blijft">Wat blijft, zonder naam</h2>
        <p>
          Wat {own ? "je" : "deze persoon"} samen met anderen maakte, blijft voor die anderen bestaan. Daar staat dan
          &ldquo;{DELETED_PERSON}&rdquo; in plaats van de naam:
        </p>
        <ul>
          <li>opdrachten die het duo samen inleverde, met de bestanden en de feedback;</li>
          <li>
            de aanpak van het duo en de versies ervan ({preview.kept.planVersions} opgeslagen door{" "}
            {own ? "jou" : "deze persoon"});
          </li>
          <li>
            feedback, opmerkingen en reacties bij het werk of journaal van anderen ({preview.kept.messages} berichten);
          </li>
          <li>het logboek, zonder naam en e-mailadres.</li>
        </ul>
      </section>
    </div>
  );
}

// The privacy statement (privacyverklaring), public, in plain Dutch: what is stored, why, how long, who reads
// it, and the rights of the data subject with the way to use them (AVG art. 13/15/17/20).
import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { getEnv } from "~/utils/env.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";

export const meta: MetaFunction = () => [
  { title: "Privacyverklaring — Leernetwerk" },
  {
    name: "description",
    content: "Welke gegevens Leernetwerk bewaart, waarom, hoe lang, wie ze ziet en wat je rechten zijn.",
  },
];

export function loader() {
  const env = getEnv();
  return { contact: env.PRIVACY_CONTACT_EMAIL, officer: env.PRIVACY_OFFICER_EMAIL };
}

export default function PrivacyStatementPage() {
  const { contact, officer } = useLoaderData<typeof loader>();
  return (
    <article>
      <h1>Privacyverklaring</h1>
      <p>
        In Leernetwerk leren gemeenten en ervaringsdeskundigen samen. Daarbij schrijf je soms persoonlijke dingen op: in
        je journaal, in een intervisiecasus of in de aanpak van je duo. Daar gaan we zorgvuldig mee om. Hier lees je
        welke gegevens we bewaren, waarom, hoe lang, wie ze kan zien en wat je rechten zijn.
      </p>

      <h2>Welke gegevens bewaren we?</h2>
      <ul>
        <li>
          <strong>Je account</strong>: naam, e-mailadres, rol (deelnemer, begeleider of coördinator) en je wachtwoord.
          Het wachtwoord bewaren we versleuteld; niemand kan het lezen.
        </li>
        <li>
          <strong>Je deelname</strong>: in welk leernetwerk je zit, je gemeente, je duo, je functie en je aanwezigheid
          bij bijeenkomsten (ook de reden als je je afmeldt).
        </li>
        <li>
          <strong>Wat je leert en maakt</strong>: welke lessen je las, je antwoorden in de lessen, opdrachten en
          bestanden, zelfscans, de aanpak van je duo en de feedback daarop.
        </li>
        <li>
          <strong>Wat je opschrijft</strong>: je journaal, je intervisiecasussen en de reacties daarop.
        </li>
        <li>
          <strong>Techniek en veiligheid</strong>: waar je bent ingelogd (apparaat en browser), mislukte inlogpogingen,
          de e-mails die we je stuurden en een logboek van belangrijke wijzigingen.
        </li>
      </ul>
      <p>We gebruiken geen advertenties en geen volgcookies. We verkopen niets door.</p>

      <h2>Waarom?</h2>
      <p>
        We gebruiken je gegevens alleen om het leernetwerk te laten werken: om je te laten inloggen, bijeenkomsten te
        plannen, opdrachten en feedback uit te wisselen en je te laten weten wat er speelt. De gemeenten doen mee om
        ervaringskennis in hun beleid te gebruiken; dat is een taak van algemeen belang. Het logboek en de inlogpogingen
        bewaren we om het platform veilig te houden. Publiceren in de kennisbank gebeurt alleen met toestemming van
        beide duoleden, en pas nadat een coördinator de tekst heeft gecontroleerd. De kennisbank is openbaar: iedereen
        kan hem lezen, ook zonder account. Er staan geen namen van mensen in.
      </p>

      <h2>Wie kan wat zien?</h2>
      <ul>
        <li>
          <strong>Je journaal</strong> is privé. Alleen wie jij kiest (je duopartner, de begeleiders of je
          intervisiegroep) kan een stuk lezen. Ook de coördinator kan je journaal niet lezen.
        </li>
        <li>
          <strong>Intervisiecasussen</strong> zien alleen de leden en begeleiders van je intervisiegroep.
        </li>
        <li>
          <strong>Opdrachten, zelfscans en de aanpak</strong> ziet je duo, en de begeleiders van je leernetwerk. De
          coördinator ziet van zelfscans alleen gemiddelden van minstens drie duo&apos;s.
        </li>
        <li>
          <strong>De coördinator</strong> ziet je naam, e-mailadres, gemeente, aanwezigheid en of je opdrachten hebt
          ingeleverd, om het leernetwerk te organiseren.
        </li>
      </ul>

      <h2>Hoe lang bewaren we het?</h2>
      <ul>
        <li>
          Inloggen: je sessie stopt na een tijd zonder gebruik (2 uur voor deelnemers, 30 minuten voor begeleiders en
          coördinatoren).
        </li>
        <li>Een link om je wachtwoord te herstellen werkt 1 uur, een uitnodiging 14 dagen.</li>
        <li>
          Wat je in een leernetwerk schreef en maakte (journaal, intervisie, opmerkingen bij zelfscans, opdrachten en
          bestanden) verwijderen we een vaste tijd nadat het leernetwerk is afgesloten (standaard 12 maanden). Je krijgt
          een paar weken van tevoren bericht, zodat je je gegevens kunt downloaden.
        </li>
        <li>Je account blijft bestaan tot jij of de coördinator het verwijdert.</li>
      </ul>

      <h2>Je rechten</h2>
      <p>Volgens de Algemene verordening gegevensbescherming (AVG) heb je deze rechten:</p>
      <ul>
        <li>
          <strong>Inzien en meenemen</strong> (artikel 15 en 20): download al je gegevens in één bestand, om te lezen én
          voor een ander programma. Ga naar <Link to="/account/mijn-gegevens">Account › Mijn gegevens</Link>.
        </li>
        <li>
          <strong>Laten verbeteren</strong> (artikel 16): je naam en e-mailadres pas je zelf aan op{" "}
          <Link to="/account">je accountpagina</Link>. Klopt er iets anders niet? Vraag het de coördinator.
        </li>
        <li>
          <strong>Laten verwijderen</strong> (artikel 17): verwijder je account zelf op{" "}
          <Link to="/account/verwijderen">Mijn account verwijderen</Link>, met je wachtwoord. Of vraag het de
          coördinator. Wat alleen van jou is, verdwijnt. Wat je samen met anderen maakte (zoals een opdracht van je duo)
          blijft voor hen bestaan, met &ldquo;verwijderde deelnemer&rdquo; in plaats van je naam.
        </li>
        <li>
          <strong>Bezwaar maken</strong>: ben je het niet eens met hoe we met je gegevens omgaan? Neem contact op met de
          coördinator van je leernetwerk of met de functionaris gegevensbescherming van je organisatie. Je kunt ook een
          klacht indienen bij de Autoriteit Persoonsgegevens.
        </li>
      </ul>

      <h2 id="contact">Contact</h2>
      <p>
        Een vraag over je gegevens, of een verzoek dat je niet zelf in Leernetwerk kunt doen? Mail naar{" "}
        <a href={`mailto:${contact}`}>{contact}</a>. We antwoorden binnen een maand.
      </p>
      <p>
        De functionaris gegevensbescherming (FG) houdt toezicht op hoe we met persoonsgegevens omgaan. Je bereikt de FG
        op <a href={`mailto:${officer}`}>{officer}</a>.
      </p>
      <p>Deze verklaring is voor het laatst aangepast op 6 december 2026.</p>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

// The accessibility statement (toegankelijkheidsverklaring) in the form Dutch public bodies publish
// (Besluit digitale toegankelijkheid overheid): status, what is known not to comply, how to report, date.
import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { getEnv } from "~/utils/env.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";

export const meta: MetaFunction = () => [
  { title: "Toegankelijkheidsverklaring — Leernetwerk" },
  {
    name: "description",
    content: "Hoe toegankelijk Leernetwerk is, wat nog niet goed is en hoe je een probleem meldt.",
  },
];

export function loader() {
  return { contact: getEnv().PRIVACY_CONTACT_EMAIL };
}

export default function AccessibilityStatementPage() {
  const { contact } = useLoaderData<typeof loader>();
  return (
    <article>
      <h1>Toegankelijkheidsverklaring</h1>
      <p>
        Leernetwerk wil dat iedereen het platform kan gebruiken, ook mensen met een beperking. We houden ons daarbij aan
        de Europese norm EN 301 549 en de Web Content Accessibility Guidelines (WCAG) 2.1, niveau A en AA. Deze
        verklaring geldt voor het hele platform Leernetwerk.
      </p>

      <h2>Nalevingsstatus</h2>
      <p>
        <strong>Status C: eerste maatregelen genomen.</strong> Leernetwerk voldoet gedeeltelijk aan de eisen. Er is nog
        geen onderzoek door een onafhankelijke partij gedaan; dat staat gepland. Wat we al doen:
      </p>
      <ul>
        <li>elke pagina wordt bij elke wijziging automatisch getest op WCAG 2.1 AA (met axe-core);</li>
        <li>alle formulieren hebben labels en duidelijke foutmeldingen, en alles werkt met het toetsenbord;</li>
        <li>grafieken (zoals bij de zelfscans) staan er ook als tabel;</li>
        <li>de teksten zijn in eenvoudig Nederlands (taalniveau B1).</li>
      </ul>

      <h2>Wat nog niet goed is</h2>
      <ul>
        <li>
          Bestanden die deelnemers zelf uploaden (zoals PDF- en Word-bestanden bij opdrachten) controleren we niet op
          toegankelijkheid.
        </li>
        <li>
          De geëxporteerde aanpak als Word-bestand en het downloadbestand met je gegevens zijn niet apart getest met
          hulpsoftware.
        </li>
        <li>
          Een automatische test vindt niet alle problemen. Een onderzoek met mensen die hulpsoftware gebruiken
          (schermlezer, vergroting, spraakbesturing) is nog niet gedaan.
        </li>
      </ul>

      <h2>Een probleem melden</h2>
      <p>
        Loop je tegen iets aan dat niet werkt, of heb je een pagina nodig in een andere vorm? Mail naar{" "}
        <a href={`mailto:${contact}`}>{contact}</a>, of meld het bij de coördinator van je leernetwerk. Vertel op welke
        pagina het was en wat er misging. Je krijgt binnen 5 werkdagen een bevestiging en binnen 3 weken een antwoord.
      </p>
      <p>
        Ben je niet tevreden met de oplossing? Dan kun je een klacht indienen bij de organisatie van het leernetwerk en
        daarna bij de Nationale ombudsman.
      </p>

      <h2>Over deze verklaring</h2>
      <ul>
        <li>Opgesteld op: 6 december 2026.</li>
        <li>Laatst herzien op: 6 december 2026.</li>
        <li>
          Zie ook de <Link to="/privacyverklaring">privacyverklaring</Link>.
        </li>
      </ul>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

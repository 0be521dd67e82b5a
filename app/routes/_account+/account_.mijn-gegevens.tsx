// "Mijn gegevens": what the platform keeps about me, the download of all of it (AVG art. 15 and 20) and the
// way to have my account erased (art. 17, /account/verwijderen).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { requireUser } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { PERSONAL_DATA_KINDS } from "~/models/personal-data.server.ts";

export const meta: MetaFunction = () => [{ title: "Mijn gegevens — Leernetwerk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return {
    kinds: PERSONAL_DATA_KINDS.map((kind) => ({ key: kind.key, title: kind.title, description: kind.description })),
  };
}

export default function MyDataPage() {
  const { kinds } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/account">← Je account</Link>
      </p>
      <h1>Mijn gegevens</h1>
      <p>
        Je hebt het recht om te zien wat we over je bewaren, en om het mee te nemen. Download hieronder alles in één
        bestand (een ZIP-bestand). Daarin zitten twee bestanden:
      </p>
      <ul>
        <li>
          <strong>gegevens.html</strong>: om te lezen en te printen. Open het in je browser.
        </li>
        <li>
          <strong>gegevens.json</strong>: dezelfde gegevens voor een ander programma.
        </li>
      </ul>
      <p>
        <a className="button" href="/account/mijn-gegevens/gegevens.zip" download>
          Download al mijn gegevens (ZIP)
        </a>
      </p>
      <p>
        Het downloaden komt in het logboek. Lees in de <Link to="/privacyverklaring">privacyverklaring</Link> waarom we
        deze gegevens bewaren en hoe lang.
      </p>

      <section aria-labelledby="wat-erin-staat">
        <h2 id="wat-erin-staat">Wat erin staat</h2>
        <dl>
          {kinds.map((kind) => (
            <div key={kind.key}>
              <dt>
                <strong>{kind.title}</strong>
              </dt>
              <dd>{kind.description}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="verwijderen">
        <h2 id="verwijderen">Je account verwijderen</h2>
        <p>
          Wil je dat we je account en je gegevens verwijderen? Dat kan zelf, met je wachtwoord. Download je gegevens dan
          eerst als je ze wilt bewaren.
        </p>
        <p>
          <Link to="/account/verwijderen">Naar: mijn account verwijderen</Link>
        </p>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

// Friendly Dutch error pages for every route. Details stay on the server.
import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";

const messages: Record<number, { title: string; text: string }> = {
  400: { title: "Er ging iets mis met je verzoek", text: "Controleer wat je hebt ingevuld en probeer het opnieuw." },
  403: {
    title: "Geen toegang",
    text: "Je hebt geen toegang tot deze pagina. Denk je dat dit niet klopt? Neem dan contact op met de coördinator van je leernetwerk.",
  },
  404: {
    title: "Pagina niet gevonden",
    text: "Deze pagina bestaat niet (meer), of je hebt er geen toegang toe. Controleer de link of ga terug naar de startpagina.",
  },
  429: { title: "Even geduld", text: "Je hebt te veel verzoeken achter elkaar gedaan. Wacht een paar minuten en probeer het opnieuw." },
  500: {
    title: "Er ging iets mis bij ons",
    text: "Door een fout aan onze kant lukt dit nu niet. Er is niets verloren gegaan van wat al was opgeslagen. Probeer het later nog eens.",
  },
};

export function statusMessage(status: number) {
  return messages[status] ?? messages[500]!;
}

export function GeneralErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (!isRouteErrorResponse(error)) console.error(error);
  const { title, text } = statusMessage(status);
  return (
    <section className="error-page" aria-labelledby="error-title">
      <h1 id="error-title">{title}</h1>
      <p>{text}</p>
      <p className="muted">Foutcode {status}</p>
      <p>
        <Link to="/">Naar de startpagina</Link>
      </p>
    </section>
  );
}

// Friendly Dutch error pages for every route. Details stay on the server: only the Dutch message a 4xx
// Response carries (notFound("Dit journaalstuk bestaat niet…"), forbidden(…), a thrown data()) is shown.
import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { Link } from "~/components/link.tsx";

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
  409: {
    title: "Dit kan niet meer worden veranderd",
    text: "Wat je wilde veranderen, kan niet meer worden veranderd. Je kunt het nog wel lezen.",
  },
  429: {
    title: "Even geduld",
    text: "Je hebt te veel verzoeken achter elkaar gedaan. Wacht een paar minuten en probeer het opnieuw.",
  },
  500: {
    title: "Er ging iets mis bij ons",
    text: "Door een fout aan onze kant lukt dit nu niet. Er is niets verloren gegaan van wat al was opgeslagen. Probeer het later nog eens.",
  },
};

export function statusMessage(status: number) {
  return messages[status] ?? messages[500]!;
}

/** The defaults of notFound() and forbidden() (app/utils/http.server.ts): the page's own text says more. */
const genericMessages = new Set(["Niet gevonden", "Geen toegang"]);

/**
 * The Dutch message a thrown 4xx Response carries, or null. Under single fetch the error's `data` is the
 * text of a thrown Response (JSON when it was JSON) or the value of a thrown data(). Router-made errors
 * (`internal`, e.g. "No route matches") and server errors are never shown.
 */
export function errorMessageOf(error: unknown): string | null {
  if (
    !isRouteErrorResponse(error) ||
    ("internal" in error && error.internal) ||
    error.status < 400 ||
    error.status >= 500
  )
    return null;
  const data: unknown = error.data;
  const raw =
    typeof data === "string"
      ? data
      : typeof data === "object" && data !== null && "message" in data && typeof data.message === "string"
        ? data.message
        : null;
  const message = raw?.trim();
  if (!message || genericMessages.has(message) || message.length > 500 || message.startsWith("<")) return null;
  return message;
}

export function GeneralErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (!isRouteErrorResponse(error)) console.error(error);
  const { title, text } = statusMessage(status);
  const message = errorMessageOf(error);
  return (
    <section className="error-page" aria-labelledby="error-title">
      <h1 id="error-title">{title}</h1>
      <p>{message ?? text}</p>
      <p className="muted">Foutcode {status}</p>
      <p>
        <Link to="/">Naar de startpagina</Link>
      </p>
    </section>
  );
}

import { Link } from "~/components/link.tsx";

type Status = "expired" | "used" | "unknown" | "revoked" | "email-taken";

const resetTexts: Record<Status, { title: string; text: string }> = {
  expired: {
    title: "Deze link is verlopen",
    text: "Een link om je wachtwoord te herstellen werkt één uur. Vraag een nieuwe link aan.",
  },
  used: {
    title: "Deze link is al gebruikt",
    text: "Een link werkt maar één keer. Weet je je wachtwoord niet meer? Vraag dan een nieuwe link aan.",
  },
  unknown: {
    title: "Deze link werkt niet",
    text: "We herkennen deze link niet. Misschien is hij niet helemaal gekopieerd. Vraag een nieuwe link aan.",
  },
  revoked: { title: "Deze link werkt niet meer", text: "Vraag een nieuwe link aan." },
  "email-taken": { title: "Deze link werkt niet meer", text: "Vraag een nieuwe link aan." },
};

const invitationTexts: Record<Status, { title: string; text: string }> = {
  expired: {
    title: "Deze uitnodiging is verlopen",
    text: "Een uitnodiging is 14 dagen geldig. Vraag de coördinator van je leernetwerk om je opnieuw uit te nodigen.",
  },
  used: {
    title: "Deze uitnodiging is al gebruikt",
    text: "Je account is al aangemaakt. Log in met je e-mailadres en wachtwoord. Weet je je wachtwoord niet meer? Kies dan 'Wachtwoord vergeten'.",
  },
  unknown: {
    title: "Deze uitnodiging werkt niet",
    text: "We herkennen deze link niet. Misschien is hij niet helemaal gekopieerd. Gebruik de knop in de e-mail of vraag de coördinator om een nieuwe uitnodiging.",
  },
  revoked: {
    title: "Deze uitnodiging is ingetrokken",
    text: "De coördinator heeft deze uitnodiging ingetrokken. Neem contact op met de coördinator van je leernetwerk als je denkt dat dit niet klopt.",
  },
  "email-taken": {
    title: "Er is al een account met dit e-mailadres",
    text: "Log in met je e-mailadres en wachtwoord. Weet je je wachtwoord niet meer? Kies dan 'Wachtwoord vergeten'.",
  },
};

const emailChangeTexts: Record<Status, { title: string; text: string }> = {
  expired: {
    title: "Deze link is verlopen",
    text: "Een link om je nieuwe e-mailadres te bevestigen werkt 24 uur. Vraag de wijziging opnieuw aan op je accountpagina.",
  },
  used: {
    title: "Deze link is al gebruikt",
    text: "Een link werkt maar één keer. Is je e-mailadres nog niet gewijzigd? Vraag de wijziging dan opnieuw aan op je accountpagina.",
  },
  unknown: {
    title: "Deze link werkt niet",
    text: "We herkennen deze link niet. Misschien is hij niet helemaal gekopieerd, of heb je daarna een nieuwere wijziging aangevraagd.",
  },
  revoked: { title: "Deze link werkt niet meer", text: "Vraag de wijziging opnieuw aan op je accountpagina." },
  "email-taken": {
    title: "Dit e-mailadres is al in gebruik",
    text: "Er is intussen een ander account met dit e-mailadres. Je e-mailadres is niet gewijzigd.",
  },
};

const textsByKind = { reset: resetTexts, invitation: invitationTexts, "email-change": emailChangeTexts };

export function LinkProblem({ kind, status }: { kind: keyof typeof textsByKind; status: Status }) {
  const { title, text } = textsByKind[kind][status];
  return (
    <div className="auth-box">
      <h1>{title}</h1>
      <p>{text}</p>
      <p>
        {kind === "reset" ? (
          <Link to="/wachtwoord-vergeten">Nieuwe link aanvragen</Link>
        ) : kind === "email-change" ? (
          <Link to="/account">Naar je account</Link>
        ) : (
          <Link to="/inloggen">Naar inloggen</Link>
        )}
      </p>
    </div>
  );
}

// Links that act for the person they were sent to: whoever has one can set a password, accept an
// invitation, confirm an e-mail address, unsubscribe or read a calendar. On the outbox page a coordinator
// reads other people's mail, so these links are shown only to their addressee (and in the demo).
export const TOKEN_LINK_PATHS = [
  "/wachtwoord-herstellen/",
  "/uitnodiging/",
  "/e-mailadres-bevestigen/",
  "/e-mail/afmelden/",
  "/agenda/",
] as const;

export const REDACTED_LINK = "[link verborgen]";

/** The text with every personal (token) link replaced by "[link verborgen]". */
export function redactTokenLinks(text: string): string {
  return text.replace(/https?:\/\/[^\s<>"')\]]+/g, (url) => {
    let pathname: string;
    try {
      pathname = new URL(url).pathname;
    } catch {
      return REDACTED_LINK;
    }
    return TOKEN_LINK_PATHS.some((prefix) => pathname.startsWith(prefix)) ? REDACTED_LINK : url;
  });
}

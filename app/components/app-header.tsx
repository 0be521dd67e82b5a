import { Form, useLocation } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import type { Role } from "~/generated/prisma/enums.ts";
import { roleLabels } from "~/utils/labels.ts";

type HeaderUser = { name: string; role: Role; unread?: number } | null;

/**
 * The inbox link (issue 19): a screen reader hears "Meldingen, 3 ongelezen" (the name starts with the visible
 * word, so voice control finds it too); the badge with the number is for the eye.
 */
function InboxLink({ unread, current }: { unread: number; current: boolean }) {
  const shown = unread > 99 ? "99+" : String(unread);
  return (
    <Link
      to="/meldingen"
      className="inbox-link"
      aria-label={unread > 0 ? `Meldingen, ${shown} ongelezen` : undefined}
      aria-current={current ? "page" : undefined}
    >
      Meldingen
      {unread > 0 ? (
        <span className="inbox-count" aria-hidden="true">
          {shown}
        </span>
      ) : null}
    </Link>
  );
}

// `also`: pages elsewhere in the tree that belong to this item (the duo's canvas lives under its cohort, but
// is "Aanpak" to a participant). An item is current on its own page and the pages below it, unless another
// item claims the page with `also`.
// `more`: words only a screen reader hears, for a link whose visible text says too little out of context.
type NavItem = { to: `/${string}`; label: string; also?: RegExp; more?: string };

const START: NavItem = { to: "/", label: "Start", more: " – je overzicht van wat er voor je klaarstaat" };

const ACCOUNT: NavItem = { to: "/account", label: "Account" };

const CANVAS_PAGES = /^\/leernetwerken\/[^/]+\/aanpak(\/|\.|$)/;

const navigation: Record<Role, NavItem[]> = {
  COORDINATOR: [
    START,
    { to: "/leernetwerken", label: "Leernetwerken" },
    { to: "/leren", label: "Leren" },
    { to: "/kennisbank", label: "Kennisbank" },
    { to: "/beheer/uitnodigingen", label: "Uitnodigingen" },
    { to: "/beheer/e-mail", label: "E-mail" },
    { to: "/beheer/logboek", label: "Logboek" },
  ],
  FACILITATOR: [
    START,
    { to: "/leernetwerken", label: "Mijn leernetwerken" },
    { to: "/intervisie", label: "Intervisie" },
    { to: "/leren", label: "Leren" },
    { to: "/journaal/gedeeld", label: "Gedeelde journaals" },
    { to: "/kennisbank", label: "Kennisbank" },
  ],
  PARTICIPANT: [
    START,
    { to: "/leernetwerken", label: "Mijn leernetwerk" },
    { to: "/opdrachten", label: "Opdrachten" },
    { to: "/aanpak", label: "Aanpak", also: CANVAS_PAGES },
    { to: "/intervisie", label: "Intervisie" },
    { to: "/leren", label: "Leren" },
    { to: "/journaal", label: "Journaal" },
    { to: "/kennisbank", label: "Kennisbank" },
  ],
};

function currentItem(items: NavItem[], pathname: string): string | undefined {
  const claimed = items.find((item) => item.also?.test(pathname));
  if (claimed) return claimed.to;
  const own = (to: string) => (to === "/" ? pathname === "/" : pathname === to || pathname.startsWith(`${to}/`));
  return [...items, ACCOUNT].find((item) => own(item.to))?.to;
}

export function AppHeader({ user }: { user: HeaderUser }) {
  const { pathname } = useLocation();
  const current = user ? currentItem(navigation[user.role], pathname) : undefined;
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <a href="/" className="brand">
          Leernetwerk
          <span className="brand-sub">ervaringskennis in beleid</span>
        </a>
        {user ? (
          <nav aria-label="Hoofdmenu">
            <ul className="nav-list">
              {[...navigation[user.role], ACCOUNT].map((item) => (
                <li key={item.to}>
                  <Link
                    to={item.to}
                    className={item.to === current ? "active" : undefined}
                    aria-current={item.to === current ? "page" : undefined}
                  >
                    {item.label}
                    {item.more ? <span className="visually-hidden">{item.more}</span> : null}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        {user ? (
          <div className="user-box">
            <InboxLink unread={user.unread ?? 0} current={pathname === "/meldingen"} />
            <span>
              {user.name} <span className="muted">({roleLabels[user.role]})</span>
            </span>
            <Form method="post" action="/uitloggen">
              <button type="submit" className="button-secondary button-small">
                Uitloggen
              </button>
            </Form>
          </div>
        ) : pathname.startsWith("/inloggen") ? null : (
          <div className="user-box">
            {/* A visitor reading the knowledge base comes back to the same article after signing in. */}
            <Link
              to={
                pathname.startsWith("/kennisbank")
                  ? `/inloggen?${new URLSearchParams({ redirectTo: pathname })}`
                  : "/inloggen"
              }
            >
              Inloggen
            </Link>
          </div>
        )}
      </div>
    </header>
  );
}

import { Form, NavLink } from "@remix-run/react";
import type { Role } from "~/generated/prisma/enums.ts";
import { roleLabels } from "~/utils/labels.ts";

type HeaderUser = { name: string; role: Role } | null;

const navigation: Record<Role, { to: string; label: string }[]> = {
  COORDINATOR: [
    { to: "/", label: "Start" },
    { to: "/leernetwerken", label: "Leernetwerken" },
    { to: "/leren", label: "Leren" },
    { to: "/kennisbank", label: "Kennisbank" },
    { to: "/beheer/uitnodigingen", label: "Uitnodigingen" },
    { to: "/beheer/e-mail", label: "E-mail" },
    { to: "/beheer/logboek", label: "Logboek" },
  ],
  FACILITATOR: [
    { to: "/", label: "Start" },
    { to: "/leernetwerken", label: "Mijn leernetwerken" },
    { to: "/intervisie", label: "Intervisie" },
    { to: "/leren", label: "Leren" },
    { to: "/journaal/gedeeld", label: "Gedeelde journaals" },
    { to: "/kennisbank", label: "Kennisbank" },
  ],
  PARTICIPANT: [
    { to: "/", label: "Start" },
    { to: "/leernetwerken", label: "Mijn leernetwerk" },
    { to: "/opdrachten", label: "Opdrachten" },
    { to: "/aanpak", label: "Aanpak" },
    { to: "/intervisie", label: "Intervisie" },
    { to: "/leren", label: "Leren" },
    { to: "/journaal", label: "Journaal" },
    { to: "/kennisbank", label: "Kennisbank" },
  ],
};

export function AppHeader({ user }: { user: HeaderUser }) {
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
              {navigation[user.role].map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.to === "/"}>
                    {item.label}
                  </NavLink>
                </li>
              ))}
              <li>
                <NavLink to="/account">Account</NavLink>
              </li>
            </ul>
          </nav>
        ) : null}
        {user ? (
          <div className="user-box">
            <span>
              {user.name} <span className="muted">({roleLabels[user.role]})</span>
            </span>
            <Form method="post" action="/uitloggen">
              <button type="submit" className="button-secondary button-small">
                Uitloggen
              </button>
            </Form>
          </div>
        ) : null}
      </div>
    </header>
  );
}

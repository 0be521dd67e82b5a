// The kinds of notification a user can receive, with how they may receive them. Adding a kind (e.g.
// "feedback ontvangen" with the assignments issue) is one entry here plus the code that records it with
// notify(); the preferences page, the digest and the unsubscribe link pick it up from this list.
// Account and security e-mail (invitation, password reset) is not a notification: it always goes.
import type { NotificationMode, Role } from "~/generated/prisma/enums.ts";

export type NotificationKind = {
  label: string;
  description: string;
  /** Who can receive it (the preferences page shows only these). */
  roles: Role[];
  /** The modes a user may choose. */
  modes: NotificationMode[];
  /** Without a choice of their own. Kept quiet on purpose: people complain most about too much e-mail. */
  defaultMode: NotificationMode;
};

export const notificationKinds = {
  "session-reminder": {
    label: "Herinnering voor een bijeenkomst",
    description:
      "Twee dagen van tevoren en op de ochtend van de bijeenkomst, met de voorbereiding en een agenda-bestand.",
    roles: ["PARTICIPANT", "FACILITATOR"],
    modes: ["IMMEDIATE", "DIGEST", "OFF"],
    defaultMode: "IMMEDIATE",
  },
  "session-changed": {
    label: "Bijeenkomst verplaatst of afgelast",
    description: "Als de tijd of plaats van een bijeenkomst verandert, of als een bijeenkomst niet doorgaat.",
    roles: ["PARTICIPANT", "FACILITATOR"],
    modes: ["IMMEDIATE", "DIGEST", "OFF"],
    defaultMode: "IMMEDIATE",
  },
  "journal-answered": {
    label: "Reactie op je journaal",
    description:
      "Als een begeleider of je duopartner reageert op een stuk dat je met hen hebt gedeeld. De e-mail noemt alleen wie reageerde, niet wat er staat.",
    roles: ["PARTICIPANT"],
    modes: ["IMMEDIATE", "DIGEST", "OFF"],
    defaultMode: "IMMEDIATE",
  },
  "assignment-due": {
    label: "Opdracht bijna verlopen",
    description:
      "Twee dagen voordat een opdracht ingeleverd moet zijn, als jij of je duo hem nog niet heeft ingeleverd.",
    roles: ["PARTICIPANT"],
    modes: ["IMMEDIATE", "DIGEST", "OFF"],
    defaultMode: "IMMEDIATE",
  },
  "assignment-feedback": {
    label: "Feedback op een opdracht",
    description:
      "Als een begeleider feedback geeft op een opdracht die jij of je duo heeft ingeleverd. De e-mail noemt alleen wie het gaf.",
    roles: ["PARTICIPANT"],
    modes: ["IMMEDIATE", "DIGEST", "OFF"],
    defaultMode: "IMMEDIATE",
  },
  "action-plan-comment": {
    label: "Reactie op jullie aanpak",
    description:
      "Als een begeleider of je duopartner iets schrijft bij een onderdeel van jullie aanpak. De e-mail noemt wie en bij welk onderdeel, niet wat er staat.",
    roles: ["PARTICIPANT"],
    modes: ["IMMEDIATE", "DIGEST", "OFF"],
    defaultMode: "IMMEDIATE",
  },
  "intervision-meeting": {
    label: "Nieuwe intervisiebijeenkomst",
    description:
      "Als de begeleider een bijeenkomst van je intervisiegroep plant, zodat je op tijd een casus kunt inbrengen.",
    roles: ["PARTICIPANT"],
    modes: ["IMMEDIATE", "DIGEST", "OFF"],
    defaultMode: "IMMEDIATE",
  },
  "intervision-case-chosen": {
    label: "Je intervisiecasus is gekozen",
    description:
      "Als de begeleider jouw casus kiest om te bespreken. De e-mail noemt de casus niet, alleen de bijeenkomst.",
    roles: ["PARTICIPANT"],
    modes: ["IMMEDIATE", "DIGEST", "OFF"],
    defaultMode: "IMMEDIATE",
  },
  // Issue 19: announcements, the coordinator's own kinds, replies in a feedback thread; issue 16: impact trail.
  announcement: {
    label: "Mededeling in je leernetwerk",
    description:
      "Als een coördinator of begeleider iets laat weten aan je leernetwerk, aan de deelnemers van een bijeenkomst of aan je intervisiegroep.",
    roles: ["PARTICIPANT", "FACILITATOR"],
    modes: ["IMMEDIATE", "DIGEST", "OFF"],
    defaultMode: "IMMEDIATE",
  },
  "handout-new": {
    label: "Nieuwe hand-out",
    description:
      "Als een begeleider of coördinator een hand-out (bijvoorbeeld dia's of een pdf) toevoegt aan een bijeenkomst van je leernetwerk.",
    roles: ["PARTICIPANT", "FACILITATOR"],
    modes: ["IMMEDIATE", "DIGEST", "OFF"],
    defaultMode: "DIGEST",
  },
  "submission-reply": {
    label: "Reactie op je feedback",
    description:
      "Als een deelnemer reageert in het gesprek over een ingeleverde opdracht. De e-mail noemt alleen wie reageerde, niet wat er staat.",
    roles: ["FACILITATOR"],
    modes: ["IMMEDIATE", "DIGEST", "OFF"],
    defaultMode: "IMMEDIATE",
  },
  "early-feedback-request": {
    label: "Vraag om vroege feedback",
    description:
      "Als een duo of deelnemer in een leernetwerk dat je begeleidt om feedback vraagt op een concept van een opdracht. De e-mail noemt niet wat er staat.",
    roles: ["FACILITATOR"],
    modes: ["IMMEDIATE", "DIGEST", "OFF"],
    defaultMode: "IMMEDIATE",
  },
  "impact-trail-comment": {
    label: "Reactie in het impactspoor",
    description:
      "Als iemand iets schrijft bij een onderwerp in het impactspoor van je gemeente, of reageert op wat jij daar schreef. De e-mail noemt wie en bij welk onderwerp, niet wat er staat.",
    roles: ["PARTICIPANT", "FACILITATOR"],
    modes: ["IMMEDIATE", "DIGEST", "OFF"],
    defaultMode: "IMMEDIATE",
  },
  "application-new": {
    label: "Nieuwe aanmelding",
    description: "Als een gemeente zich aanmeldt voor een leernetwerk.",
    roles: ["COORDINATOR"],
    modes: ["IMMEDIATE", "DIGEST", "OFF"],
    defaultMode: "IMMEDIATE",
  },
  "session-signoff": {
    label: "Afmelding voor een bijeenkomst",
    description: "Als een deelnemer zich afmeldt voor een bijeenkomst. De e-mail noemt de reden niet.",
    roles: ["COORDINATOR"],
    modes: ["IMMEDIATE", "DIGEST", "OFF"],
    defaultMode: "DIGEST",
  },
  "submission-late": {
    label: "Opdracht te laat ingeleverd",
    description: "Als een duo of deelnemer een opdracht inlevert na de inleverdatum.",
    roles: ["COORDINATOR"],
    modes: ["IMMEDIATE", "DIGEST", "OFF"],
    defaultMode: "DIGEST",
  },
  "email-failed": {
    label: "E-mail niet afgeleverd",
    description:
      "Als een e-mail van het Leernetwerk definitief niet kon worden afgeleverd. Je ziet hem in de uitgaande e-mail.",
    roles: ["COORDINATOR"],
    modes: ["IMMEDIATE", "DIGEST", "OFF"],
    defaultMode: "IMMEDIATE",
  },
  "knowledge-review": {
    label: "Tekst voor de kennisbank te beoordelen",
    description:
      "Als een duo een samenvatting of de begeleiders een synthese aanbieden voor de kennisbank (nieuw of aangepast). De e-mail noemt niet wat er staat.",
    roles: ["COORDINATOR"],
    modes: ["IMMEDIATE", "DIGEST", "OFF"],
    defaultMode: "IMMEDIATE",
  },
  "weekly-digest": {
    label: "Samenvatting",
    description:
      "Eén e-mail met alles wat je hierboven op 'In de samenvatting' hebt gezet: elke week of elke dag, op het moment dat je hieronder kiest. Begeleiders zien er ook de bijeenkomsten van de komende periode in. Staat deze uit, dan krijg je geen samenvatting.",
    roles: ["PARTICIPANT", "FACILITATOR", "COORDINATOR"],
    // Only on or off: it is itself the summary.
    modes: ["IMMEDIATE", "OFF"],
    defaultMode: "IMMEDIATE",
  },
} satisfies Record<string, NotificationKind>;

export type NotificationKindName = keyof typeof notificationKinds;

export const notificationKindNames = Object.keys(notificationKinds) as NotificationKindName[];

export function isNotificationKind(value: string): value is NotificationKindName {
  return Object.hasOwn(notificationKinds, value);
}

export function kindsForRole(role: Role): NotificationKindName[] {
  return notificationKindNames.filter((name) => (notificationKinds[name].roles as Role[]).includes(role));
}

export const notificationModeLabels: Record<NotificationMode, string> = {
  IMMEDIATE: "Direct een e-mail",
  DIGEST: "In de samenvatting",
  OFF: "Geen e-mail, alleen bij Meldingen",
};

/** The label of a mode for one kind (the digest reads "Aan" rather than "Direct een e-mail"). */
export function modeLabel(kind: NotificationKindName, mode: NotificationMode): string {
  if (kind === "weekly-digest") return mode === "OFF" ? "Uit" : "Aan";
  return notificationModeLabels[mode];
}

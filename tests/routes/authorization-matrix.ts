// The authorization matrix: for every route (every file in app/routes with a loader or an action), who gets
// what. authorization-matrix.db.test.ts runs every cell — every loader and every action intent × every actor
// of tests/support/matrix-world.ts (roles × relations: own cohort / other cohort, own duo / other duo, group
// member / not, a former member, anonymous) — and FAILS when a route or an intent has no row here.
//
// HOW TO ADD A ROW (a new page, or a new intent in an action's `formIntents`):
//   1. Run the test: it names the route id (its file under app/routes) or the intent that has no row.
//   2. Add one line under that route id below, with who may open it, e.g.
//        "routes/leernetwerken+/$cohortId+/mijn-pagina": { loader: cohort(STAFF_A) },
//      and for an action one entry per intent: `actions: { save: cohort(["coordinator"]), delete: … }`.
//   3. URL ids come from the world (the owner's things in cohort A: cohortId, sessionId, enrollmentId, …,
//      see matrix-world.ts); `params` overrides one, e.g. a token route.
// The presets say who is allowed; everyone else gets the preset's refusal:
//   everyone(x)        every actor, anonymous included, gets x (public pages)
//   signedIn()         anonymous → sign-in; every signed-in actor allowed
//   role(actors)       anonymous → sign-in; the actors allowed; other signed-in actors 403 (a role check)
//   only(actors, 404)  anonymous → sign-in; the actors allowed; the others 404 (a record they may not know of)
//   cohort(actors)     a page of cohort A: the actors allowed; the cohort's other members 403; everyone outside
//                      cohort A (another cohort's people, the former member) 404; anonymous → sign-in
// and the last argument of each overrides single actors ({ former: 404 }). "Allowed" is 200 for a loader
// and OK for an action (it got past its guards to its form; the action stops there, so nothing changes).
// A refusal of an action is run for real, with a body made from the action's schema (`body` adds or
// replaces fields), and must change nothing in the database.
import type { Actor, MatrixWorld } from "../support/matrix-world.ts";
import { ACTORS } from "../support/matrix-world.ts";
import type { Outcome } from "../support/matrix-run.ts";

/** Allowed: 200 for a loader, "form" for an action. */
export const OK = "ok";
export type Expected = Outcome | typeof OK;
export type Expectation = Record<Actor, Expected>;
type Overrides = Partial<Record<Actor, Expected>>;

export type Row = {
  /** Ids of this route's URL, when not the world's default for that name. */
  params?: (world: MatrixWorld) => Record<string, string>;
  loader?: Expectation;
  /** One entry per intent ("(formulier)" for a form without intents, "(geen formulier)" for none). */
  actions?: Record<string, Expectation>;
  /** Form fields per intent, for a refusal that comes after the form is read. */
  body?: (world: MatrixWorld) => Record<string, Record<string, string>>;
};

function build(allowed: readonly Actor[], otherwise: (actor: Actor) => Expected, overrides: Overrides) {
  const expectation = {} as Expectation;
  for (const actor of ACTORS)
    expectation[actor] = overrides[actor] ?? (allowed.includes(actor) ? OK : otherwise(actor));
  return expectation;
}

export const COORDINATOR = ["coordinator"] as const satisfies Actor[];
export const FACILITATORS_A = ["facilitator", "facilitatorOtherGroup"] as const satisfies Actor[];
export const STAFF_A = [...COORDINATOR, ...FACILITATORS_A] as const satisfies Actor[];
export const DUO = ["owner", "partner"] as const satisfies Actor[];
export const PARTICIPANTS_A = [...DUO, "groupPeer", "otherDuo"] as const satisfies Actor[];
export const PARTICIPANTS = [...PARTICIPANTS_A, "otherCohort", "former"] as const satisfies Actor[];
export const FACILITATORS = [...FACILITATORS_A, "facilitatorOtherCohort"] as const satisfies Actor[];
export const SIGNED_IN = ACTORS.filter((actor) => actor !== "anonymous");
/** The owner's intervisie group: its facilitator and members. */
export const GROUP = ["facilitator", "owner", "partner", "groupPeer"] as const satisfies Actor[];
const OUTSIDE_A: Actor[] = ["facilitatorOtherCohort", "otherCohort", "former"];

export const everyone = (outcome: Expected = OK, overrides: Overrides = {}) => build([], () => outcome, overrides);
export const signedIn = (overrides: Overrides = {}) => build(SIGNED_IN, () => "signin", overrides);
export const role = (actors: readonly Actor[], overrides: Overrides = {}) =>
  build(actors, (actor) => (actor === "anonymous" ? "signin" : 403), overrides);
export const only = (actors: readonly Actor[], refusal: 403 | 404 = 404, overrides: Overrides = {}) =>
  build(actors, (actor) => (actor === "anonymous" ? "signin" : refusal), overrides);
export const cohort = (actors: readonly Actor[], overrides: Overrides = {}) =>
  build(actors, (actor) => (actor === "anonymous" ? "signin" : OUTSIDE_A.includes(actor) ? 404 : 403), overrides);
/** The same expectation for each of these intents. */
export const intents = (names: string[], expectation: Expectation) =>
  Object.fromEntries(names.map((name) => [name, expectation]));

/** For pages for people who are not signed in: anonymous allowed, signed-in actors sent to the start page. */
const anonymousOnly = build(["anonymous"], () => "redirect", {});
const tokenFrom = (url: string) => url.split("/agenda/")[1]!.split("/")[0]!;

export const MATRIX: Record<string, Row> = {
  root: { loader: everyone(200) },
  "routes/$": { loader: everyone(404) },
  "routes/_index/route": { loader: signedIn() },
  "routes/healthz": { loader: everyone(200) },
  // The statements are public (their loader gives the configured contact address).
  "routes/privacyverklaring": { loader: everyone(200) },
  "routes/toegankelijkheidsverklaring": { loader: everyone(200) },

  // Account and sign-in.
  "routes/_account+/inloggen": { loader: anonymousOnly, actions: { "(formulier)": anonymousOnly } },
  "routes/_account+/wachtwoord-vergeten": { loader: anonymousOnly, actions: { "(formulier)": anonymousOnly } },
  "routes/_account+/wachtwoord-herstellen.$token": {
    params: (w) => ({ token: w.tokens.reset }),
    loader: anonymousOnly,
    actions: { "(formulier)": anonymousOnly },
  },
  "routes/_account+/uitnodiging.$token": {
    params: (w) => ({ token: w.tokens.invitation }),
    loader: everyone(),
    actions: { "(formulier)": everyone() },
  },
  "routes/_account+/uitloggen": { loader: signedIn(), actions: { "(geen formulier)": everyone("signin") } },
  "routes/_account+/account": {
    loader: signedIn(),
    actions: intents(["email", "feed-renew", "feed-revoke", "logout-everywhere", "password", "profile"], signedIn()),
  },
  "routes/_account+/account_.sessies": { loader: signedIn(), actions: intents(["end", "end-others"], signedIn()) },
  "routes/_account+/account_.tweestapsverificatie": {
    loader: signedIn(),
    actions: intents(["cancel", "confirm", "disable", "renew", "start"], signedIn()),
  },
  // The second step of signing in: without the short-lived challenge cookie it starts over at /inloggen.
  "routes/_account+/inloggen_.code": {
    loader: everyone("redirect", { anonymous: "signin" }),
    actions: { "(formulier)": everyone("redirect", { anonymous: OK }) },
  },
  // The link to a new e-mail address works by its token alone; the world's link is spent, so it changes nothing.
  "routes/_account+/e-mailadres-bevestigen.$token": {
    params: (w) => ({ token: w.tokens.emailChange }),
    loader: everyone(200),
    actions: { "(geen formulier)": everyone(410) },
  },
  "routes/_account+/account_.meldingen": { loader: signedIn(), actions: { "(formulier)": signedIn() } },
  // Issue 19: the inbox (one's own notifications); opening one marks it read and goes on to the thing itself.
  "routes/meldingen+/_index": { loader: signedIn(), actions: { "read-all": signedIn() } },
  "routes/meldingen+/$notificationId": { loader: only(["owner"], 404, { owner: "redirect" }) },
  // Announcements of cohort A (this one is for the whole cohort); its staff write them (participants: 403).
  "routes/leernetwerken+/$cohortId+/mededelingen+/_index": {
    loader: cohort([...STAFF_A, ...PARTICIPANTS_A]),
    actions: { create: cohort(STAFF_A) },
  },
  "routes/leernetwerken+/$cohortId+/mededelingen+/$announcementId": { loader: cohort([...STAFF_A, ...PARTICIPANTS_A]) },
  // AVG rights (issue 15): my data, its download, erasing my own account; a coordinator erases on request.
  "routes/_account+/account_.mijn-gegevens": { loader: signedIn() },
  "routes/_account+/account_.mijn-gegevens_.gegevens[.]zip": { loader: signedIn() },
  "routes/_account+/account_.verwijderen": { loader: signedIn(), actions: { erase: signedIn() } },
  "routes/beheer+/gebruikers.$userId": {
    params: (world) => ({ userId: world.users.owner }),
    loader: role(COORDINATOR),
    actions: { erase: role(COORDINATOR) },
  },
  "routes/_account+/agenda.$token.leernetwerk[.]ics": {
    params: (w) => ({ token: tokenFrom(w.tokens.calendar) }),
    loader: everyone(200),
  },
  "routes/_account+/e-mail.afmelden.$token": {
    params: (w) => ({ token: w.tokens.unsubscribe }),
    loader: everyone(200),
    actions: { "(geen formulier)": everyone(200) },
  },

  // Applications (public) and management.
  "routes/aanmelden+/_index": { loader: everyone(200) },
  "routes/aanmelden+/$slug": { loader: everyone(200), actions: { "(formulier)": everyone() } },
  "routes/beheer+/e-mail._index/route": { loader: role(COORDINATOR), actions: { retry: role(COORDINATOR) } },
  "routes/beheer+/e-mail.$messageId": { loader: role(COORDINATOR) },
  "routes/beheer+/leernetwerken.nieuw": { loader: role(COORDINATOR), actions: { "(formulier)": role(COORDINATOR) } },
  "routes/beheer+/logboek": { loader: role(COORDINATOR) },
  "routes/beheer+/bewaartermijnen": { loader: role(COORDINATOR) },
  "routes/beheer+/uitnodigingen": {
    loader: role(COORDINATOR),
    actions: intents(["invite", "revoke"], role(COORDINATOR)),
  },

  // Cohorts and what hangs under them.
  "routes/leernetwerken+/_index": { loader: signedIn() },
  "routes/leernetwerken+/$cohortId+/_layout/route": { loader: cohort([...STAFF_A, ...PARTICIPANTS_A]) },
  "routes/leernetwerken+/$cohortId+/_index/route": { loader: cohort([...STAFF_A, ...PARTICIPANTS_A]) },
  "routes/leernetwerken+/$cohortId+/bewerken": {
    loader: cohort(COORDINATOR),
    actions: { "(formulier)": cohort(COORDINATOR) },
  },
  "routes/leernetwerken+/$cohortId+/begeleiders": {
    loader: cohort(COORDINATOR),
    actions: intents(["assign", "remove"], cohort(COORDINATOR)),
  },
  "routes/leernetwerken+/$cohortId+/aanmeldingen+/_index": { loader: cohort(COORDINATOR) },
  "routes/leernetwerken+/$cohortId+/aanmeldingen+/$applicationId/route": {
    loader: cohort(COORDINATOR),
    actions: intents(["decide", "duo", "leave-waitlist", "plan"], cohort(COORDINATOR)),
  },
  "routes/leernetwerken+/$cohortId+/deelnemers+/_index": {
    loader: cohort(COORDINATOR),
    actions: { "(formulier)": cohort(COORDINATOR) },
  },
  "routes/leernetwerken+/$cohortId+/deelnemers+/$enrollmentId/route": {
    loader: cohort(COORDINATOR),
    actions: intents(
      ["add-member", "reinstate", "remove-member", "revoke-invitation", "withdraw"],
      cohort(COORDINATOR),
    ),
  },
  "routes/leernetwerken+/$cohortId+/export+/_index": { loader: cohort(COORDINATOR) },
  "routes/leernetwerken+/$cohortId+/export+/aanwezigheid[.csv]": { loader: cohort(COORDINATOR) },
  "routes/leernetwerken+/$cohortId+/export+/deelnemers[.csv]": { loader: cohort(COORDINATOR) },
  "routes/leernetwerken+/$cohortId+/intervisiegroepen/route": {
    loader: cohort(COORDINATOR),
    actions: { "(formulier)": cohort(COORDINATOR) },
  },
  "routes/leernetwerken+/$cohortId+/voortgang": { loader: cohort(STAFF_A) },
  // Closing (issue 16). The world's cohort has no certificates issued: its participants get the 404 of "none
  // for you" (cohort-closing.db.test.ts covers a participant who has one); staff have none (403).
  "routes/leernetwerken+/$cohortId+/afsluiten": {
    loader: cohort(COORDINATOR),
    actions: intents(["done", "undo", "certificates", "archive"], cohort(COORDINATOR)),
  },
  "routes/leernetwerken+/$cohortId+/deelnamebewijs": {
    loader: cohort([], { owner: 404, partner: 404, groupPeer: 404, otherDuo: 404 }),
  },
  "routes/leernetwerken+/$cohortId+/deelnamebewijs[.]pdf": {
    loader: cohort([], { owner: 404, partner: 404, groupPeer: 404, otherDuo: 404 }),
  },

  // Sessions.
  "routes/leernetwerken+/$cohortId+/bijeenkomsten+/nieuw": {
    loader: cohort(COORDINATOR),
    actions: { "(formulier)": cohort(COORDINATOR) },
  },
  "routes/leernetwerken+/$cohortId+/bijeenkomsten+/$sessionId/route": {
    loader: cohort([...STAFF_A, ...PARTICIPANTS_A]),
    // Staff record attendance, participants sign off (and withdraw that): the other side gets a 403.
    actions: {
      attendance: cohort(STAFF_A),
      "sign-off": cohort(PARTICIPANTS_A),
      withdraw: cohort(PARTICIPANTS_A),
    },
    body: () => ({ "sign-off": { reason: "Ziek" } }),
  },
  // The session's discussion (issue 19): staff ask, everyone in the cohort replies; the world's question is the
  // facilitator's, so only they get past the writer check on delete.
  "routes/leernetwerken+/$cohortId+/bijeenkomsten+/$sessionId_.gesprek": {
    actions: {
      question: cohort(STAFF_A),
      reply: cohort([...STAFF_A, ...PARTICIPANTS_A]),
      delete: cohort(["facilitator"]),
    },
    body: (world) => ({ delete: { postId: world.params.postId! }, reply: { parentId: world.params.postId! } }),
  },
  "routes/leernetwerken+/$cohortId+/bijeenkomsten+/$sessionId_.agenda[.]ics": {
    loader: cohort([...STAFF_A, ...PARTICIPANTS_A]),
  },
  "routes/leernetwerken+/$cohortId+/bijeenkomsten+/$sessionId_.bewerken": {
    loader: cohort(COORDINATOR),
    actions: intents(["cancel", "restore", "update"], cohort(COORDINATOR)),
  },
  "routes/leernetwerken+/$cohortId+/bijeenkomsten+/$sessionId_.voorbereiding": {
    // Issue 19: the cohort's facilitators prepare a session as the coordinator does.
    loader: cohort(STAFF_A),
    actions: intents(["(formulier)", "add", "content", "delete-handout", "remove"], cohort(STAFF_A)),
  },
  "routes/leernetwerken+/$cohortId+/bijeenkomsten+/$sessionId_.verslag": {
    loader: cohort(STAFF_A),
    actions: { save: cohort(STAFF_A) },
  },
  "routes/leernetwerken+/$cohortId+/bijeenkomsten+/$sessionId_.hand-outs.$handoutId": {
    loader: cohort([...STAFF_A, ...PARTICIPANTS_A]),
  },

  // Learning.
  "routes/leren+/_index": { loader: signedIn() },
  "routes/leren+/begrippen": { loader: signedIn() },
  "routes/leren+/$module._index": { loader: signedIn() },
  "routes/leren+/$module.$lesson": { loader: signedIn(), actions: intents(["read", "unread", "zelfscan"], signedIn()) },
  "routes/leren+/voortgang": { loader: role(PARTICIPANTS_A, { otherCohort: 200, former: 404 }) },

  // Journal.
  "routes/journaal+/_index": { loader: role(PARTICIPANTS) },
  "routes/journaal+/afdrukken": { loader: role(PARTICIPANTS) },
  "routes/journaal+/export[.md]": { loader: role(PARTICIPANTS) },
  "routes/journaal+/gedeeld": { loader: role([...FACILITATORS, ...PARTICIPANTS]) },
  "routes/journaal+/vragen": { loader: role(FACILITATORS), actions: intents(["create", "delete"], role(FACILITATORS)) },
  "routes/journaal+/schrijven.($entryId)/route": {
    // The owner's private entry: someone else's is a 404 (to read and to save).
    params: (w) => ({ entryId: w.entries.privateEntry }),
    loader: role(["owner"], { partner: 404, groupPeer: 404, otherDuo: 404, otherCohort: 404, former: 404 }),
    actions: intents(
      ["autosave", "save"],
      role(["owner"], { partner: 404, groupPeer: 404, otherDuo: 404, otherCohort: 404, former: 404 }),
    ),
    body: () => ({ autosave: { sessionId: "" }, save: { sessionId: "" } }),
  },
  "routes/journaal+/$entryId/route": {
    // The owner's entry shared with the cohort's facilitators: they may read and answer it, not change it.
    loader: only(["owner", ...FACILITATORS_A]),
    actions: {
      reply: only(["owner", ...FACILITATORS_A]),
      share: only(["owner"], 404, { facilitator: 403, facilitatorOtherGroup: 403 }),
      delete: only(["owner"], 404, { facilitator: 403, facilitatorOtherGroup: 403 }),
      // Deleting a reply: whoever may read the entry reaches the form; the reply must then be their own.
      "delete-reply": only(["owner", ...FACILITATORS_A]),
    },
    body: () => ({
      share: { audiences: "DUO" },
      delete: { confirm: "on" },
      "delete-reply": { replyId: "00000000-0000-4000-8000-000000000000" },
    }),
  },

  // Assignments.
  "routes/opdrachten+/_index": { loader: role(PARTICIPANTS) },
  "routes/opdrachten+/$assignmentId/route": {
    loader: role(PARTICIPANTS_A, { otherCohort: 404, former: 404 }),
    actions: intents(
      [
        "(formulier)",
        "autosave",
        "delete-attachment",
        "early-feedback",
        "message",
        "preview",
        "save",
        "submit",
        "withdraw",
        "withdraw-early-feedback",
      ],
      role(PARTICIPANTS_A, { otherCohort: 404, former: 404 }),
    ),
  },
  "routes/bijlagen.$attachmentId": { loader: only([...STAFF_A, ...DUO]) },
  "routes/leernetwerken+/$cohortId+/opdrachten+/_index": {
    loader: cohort(STAFF_A),
    actions: { "(formulier)": cohort(COORDINATOR) },
  },
  // Issue 19: the cohort's facilitators create and edit assignments; deleting stays with the coordinator.
  "routes/leernetwerken+/$cohortId+/opdrachten+/nieuw": {
    loader: cohort(STAFF_A),
    actions: { save: cohort(STAFF_A) },
  },
  "routes/leernetwerken+/$cohortId+/opdrachten+/$assignmentId": { loader: cohort(STAFF_A) },
  "routes/leernetwerken+/$cohortId+/opdrachten+/$assignmentId_.bewerken": {
    loader: cohort(STAFF_A),
    actions: {
      save: cohort(STAFF_A),
      delete: cohort(COORDINATOR),
    },
    body: () => ({ delete: { confirm: "ja" } }),
  },
  "routes/leernetwerken+/$cohortId+/opdrachten+/$assignmentId_.inzendingen.$submissionId": {
    // Participants never see the staff's view of a submission, not even their own: 404.
    loader: cohort(STAFF_A, { owner: 404, partner: 404, groupPeer: 404, otherDuo: 404 }),
    actions: intents(
      ["discussed", "message", "undiscussed"],
      cohort(STAFF_A, { owner: 404, partner: 404, groupPeer: 404, otherDuo: 404 }),
    ),
  },

  // Self-scans: the duo's own (the URL has no duo in it, so every duo of the cohort opens its own).
  "routes/leernetwerken+/$cohortId+/zelfscans+/_index/route": { loader: cohort([...STAFF_A, ...PARTICIPANTS_A]) },
  "routes/leernetwerken+/$cohortId+/zelfscans+/$scanId.$moment/route": {
    loader: cohort(PARTICIPANTS_A),
    actions: intents(["autosave", "complete", "mode", "reopen", "save"], cohort(PARTICIPANTS_A)),
  },
  "routes/leernetwerken+/$cohortId+/zelfscans+/$scanId.resultaten": { loader: cohort(PARTICIPANTS_A) },
  "routes/leernetwerken+/$cohortId+/zelfscans+/$scanId.totaal": { loader: cohort(STAFF_A) },
  "routes/leernetwerken+/$cohortId+/zelfscans+/duo.$enrollmentId.$scanId": {
    loader: cohort(FACILITATORS_A, { owner: 404, partner: 404, groupPeer: 404, otherDuo: 404 }),
  },

  // The programme's evaluation: participants answer (the end evaluation, "einde", always exists); staff see only
  // aggregates and the CSV (participants: 403).
  "routes/leernetwerken+/$cohortId+/evaluatie+/_index": { loader: cohort([...STAFF_A, ...PARTICIPANTS_A]) },
  "routes/leernetwerken+/$cohortId+/evaluatie+/$target": {
    params: () => ({ target: "einde" }),
    loader: cohort(PARTICIPANTS_A),
    actions: { submit: cohort(PARTICIPANTS_A) },
  },
  "routes/leernetwerken+/$cohortId+/evaluatie+/$target_.resultaten": {
    params: () => ({ target: "einde" }),
    loader: cohort(STAFF_A),
  },
  "routes/leernetwerken+/$cohortId+/evaluatie+/resultaten": { loader: cohort(STAFF_A) },
  "routes/leernetwerken+/$cohortId+/evaluatie+/resultaten[.csv]": { loader: cohort(STAFF_A) },

  // Action plan canvas and knowledge base.
  "routes/aanpak+/_index": {
    // Participants are sent to their duo's canvas; the former member has none and gets the page saying so.
    loader: role(PARTICIPANTS, {
      owner: "redirect",
      partner: "redirect",
      groupPeer: "redirect",
      otherDuo: "redirect",
      otherCohort: "redirect",
    }),
  },
  "routes/aanpak+/delen/route": {
    loader: role(PARTICIPANTS),
    actions: intents(["publish", "withdraw"], role(PARTICIPANTS)),
  },
  "routes/leernetwerken+/$cohortId+/aanpak+/_index": {
    loader: cohort(STAFF_A, { owner: "redirect", partner: "redirect", groupPeer: "redirect", otherDuo: "redirect" }),
  },
  "routes/leernetwerken+/$cohortId+/aanpak+/$enrollmentId._index/route": {
    // The duo edits, the cohort's facilitators read and comment, the coordinator may not open it (403),
    // another duo gets a 404.
    loader: cohort([...FACILITATORS_A, ...DUO], { groupPeer: 404, otherDuo: 404 }),
    actions: {
      comment: cohort([...FACILITATORS_A, ...DUO], { groupPeer: 404, otherDuo: 404 }),
      ...intents(["autosave", "save", "version"], cohort(DUO, { groupPeer: 404, otherDuo: 404 })),
    },
  },
  "routes/leernetwerken+/$cohortId+/aanpak+/$enrollmentId.aanpak[.docx]": {
    loader: cohort([...FACILITATORS_A, ...DUO], { groupPeer: 404, otherDuo: 404 }),
  },
  "routes/leernetwerken+/$cohortId+/aanpak+/$enrollmentId.afdrukken": {
    loader: cohort([...FACILITATORS_A, ...DUO], { groupPeer: 404, otherDuo: 404 }),
  },
  "routes/leernetwerken+/$cohortId+/aanpak+/$enrollmentId.versies.$number": {
    loader: cohort([...FACILITATORS_A, ...DUO], { groupPeer: 404, otherDuo: 404 }),
  },
  // Exchange (issue 19): the owner's duo shares its plan with cohort A (the world has both members' agreement).
  "routes/leernetwerken+/$cohortId+/aanpak+/$enrollmentId.delen": {
    loader: cohort(DUO, { groupPeer: 404, otherDuo: 404 }),
    actions: intents(["agree", "propose", "withdraw"], cohort(DUO, { groupPeer: 404, otherDuo: 404 })),
  },
  "routes/leernetwerken+/$cohortId+/gedeelde-plannen+/_index": { loader: cohort([...STAFF_A, ...PARTICIPANTS_A]) },
  "routes/leernetwerken+/$cohortId+/gedeelde-plannen+/$enrollmentId": {
    loader: cohort([...STAFF_A, ...PARTICIPANTS_A]),
    // Readers react; the duo answers (and does not react to its own plan).
    actions: {
      react: cohort([...STAFF_A, "groupPeer", "otherDuo"]),
      answer: cohort(DUO),
    },
  },
  // Impact trail (per municipality, the owner's): the duo edits; the facilitators of the running cohort A read
  // and comment; the coordinator sees who has access and gives colleagues access (topics: 403); others: 404.
  "routes/impactspoor+/_index": { loader: signedIn() },
  "routes/impactspoor+/$municipalityId._index/route": {
    loader: only([...DUO, ...FACILITATORS_A, ...COORDINATOR]),
    actions: { create: only(DUO, 404, { facilitator: 403, facilitatorOtherGroup: 403, coordinator: 403 }) },
  },
  "routes/impactspoor+/$municipalityId.toegang": {
    loader: only([...DUO, ...COORDINATOR], 404, { facilitator: 403, facilitatorOtherGroup: 403 }),
    actions: {
      ...intents(
        ["invite", "uninvite"],
        only(DUO, 404, { facilitator: 403, facilitatorOtherGroup: 403, coordinator: 403 }),
      ),
      ...intents(
        ["grant", "revoke"],
        only(COORDINATOR, 404, { facilitator: 403, facilitatorOtherGroup: 403, owner: 403, partner: 403 }),
      ),
    },
  },
  "routes/impactspoor+/$municipalityId.onderwerpen.$topicId._index/route": {
    body: () => ({ delete: { confirm: "on" } }),
    loader: only([...DUO, ...FACILITATORS_A], 404, { coordinator: 403 }),
    actions: {
      comment: only([...DUO, ...FACILITATORS_A], 404, { coordinator: 403 }),
      ...intents(
        ["topic", "delete"],
        only(DUO, 404, { facilitator: 403, facilitatorOtherGroup: 403, coordinator: 403 }),
      ),
    },
  },
  "routes/impactspoor+/$municipalityId.onderwerpen.$topicId.stappen.nieuw": {
    loader: only(DUO, 404, { facilitator: 403, facilitatorOtherGroup: 403, coordinator: 403 }),
    actions: { "(formulier)": only(DUO, 404, { facilitator: 403, facilitatorOtherGroup: 403, coordinator: 403 }) },
  },
  "routes/impactspoor+/$municipalityId.onderwerpen.$topicId.stappen.$stepId": {
    loader: only(DUO, 404, { facilitator: 403, facilitatorOtherGroup: 403, coordinator: 403 }),
    actions: intents(
      ["save", "delete"],
      only(DUO, 404, { facilitator: 403, facilitatorOtherGroup: 403, coordinator: 403 }),
    ),
  },
  "routes/impactspoor+/$municipalityId.onderwerpen.$topicId.terugkoppeling": {
    loader: only([...DUO, ...FACILITATORS_A], 404, { coordinator: 403 }),
  },
  "routes/impactspoor+/$municipalityId.onderwerpen.$topicId.terugkoppeling[.docx]": {
    loader: only([...DUO, ...FACILITATORS_A], 404, { coordinator: 403 }),
  },
  // The knowledge base is public (issue 16): approved texts for everyone, anonymous included.
  "routes/kennisbank+/_index": { loader: everyone() },
  "routes/kennisbank+/$articleId": { loader: everyone() },
  "routes/kennisbank+/synthese.$synthesisId": { loader: everyone() },
  "routes/beheer+/kennisbank": {
    loader: role(COORDINATOR),
    actions: intents(["approve", "return", "offline"], role(COORDINATOR)),
  },
  "routes/leernetwerken+/$cohortId+/synthese": {
    loader: cohort(STAFF_A),
    actions: intents(["save", "delete"], cohort(STAFF_A)),
  },
  // Keeping one's own work in the trail: participants reach the form; whose piece it is, the model decides
  // (someone else's: 404, tests/routes/impactspoor.db.test.ts).
  "routes/impactspoor+/bewaren": { actions: intents(["submission", "journal"], role(PARTICIPANTS)) },
  "routes/impactspoor+/$municipalityId.bestanden.$fileId": {
    loader: only([...DUO, ...FACILITATORS_A], 404, { coordinator: 403 }),
  },

  // Intervisie: the owner's group (its facilitator and members); everyone else, coordinators included: 404.
  "routes/intervisie+/_index": { loader: signedIn() },
  "routes/intervisie+/methoden.$method": { loader: signedIn() },
  "routes/intervisie+/groepen.$groupId/route": {
    loader: only(GROUP),
    actions: {
      accept: only(GROUP, 404, { facilitator: 403 }),
      ...intents(["agreements", "plan"], only(GROUP, 404, { owner: 403, partner: 403, groupPeer: 403 })),
    },
  },
  "routes/intervisie+/bijeenkomsten.$meetingId/route": {
    loader: only(GROUP),
    actions: {
      propose: only(GROUP, 404, { facilitator: 403 }),
      ...intents(
        ["attendance", "choose", "method", "unchoose"],
        only(GROUP, 404, { owner: 403, partner: 403, groupPeer: 403 }),
      ),
    },
  },
  "routes/intervisie+/bijeenkomsten.$meetingId_.live/route": {
    loader: only(GROUP),
    actions: {
      note: only(GROUP),
      ...intents(
        ["finish", "next", "previous", "start"],
        only(GROUP, 404, { owner: 403, partner: 403, groupPeer: 403 }),
      ),
    },
  },
  "routes/intervisie+/bijeenkomsten.$meetingId_.live_.stand": { loader: only(GROUP) },
  "routes/intervisie+/casussen.$caseId": {
    // The owner's case: the group reads it; only the owner (its inbrenger) writes the takeaway or deletes it.
    loader: only(GROUP),
    actions: intents(["delete", "takeaway"], only(GROUP, 404, { facilitator: 403, partner: 403, groupPeer: 403 })),
  },
};

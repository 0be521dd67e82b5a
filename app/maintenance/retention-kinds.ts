// The kinds of personal work retention deletes from a closed cohort (the dry run's columns). No server code,
// so the dry-run page can import it.
/** What retention deletes, per kind (the dry run's columns). */
export const retentionKinds = {
  journalEntries: "Journaalstukken",
  intervisionCases: "Intervisiecasussen",
  intervisionNotes: "Aantekeningen bij casussen",
  selfScanRemarks: "Zelfscans met opmerkingen",
  assignmentTexts: "Teksten van opdrachten",
  assignmentMessages: "Feedback en reacties bij opdrachten",
  uploads: "Bestanden bij opdrachten",
} as const;
export type RetentionCounts = Record<keyof typeof retentionKinds, number>;

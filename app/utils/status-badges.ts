// Badge classes for statuses, so the same status looks the same on every page.
import type { ApplicationStatus } from "~/generated/prisma/enums.ts";

export function applicationBadge(status: ApplicationStatus): string {
  if (status === "ADMITTED") return "badge badge-success";
  if (status === "REJECTED") return "badge badge-error";
  if (status === "WAITLISTED" || status === "SUBMITTED") return "badge badge-warning";
  return "badge";
}

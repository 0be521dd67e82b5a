import { useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";

/** How often a follower's page asks for the current step. */
const POLL_MS = 3000;

/**
 * Every few seconds while the tab is visible and the meeting not finished, asks whether anything changed
 * (…/live/stand with the stamp this page was loaded with: a 204 when nothing did) and reloads the page's
 * data only when it did.
 */
export function useFollow(active: boolean, meetingId: string, stamp: string | null) {
  const revalidator = useRevalidator();
  // While the page submits or navigates, that navigation brings fresh data anyway. A reload started then
  // would restart its loading: the first answer, which read and cleared the toast ("Open vraag genoteerd"),
  // was thrown away and the toast lost. And a reload after it, on the answer to a question asked before it,
  // replaced the fresh data (with its toast) by the same data without the toast. So the poll does not ask
  // while the page is busy, and drops an answer when the page was busy at any moment since it asked.
  const navigationState = useNavigation().state;
  const navigating = useRef(false);
  const lastBusyAt = useRef(Number.NEGATIVE_INFINITY);
  navigating.current = navigationState !== "idle";
  if (navigating.current) lastBusyAt.current = performance.now();
  useEffect(() => {
    if (!active) return;
    let asking = false;
    // A question asked by an earlier run of this effect (an older stamp) is not acted on.
    let stale = false;
    const tick = async () => {
      const busy = () => navigating.current || revalidator.state !== "idle";
      if (document.visibilityState !== "visible" || busy() || asking) return;
      asking = true;
      const askedAt = performance.now();
      try {
        const response = await fetch(
          `/intervisie/bijeenkomsten/${meetingId}/live/stand?${new URLSearchParams({ sinds: stamp ?? "" })}`,
        );
        const overtaken = stale || busy() || lastBusyAt.current >= askedAt;
        // A reload cut short (the page navigated, or a newer reload took over) is no error: the next tick
        // asks again. Without the catch the browser logged an uncaught AbortError.
        if (response.status !== 204 && !overtaken)
          await Promise.resolve(revalidator.revalidate()).catch(() => undefined);
      } catch {
        // Offline for a moment: the next tick asks again.
      } finally {
        asking = false;
      }
    };
    const timer = window.setInterval(tick, POLL_MS);
    document.addEventListener("visibilitychange", tick);
    return () => {
      stale = true;
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", tick);
    };
  }, [active, meetingId, stamp, revalidator]);
}

/** "Now" on the server's clock: the browser's clock plus the difference measured at the last load. */
export function useServerNow(serverNow: string) {
  const [now, setNow] = useState(() => new Date(serverNow));
  useEffect(() => {
    const offset = new Date(serverNow).getTime() - Date.now();
    setNow(new Date(Date.now() + offset));
    const timer = window.setInterval(() => setNow(new Date(Date.now() + offset)), 1000);
    return () => window.clearInterval(timer);
  }, [serverNow]);
  return now;
}

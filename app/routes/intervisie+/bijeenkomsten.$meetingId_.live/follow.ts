import { useRevalidator } from "@remix-run/react";
import { useEffect, useState } from "react";

/** How often a follower's page asks for the current step. */
const POLL_MS = 3000;

/** Asks the server for fresh data every few seconds while the tab is visible and the meeting not finished. */
export function useFollow(active: boolean) {
  const revalidator = useRevalidator();
  useEffect(() => {
    if (!active) return;
    const tick = () => {
      if (document.visibilityState === "visible" && revalidator.state === "idle") revalidator.revalidate();
    };
    const timer = window.setInterval(tick, POLL_MS);
    document.addEventListener("visibilitychange", tick);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", tick);
    };
  }, [active, revalidator]);
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

// Renders the parts that <Prerendered> shows (app/components/prerendered.tsx) to HTML, once per part. Call it
// where the page data is made (a loader), never while React renders: React's render is not reentrant.
import type { ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { prerenderedHtml } from "./prerendered.tsx";

/**
 * Keeps the HTML of each part (renderToString: with the marks the browser's hydration expects). A part that
 * fails to render on its own (e.g. a component that needs the router) keeps nothing and is rendered with
 * the page as before.
 */
export function prerender(parts: (ReactElement | null)[]): void {
  for (const part of parts) {
    if (part === null || prerenderedHtml.has(part)) continue;
    try {
      prerenderedHtml.set(part, renderToString(part));
    } catch {
      // Rendered with the page instead.
    }
  }
}

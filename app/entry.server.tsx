import type { AppLoadContext, EntryContext, HandleDataRequestFunction } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { documentResponse } from "~/utils/document-body.server.ts";
import { readHandoffAhead } from "~/utils/handoff.server.ts";
import { documentEndLast } from "~/utils/html-end.server.ts";
import { NonceProvider } from "~/utils/nonce.tsx";

const ABORT_DELAY = 5_000;

/**
 * Pages and their data carry personal data (names, reflections, other people's e-mail): no browser or proxy
 * may keep a copy, so the back button on a shared computer after signing out shows nothing.
 */
const NO_STORE = "no-store";

/** Loader and action data fetched by the browser (`?_data=`): never stored, unless the route said otherwise. */
export const handleDataRequest: HandleDataRequestFunction = (response) => {
  if (!response.headers.has("Cache-Control")) response.headers.set("Cache-Control", NO_STORE);
  return response;
};

/**
 * The page is rendered whole, then sent in one piece. No page defers data (every loader's data is there
 * before rendering starts), so streaming the shell first gained nothing, and it cost a write to the socket
 * per chunk plus three stream layers per page (issue 18). With the data read ahead (app/utils/handoff.server.ts)
 * nothing suspends, so the page is rendered to a string at once: no rounds on the event loop, no bytes
 * encoded and decoded again, no timer. (React 18's stream also wrote two NUL bytes wherever a character of
 * several bytes fell on the edge of its 2 KB buffer.) An error in Remix's data scripts, the one part in a
 * Suspense boundary, is logged by React and that part left to the browser, as when the page was streamed.
 */
export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  await readHandoffAhead(remixContext);
  const nonce = loadContext.cspNonce ?? "";
  const markup = renderToString(
    <NonceProvider value={nonce}>
      <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
    </NonceProvider>,
  );
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  // Only the public knowledge base's pages say otherwise, for signed-out visitors (app/utils/public-cache.ts).
  if (!responseHeaders.has("Cache-Control")) responseHeaders.set("Cache-Control", NO_STORE);
  return documentResponse(withDoctype(documentEndLast(markup)), {
    headers: responseHeaders,
    status: responseStatusCode,
  });
}

/** renderToString leaves out the doctype that React's stream puts before <html>; without it, quirks mode. */
function withDoctype(html: string): string {
  return html.startsWith("<html") ? `<!DOCTYPE html>${html}` : html;
}

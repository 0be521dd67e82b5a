import type { AppLoadContext, EntryContext, HandleDataRequestFunction } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
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
 * per chunk plus three stream layers per page (issue 18). The status is the one known when the shell was
 * ready, as when the shell was streamed: an error in a later part is logged, and that part is rendered by
 * the browser.
 */
export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // The page's data is complete: read it first, so rendering it suspends nowhere (app/utils/handoff.server.ts).
  await readHandoffAhead(remixContext);
  const nonce = loadContext.cspNonce ?? "";
  return new Promise<Response>((resolve, reject) => {
    let shellStatus: number | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const chunks: Uint8Array[] = [];
    // React writes the whole page into this at once (pipe below, when all is ready) and then ends it. A
    // plain object with the part of a Node stream React uses (write, end, on, destroy) instead of a
    // Writable: no stream state per page, and no error object for the end React asks for after the finish.
    let ended = false;
    const sink = {
      write(chunk: Uint8Array | string) {
        chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
        return true;
      },
      end() {
        if (ended) return;
        ended = true;
        clearTimeout(timer);
        responseHeaders.set("Content-Type", "text/html; charset=utf-8");
        // Only the public knowledge base's pages say otherwise, for signed-out visitors (app/utils/public-cache.ts).
        if (!responseHeaders.has("Cache-Control")) responseHeaders.set("Cache-Control", NO_STORE);
        const html = documentEndLast(Buffer.concat(chunks).toString("utf8"));
        resolve(documentResponse(html, { headers: responseHeaders, status: shellStatus ?? responseStatusCode }));
      },
      destroy(error?: unknown) {
        if (ended) return;
        ended = true;
        clearTimeout(timer);
        reject(error);
      },
      on() {
        return sink;
      },
    };
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        onShellReady() {
          shellStatus = responseStatusCode;
        },
        onAllReady() {
          if (shellStatus !== null) pipe(sink as unknown as NodeJS.WritableStream);
        },
        onShellError(error: unknown) {
          clearTimeout(timer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellStatus !== null) console.error(error);
        },
      },
    );
    timer = setTimeout(abort, ABORT_DELAY);
  });
}

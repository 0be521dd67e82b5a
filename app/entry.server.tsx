import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext, HandleDataRequestFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { holdBackDocumentEnd } from "~/utils/html-end.server.ts";
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

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce ?? "";
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          // The data scripts React streams after the shell stay inside <body> (valid HTML).
          const html = holdBackDocumentEnd();
          html.pipe(body);
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          // Only the public knowledge base's pages say otherwise, for signed-out visitors (app/utils/public-cache.ts).
          if (!responseHeaders.has("Cache-Control")) responseHeaders.set("Cache-Control", NO_STORE);
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(html);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

// A small local stand-in for Resend's HTTP API: records what would be sent and can answer with errors,
// or answer late (to test time-outs). Like Resend, it honours the Idempotency-Key header: a second
// request with a key it has already accepted gets the first answer and sends nothing new. `received`
// holds the e-mails that would really have gone out; `requests` counts every request.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export type RecordedEmail = { path: string; headers: IncomingMessage["headers"]; body: Record<string, unknown> };

type Failure = { status: number; name: string; message: string };

export async function startResendRecorder(options: { port?: number } = {}) {
  const received: RecordedEmail[] = [];
  const accepted = new Map<string, string>();
  const failures: Failure[] = [];
  let delayMs = 0;
  let requests = 0;
  let onRequest: ((request: RecordedEmail) => void) | undefined;
  const server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk) => (raw += chunk));
    req.on("end", () => {
      requests++;
      const request = {
        path: req.url ?? "",
        headers: req.headers,
        body: JSON.parse(raw || "{}") as Record<string, unknown>,
      };
      onRequest?.(request);
      const answer = () => {
        const failure = failures.shift();
        if (failure) {
          res.writeHead(failure.status, { "Content-Type": "application/json" });
          res.end(JSON.stringify({ name: failure.name, message: failure.message, statusCode: failure.status }));
          return;
        }
        const key = req.headers["idempotency-key"];
        const known = typeof key === "string" ? accepted.get(key) : undefined;
        if (known) {
          res.writeHead(200, { "Content-Type": "application/json" });
          res.end(JSON.stringify({ id: known }));
          return;
        }
        received.push(request);
        const id = `re_${received.length}`;
        if (typeof key === "string") accepted.set(key, id);
        res.writeHead(200, { "Content-Type": "application/json" });
        res.end(JSON.stringify({ id }));
      };
      if (delayMs > 0) setTimeout(answer, delayMs);
      else answer();
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    received,
    /** Every request, including refused and repeated ones. */
    requestCount: () => requests,
    /** The next `count` requests get a 500 (Resend's "internal_server_error"). */
    failNextRequests(count: number, status = 500) {
      for (let i = 0; i < count; i++) {
        failures.push(
          status === 422
            ? { status, name: "validation_error", message: "Ongeldig adres volgens de provider" }
            : { status, name: "internal_server_error", message: "Storing bij de provider" },
        );
      }
    },
    /** Forget pending failures and delays (between tests). */
    reset() {
      failures.length = 0;
      delayMs = 0;
      onRequest = undefined;
    },
    /** Answer every request only after this many milliseconds (0: at once). */
    delayResponses(ms: number) {
      delayMs = ms;
    },
    /** Called when a request arrives, before it is answered (e.g. to kill a worker mid-request). */
    onRequest(callback: ((request: RecordedEmail) => void) | undefined) {
      onRequest = callback;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// A small local stand-in for Resend's HTTP API: records what would be sent and can answer with errors.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export type RecordedEmail = { path: string; headers: IncomingMessage["headers"]; body: Record<string, unknown> };

export async function startResendRecorder() {
  const received: RecordedEmail[] = [];
  let failNext = 0;
  const server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk) => (raw += chunk));
    req.on("end", () => {
      if (failNext > 0) {
        failNext--;
        res.writeHead(500, { "Content-Type": "application/json" });
        res.end(JSON.stringify({ name: "internal_server_error", message: "Storing bij de provider", statusCode: 500 }));
        return;
      }
      received.push({ path: req.url ?? "", headers: req.headers, body: JSON.parse(raw || "{}") });
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ id: `re_${received.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    failNextRequests(count: number) {
      failNext = count;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

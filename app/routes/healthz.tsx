// For load balancers and the start-up check: 200 when the app and its database answer.
import { prisma } from "~/utils/db.server.ts";

export async function loader() {
  try {
    await prisma.$queryRaw`SELECT 1`;
    return new Response("ok", { headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
  } catch {
    return new Response("database unavailable", { status: 503, headers: { "Content-Type": "text/plain" } });
  }
}

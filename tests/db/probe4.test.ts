import { it } from "vitest";
import { appRequest } from "../support/app-requests.ts";
import { createCohortWorld, WORLD_LESSON, WORLD_SCAN } from "../support/cohort-world.ts";
import { createUser } from "../../prisma/factories.ts";
import { prisma, onDatabaseQuery } from "~/utils/db.server.ts";
import { createUserSession } from "~/auth/session.server.ts";
import { cookiePair, requestWithCookie } from "../support/requests.ts";

const N = Number(process.env.N ?? 30);
async function measure(label: string, userId: string | null, path: string) {
  const cookie = userId ? cookiePair(await createUserSession(requestWithCookie(null), userId)) : "";
  const go = async () => { const res = await appRequest(new Request(`http://localhost${path}`, { headers: { Cookie: cookie } })); return [res.status, (await res.text()).length]; };
  for (let i = 0; i < 5; i++) await go();
  let q = 0; const off = onDatabaseQuery(() => q++);
  const c = process.cpuUsage(); const t = performance.now();
  let r: (string | number)[] = [];
  for (let i = 0; i < N; i++) r = await go();
  const cpu = process.cpuUsage(c); off();
  console.log(`${label.padEnd(22)} ${r[0]} ${String(q / N).padStart(3)} q ${String(r[1]).padStart(7)} B  cpu ${((cpu.user + cpu.system) / 1000 / N).toFixed(2).padStart(6)} ms  wall ${((performance.now() - t) / N).toFixed(2)} ms`);
}

it("probe4", async () => {
  console.log("NODE_ENV", process.env.NODE_ENV);
  const coordinator = await createUser(prisma, { role: "COORDINATOR" });
  const w = await createCohortWorld(prisma, { duos: Number(process.env.DUOS ?? 6) });
  const p = w.participant.id, f = w.facilitator.id, c = coordinator.id;
  await measure("healthz", null, `/healthz`);
  await measure("login page (anon)", null, `/inloggen`);
  await measure("uitloggen (redirect)", p, `/uitloggen`);
  await measure("begrippen", p, `/leren/begrippen`);
  await measure("start participant", p, "/");
  await measure("start facilitator", f, "/");
  await measure("start coordinator", c, "/");
  await measure("lesson", p, WORLD_LESSON.path);
  await measure("cohort participant", p, `/leernetwerken/${w.cohort.id}`);
  await measure("cohort facilitator", f, `/leernetwerken/${w.cohort.id}`);
  await measure("journal", p, "/journaal");
  await measure("assignment", p, `/opdrachten/${w.handedIn.id}`);
  await measure("self-scan results", p, `/leernetwerken/${w.cohort.id}/zelfscans/${WORLD_SCAN}/resultaten`);
  await measure("live poll", p, `/intervisie/bijeenkomsten/${w.meetingId}/live.data`);
}, 600_000);

// Debian's redis-server for the job tests: started on 127.0.0.1 on its own port without persistence,
// stopped (and started again, for the outage test) by its PID.
import { type ChildProcess, spawn } from "node:child_process";

export type RedisServer = { url: string; port: number; start: () => Promise<void>; stop: () => Promise<void> };

export function redisServer(port = Number(process.env.TEST_REDIS_PORT ?? 6391)): RedisServer {
  let child: ChildProcess | undefined;
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async start() {
      if (child) return;
      const started = spawn(
        "redis-server",
        ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        {
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
      child = started;
      await new Promise<void>((resolve, reject) => {
        let output = "";
        const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${output}`)), 10_000);
        started.stdout!.on("data", (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes("Ready to accept connections")) {
            clearTimeout(timer);
            resolve();
          }
        });
        started.on("error", (error) => {
          clearTimeout(timer);
          reject(new Error(`redis-server could not be started (apt-get install redis-server): ${error.message}`));
        });
        started.on("exit", (code) => {
          clearTimeout(timer);
          reject(new Error(`redis-server exited with ${code}:\n${output}`));
        });
      });
    },
    async stop() {
      const running = child;
      if (!running) return;
      child = undefined;
      if (running.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        running.once("exit", () => resolve());
        running.kill("SIGTERM");
      });
    },
  };
}

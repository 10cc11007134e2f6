import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { benchEnv } from "../env";
import type { Service } from "../harness";

// `node --import tsx`: one process (the tsx CLI would add a parent process).
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
const SERVER = join(dirname(fileURLToPath(import.meta.url)), "server.ts");

/** The floor server in its own process (its CPU apart from the load generator's), ready to answer. */
export async function startFloor(options: { databaseUrl: string; log?: (line: string) => void }): Promise<Service & { baseUrl: string }> {
  const proc = spawn(process.execPath, ["--import", TSX_LOADER, SERVER], {
    env: { ...process.env, DATABASE_URL: options.databaseUrl, FLOOR_PORT: String(benchEnv.FLOOR_PORT), NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log = options.log ?? (() => undefined);
  proc.stderr!.on("data", (chunk: Buffer) => log(chunk.toString()));
  const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    let seen = "";
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      log(chunk.toString());
      const match = /floor listening on (\d+)/.exec(seen);
      if (match) resolve(Number(match[1]));
    };
    proc.stdout!.on("data", onData);
    proc.once("exit", (code) => reject(new Error(`the floor server exited (code ${code}) before listening`)));
    setTimeout(() => reject(new Error("the floor server did not start within 30 s")), 30_000).unref();
  });
  const alive = () => proc.exitCode === null && proc.signalCode === null;
  return {
    name: "floor",
    proc,
    pid: proc.pid!,
    baseUrl: `http://127.0.0.1:${port}`,
    async stop() {
      if (alive()) proc.kill("SIGTERM");
      await exited;
    },
    async kill() {
      if (alive()) proc.kill("SIGKILL");
      await exited;
    },
  };
}

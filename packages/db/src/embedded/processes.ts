import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** Whether a process is running (EPERM: it is, as another user, e.g. postgres under root). */
export const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

export const readPid = (file: string): number | null => {
  if (!existsSync(file)) return null;
  const pid = Number.parseInt(readFileSync(file, "utf8").split("\n")[0] ?? "", 10);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
};

export async function waitUntilDead(pid: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  return !isAlive(pid);
}


/** A postgres left running by a wrapper that died (e.g. SIGKILL) is shut down. */
export async function stopOrphan(dataDir: string, log: (line: string) => void) {
  const pid = readPid(join(dataDir, "postmaster.pid"));
  if (pid === null || !isAlive(pid)) return;
  log(`[db] stopping a PostgreSQL (pid ${pid}) left running by a crashed process`);
  process.kill(pid, "SIGINT"); // fast shutdown: rolls back open transactions
  if (!(await waitUntilDead(pid, 15_000))) {
    process.kill(pid, "SIGKILL");
    await waitUntilDead(pid, 5_000);
  }
}

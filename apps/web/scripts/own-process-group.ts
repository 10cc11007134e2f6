import { spawn } from "node:child_process";
import { constants } from "node:os";

const MARK = "FAIRLANCE_OWN_GROUP_PARENT";

/**
 * Ctrl-C signals every process of the terminal's foreground group at once: the
 * web server, the job runner and PostgreSQL would all stop together, the
 * database under the runner. So this script runs again in a process group (and
 * session) of its own, where only we signal it; this foreground process turns
 * SIGINT, SIGTERM or SIGHUP into one SIGTERM to it, then exits with its exit code.
 *
 * In that second run the call returns at once; a SIGTERM comes too when the
 * foreground process is gone (e.g. killed with SIGKILL).
 */
export async function inOwnProcessGroup(): Promise<void> {
  // eslint-disable-next-line no-restricted-syntax -- a mark between this script's two processes, not configuration
  if (process.env[MARK] === String(process.ppid)) {
    process.on("disconnect", () => process.kill(process.pid, "SIGTERM"));
    process.channel?.unref();
    return;
  }
  const server = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    detached: true,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    env: { ...process.env, [MARK]: String(process.pid) },
  });
  let forwarded = false;
  const stopServer = () => {
    if (forwarded) return;
    forwarded = true;
    server.kill("SIGTERM");
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, stopServer);
  const code = await new Promise<number>((resolve) =>
    server.once("exit", (exitCode, signal) => resolve(exitCode ?? 128 + (signal ? constants.signals[signal] : 0))),
  );
  process.exit(code);
}

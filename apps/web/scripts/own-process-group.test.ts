import { execFileSync, spawn } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const webRoot = join(import.meta.dirname, "..");
const processGroupOf = (pid: number) => Number(execFileSync("ps", ["-o", "pgid=", "-p", String(pid)]).toString().trim());

/** Runs the fixture as a terminal runs a command (its own foreground group), presses Ctrl-C once it is ready. */
async function pressCtrlC(exitCode: number) {
  const proc = spawn(join(webRoot, "node_modules", ".bin", "tsx"), ["scripts/fixtures/grouped.ts", String(exitCode)], {
    cwd: webRoot,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  proc.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const serverPid = await new Promise<number>((resolve, reject) => {
    proc.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /ready (\d+)/.exec(output);
      if (ready) resolve(Number(ready[1]));
    });
    proc.once("exit", (code) => reject(new Error(`fixture exited with ${code}: ${output}`)));
  });
  const serverGroup = processGroupOf(serverPid);
  const exited = new Promise<number | null>((resolve) => proc.once("exit", resolve));
  process.kill(-proc.pid!, "SIGINT"); // the whole foreground group, as Ctrl-C does
  return { code: await exited, output, serverGroup, terminalGroup: proc.pid! };
}

describe("the servers run in a process group of their own", () => {
  it("Ctrl-C reaches them as one SIGTERM, and the command exits 0 when they stop cleanly", async () => {
    const run = await pressCtrlC(0);
    expect(run.serverGroup).not.toBe(run.terminalGroup);
    expect(run.output.match(/got SIG\w+/g)).toEqual(["got SIGTERM"]);
    expect(run.code).toBe(0);
  }, 30_000);

  it("passes on a failure's exit code", async () => {
    expect((await pressCtrlC(3)).code).toBe(3);
  }, 30_000);
});

import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtConfigEnv, COMPILED, compileProcesses, gone } from "./processes";

const webRoot = join(import.meta.dirname, "..");
const processGroupOf = (pid: number) => Number(execFileSync("ps", ["-o", "pgid=", "-p", String(pid)]).toString().trim());

/**
 * A fixture parent's process, its output so far (stdout and stderr, kept up to date), and the pid of
 * its child once the parent says "ready <pid>" (and `also`, when given, has been printed too).
 */
async function startFixture(command: string, args: string[], options: { detached: boolean; also?: string }) {
  const proc = spawn(command, args, { cwd: webRoot, detached: options.detached, stdio: ["ignore", "pipe", "pipe"] });
  const seen = { output: "" };
  proc.stderr!.on("data", (chunk: Buffer) => (seen.output += chunk.toString()));
  const childPid = await new Promise<number>((resolve, reject) => {
    proc.stdout!.on("data", (chunk: Buffer) => {
      seen.output += chunk.toString();
      const ready = /ready (\d+)/.exec(seen.output);
      if (ready && (!options.also || seen.output.includes(options.also))) resolve(Number(ready[1]));
    });
    proc.once("exit", (code) => reject(new Error(`fixture exited with ${code}: ${seen.output}`)));
  });
  return { proc, childPid, seen };
}

/** Runs the fixture as a terminal runs a command (its own foreground group), presses Ctrl-C once its child runs. */
async function pressCtrlC(exitCode: number) {
  const tsx = join(webRoot, "node_modules", ".bin", "tsx");
  const { proc, childPid, seen } = await startFixture(tsx, ["scripts/fixtures/supervised.ts", String(exitCode)], { detached: true, also: "child ready" });
  const childGroup = processGroupOf(childPid);
  const exited = new Promise<number | null>((resolve) => proc.once("exit", resolve));
  process.kill(-proc.pid!, "SIGINT"); // the whole foreground group, as Ctrl-C does
  return { code: await exited, output: seen.output, childGroup, terminalGroup: proc.pid! };
}

describe("the supervisor's children run in a process group of their own", () => {
  it("Ctrl-C reaches the supervisor only, which stops its child with one SIGTERM, and the command exits 0", async () => {
    const run = await pressCtrlC(0);
    expect(run.childGroup).not.toBe(run.terminalGroup);
    expect(run.output.match(/supervisor got SIG\w+/g)).toEqual(["supervisor got SIGINT"]);
    expect(run.output.match(/child got SIG\w+/g)).toEqual(["child got SIGTERM"]);
    expect(run.code).toBe(0);
  }, 30_000);

  it("passes on a failure's exit code", async () => {
    expect((await pressCtrlC(3)).code).toBe(3);
  }, 30_000);
});

describe("a server started with a channel stops when its starter is gone", () => {
  it("the starter killed with SIGKILL (no chance to stop it), the server stops by itself", async () => {
    // node itself, not the tsx command (which would be a wrapper process around it).
    const { proc: parent, childPid, seen } = await startFixture(process.execPath, ["--import", "tsx", "scripts/fixtures/orphaned.ts"], { detached: false });
    expect(gone(childPid)).toBe(false);
    parent.kill("SIGKILL");
    const deadline = Date.now() + 10_000;
    while (!gone(childPid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    if (!gone(childPid)) process.kill(childPid, "SIGKILL");
    expect(gone(childPid)).toBe(true);
    expect(seen.output).toContain("child: parent gone, stopping");
  }, 30_000);
});

describe("the compiled processes", () => {
  it("the supervisor's bundle imports nothing but Node's own modules (no Prisma, pg, zod or compiler in it)", () => {
    compileProcesses();
    const source = readFileSync(COMPILED.serve, "utf8");
    const imported = [...source.matchAll(/(?:^|\n)import[^"']*["']([^"']+)["']|import\(["']([^"']+)["']\)/g)].map((m) => m[1] ?? m[2]!);
    expect(imported.length).toBeGreaterThan(0);
    const builtins = new Set(builtinModules);
    expect(imported.filter((name) => !name.startsWith("node:") && !builtins.has(name))).toEqual([]);
  }, 60_000);

  it("the runner and the prepare step are bundled with node_modules left as imports, and run without tsx", () => {
    compileProcesses();
    for (const file of [COMPILED.runner, COMPILED.prepare]) {
      const source = readFileSync(file, "utf8");
      expect(source).toMatch(/from "@prisma\/adapter-pg"/);
      expect(source).not.toMatch(/from "@fairlance\//);
      expect(source).not.toMatch(/["']tsx["']/);
    }
  }, 60_000);
});

describe("next start is handed the configuration its build resolved", () => {
  it("from FAIRLANCE_NEXT_DIST_DIR's required-server-files.json, and nothing without a build", () => {
    const distDir = `.next-config-test-${process.pid}`;
    const folder = join(webRoot, distDir);
    mkdirSync(folder, { recursive: true });
    try {
      expect(builtConfigEnv({ FAIRLANCE_NEXT_DIST_DIR: distDir })).toEqual({});
      const config = { distDir, poweredByHeader: false, experimental: { a: 1 } };
      writeFileSync(join(folder, "required-server-files.json"), JSON.stringify({ version: 1, config, files: [] }));
      const env = builtConfigEnv({ FAIRLANCE_NEXT_DIST_DIR: distDir });
      expect(JSON.parse(env.__NEXT_PRIVATE_STANDALONE_CONFIG!)).toEqual(config);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

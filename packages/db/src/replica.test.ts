import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, makeUser, openJob, type TestDatabase } from "./testing";
import { ReplicaReads } from "./replica";
import { searchJobs } from "./read/search-jobs";
import type { PrismaClient } from "./client";

// A "replica" here is another database with other content: a read's answer says where it ran.
// (No streaming replica in the unit suite; `pnpm scale` runs a real one.)
let primary: TestDatabase;
let replica: TestDatabase;
const now = new Date("2026-12-01T09:00:00Z");

beforeAll(async () => {
  [primary, replica] = await Promise.all([freshDatabase(), freshDatabase()]);
  await openJob(primary.prisma, (await makeUser(primary.prisma, "CLIENT")).id, now, { title: "Written on the primary" });
  await openJob(replica.prisma, (await makeUser(replica.prisma, "CLIENT")).id, now, { title: "Only on the replica" });
});
afterAll(async () => {
  await Promise.all([primary?.drop(), replica?.drop()]);
});

const titles = async (db: PrismaClient) => (await searchJobs(db, {})).jobs.map((job) => job.title);

/** A port nothing listens on (opened, then closed). */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * A TCP relay to the replica's server that can be stopped and started on the same port, as a
 * replica that goes away and comes back; `startingUp` answers every connection the way a
 * PostgreSQL that is starting up does (FATAL 57P03).
 */
async function relay(target: URL) {
  const sockets = new Set<net.Socket>();
  let mode: "relay" | "starting_up" = "relay";
  let server: net.Server | null = null;
  let port = 0;
  const handle = (client: net.Socket) => {
    sockets.add(client);
    client.on("close", () => sockets.delete(client));
    client.on("error", () => client.destroy());
    if (mode === "starting_up") {
      client.once("data", () => {
        const fields = Buffer.from("SFATAL\0C57P03\0Mthe database system is starting up\0\0", "utf8");
        const header = Buffer.alloc(5);
        header.write("E", 0);
        header.writeInt32BE(fields.length + 4, 1);
        client.end(Buffer.concat([header, fields]));
      });
      return;
    }
    const upstream = net.connect(Number(target.port), target.hostname);
    sockets.add(upstream);
    upstream.on("close", () => sockets.delete(upstream));
    upstream.on("error", () => client.destroy());
    client.pipe(upstream).pipe(client);
  };
  const start = async () => {
    server = net.createServer(handle);
    await new Promise<void>((resolve) => server!.listen(port, "127.0.0.1", resolve));
    port = (server.address() as net.AddressInfo).port;
  };
  const stop = async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = null;
  };
  await start();
  return {
    url: () => {
      const url = new URL(target);
      url.hostname = "127.0.0.1";
      url.port = String(port);
      return url.toString();
    },
    start,
    stop,
    startingUp: () => (mode = "starting_up"),
    relaying: () => (mode = "relay"),
  };
}

describe("ReplicaReads", () => {
  it("runs a stale-tolerant read on the replica when it is up", async () => {
    const reads = new ReplicaReads({ url: replica.url, log: () => undefined });
    try {
      expect(await reads.read(primary.prisma, titles)).toEqual(["Only on the replica"]);
      expect(reads.state).toBe("up");
      expect(reads.counts).toEqual({ replica: 1, primary: 0, fallbacks: 0 });
    } finally {
      await reads.close();
    }
  });

  it("falls back to the primary at once when the replica's port is closed, stays away, and probes again after the pause", async () => {
    const lines: string[] = [];
    let clock = 1_000_000;
    const reads = new ReplicaReads({ url: replica.url.replace(/:\d+\//, `:${await closedPort()}/`), log: (line) => lines.push(line), clock: () => clock, awayMs: 5_000 });
    try {
      expect(await reads.read(primary.prisma, titles)).toEqual(["Written on the primary"]);
      expect(reads.state).toBe("away");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^away: .*(ECONNREFUSED|reach|connect).*; stale reads go to the primary for 5 s, then one probes the replica$/);
      // While away: straight to the primary, nothing tried, nothing logged.
      expect(await reads.read(primary.prisma, titles)).toEqual(["Written on the primary"]);
      expect(reads.counts).toEqual({ replica: 0, primary: 2, fallbacks: 1 });
      // After the pause one read probes; still refused: away again, silently.
      clock += 5_001;
      expect(await reads.read(primary.prisma, titles)).toEqual(["Written on the primary"]);
      expect(reads.counts).toEqual({ replica: 0, primary: 3, fallbacks: 2 });
      expect(reads.state).toBe("away");
      expect(lines).toHaveLength(1);
    } finally {
      await reads.close();
    }
  });

  it("recovers when a stopped replica comes back, and treats one that is starting up as away", async () => {
    const lines: string[] = [];
    let clock = 1_000_000;
    const proxy = await relay(new URL(replica.url));
    const reads = new ReplicaReads({ url: proxy.url(), log: (line) => lines.push(line), clock: () => clock, awayMs: 3_000, connectTimeoutMs: 1_000 });
    try {
      expect(await reads.read(primary.prisma, titles)).toEqual(["Only on the replica"]);
      // The replica stops (its connections are cut): the read in flight is retried on the primary.
      await proxy.stop();
      expect(await reads.read(primary.prisma, titles)).toEqual(["Written on the primary"]);
      expect(reads.state).toBe("away");
      // It restarts, first refusing connections while it starts up: the probe falls back and it stays away.
      proxy.startingUp();
      await proxy.start();
      clock += 3_001;
      expect(await reads.read(primary.prisma, titles)).toEqual(["Written on the primary"]);
      expect(reads.state).toBe("away");
      // Up at last: the next probe after the pause goes to the replica, and so do the reads after it.
      proxy.relaying();
      expect(await reads.read(primary.prisma, titles)).toEqual(["Written on the primary"]);
      clock += 3_001;
      expect(await reads.read(primary.prisma, titles)).toEqual(["Only on the replica"]);
      expect(await reads.read(primary.prisma, titles)).toEqual(["Only on the replica"]);
      expect(reads.state).toBe("up");
      expect(lines).toEqual([expect.stringMatching(/^away: /), "up: stale reads go to the replica again"]);
    } finally {
      await reads.close();
      await proxy.stop();
    }
  });

  it("retries a recovery conflict on the primary without marking the replica away, and throws any other error as it is", async () => {
    const reads = new ReplicaReads({ url: replica.url, log: () => undefined });
    try {
      let calls = 0;
      const conflicted = await reads.read(primary.prisma, async (db) => {
        calls++;
        if (db !== primary.prisma) throw Object.assign(new Error("canceling statement due to conflict with recovery"), { code: "40001" });
        return titles(db);
      });
      expect(conflicted).toEqual(["Written on the primary"]);
      expect(calls).toBe(2);
      expect(reads.state).toBe("unused");
      await expect(reads.read(primary.prisma, (db) => db.$queryRawUnsafe("SELECT 1 / 0"))).rejects.toThrow(/division by zero/);
      expect(reads.counts.fallbacks).toBe(1);
      expect(await reads.read(primary.prisma, titles)).toEqual(["Only on the replica"]);
    } finally {
      await reads.close();
    }
  });
});

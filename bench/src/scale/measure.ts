// `pnpm scale` without --chaos: the topology under the bench's load, with one and with two web
// instances in the same run (HAProxy's runtime API takes the second out of rotation and back).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createPrismaClient } from "@fairlance/db/client";
import { checkInvariants } from "@fairlance/db/read";
import { withDatabase } from "@fairlance/db/setup";
import pg from "pg";
import { Pairs } from "../bench/proposals";
import { generateJobs, searchInputs } from "../bench/search";
import { BENCH_PASSWORD, seedPopulation } from "../bench/seed";
import { mapLimit } from "../bench/util";
import { cpuSeconds, runLoad, runLoadFor, signIn, trpc, type LoadResult } from "../harness";
import { sampleLag, waitForReplay, type LagSummary } from "./replication";
import { DATABASE, REPLICA_NAME, type Topology } from "./topology";

const COVER_LETTER = "I have done this kind of work many times and can start this week.";
const MAX_PROPOSALS_PER_JOB = 50;

interface Sizes {
  freelancers: number;
  jobs: number;
  connectsEach: number;
  searchJobs: number;
  proposalConcurrency: number;
  searchConcurrency: number;
  seconds: number;
  warmup: number;
}
const QUICK: Sizes = { freelancers: 60, jobs: 301, connectsEach: 2_000, searchJobs: 5_000, proposalConcurrency: 50, searchConcurrency: 10, seconds: 5, warmup: 60 };
const FULL: Sizes = { freelancers: 200, jobs: 1201, connectsEach: 5_000, searchJobs: 100_000, proposalConcurrency: 50, searchConcurrency: 10, seconds: 15, warmup: 200 };

export interface PhaseResult {
  instances: 1 | 2;
  proposals: LoadResult;
  search: LoadResult;
  /** CPU milliseconds per request of each part (web1, web2, haproxy, pgbouncer, primary, replica, runners). */
  proposalCpuMs: Record<string, number>;
  searchCpuMs: Record<string, number>;
  /** Transactions the replica and the primary ran during the search load (where the reads went). */
  searchTransactions: { replica: number; primary: number };
  /** Transactions per second the primary committed during the proposal load. */
  primaryTps: number;
  lag: LagSummary;
}

export interface ScaleReport {
  date: string;
  command: string;
  quick: boolean;
  load: number[];
  sizes: Sizes;
  sessions: { calls: number; ok: number; byInstance: Record<string, number> };
  phases: PhaseResult[];
  lag: LagSummary;
  replicaCaughtUp: boolean;
  proposals: { acknowledged: number; storedPrimary: number; storedReplica: number };
  invariants: { ok: boolean; failed: string[] };
  leftovers: string[];
  passed: boolean;
}

async function transactions(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>("SELECT (xact_commit + xact_rollback)::text AS n FROM pg_stat_database WHERE datname = $1", [DATABASE]);
    return Number(rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

/** CPU seconds so far of each part of the topology (its process tree). */
function cpuOf(topology: Topology): Record<string, number> {
  return Object.fromEntries(Object.entries(topology.pids()).map(([part, pid]) => [part, pid === null ? 0 : cpuSeconds(pid)]));
}
const perRequest = (before: Record<string, number>, after: Record<string, number>, requests: number) =>
  Object.fromEntries(Object.keys(after).map((part) => [part, ((after[part]! - (before[part] ?? 0)) * 1000) / Math.max(1, requests)]));

export async function runMeasurement(topology: Topology, options: { quick: boolean; command: string }, say: (line: string) => void): Promise<ScaleReport> {
  const sizes = options.quick ? QUICK : FULL;
  const { loadavg } = await import("node:os");
  const now = new Date();

  // The data, on the primary before the replica is copied from it.
  const seedClient = createPrismaClient(topology.primaryUrl, { max: 4 });
  const population = await seedPopulation(seedClient, { freelancers: sizes.freelancers, jobs: sizes.jobs, connectsEach: sizes.connectsEach, hotRequests: 1, hotK: 1 }, now, say);
  await generateJobs(topology.primaryUrl, population.clients.map((c) => c.id), sizes.searchJobs, now);
  await seedClient.$disconnect();
  say(`[scale] ${sizes.searchJobs.toLocaleString("en-US")} more jobs inserted for search`);

  await topology.startReplication();
  say(`[scale] primary on port ${topology.ports.primary}, replica on ${topology.ports.replica} streaming from it (slot ${REPLICA_NAME})`);
  await topology.startServices();
  say(`[scale] PgBouncer on ${topology.ports.pgbouncer} (transaction pooling), HAProxy on ${topology.baseUrl} in front of web1 :${topology.ports.web[0]} and web2 :${topology.ports.web[1]}, 2 runners; logs in ${topology.logDir}`);

  const lb = topology.baseUrl;
  const cookies = await mapLimit(population.freelancers, 4, (f) => signIn(lb, f.email, BENCH_PASSWORD));
  say(`[scale] ${cookies.length} freelancers signed in through HAProxy`);

  // One session, many calls: both instances must accept it.
  const byInstance: Record<string, number> = {};
  let sessionOk = 0;
  const sessionCalls = 20;
  for (let i = 0; i < sessionCalls; i++) {
    const response = await fetch(`${lb}/api/trpc/me.get`, { headers: { cookie: cookies[0]!, origin: lb } });
    const instance = response.headers.get("x-fairlance-instance") ?? "?";
    byInstance[instance] = (byInstance[instance] ?? 0) + 1;
    const body = await response.text();
    if (response.ok && body.includes(population.freelancers[0]!.email)) sessionOk++;
  }
  say(`[scale] one session, ${sessionCalls} calls of me.get through HAProxy: ${sessionOk} answered as the signed-in freelancer (${Object.entries(byInstance).map(([k, v]) => `${k} ${v}`).join(", ")})`);

  const pairs = new Pairs(population.freelancers.length, population.jobs.length, MAX_PROPOSALS_PER_JOB);
  let acknowledged = 0;
  const errors: string[] = [];
  const propose = async () => {
    const { freelancer, job, n } = pairs.take();
    const result = await trpc(lb, cookies[freelancer]!, "proposal.submit", {
      jobId: population.jobs[job]!,
      idempotencyKey: `scale-proposal-${n}`,
      coverLetter: COVER_LETTER,
      bidMinor: 25_000n,
      boostConnects: 0,
    });
    if (result.ok) acknowledged++;
    else if (errors.length < 10) errors.push(`proposal.submit: HTTP ${result.status} ${result.error.domainCode ?? result.error.code}: ${result.error.message}`);
    return result.ok;
  };
  const inputs = searchInputs(2_000);
  let searchIndex = 0;
  const search = async () => {
    const i = searchIndex++;
    const result = await trpc(lb, cookies[i % cookies.length]!, "job.search", inputs[i % inputs.length], { method: "GET" });
    if (!result.ok && errors.length < 10) errors.push(`job.search: HTTP ${result.status} ${result.error.code}: ${result.error.message}`);
    return result.ok;
  };

  const lag = sampleLag(withDatabase(topology.primaryUrl, "postgres"), REPLICA_NAME);
  const warm = await runLoad(10, sizes.warmup, propose);
  const warmSearch = await runLoad(4, Math.ceil(sizes.warmup / 2), search);
  say(`[scale] warm-up: ${warm.requests} proposals (${warm.errors} errors), ${warmSearch.requests} searches (${warmSearch.errors} errors)`);

  const phases: PhaseResult[] = [];
  for (const instances of [1, 2] as const) {
    await topology.setInstance(1, instances === 1 ? "maint" : "ready");
    const mark = lag.mark();
    const tx0 = await transactions(topology.primaryUrl);
    const cpu0 = cpuOf(topology);
    const proposals = await runLoadFor(sizes.proposalConcurrency, { seconds: sizes.seconds, maxRequests: Math.floor(pairs.remaining / 3) }, propose);
    const cpu1 = cpuOf(topology);
    const tx1 = await transactions(topology.primaryUrl);
    const [replica0, primary0] = await Promise.all([transactions(topology.replicaUrl), transactions(topology.primaryUrl)]);
    const searchLoad = await runLoadFor(sizes.searchConcurrency, { seconds: sizes.seconds, maxRequests: 100_000 }, search);
    const cpu2 = cpuOf(topology);
    const [replica1, primary1] = await Promise.all([transactions(topology.replicaUrl), transactions(topology.primaryUrl)]);
    const phase: PhaseResult = {
      instances,
      proposals,
      search: searchLoad,
      proposalCpuMs: perRequest(cpu0, cpu1, proposals.requests),
      searchCpuMs: perRequest(cpu1, cpu2, searchLoad.requests),
      searchTransactions: { replica: replica1 - replica0, primary: primary1 - primary0 },
      primaryTps: (tx1 - tx0) / proposals.seconds,
      lag: lag.since(mark),
    };
    phases.push(phase);
    say(
      `[scale] ${instances} web instance${instances > 1 ? "s" : ""}: proposals ${proposals.perSecond.toFixed(0)} req/s (p50 ${proposals.p50.toFixed(0)} ms, p99 ${proposals.p99.toFixed(0)} ms, ${proposals.errors} errors); ` +
        `search ${searchLoad.perSecond.toFixed(0)} req/s (p50 ${searchLoad.p50.toFixed(0)} ms, p99 ${searchLoad.p99.toFixed(0)} ms, ${searchLoad.errors} errors; ` +
        `${phase.searchTransactions.replica} transactions on the replica, ${phase.searchTransactions.primary} on the primary); replica lag p95 ${phase.lag.bytes.p95} bytes / ${phase.lag.ms.p95.toFixed(1)} ms`,
    );
  }
  const lagAll = await lag.stop();
  for (const error of errors) say(`[scale]   error: ${error}`);

  // The end: the replica has everything, the primary's ledger holds, every acknowledged proposal is stored.
  await topology.stopAppProcesses();
  const replicaCaughtUp = await waitForReplay(withDatabase(topology.primaryUrl, "postgres"), REPLICA_NAME);
  const primary = createPrismaClient(topology.primaryUrl, { max: 4 });
  const replica = createPrismaClient(topology.replicaUrl, { max: 2 });
  try {
    const report = await checkInvariants(primary);
    const [storedPrimary, storedReplica] = await Promise.all([primary.proposal.count(), replica.proposal.count()]);
    const result: ScaleReport = {
      date: new Date().toISOString(),
      command: options.command,
      quick: options.quick,
      load: loadavg(),
      sizes,
      sessions: { calls: sessionCalls, ok: sessionOk, byInstance },
      phases,
      lag: lagAll,
      replicaCaughtUp,
      proposals: { acknowledged, storedPrimary, storedReplica },
      invariants: { ok: report.ok, failed: report.checks.filter((c) => !c.ok).map((c) => `${c.id}: ${c.violations.slice(0, 3).join("; ")}`) },
      leftovers: [],
      passed: false,
    };
    result.passed =
      report.ok &&
      replicaCaughtUp &&
      storedPrimary === acknowledged &&
      storedReplica === storedPrimary &&
      sessionOk === sessionCalls &&
      Object.keys(byInstance).filter((k) => k.startsWith("web")).length === 2 &&
      phases.every((p) => p.proposals.errors === 0 && p.search.errors === 0);
    return result;
  } finally {
    await primary.$disconnect();
    await replica.$disconnect();
  }
}

const ms = (v: number) => `${v.toFixed(0)} ms`;
const cpu = (record: Record<string, number>) =>
  ["web1", "web2", "haproxy", "pgbouncer", "primary", "replica", "runner1", "runner2"].map((part) => `${part} ${(record[part] ?? 0).toFixed(2)}`).join(", ");

export function formatScaleReport(r: ScaleReport): string {
  const lines: string[] = [];
  lines.push(`Scale run (${r.command}), ${r.date}; load average ${r.load.map((l) => l.toFixed(2)).join(" / ")} at the end`);
  lines.push(`Sessions: one cookie, ${r.sessions.calls} calls through HAProxy, ${r.sessions.ok} answered signed in; by instance: ${Object.entries(r.sessions.byInstance).map(([k, v]) => `${k} ${v}`).join(", ")}`);
  lines.push("");
  lines.push("| Web instances | Proposals req/s | p50 | p99 | errors | Primary transactions/s | Search req/s | p50 | p99 | errors | Search transactions replica / primary |");
  lines.push("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const p of r.phases) {
    lines.push(
      `| ${p.instances} | ${p.proposals.perSecond.toFixed(1)} | ${ms(p.proposals.p50)} | ${ms(p.proposals.p99)} | ${p.proposals.errors} | ${p.primaryTps.toFixed(0)} | ${p.search.perSecond.toFixed(1)} | ${ms(p.search.p50)} | ${ms(p.search.p99)} | ${p.search.errors} | ${p.searchTransactions.replica} / ${p.searchTransactions.primary} |`,
    );
  }
  lines.push("");
  lines.push("CPU per request (ms, from /proc, each part's process tree):");
  for (const p of r.phases) {
    lines.push(`  ${p.instances} instance(s), proposal: ${cpu(p.proposalCpuMs)}`);
    lines.push(`  ${p.instances} instance(s), search:   ${cpu(p.searchCpuMs)}`);
  }
  lines.push(
    `Replica lag over the run (${r.lag.samples} samples every 250 ms, ${r.lag.notStreaming} not streaming): bytes p50 ${r.lag.bytes.p50}, p95 ${r.lag.bytes.p95}, max ${r.lag.bytes.max}; ` +
      `time p50 ${r.lag.ms.p50.toFixed(1)} ms, p95 ${r.lag.ms.p95.toFixed(1)} ms, max ${r.lag.ms.max.toFixed(1)} ms`,
  );
  lines.push(`Replica caught up at the end: ${r.replicaCaughtUp ? "yes" : "NO"}`);
  lines.push(`Proposals: ${r.proposals.acknowledged} acknowledged, ${r.proposals.storedPrimary} stored on the primary, ${r.proposals.storedReplica} on the replica`);
  lines.push(`Invariants: ${r.invariants.ok ? "every check holds" : `VIOLATED: ${r.invariants.failed.join("; ")}`}`);
  lines.push(`Processes left running: ${r.leftovers.length}${r.leftovers.length ? ` (${r.leftovers.join(", ")})` : ""}`);
  lines.push(r.passed ? "RESULT: PASS" : "RESULT: FAIL");
  return lines.join("\n");
}

export function writeReport(dir: string, name: string, value: unknown) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v), 2));
}

// Proposal submission under load: the full HTTP stack (next-auth session, tRPC,
// the submitProposal service, Prisma, PostgreSQL) against the floor (node:http +
// pg with the same transaction by hand), level by level, in the same run.
import { cpuSeconds, runLoad, runLoadFor, trpc, type LoadResult } from "../harness";
import type { Population } from "./seed";

const COVER_LETTER = "I have done this kind of work many times and can start this week.";

/** CPU milliseconds per request (user + system, from /proc): holds even on a busy machine. */
export interface CpuCost {
  server: number;
  database: number;
  /** The load generator (this process): HTTP client, superjson. */
  client: number;
}

export interface Level {
  concurrency: number;
  full: LoadResult;
  floor: LoadResult;
  fullCpu: CpuCost;
  floorCpu: CpuCost;
  /** full-stack requests per second ÷ floor requests per second. */
  ratio: number;
}

export interface ProposalRun {
  levels: Level[];
  /** Successful submissions (warm-ups included), to compare with the proposals in the database. */
  succeeded: number;
  errorSamples: string[];
}

/**
 * Distinct (freelancer, job) pairs: pair i is (freelancer i mod F, job i mod J). With F and J
 * coprime every pair up to F × J is new, and any `F` consecutive pairs have distinct
 * freelancers and jobs, so concurrent requests do not queue on one row (the hot account
 * measures that case). A job receives a proposal every J pairs: `maxPerJob` × J pairs at most.
 */
export class Pairs {
  private next = 0;
  constructor(
    private readonly freelancers: number,
    private readonly jobs: number,
    private readonly maxPerJob: number,
  ) {}
  get remaining() {
    return this.jobs * this.maxPerJob - this.next;
  }
  take(): { freelancer: number; job: number; n: number } {
    if (this.remaining <= 0) throw new Error("out of (freelancer, job) pairs: raise the number of jobs");
    const n = this.next++;
    return { freelancer: n % this.freelancers, job: n % this.jobs, n };
  }
}

export interface Targets {
  webUrl: string;
  floorUrl: string;
  /** Process ids whose CPU is measured: the web server, the floor server, the PostgreSQL postmaster. */
  webPid: number;
  floorPid: number;
  postgresPid: number;
  /** Session cookie per freelancer (index of Population.freelancers). */
  cookies: string[];
  /** Floor token per freelancer. */
  tokens: string[];
}

export async function runProposalLoad(
  population: Population,
  targets: Targets,
  sizes: { concurrency: readonly number[]; seconds: number; warmup: number; maxPerJob: number },
  log: (line: string) => void,
): Promise<ProposalRun> {
  const pairs = new Pairs(population.freelancers.length, population.jobs.length, sizes.maxPerJob);
  const errorSamples: string[] = [];
  let succeeded = 0;
  const noteError = (what: string) => {
    if (errorSamples.length < 10) errorSamples.push(what);
  };

  const full = async () => {
    const { freelancer, job, n } = pairs.take();
    const result = await trpc(targets.webUrl, targets.cookies[freelancer]!, "proposal.submit", {
      jobId: population.jobs[job]!,
      idempotencyKey: `bench-full-${n}`,
      coverLetter: COVER_LETTER,
      bidMinor: 25_000n,
      boostConnects: 0,
    });
    if (result.ok) succeeded++;
    else noteError(`full stack: HTTP ${result.status} ${result.error.domainCode ?? result.error.code}: ${result.error.message}`);
    return result.ok;
  };
  const floor = async () => {
    const { freelancer, job, n } = pairs.take();
    const response = await fetch(`${targets.floorUrl}/proposals`, {
      method: "POST",
      headers: { authorization: `Bearer ${targets.tokens[freelancer]!}`, "content-type": "application/json" },
      body: JSON.stringify({ jobId: population.jobs[job]!, idempotencyKey: `bench-floor-${n}`, coverLetter: COVER_LETTER, bidMinor: "25000", boostConnects: 0 }),
    });
    const text = await response.text();
    if (response.ok) succeeded++;
    else noteError(`floor: HTTP ${response.status} ${text.slice(0, 200)}`);
    return response.ok;
  };

  // Warm-up (not measured): JIT, connection pools, the route's first compile and caches.
  for (const [name, task] of [["full stack", full], ["floor", floor]] as const) {
    const warm = await runLoad(10, Math.min(sizes.warmup, pairs.remaining), task);
    log(`[bench] warm-up ${name}: ${warm.requests} requests, ${warm.errors} errors`);
  }

  const levels: Level[] = [];
  for (const concurrency of sizes.concurrency) {
    const measure = async (task: () => Promise<boolean>, serverPid: number): Promise<[LoadResult, CpuCost]> => {
      // Open the level's connections before the clock starts.
      await runLoad(concurrency, Math.min(concurrency, pairs.remaining), task);
      const before = { server: cpuSeconds(serverPid), database: cpuSeconds(targets.postgresPid), client: process.cpuUsage() };
      const load = await runLoadFor(concurrency, { seconds: sizes.seconds, maxRequests: Math.floor(pairs.remaining / 2) }, task);
      const client = process.cpuUsage(before.client);
      const perRequest = (cpu: number) => (cpu * 1000) / load.requests;
      return [
        load,
        {
          server: perRequest(cpuSeconds(serverPid) - before.server),
          database: perRequest(cpuSeconds(targets.postgresPid) - before.database),
          client: perRequest((client.user + client.system) / 1e6),
        },
      ];
    };
    const [fullResult, fullCpu] = await measure(full, targets.webPid);
    const [floorResult, floorCpu] = await measure(floor, targets.floorPid);
    const level = { concurrency, full: fullResult, floor: floorResult, fullCpu, floorCpu, ratio: fullResult.perSecond / floorResult.perSecond };
    const cpu = (c: CpuCost) => `CPU/req server ${c.server.toFixed(1)} ms, db ${c.database.toFixed(1)} ms, client ${c.client.toFixed(1)} ms`;
    log(
      `[bench] ${String(concurrency).padStart(3)} concurrent: full stack ${fullResult.perSecond.toFixed(0)} req/s ` +
        `(p50 ${fullResult.p50.toFixed(0)} ms, p99 ${fullResult.p99.toFixed(0)} ms, ${fullResult.errors} errors; ${cpu(fullCpu)}), ` +
        `floor ${floorResult.perSecond.toFixed(0)} req/s (p50 ${floorResult.p50.toFixed(0)} ms, p99 ${floorResult.p99.toFixed(0)} ms, ` +
        `${floorResult.errors} errors; ${cpu(floorCpu)}), ratio ${level.ratio.toFixed(2)}`,
    );
    levels.push(level);
  }
  return { levels, succeeded, errorSamples };
}

export interface HotRun {
  k: number;
  requests: number;
  succeeded: number;
  /** Refusals other than INSUFFICIENT_CONNECTS (must be none). */
  otherErrors: string[];
  load: LoadResult;
}

/** `requests` concurrent submissions by one freelancer whose balance covers exactly K of them. */
export async function runHotAccount(population: Population, webUrl: string, cookie: string): Promise<HotRun> {
  let succeeded = 0;
  const otherErrors: string[] = [];
  const load = await runLoad(population.hotJobs.length, population.hotJobs.length, async (i) => {
    const result = await trpc(webUrl, cookie, "proposal.submit", {
      jobId: population.hotJobs[i]!,
      idempotencyKey: `bench-hot-${i}`,
      coverLetter: COVER_LETTER,
      bidMinor: 25_000n,
      boostConnects: 0,
    });
    if (result.ok) succeeded++;
    else if (result.error.domainCode !== "INSUFFICIENT_CONNECTS") otherErrors.push(`HTTP ${result.status} ${result.error.domainCode ?? result.error.code}: ${result.error.message}`);
    return result.ok;
  });
  return { k: population.hotK, requests: population.hotJobs.length, succeeded, otherErrors, load };
}

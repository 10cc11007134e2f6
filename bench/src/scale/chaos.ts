// `pnpm scale --chaos`: the chaos workload of `pnpm chaos` (virtual users moving money over
// HTTP, their journal, replays with the idempotency key, the verification) on the scaled-out
// topology, while a web instance or a runner is killed, PgBouncer restarted or the replica
// stopped, in an order and at moments drawn from a printed seed.
import { createPrismaClient } from "@fairlance/db/client";
import { signIn, trpc } from "../harness";
import type { ClusterStats } from "../chaos/cluster";
import { Journal } from "../chaos/journal";
import { Random, sleep } from "../chaos/random";
import type { Session } from "../chaos/replay";
import { formatSummary, passed as chaosPassed, summarise } from "../chaos/report";
import { CHAOS_PASSWORD, seedActors, takeBaseline } from "../chaos/seed";
import { settleAndVerify } from "../chaos/verify";
import { runClock, runVirtualUser } from "../chaos/workload";
import { classifyUnknown, readableRefusal, type FiveHundredKind } from "./answers";
import { writeReport } from "./measure";
import type { ScaleOptions } from "./options";
import { chaosSchedule, type ChaosEventKind } from "./schedule";
import type { Topology } from "./topology";

interface ReadWindowStats {
  /** Searches answered while the replica was stopped (started and finished inside the window). */
  answeredWhileReplicaDown: number;
  failedWhileReplicaDown: number;
  answered: number;
  failed: number;
  failures: string[];
}

export async function runScaleChaos(topology: Topology, options: ScaleOptions, say: (line: string) => void, interrupted: () => boolean): Promise<boolean> {
  const started = Date.now();
  const random = new Random(options.seed);
  const timing = options.quick
    ? { minDelayMs: 2_000, maxDelayMs: 5_000, minDownMs: 8_000, maxDownMs: 14_000 }
    : { minDelayMs: 3_000, maxDelayMs: 8_000, minDownMs: 10_000, maxDownMs: 20_000 };
  const schedule = chaosSchedule(options.seed, options.cycles, timing);
  say(`[scale] chaos: ${options.cycles} events, ${options.users} virtual users, seed ${options.seed} (repeat with --seed ${options.seed})`);

  // The actors, on the primary before the replica is copied from it.
  const seedClient = createPrismaClient(topology.primaryUrl, { max: 4 });
  const seeded = await seedActors(seedClient, { users: options.users, jobsPerClient: 40, now: new Date() });
  const baseline = await takeBaseline(seedClient, seeded.pairs);
  await seedClient.$disconnect();
  say(`[scale] seeded ${seeded.pairs.length} clients and freelancers on active contracts, ${seeded.jobIds.length} open jobs`);
  await topology.startReplication();
  await topology.startServices();
  say(`[scale] ${topology.baseUrl}: HAProxy → web1, web2; PgBouncer :${topology.ports.pgbouncer} → primary :${topology.ports.primary}, replica :${topology.ports.replica}; 2 runners; logs in ${topology.logDir}`);

  const base = topology.baseUrl;
  const session = async (user: { id: string; email: string }): Promise<Session> => ({ userId: user.id, email: user.email, cookie: await signIn(base, user.email, CHAOS_PASSWORD) });
  const sessions: { pair: (typeof seeded.pairs)[number]; client: Session; freelancer: Session }[] = [];
  for (const pair of seeded.pairs) sessions.push({ pair, client: await session(pair.client), freelancer: await session(pair.freelancer) });

  const journal = new Journal();
  let stopped = false;
  const users = sessions.map(({ pair, client, freelancer }) =>
    runVirtualUser({ journal, baseUrl: base, pair, client, freelancer, jobIds: seeded.jobIds, random: random.fork(), stopped: () => stopped, duplicateRate: 0.1 }),
  );
  const clock = runClock({ baseUrl: base, session: sessions[0]!.client, random: random.fork(), stopped: () => stopped });

  // Readers searching jobs all along (a read the app sends to the replica): a search that starts
  // and ends while the replica's server is not running at all was answered by the primary.
  let replicaDown = false;
  let downSince = 0;
  const reads: ReadWindowStats = { answeredWhileReplicaDown: 0, failedWhileReplicaDown: 0, answered: 0, failed: 0, failures: [] };
  const words = ["testing", "chaos", "work", "piece", "small"];
  const readLoop = async (offset: number) => {
    for (let i = offset; !stopped; i += 3) {
      const t0 = Date.now();
      const downAtStart = replicaDown;
      const answer = await trpc(base, sessions[i % sessions.length]!.freelancer.cookie, "job.search", { q: words[i % words.length] }, { method: "GET", signal: AbortSignal.timeout(30_000) }).catch(
        (error: unknown) => ({ ok: false as const, status: 0, error: { message: error instanceof Error ? error.message : String(error), code: "CONNECTION", domainCode: null } }),
      );
      const inWindow = downAtStart && replicaDown && downSince <= t0;
      if (answer.ok) {
        reads.answered++;
        if (inWindow) reads.answeredWhileReplicaDown++;
      } else {
        reads.failed++;
        if (inWindow) reads.failedWhileReplicaDown++;
        if (reads.failures.length < 10) reads.failures.push(`HTTP ${answer.status} ${answer.error.code}: ${answer.error.message.slice(0, 120)}${inWindow ? " (replica down)" : ""}`);
      }
      await sleep(100);
    }
  };
  // Three readers, so that each stop of the replica sees several searches start and finish.
  const reader = Promise.all([0, 1, 2].map(readLoop));

  const kills: Record<string, number> = { "kill-web": 0, "kill-runner": 0, "restart-pgbouncer": 0, "stop-replica": 0 };
  const restartMs: ClusterStats["restartMs"] = { web: [], db: [], runner: [] };
  const problems: string[] = [];
  for (const [index, event] of schedule.entries()) {
    if (interrupted()) break;
    await sleep(event.delayMs);
    const t0 = Date.now();
    let inFlight = 0;
    const onKilled = () => (inFlight = journal.killed());
    try {
      await perform(event.kind, event.target, event.downMs);
      kills[event.kind]!++;
    } catch (error) {
      problems.push(`${event.kind} ${event.target + 1}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const took = Date.now() - t0;
    say(
      `[scale] event ${index + 1}/${schedule.length}: ${describe(event.kind, event.target, event.downMs)} with ${String(inFlight).padStart(2)} request(s) in flight; all back in ${took} ms` +
        ` (${journal.entries.filter((e) => e.outcome).length} operations answered so far, ${reads.answeredWhileReplicaDown} reads answered while the replica was down)`,
    );

    async function perform(kind: ChaosEventKind, target: number, downMs: number) {
      if (kind === "kill-web") {
        await topology.killWeb(target, onKilled);
        restartMs.web.push(Date.now() - t0);
      } else if (kind === "kill-runner") {
        await topology.killRunner(target, onKilled);
        restartMs.runner.push(Date.now() - t0);
      } else if (kind === "restart-pgbouncer") {
        onKilled();
        await topology.restartPgBouncer();
        restartMs.db.push(Date.now() - t0);
      } else {
        await topology.bounceReplica(
          downMs,
          () => {
            replicaDown = true;
            downSince = Date.now();
          },
          () => (replicaDown = false),
        );
      }
    }
  }

  say("[scale] events done; letting the operations under way finish…");
  await sleep(3_000);
  stopped = true;
  await Promise.all(users);
  const clockMoves = await clock;
  await reader;

  const verification = await settleAndVerify(topology.primaryUrl, { journal: journal.entries, baseline, pairs: seeded.pairs }, (pending) =>
    say(`[scale] runners: ${pending} economy job(s) still pending after settling; verifying…`),
  );
  await topology.stop();
  const stray = topology.leftovers();

  const stats: ClusterStats = {
    kills,
    failedRestarts: { web: 0, db: 0, runner: 0 },
    crashes: { web: topology.crashes.filter((c) => c.startsWith("web")).length, runner: topology.crashes.filter((c) => c.startsWith("runner")).length },
    restartMs,
    problems,
  };
  const summary = summarise(journal, stats, verification, {
    cycles: options.cycles,
    users: options.users,
    seed: options.seed,
    seconds: (Date.now() - started) / 1000,
    clock: clockMoves,
    strayProcesses: stray,
  });
  const unknown = new Map<FiveHundredKind, number>();
  for (const [cause, n] of journal.unknownCauses) unknown.set(classifyUnknown(cause), (unknown.get(classifyUnknown(cause)) ?? 0) + n);
  const refusals = journal.entries.filter((e) => e.outcome?.kind === "refused");
  const unreadable = refusals.filter((e) => e.outcome?.kind === "refused" && (e.outcome.status < 400 || e.outcome.status >= 500 || !readableRefusal(e.outcome.message)));

  say("");
  say(formatSummary(summary, verification, journal).replace(/\nRESULT: .*$/, ""));
  say(`Answers that said nothing, by kind (each replayed with its idempotency key): ${[...unknown].map(([kind, n]) => `${kind} ${n}`).join("; ") || "none"}`);
  say(`Refusals: ${refusals.length}, each a 4xx with a sentence: ${refusals.length - unreadable.length}${unreadable.length ? `; NOT readable: ${unreadable.slice(0, 5).map((e) => (e.outcome?.kind === "refused" ? `${e.path} HTTP ${e.outcome.status} "${e.outcome.message}"` : "")).join("; ")}` : ""}`);
  say(
    `Reads (job.search) while the replica was stopped: ${reads.answeredWhileReplicaDown} answered, ${reads.failedWhileReplicaDown} failed; over the whole run ${reads.answered} answered, ${reads.failed} failed` +
      (reads.failures.length ? ` (${reads.failures.join("; ")})` : ""),
  );
  const ok =
    chaosPassed(summary) &&
    problems.length === 0 &&
    (unknown.get("other 5xx") ?? 0) === 0 &&
    unreadable.length === 0 &&
    reads.answeredWhileReplicaDown > 0 &&
    reads.failedWhileReplicaDown === 0 &&
    Object.values(kills).every((n) => n > 0);
  say(ok ? "RESULT: PASS — nothing lost, nothing applied twice, every invariant holds, every refusal readable, reads answered while the replica was away." : "RESULT: FAIL");
  writeReport(topology.logDir, "chaos-report.json", { ...summary, unknownByKind: Object.fromEntries(unknown), reads, unreadableRefusals: unreadable.length, passed: ok });
  writeReport(topology.logDir, "chaos-journal.json", journal.entries);
  say(`[scale] report and journal in ${topology.logDir}`);
  return ok;
}

function describe(kind: ChaosEventKind, target: number, downMs: number): string {
  if (kind === "kill-web") return `SIGKILL web${target + 1}, started again`;
  if (kind === "kill-runner") return `SIGKILL runner${target + 1}, started again`;
  if (kind === "restart-pgbouncer") return "PgBouncer restarted (SIGTERM: every connection closed)";
  return `replica stopped for ${(downMs / 1000).toFixed(1)} s, started again`;
}

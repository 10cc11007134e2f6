// What a run found, printed as text and written as Markdown into BENCHMARKS.md
// (between the results markers; the hand-written parts of the file are kept).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { relative } from "node:path";
import { REPO_ROOT, type LoadResult, type StackMemory } from "../harness";
import type { BundleReport } from "./bundles";
import type { LedgerRun } from "./ledger";
import type { Machine } from "./machine";
import { PAGE_TARGETS, type PagesRun } from "./pages";
import type { CpuCost, HotRun, ProposalRun } from "./proposals";
import type { SearchStats } from "./search";
import type { RefusalRun } from "./refusals";
import type { TalentStats } from "./talent";

export const RESULTS_START = "<!-- bench:results:start -->";
export const RESULTS_END = "<!-- bench:results:end -->";

export interface Results {
  date: Date;
  command: string;
  quick: boolean;
  machine: Machine;
  proposals?: ProposalRun;
  hot?: HotRun;
  /** Invariants of the load's database after the run, and proposals stored vs acknowledged. */
  loadCheck?: { invariantsOk: boolean; failed: string[]; proposalsStored: number; proposalsAcknowledged: number };
  ledger?: LedgerRun;
  refusals?: RefusalRun;
  search?: { jobs: number; openJobs: number; service: SearchStats; http?: SearchStats; serviceCpuMs?: number };
  /** The search1m part: the same searches over a large catalogue in its own kept database. */
  search1m?: { jobs: number; openJobs: number; service: SearchStats; serviceCpuMs: number; goalMs: number }[];
  talent?: TalentStats & { cpuMs: number };
  bundles?: BundleReport;
  pages?: PagesRun;
  /** Peak RSS in bytes of `pnpm start`'s processes under the load (harness/memory.ts, sampleStackMemory). */
  memory?: StackMemory;
  seconds: number;
}

/** The issue's memory targets (§2, "A small footprint"), in MB of peak RSS under the load. */
export const MEMORY_TARGETS: readonly (readonly [string, keyof StackMemory, number])[] = [
  ["Whole `pnpm start` tree (supervisor, web, runner, PostgreSQL; PSS)", "total", 600],
  ["Web server (RSS)", "web", 300],
  ["Job runner (RSS)", "runner", 150],
  ["Supervisor (RSS)", "supervisor", 60],
];

export interface Target {
  name: string;
  goal: string;
  actual: string;
  ok: boolean;
}

const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MB`;
const int = (value: number) => Math.round(value).toLocaleString("en-US");
const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export function targets(results: Results): Target[] {
  const list: Target[] = [];
  const at50 = results.proposals?.levels.find((level) => level.concurrency === 50);
  if (at50) {
    list.push({ name: "Proposals: full stack ÷ floor at 50 concurrent", goal: "≥ 0.5", actual: at50.ratio.toFixed(2), ok: at50.ratio >= 0.5 });
    list.push({ name: "Proposals: full-stack p99 at 50 concurrent", goal: "≤ 250 ms", actual: ms(at50.full.p99), ok: at50.full.p99 <= 250 });
    list.push({ name: "Proposals: web server CPU per proposal at 50 concurrent", goal: "≤ 5 ms", actual: ms(at50.fullCpu.server), ok: at50.fullCpu.server <= 5 });
    const errors = (results.proposals?.levels ?? []).reduce((sum, level) => sum + level.full.errors, 0);
    list.push({ name: "Proposals: full-stack errors at every level", goal: "0", actual: int(errors), ok: errors === 0 });
  }
  if (results.hot) {
    list.push({
      name: "Hot account: exactly K of 100 succeed",
      goal: `${results.hot.k}`,
      actual: `${results.hot.succeeded}`,
      ok: results.hot.succeeded === results.hot.k && results.hot.otherErrors.length === 0,
    });
  }
  if (results.ledger) {
    const value = median(results.ledger.checkMs);
    list.push({ name: `Invariant check over ${int(results.ledger.transfers)} transfers (median of ${results.ledger.checkMs.length})`, goal: "≤ 2 s", actual: `${(value / 1000).toFixed(2)} s`, ok: value <= 2000 });
  }
  if (results.refusals) {
    list.push({ name: "Refused superjson type ÷ plain 400 (web server CPU)", goal: "≤ 2", actual: results.refusals.ratio.toFixed(2), ok: results.refusals.ratio <= 2 });
  }
  if (results.search) {
    list.push({ name: `Job search p95 at ${int(results.search.jobs)} jobs (service)`, goal: "≤ 50 ms", actual: ms(results.search.service.p95), ok: results.search.service.p95 <= 50 });
  }
  for (const s of results.search1m ?? []) {
    list.push({ name: `Job search p95 at ${int(s.jobs)} jobs (service, search1m)`, goal: `≤ ${s.goalMs} ms`, actual: ms(s.service.p95), ok: s.service.p95 <= s.goalMs });
  }
  if (results.talent) {
    list.push({ name: `Talent search p95 at ${int(results.talent.freelancers)} freelancers (service)`, goal: "≤ 50 ms", actual: ms(results.talent.p95), ok: results.talent.p95 <= 50 });
  }
  if (results.bundles) {
    const publicRoutes = results.bundles.routes.filter((route) => route.public);
    const largest = Math.max(...publicRoutes.map((route) => route.gzipBytes));
    list.push({ name: "First-load JS of public pages (largest, gzipped)", goal: "≤ 170 KB", actual: kb(largest), ok: largest <= 170 * 1024 });
  }
  if (results.pages) {
    const { pages, runsPerPage } = results.pages;
    const met = pages.filter((page) => page.met).length;
    list.push({
      name: `Pages at every Lighthouse target (mobile${runsPerPage > 1 ? `, median of ${runsPerPage}` : ", 1 run"}${results.pages.sample ? ", a sample" : ""})`,
      goal: `${pages.length} of ${pages.length}`,
      actual: `${met} of ${pages.length}`,
      ok: met === pages.length,
    });
  }
  if (results.memory) {
    const m = results.memory;
    for (const [name, bytes, limitMb] of MEMORY_TARGETS.map(([label, key, limit]) => [label, m[key], limit] as const)) {
      list.push({ name: `${name} peak under load`, goal: `≤ ${limitMb} MB`, actual: mb(bytes), ok: bytes <= limitMb * 1024 ** 2 });
    }
  }
  return list;
}

/** A Markdown table (also readable as plain text). */
function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(" | ")} |`;
  return [line(header), `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`, ...rows.map(line)];
}

const loadCells = (load: LoadResult) => [int(load.perSecond), ms(load.p50), ms(load.p99), `${load.errors}/${int(load.requests)}`];

/** The results as Markdown (the console prints the same text). */
export function renderResults(results: Results): string {
  const { machine } = results;
  const out: string[] = [];
  out.push(`Run of ${results.date.toISOString().replace("T", " ").slice(0, 16)} UTC: \`${results.command}\`${results.quick ? " (quick smoke run: small counts, figures not comparable)" : ""}, ${results.seconds.toFixed(0)} s in all.`);
  out.push("");
  out.push(
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.ramGb} GB RAM, Node ${machine.node}, ${machine.postgres}; ` +
      `load average ${machine.loadAtStart.toFixed(2)} at the start. The load generator, the web server, the floor server and PostgreSQL share these cores.`,
  );
  out.push("");
  out.push("**Targets**");
  out.push("");
  out.push(...table(["", "Goal", "Measured", ""], targets(results).map((t) => [t.name, t.goal, t.actual, t.ok ? "ok" : "MISSED"])));

  if (results.proposals) {
    out.push("", "**Proposal submission** (each request a new proposal: distinct freelancers and jobs; full stack = HTTP + next-auth session + tRPC + service + Prisma + PostgreSQL; floor = node:http + pg, same transaction by hand)", "");
    out.push(
      ...table(
        ["Concurrent", "Full stack req/s", "p50", "p99", "errors", "Floor req/s", "p50", "p99", "errors", "Full ÷ floor"],
        results.proposals.levels.map((level) => [String(level.concurrency), ...loadCells(level.full), ...loadCells(level.floor), level.ratio.toFixed(2)]),
      ),
    );
    const cpu = (c: CpuCost) => [c.server, c.database, c.client].map((v) => v.toFixed(1));
    out.push("", "CPU per request in ms (user + system from /proc, so it holds on a busy machine): the server process, PostgreSQL, the load generator.", "");
    out.push(
      ...table(
        ["Concurrent", "Full: server", "PostgreSQL", "client", "Floor: server", "PostgreSQL", "client"],
        results.proposals.levels.map((level) => [String(level.concurrency), ...cpu(level.fullCpu), ...cpu(level.floorCpu)]),
      ),
    );
    if (results.proposals.errorSamples.length) out.push("", "Errors seen:", ...results.proposals.errorSamples.map((e) => `- ${e}`));
  }
  if (results.hot) {
    const { hot } = results;
    out.push(
      "",
      `**Hot account**: ${hot.requests} concurrent submissions by one freelancer whose connects cover K = ${hot.k}: ` +
        `${hot.succeeded} succeeded, ${hot.requests - hot.succeeded - hot.otherErrors.length} refused for too few connects` +
        `${hot.otherErrors.length ? `, ${hot.otherErrors.length} other errors (${hot.otherErrors.slice(0, 3).join("; ")})` : ""}; ` +
        `p50 ${ms(hot.load.p50)}, p99 ${ms(hot.load.p99)}.`,
    );
  }
  if (results.loadCheck) {
    const c = results.loadCheck;
    out.push(
      "",
      `**After the load**: invariants ${c.invariantsOk ? "all hold" : `VIOLATED (${c.failed.join(", ")})`}; ` +
        `${int(c.proposalsStored)} proposals stored for ${int(c.proposalsAcknowledged)} acknowledged.`,
    );
  }
  if (results.memory) {
    const m = results.memory;
    out.push(
      "",
      `**Memory** (peak RSS during the load and the HTTP searches, sampled every 100 ms; \`pnpm start\`'s processes as its supervisor starts them, each with its children): ` +
        `supervisor ${mb(m.supervisor)}, web server ${mb(m.web)}, job runner ${mb(m.runner)} (RSS); ` +
        `PostgreSQL (postmaster and backends, also those serving the bench's own connections) ${mb(m.postgres)} PSS (${mb(m.postgresRss)} RSS added up, which counts its shared buffers once per backend); ` +
        `the whole tree ${mb(m.total)} PSS at its peak (PSS divides each shared page among the processes that map it, so the sum is what the tree holds).`,
    );
  }
  if (results.ledger) {
    const l = results.ledger;
    out.push(
      "",
      `**Invariant check** (\`checkInvariants\`) over ${int(l.transfers)} transfers in ${int(l.accounts)} accounts ` +
        `(${l.generated ? `generated in ${l.generateSeconds.toFixed(0)} s` : "generated by an earlier run and kept"}): ` +
        `${l.checkMs.map((v, i) => `${(v / 1000).toFixed(2)} s (PostgreSQL CPU ${(l.checkCpuMs[i]! / 1000).toFixed(2)} s)`).join(", ")}; ` +
        `median ${(median(l.checkMs) / 1000).toFixed(2)} s; ` +
        `${l.report.ok ? "every invariant holds" : `VIOLATED: ${l.report.checks.filter((c) => !c.ok).map((c) => c.id).join(", ")}`}.`,
    );
  }
  if (results.refusals) {
    const r = results.refusals;
    out.push(
      "",
      `**Refused requests** (${int(r.requests)} of each, before sign-in, 4 at a time): a superjson \`meta\` naming a type the API does not take ` +
        `(\`custom\`, \`class\`, \`symbol\`) costs the web server ${r.hostileCpuMsEach.toFixed(2)} ms of CPU, a plain 400 (an invalid email) ` +
        `${r.plainCpuMsEach.toFixed(2)} ms: ratio ${r.ratio.toFixed(2)}. A signed-in \`me.get\` answers in ${ms(r.readUnderAttackMs)} (p50) while 20 of them are in flight.`,
    );
  }
  if (results.search) {
    const s = results.search;
    const rows = [["service (`searchJobs`)", s.service]] as [string, SearchStats][];
    if (s.http) rows.push(["HTTP (`job.search`)", s.http]);
    out.push(
      "",
      `**Job search** over ${int(s.jobs)} jobs (${int(s.openJobs)} open), one search at a time, varied words, filters, sorts and pages` +
        `${s.serviceCpuMs !== undefined ? ` (PostgreSQL CPU ${s.serviceCpuMs.toFixed(1)} ms a search through the service)` : ""}:`,
      "",
    );
    out.push(...table(["Through", "Searches", "p50", "p95", "p99", "max"], rows.map(([name, st]) => [name, String(st.calls), ms(st.p50), ms(st.p95), ms(st.p99), ms(st.max)])));
  }
  if (results.search1m?.length) {
    out.push(
      "",
      "**Job search at scale** (`--only search1m`): generated catalogues, each in its own database made once and kept, the same searches " +
        "one at a time through `searchJobs` (PostgreSQL CPU per search in the last column):",
      "",
    );
    out.push(
      ...table(
        ["Jobs (open)", "Searches", "p50", "p95", "p99", "max", "CPU"],
        results.search1m.map((s) => [`${int(s.jobs)} (${int(s.openJobs)})`, String(s.service.calls), ms(s.service.p50), ms(s.service.p95), ms(s.service.p99), ms(s.service.max), ms(s.serviceCpuMs)]),
      ),
    );
  }
  if (results.talent) {
    const t = results.talent;
    out.push(
      "",
      `**Talent search** over ${int(t.freelancers)} freelancer profiles, one search at a time through \`searchFreelancers\`, varied words, rate, score, skill, ` +
        `availability and earnings filters, both sorts and pages (PostgreSQL CPU ${t.cpuMs.toFixed(1)} ms a search):`,
      "",
    );
    out.push(...table(["Searches", "p50", "p95", "max"], [[String(t.calls), ms(t.p50), ms(t.p95), ms(t.max)]]));
  }
  if (results.bundles) {
    const b = results.bundles;
    out.push("", `**First-load JavaScript** (gzipped, from \`${b.distDir.replace(/.*\/apps\/web\//, "apps/web/")}\`; ${kb(b.sharedGzipBytes)} of it shared by every page):`, "");
    out.push(...table(["Page", "Kind", "Chunks", "Gzipped", "Raw"], b.routes.map((r) => [r.route, r.public ? "public" : "dashboard", String(r.chunks), kb(r.gzipBytes), kb(r.rawBytes)])));
    if (b.htmlCheck?.length) {
      out.push(
        "",
        `Cross-check from the HTML the server sends (its \`<script src>\` chunks, gzipped the same way): ` +
          b.htmlCheck.map((h) => `${h.route} ${h.chunks} chunks, ${kb(h.gzipBytes)}`).join("; ") +
          ". The HTML also carries the page's inline RSC payload, not counted in either figure.",
      );
    }
  }
  if (results.pages) out.push("", ...renderPages(results.pages));
  return out.join("\n");
}

/** The targets in words: "performance ≥ 95, LCP ≤ 2.0 s, …". */
function pageTargetsText(): string {
  const t = PAGE_TARGETS;
  const score = (value: number) => (value === 100 ? "100" : `≥ ${value}`);
  return `performance ≥ ${t.performance}, LCP ≤ ${(t.lcpMs / 1000).toFixed(1)} s, TBT ≤ ${t.tbtMs} ms, CLS ≤ ${t.cls}, accessibility ${score(t.accessibility)}, best practices ${score(t.bestPractices)}`;
}

function renderPages(run: PagesRun): string[] {
  const out: string[] = [];
  out.push(
    `**Pages in Lighthouse** (${run.lighthouse}, headless ${run.browser}, mobile preset: simulated slow 4G and 4× CPU slowdown; ` +
      `${run.runsPerPage > 1 ? `the run with the median performance score of ${run.runsPerPage} per page` : "1 run per page"}${run.sample ? ", a sample of the pages" : ""}; ` +
      `Lighthouse's CPU benchmark index ${run.benchmarkIndex === null ? "unknown" : Math.round(run.benchmarkIndex)} on this machine; ${run.seconds.toFixed(0)} s). ` +
      `Targets: ${pageTargetsText()}. Reports of the last run in \`${relative(REPO_ROOT, run.reportDir)}/\`.`,
    "",
  );
  const cell = (value: number | null, format: (v: number) => string) => (value === null ? "–" : format(value));
  const rows = run.pages.map((page) => {
    const m = page.median;
    const scores = page.performanceScores.filter((s): s is number => s !== null);
    const spread = scores.length > 1 && Math.min(...scores) !== Math.max(...scores) ? ` (${Math.min(...scores)}–${Math.max(...scores)})` : "";
    const landed = m ? new URL(m.finalUrl).pathname : null;
    const redirected = landed && landed !== new URL(page.path, "http://x").pathname ? ` → ${landed}` : "";
    return [
      `${page.route}${redirected}`,
      page.role ?? "–",
      m ? `${cell(m.scores.performance, String)}${spread}` : "–",
      cell(m?.lcpMs ?? null, (v) => `${(v / 1000).toFixed(2)} s`),
      cell(m?.tbtMs ?? null, (v) => `${Math.round(v)} ms`),
      cell(m?.cls ?? null, (v) => v.toFixed(3)),
      cell(m?.scores.accessibility ?? null, String),
      cell(m?.scores.bestPractices ?? null, String),
      page.met ? "met" : `MISSED: ${page.reasons.join("; ")}`,
    ];
  });
  out.push(...table(["Page", "Role", "Performance", "LCP", "TBT", "CLS", "Accessibility", "Best practices", "Verdict"], rows));
  if (run.warnings.length) out.push("", `Lighthouse's warnings: ${run.warnings.join(" ")}`);
  return out;
}

/**
 * Writes a run's results into BENCHMARKS.md, keeping the rest of the file. A full run replaces the
 * section between RESULTS_START and RESULTS_END; a run of some parts (`--only pages --write`) has a
 * section of its own, named by its parts (`<!-- bench:results:only=pages:start -->`), so it never
 * erases the full run's other figures and a later run of the same parts replaces it.
 */
export function writeResults(file: string, markdown: string, parts: readonly string[] | "all" = "all"): void {
  const name = parts === "all" ? "" : `:only=${[...parts].sort().join(",")}`;
  const startMark = name ? RESULTS_START.replace("results:", `results${name}:`) : RESULTS_START;
  const endMark = name ? RESULTS_END.replace("results:", `results${name}:`) : RESULTS_END;
  const heading = name ? `## Latest results of \`pnpm bench --only ${[...parts].sort().join(",")}\`` : "## Latest results";
  const section = `${startMark}\n${markdown}\n${endMark}`;
  const current = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmarks\n";
  const start = current.indexOf(startMark);
  const end = current.indexOf(endMark);
  const next =
    start >= 0 && end > start
      ? current.slice(0, start) + section + current.slice(end + endMark.length)
      : `${current.trimEnd()}\n\n${heading}\n\n${section}\n`;
  writeFileSync(file, next);
}

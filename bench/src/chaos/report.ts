import { formatInvariantReport } from "@fairlance/db/read";
import type { ClusterStats } from "./cluster";
import { OPERATIONS, type Journal, type OperationPath } from "./journal";
import type { Verification } from "./verify";

export interface RunFacts {
  cycles: number;
  users: number;
  seed: number;
  seconds: number;
  clock: { advanced: number; failed: number };
  strayProcesses: string[];
}

const pad = (value: string | number, width: number) => String(value).padStart(width);
const median = (values: number[]) => (values.length ? [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]! : 0);

export function summarise(journal: Journal, stats: ClusterStats, verification: Verification, facts: RunFacts) {
  const byPath = Object.keys(OPERATIONS).map((path) => {
    const entries = journal.entries.filter((e) => e.path === (path as OperationPath));
    return {
      path,
      total: entries.length,
      success: entries.filter((e) => e.outcome?.kind === "success").length,
      refused: entries.filter((e) => e.outcome?.kind === "refused").length,
      unresolved: entries.filter((e) => !e.outcome || e.outcome.kind === "unresolved").length,
      replayed: entries.filter((e) => e.unknownAnswers > 0).length,
      replays: entries.reduce((sum, e) => sum + e.unknownAnswers, 0),
      inFlightAtKill: entries.filter((e) => e.inFlightAtKill > 0).length,
      duplicated: entries.filter((e) => e.duplicated).length,
    };
  });
  const total = (key: keyof (typeof byPath)[number]) => byPath.reduce((sum, row) => sum + (row[key] as number), 0);
  // By operation and code, with the first message as an example.
  const refusals = new Map<string, number>();
  const examples = new Map<string, string>();
  for (const entry of journal.entries) {
    if (entry.outcome?.kind !== "refused") continue;
    const code = `${entry.path}: ${entry.outcome.domainCode ?? entry.outcome.code}`;
    refusals.set(code, (refusals.get(code) ?? 0) + 1);
    if (!examples.has(code)) examples.set(code, entry.outcome.message.slice(0, 90));
  }
  return {
    ...facts,
    kills: stats.kills,
    totalKills: Object.values(stats.kills).reduce((a, b) => a + b, 0),
    failedRestarts: stats.failedRestarts,
    crashes: stats.crashes,
    medianRestartMs: { web: median(stats.restartMs.web), db: median(stats.restartMs.db), runner: median(stats.restartMs.runner) },
    operations: byPath,
    totals: {
      operations: total("total"),
      successes: total("success"),
      refusals: total("refused"),
      unresolved: total("unresolved"),
      replayedOperations: total("replayed"),
      replays: total("replays"),
      requests: journal.entries.reduce((sum, e) => sum + e.requests, 0),
      operationsInFlightAtKill: total("inFlightAtKill"),
      requestsInFlightAtKill: journal.inFlightAtKills,
      duplicatesSentAtOnce: total("duplicated"),
      duplicateDisagreements: journal.duplicateDisagreements.length,
    },
    unknownCauses: [...journal.unknownCauses].sort((a, b) => b[1] - a[1]),
    refusals: [...refusals].sort((a, b) => b[1] - a[1]).map(([code, n]) => [`${code} (e.g. "${examples.get(code)}")`, n] as const),
    runner: verification.runner,
    violations: verification.violations,
    lost: verification.count("lost"),
    duplicates: verification.count("duplicate"),
    ghosts: verification.count("ghost"),
    balanceMismatches: verification.count("balance"),
    stuck: verification.count("stuck"),
    problems: verification.problems,
    clusterProblems: stats.problems,
  };
}

export type Summary = ReturnType<typeof summarise>;

export function passed(summary: Summary): boolean {
  return (
    summary.violations === 0 &&
    summary.lost === 0 &&
    summary.duplicates === 0 &&
    summary.ghosts === 0 &&
    summary.balanceMismatches === 0 &&
    summary.stuck === 0 &&
    summary.totals.duplicateDisagreements === 0 &&
    summary.strayProcesses.length === 0 &&
    summary.totalKills >= summary.cycles
  );
}

export function formatSummary(summary: Summary, verification: Verification, journal: Journal): string {
  const lines: string[] = [];
  const k = summary.kills;
  lines.push(`Chaos run: ${summary.cycles} cycles, ${summary.users} virtual users, seed ${summary.seed}, ${summary.seconds.toFixed(0)} s`);
  const killNames: Record<string, string> = { both: "web+db" };
  lines.push(`Kills: ${summary.totalKills} — ${Object.entries(k).map(([kind, n]) => `${killNames[kind] ?? kind} ${n}`).join(", ")}`);
  lines.push(
    `Restarts: median web ${summary.medianRestartMs.web} ms, db ${summary.medianRestartMs.db} ms; failed and retried: web ${summary.failedRestarts.web}, db ${summary.failedRestarts.db}; ` +
      `died without being killed: web ${summary.crashes.web}, runner ${summary.crashes.runner}`,
  );
  lines.push(`Clock: moved ${summary.clock.advanced} day(s) (${summary.clock.failed} tries failed under the kills)`);
  lines.push("");
  lines.push(`  ${"operation".padEnd(18)}${pad("total", 7)}${pad("success", 9)}${pad("refused", 9)}${pad("replayed", 10)}${pad("replays", 9)}${pad("in-flight", 11)}${pad("doubled", 9)}`);
  for (const row of summary.operations) {
    lines.push(`  ${row.path.padEnd(18)}${pad(row.total, 7)}${pad(row.success, 9)}${pad(row.refused, 9)}${pad(row.replayed, 10)}${pad(row.replays, 9)}${pad(row.inFlightAtKill, 11)}${pad(row.duplicated, 9)}`);
  }
  const t = summary.totals;
  lines.push(`  ${"all".padEnd(18)}${pad(t.operations, 7)}${pad(t.successes, 9)}${pad(t.refusals, 9)}${pad(t.replayedOperations, 10)}${pad(t.replays, 9)}${pad(t.operationsInFlightAtKill, 11)}${pad(t.duplicatesSentAtOnce, 9)}`);
  lines.push(
    `  (replayed: operations that needed a replay; replays: requests sent again with the same key; in-flight: operations with a request on the wire at a kill — ${t.requestsInFlightAtKill} requests in all; doubled: sent twice at once)`,
  );
  lines.push(`Requests: ${t.requests}. Unresolved operations: ${t.unresolved}.`);
  if (summary.unknownCauses.length) {
    lines.push("Answers that said nothing (replayed):");
    for (const [cause, n] of summary.unknownCauses.slice(0, 8)) lines.push(`  ${pad(n, 5)}  ${cause}`);
  }
  if (summary.refusals.length) {
    lines.push("Definitive refusals:");
    for (const [reason, n] of summary.refusals.slice(0, 10)) lines.push(`  ${pad(n, 5)}  ${reason}`);
  }
  lines.push("");
  const r = summary.runner;
  lines.push(
    `Runner: ${r.pendingJobs} economy job(s) pending, ${r.lockedJobs} locked, ${r.deadJobs} dead, ${r.runsLeftRunning} run(s) left RUNNING; ` +
      `${r.runsCutShort} run(s) cut short by a kill and run again, ${r.failedRuns} other failed attempt(s) (retried)`,
  );
  lines.push(formatInvariantReport(verification.invariants));
  lines.push("");
  lines.push(`Checked ${verification.checkedOperations} operations against the database.`);
  lines.push(`  invariant violations: ${summary.violations}`);
  lines.push(`  lost (a success without its effect): ${summary.lost}`);
  lines.push(`  duplicates (an effect applied twice): ${summary.duplicates}`);
  lines.push(`  effects without a success: ${summary.ghosts}`);
  lines.push(`  balances that differ from the journal: ${summary.balanceMismatches}`);
  lines.push(`  unresolved or stuck: ${summary.stuck}`);
  lines.push(`  double requests answered differently: ${t.duplicateDisagreements}`);
  lines.push(`  processes left running: ${summary.strayProcesses.length}`);
  for (const p of summary.problems.slice(0, 30)) lines.push(`  - [${p.kind}] ${p.detail}`);
  if (summary.problems.length > 30) lines.push(`  … and ${summary.problems.length - 30} more`);
  for (const d of journal.duplicateDisagreements.slice(0, 10)) lines.push(`  - [double] ${d}`);
  for (const p of summary.clusterProblems) lines.push(`  - [cluster] ${p}`);
  for (const p of summary.strayProcesses) lines.push(`  - [left running] ${p}`);
  lines.push("");
  lines.push(passed(summary) ? "RESULT: PASS — nothing lost, nothing applied twice, every invariant holds." : "RESULT: FAIL");
  return lines.join("\n");
}

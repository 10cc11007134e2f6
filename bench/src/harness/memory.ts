import { readFileSync } from "node:fs";
import { descendants } from "./processes";

function rssBytes(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const match = /VmRSS:\s+(\d+) kB/.exec(status);
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

export interface MemorySampler {
  /** Highest resident set size seen so far, in bytes (the process and its children together). */
  peak(): number;
  stop(): number;
}

/** Samples the resident memory of a process tree every `intervalMs` and keeps the peak. */
export function sampleMemory(pid: number, intervalMs = 100): MemorySampler {
  let peak = 0;
  // Walking /proc for the process tree reads every process's stat file: on a busy machine that
  // costs more than the sample itself, so the tree is refreshed once a second, not every sample.
  let tree: number[] = [];
  let treeAt = -Infinity;
  const sample = () => {
    if (performance.now() - treeAt > 1000) {
      tree = [pid, ...descendants(pid)];
      treeAt = performance.now();
    }
    const total = tree.reduce((sum, p) => sum + rssBytes(p), 0);
    peak = Math.max(peak, total);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    peak: () => peak,
    stop() {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}

function pssBytes(pid: number): number {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
    const match = /^Pss:\s+(\d+) kB/m.exec(rollup);
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** The processes of one `pnpm start`, each measured as a tree except the supervisor (its children are the others). */
export interface StackPids {
  supervisor: number;
  web: number;
  runner: number;
  /** The postmaster; its backends are its children. */
  postgres: number;
}

/** Peaks in bytes. */
export interface StackMemory {
  /** Resident set size of each process (with its children). */
  supervisor: number;
  web: number;
  runner: number;
  /** PostgreSQL's processes' RSS added up: counts its shared buffers once per backend that touched them. */
  postgresRss: number;
  /**
   * Proportional set size (each shared page divided among the processes that map it, so the sum
   * is what the processes really hold): PostgreSQL's processes, and the whole tree.
   */
  postgres: number;
  total: number;
}

export interface StackMemorySampler {
  stop(): StackMemory;
}

/**
 * Samples the resident memory of the supervisor (itself), the web server, the runner and
 * PostgreSQL (each with its children) every `intervalMs`, and their proportional set sizes every
 * second (reading smaps_rollup costs more), keeping the peak of each and of the whole tree's
 * sum (which need not be the sum of the peaks).
 */
export function sampleStackMemory(pids: StackPids, intervalMs = 100): StackMemorySampler {
  const peak: StackMemory = { supervisor: 0, web: 0, runner: 0, postgresRss: 0, postgres: 0, total: 0 };
  const trees: { [K in keyof StackPids]: number[] } = { supervisor: [pids.supervisor], web: [], runner: [], postgres: [] };
  let treesAt = -Infinity;
  let pssAt = -Infinity;
  const sample = () => {
    if (performance.now() - treesAt > 1000) {
      for (const name of ["web", "runner", "postgres"] as const) trees[name] = [pids[name], ...descendants(pids[name])];
      treesAt = performance.now();
    }
    const rss = (name: keyof StackPids) => trees[name].reduce((sum, p) => sum + rssBytes(p), 0);
    peak.supervisor = Math.max(peak.supervisor, rss("supervisor"));
    peak.web = Math.max(peak.web, rss("web"));
    peak.runner = Math.max(peak.runner, rss("runner"));
    peak.postgresRss = Math.max(peak.postgresRss, rss("postgres"));
    if (performance.now() - pssAt > 1000) {
      pssAt = performance.now();
      const postgres = trees.postgres.reduce((sum, p) => sum + pssBytes(p), 0);
      const node = [...trees.supervisor, ...trees.web, ...trees.runner].reduce((sum, p) => sum + pssBytes(p), 0);
      peak.postgres = Math.max(peak.postgres, postgres);
      peak.total = Math.max(peak.total, postgres + node);
    }
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      pssAt = -Infinity;
      sample();
      return { ...peak };
    },
  };
}

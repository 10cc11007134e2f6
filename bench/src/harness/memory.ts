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

/** The processes of one `pnpm start`, each measured as a tree except the supervisor (its children are the others). */
export interface StackPids {
  supervisor: number;
  web: number;
  runner: number;
  /** The postmaster; its backends are its children. */
  postgres: number;
}
export type StackMemory = { [K in keyof StackPids]: number } & { total: number };

export interface StackMemorySampler {
  stop(): StackMemory;
}

/**
 * Samples the resident memory of the supervisor (itself), the web server, the runner and
 * PostgreSQL (each with its children) at the same instants every `intervalMs`, and keeps the peak
 * of each and the peak of their sum (the whole tree, which need not be the sum of the peaks).
 */
export function sampleStackMemory(pids: StackPids, intervalMs = 100): StackMemorySampler {
  const peak: StackMemory = { supervisor: 0, web: 0, runner: 0, postgres: 0, total: 0 };
  const trees: { [K in keyof StackPids]: number[] } = { supervisor: [pids.supervisor], web: [], runner: [], postgres: [] };
  let treesAt = -Infinity;
  const sample = () => {
    if (performance.now() - treesAt > 1000) {
      for (const name of ["web", "runner", "postgres"] as const) trees[name] = [pids[name], ...descendants(pids[name])];
      treesAt = performance.now();
    }
    let total = 0;
    for (const name of ["supervisor", "web", "runner", "postgres"] as const) {
      const bytes = trees[name].reduce((sum, p) => sum + rssBytes(p), 0);
      peak[name] = Math.max(peak[name], bytes);
      total += bytes;
    }
    peak.total = Math.max(peak.total, total);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { ...peak };
    },
  };
}

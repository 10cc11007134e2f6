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

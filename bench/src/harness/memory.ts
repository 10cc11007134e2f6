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
  const sample = () => {
    const total = [pid, ...descendants(pid)].reduce((sum, p) => sum + rssBytes(p), 0);
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

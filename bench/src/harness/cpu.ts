import { readFileSync } from "node:fs";
import { descendants } from "./processes";

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function cpuTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime and stime are fields 14 and 15 of /proc/<pid>/stat (11 and 12 after the name).
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

/**
 * CPU seconds (user + system) used so far by a process and its live children. Take the
 * difference of two readings around a load to get the CPU it cost, which holds even when
 * other work shares the machine (unlike wall-clock throughput).
 */
export function cpuSeconds(pid: number): number {
  return [pid, ...descendants(pid)].reduce((sum, p) => sum + cpuTicks(p), 0) / TICKS_PER_SECOND;
}

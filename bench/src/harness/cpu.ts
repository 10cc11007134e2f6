import { readFileSync } from "node:fs";
import { descendants } from "./processes";

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function cpuTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime, stime, cutime, cstime: fields 14–17 of /proc/<pid>/stat (11–14 after the name).
    // cutime and cstime hold the children that ended (e.g. a PostgreSQL backend whose connection closed).
    return Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
  } catch {
    return 0;
  }
}

/**
 * CPU seconds (user + system) used so far by a process and its children, live or ended. Take the
 * difference of two readings around a load to get the CPU it cost, which holds even when
 * other work shares the machine (unlike wall-clock throughput).
 */
export function cpuSeconds(pid: number): number {
  return [pid, ...descendants(pid)].reduce((sum, p) => sum + cpuTicks(p), 0) / TICKS_PER_SECOND;
}

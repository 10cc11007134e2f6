/** Nearest-rank percentile of `values` (0 < p ≤ 100). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export interface LoadResult {
  concurrency: number;
  requests: number;
  errors: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

/**
 * Runs `count` calls of `task`, `concurrency` at a time, and measures each.
 * `task` resolves true on success and false on an (expected or not) error.
 */
export async function runLoad(concurrency: number, count: number, task: (index: number) => Promise<boolean>): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      const index = next++;
      const t0 = performance.now();
      const ok = await task(index).catch(() => false);
      latencies.push(performance.now() - t0);
      if (!ok) errors++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  const seconds = (performance.now() - started) / 1000;
  return {
    concurrency,
    requests: count,
    errors,
    seconds,
    perSecond: count / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}

export interface LoadLimits {
  /** Stop starting new calls after this many seconds (calls in flight finish). */
  seconds: number;
  /** And never start more than this many calls. */
  maxRequests: number;
}

/**
 * As `runLoad`, but bounded by time: calls keep starting, `concurrency` at a time,
 * until `limits.seconds` have passed or `limits.maxRequests` calls were started.
 * `requests` is the number of calls made; `perSecond` counts them over the whole run.
 */
export async function runLoadFor(concurrency: number, limits: LoadLimits, task: (index: number) => Promise<boolean>): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + limits.seconds * 1000;
  const worker = async () => {
    while (next < limits.maxRequests && performance.now() < deadline) {
      const index = next++;
      const t0 = performance.now();
      const ok = await task(index).catch(() => false);
      latencies.push(performance.now() - t0);
      if (!ok) errors++;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, limits.maxRequests)) }, worker));
  const seconds = (performance.now() - started) / 1000;
  return {
    concurrency,
    requests: latencies.length,
    errors,
    seconds,
    perSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}

// The chaos mode's events, in an order and at moments drawn from the run's seed (pure: the same
// seed gives the same schedule; schedule.test.ts).
import { Random } from "../chaos/random";

export type ChaosEventKind = "kill-web" | "kill-runner" | "restart-pgbouncer" | "stop-replica";
export const CHAOS_EVENT_KINDS: readonly ChaosEventKind[] = ["kill-web", "kill-runner", "restart-pgbouncer", "stop-replica"];

export interface ChaosEvent {
  kind: ChaosEventKind;
  /** Which web instance or runner (0 or 1); 0 for the others. */
  target: number;
  /** Pause before the event, after the previous one is over. */
  delayMs: number;
  /** How long the replica stays stopped (stop-replica only). */
  downMs: number;
}

/**
 * `cycles` events, each kind equally often (the first `cycles mod 4` kinds once more), shuffled;
 * the instance or runner alternates so both are killed; pauses between `minDelayMs` and `maxDelayMs`.
 */
export function chaosSchedule(seed: number, cycles: number, timing: { minDelayMs: number; maxDelayMs: number; minDownMs: number; maxDownMs: number }): ChaosEvent[] {
  const random = new Random(seed);
  const kinds = Array.from({ length: cycles }, (_, i) => CHAOS_EVENT_KINDS[i % CHAOS_EVENT_KINDS.length]!);
  for (let i = kinds.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [kinds[i], kinds[j]] = [kinds[j]!, kinds[i]!];
  }
  const next = { "kill-web": random.int(0, 1), "kill-runner": random.int(0, 1) };
  return kinds.map((kind) => {
    let target = 0;
    if (kind === "kill-web" || kind === "kill-runner") {
      target = next[kind];
      next[kind] = 1 - target;
    }
    return {
      kind,
      target,
      delayMs: random.int(timing.minDelayMs, timing.maxDelayMs),
      downMs: kind === "stop-replica" ? random.int(timing.minDownMs, timing.maxDownMs) : 0,
    };
  });
}

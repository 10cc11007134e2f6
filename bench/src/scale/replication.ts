// Streaming replication, as the primary sees it (pg_stat_replication) and as the replica says
// it is (pg_is_in_recovery). The parsing is pure (replication.test.ts); the sampler asks the
// primary every `intervalMs` during the load.
import pg from "pg";
import { percentile } from "../harness/stats";

/** One row of the primary's pg_stat_replication, with every value as PostgreSQL's text. */
export interface ReplicationRow {
  application_name: string;
  state: string | null;
  /** pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn): bytes of WAL written on the primary and not yet replayed. */
  replay_bytes: string | null;
  /** replay_lag as text ("00:00:00.001234"), null when nothing was waiting. */
  replay_lag: string | null;
}

export interface ReplicaLag {
  /** The replica is connected and streaming (not catching up from an archive or starting). */
  streaming: boolean;
  bytes: number;
  /** Time between a commit on the primary and its replay on the replica, as the primary last measured it. */
  ms: number;
}

/** `HH:MM:SS[.ffffff]` (or with a day part, "1 day 02:00:00") → milliseconds. */
export function intervalMs(text: string | null): number {
  if (text === null || text === "") return 0;
  const match = /^(?:(-?\d+) days? )?(-?)(\d+):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(text.trim());
  if (!match) throw new Error(`not an interval: "${text}"`);
  const days = Number(match[1] ?? 0);
  const sign = match[2] === "-" ? -1 : 1;
  const ms = (Number(match[3]) * 3600 + Number(match[4]) * 60 + Number(match[5])) * 1000;
  return days * 86_400_000 + sign * ms;
}

/** The replica named `applicationName` in pg_stat_replication's rows, or null when it is not connected. */
export function replicaLag(rows: readonly ReplicationRow[], applicationName: string): ReplicaLag | null {
  const row = rows.find((r) => r.application_name === applicationName);
  if (!row) return null;
  return {
    streaming: row.state === "streaming",
    bytes: Math.max(0, Number(row.replay_bytes ?? 0)),
    ms: Math.max(0, intervalMs(row.replay_lag)),
  };
}

export const REPLICATION_QUERY = `
  SELECT application_name, state,
         pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::text AS replay_bytes,
         replay_lag::text AS replay_lag
  FROM pg_stat_replication`;

export interface LagSummary {
  samples: number;
  /** Samples where the replica was not streaming (stopped, or catching up after a restart). */
  notStreaming: number;
  bytes: { p50: number; p95: number; max: number };
  ms: { p50: number; p95: number; max: number };
}

export function summariseLag(samples: readonly (ReplicaLag | null)[]): LagSummary {
  const streaming = samples.filter((s): s is ReplicaLag => s !== null && s.streaming);
  const bytes = streaming.map((s) => s.bytes);
  const ms = streaming.map((s) => s.ms);
  const stats = (values: number[]) => ({ p50: values.length ? percentile(values, 50) : 0, p95: values.length ? percentile(values, 95) : 0, max: values.length ? Math.max(...values) : 0 });
  return { samples: samples.length, notStreaming: samples.length - streaming.length, bytes: stats(bytes), ms: stats(ms) };
}

/** Asks the primary for the replica's lag every `intervalMs` until stopped. */
export function sampleLag(primaryUrl: string, applicationName: string, intervalMs = 250) {
  const samples: (ReplicaLag | null)[] = [];
  const client = new pg.Client({ connectionString: primaryUrl, application_name: "fairlance-scale-lag" });
  let stopped = false;
  const connected = client.connect();
  const loop = (async () => {
    await connected;
    while (!stopped) {
      try {
        const { rows } = await client.query<ReplicationRow>(REPLICATION_QUERY);
        samples.push(replicaLag(rows, applicationName));
      } catch {
        samples.push(null);
      }
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  })();
  return {
    /** Samples since `from` (an index from `mark()`), summarised. */
    mark: () => samples.length,
    since: (from: number) => summariseLag(samples.slice(from)),
    async stop(): Promise<LagSummary> {
      stopped = true;
      await loop.catch(() => undefined);
      await client.end().catch(() => undefined);
      return summariseLag(samples);
    },
  };
}

/** Waits until the replica has replayed everything the primary had written when called (or the timeout). */
export async function waitForReplay(primaryUrl: string, applicationName: string, timeoutMs = 60_000): Promise<boolean> {
  const client = new pg.Client({ connectionString: primaryUrl });
  await client.connect();
  try {
    const { rows: [target] } = await client.query<{ lsn: string }>("SELECT pg_current_wal_lsn()::text AS lsn");
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const { rows } = await client.query<{ done: boolean }>(
        "SELECT pg_wal_lsn_diff(replay_lsn, $1::pg_lsn) >= 0 AS done FROM pg_stat_replication WHERE application_name = $2",
        [target!.lsn, applicationName],
      );
      if (rows[0]?.done) return true;
      await new Promise((r) => setTimeout(r, 200));
    }
    return false;
  } finally {
    await client.end();
  }
}

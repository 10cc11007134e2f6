import { describe, expect, it } from "vitest";
import { intervalMs, replicaLag, summariseLag } from "./replication";

describe("intervalMs", () => {
  it("reads PostgreSQL's interval text", () => {
    expect(intervalMs("00:00:00.001234")).toBeCloseTo(1.234, 6);
    expect(intervalMs("00:01:02.5")).toBe(62_500);
    expect(intervalMs("1 day 02:00:00")).toBe(93_600_000);
    expect(intervalMs(null)).toBe(0);
  });
  it("refuses anything else", () => expect(() => intervalMs("soon")).toThrow(/not an interval/));
});

describe("replicaLag", () => {
  const rows = [
    { application_name: "other", state: "streaming", replay_bytes: "999", replay_lag: "00:00:01" },
    { application_name: "replica1", state: "streaming", replay_bytes: "4096", replay_lag: "00:00:00.0125" },
  ];
  it("finds the replica by name", () => expect(replicaLag(rows, "replica1")).toEqual({ streaming: true, bytes: 4096, ms: 12.5 }));
  it("is null when the replica is not connected", () => expect(replicaLag(rows, "replica2")).toBeNull());
  it("says when it is catching up rather than streaming, and reads missing figures as 0", () => {
    expect(replicaLag([{ application_name: "replica1", state: "catchup", replay_bytes: null, replay_lag: null }], "replica1")).toEqual({ streaming: false, bytes: 0, ms: 0 });
  });
});

describe("summariseLag", () => {
  it("summarises the streaming samples and counts the others", () => {
    const samples = [null, { streaming: false, bytes: 10, ms: 10 }, ...Array.from({ length: 20 }, (_, i) => ({ streaming: true, bytes: i * 100, ms: i }))];
    const summary = summariseLag(samples);
    expect(summary.samples).toBe(22);
    expect(summary.notStreaming).toBe(2);
    expect(summary.bytes.max).toBe(1900);
    expect(summary.bytes.p95).toBe(1800);
    expect(summary.ms.p50).toBe(9);
  });
  it("is zeros without samples", () => expect(summariseLag([]).bytes).toEqual({ p50: 0, p95: 0, max: 0 }));
});

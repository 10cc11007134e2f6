import { describe, expect, it } from "vitest";
import { niceTicks, tickLabel, xLabels } from "./chart-scale";

describe("niceTicks", () => {
  it.each([
    [40_000, "money", [0, 10_000, 20_000, 30_000, 40_000]],
    [35_000, "money", [0, 10_000, 20_000, 30_000, 40_000]],
    [123_456, "money", [0, 50_000, 100_000, 150_000]],
    [10_000, "money", [0, 5_000, 10_000]],
    [0, "money", [0, 100]],
    [50, "money", [0, 100]],
    [3, "count", [0, 1, 2, 3]],
    [7, "count", [0, 2, 4, 6, 8]],
    [0, "count", [0, 1]],
    [1_250, "count", [0, 500, 1_000, 1_500]],
  ] as const)("up to %d (%s): %j", (max, unit, ticks) => {
    expect(niceTicks(max, unit)).toEqual(ticks);
  });

  it("always reaches the largest value in a few round steps", () => {
    for (let max = 1; max < 5_000_000; max = Math.ceil(max * 1.37)) {
      for (const unit of ["money", "count"] as const) {
        const ticks = niceTicks(max, unit);
        expect(ticks.at(-1)!).toBeGreaterThanOrEqual(max);
        expect(ticks.length).toBeGreaterThanOrEqual(2);
        expect(ticks.length).toBeLessThanOrEqual(6);
        const step = ticks[1]! - ticks[0]!;
        expect(Number.isInteger(step)).toBe(true);
        expect(`${step}`).toMatch(/^[125]0*$/);
      }
    }
  });
});

describe("tickLabel", () => {
  it.each([
    [0, "money", "$0"],
    [40_000, "money", "$400"],
    [99_900, "money", "$999"],
    [100_000, "money", "$1k"],
    [150_000, "money", "$1.5k"],
    [2_500_000, "money", "$25k"],
    [200_000_000, "money", "$2M"],
    [40, "count", "40"],
    [1_200, "count", "1.2k"],
  ] as const)("%d (%s) reads %s", (value, unit, label) => {
    expect(tickLabel(value, unit)).toBe(label);
  });
});

describe("xLabels", () => {
  const labelled = (rows: { labelled: boolean }[]) => rows.flatMap((row, index) => (row.labelled ? [index] : []));
  const onPhones = (rows: { onPhones: boolean }[]) => rows.flatMap((row, index) => (row.onPhones ? [index] : []));

  it("names twelve weeks every other week, and every fourth on a phone, always the latest", () => {
    const rows = xLabels(12, 6, 3);
    expect(labelled(rows)).toEqual([1, 3, 5, 7, 9, 11]);
    expect(onPhones(rows)).toEqual([3, 7, 11]);
  });

  it("names every category when there are few", () => {
    expect(labelled(xLabels(3, 6, 3))).toEqual([0, 1, 2]);
    expect(onPhones(xLabels(3, 6, 3))).toEqual([0, 1, 2]);
    expect(xLabels(0, 6, 3)).toEqual([]);
  });

  it("never names more than asked, and names on phones only what it names elsewhere", () => {
    for (let count = 1; count <= 60; count++) {
      const rows = xLabels(count, 6, 3);
      expect(labelled(rows).length).toBeLessThanOrEqual(6);
      expect(onPhones(rows).length).toBeLessThanOrEqual(3);
      expect(rows.every((row) => !row.onPhones || row.labelled)).toBe(true);
      expect(rows.at(-1)).toEqual({ labelled: true, onPhones: true });
    }
  });
});

import { describe, expect, it } from "vitest";
import { changesSummary, taskLabel } from "./run-text";

describe("taskLabel", () => {
  it("says a task in words", () => {
    expect(taskLabel("auto_approve_milestones")).toBe("Approve milestones automatically");
    expect(taskLabel("some_new_task")).toBe("Some new task");
  });
});

describe("changesSummary", () => {
  it("never formats an id as money", () => {
    expect(changesSummary({ reportId: 1n })).toBe("report id 1");
    expect(changesSummary({ released: 3, amountMinor: 1_200n })).toBe("released 3 · amount $12.00");
  });
  it("is short", () => {
    expect(changesSummary({ a: 1, b: 2, c: 3, d: 4, e: 5, f: 6 })).toBe("a 1 · b 2 · c 3 · d 4 · and 2 more");
    expect(changesSummary({})).toBe("nothing changed");
    expect(changesSummary(null)).toBe("—");
  });
});

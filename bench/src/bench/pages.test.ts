import { describe, expect, it } from "vitest";
import type { LighthouseRun } from "./lighthouse";
import { missedTargets } from "./pages";

const run = (overrides: Partial<Omit<LighthouseRun, "diagnosis">> & { diagnosis?: Partial<LighthouseRun["diagnosis"]> } = {}): LighthouseRun => ({
  reportFile: "x.json",
  finalUrl: "http://localhost/",
  scores: { performance: 97, accessibility: 100, bestPractices: 100 },
  lcpMs: 1_690,
  tbtMs: 120,
  cls: 0,
  failing: { accessibility: [], bestPractices: [] },
  benchmarkIndex: 2266,
  userAgent: "",
  lighthouseVersion: "12.2.3",
  warnings: [],
  ...overrides,
  diagnosis: {
    serverResponseMs: 20,
    lcpElement: null,
    lcpPhases: [],
    renderBlocking: [],
    longTasks: [],
    layoutShifts: [],
    consoleErrors: [],
    observedLcpMs: 245,
    scriptBytesBeforeLcp: 172_851,
    scriptEvaluationMs: 557.4,
    ...overrides.diagnosis,
  },
});

describe("missedTargets", () => {
  it("a page at every target misses nothing", () => {
    expect(missedTargets(run())).toEqual([]);
  });

  it("says why the LCP and the TBT missed, from the report's own figures", () => {
    expect(missedTargets(run({ scores: { performance: 95, accessibility: 100, bestPractices: 100 }, lcpMs: 2_451, tbtMs: 164 }))).toEqual([
      "LCP 2.45 s > 2.0 s (painted at 0.24 s unthrottled; the simulated slow 4G first downloads the 168.8 KB of JavaScript requested before that paint)",
      "TBT 164 ms > 150 ms (script evaluation 557 ms at the 4× slowdown)",
    ]);
  });

  it("names only the figure when the report does not say why", () => {
    const missed = missedTargets(run({ lcpMs: 2_451, tbtMs: 164, diagnosis: { observedLcpMs: null, scriptBytesBeforeLcp: 0, scriptEvaluationMs: null } }));
    expect(missed).toEqual(["LCP 2.45 s > 2.0 s", "TBT 164 ms > 150 ms"]);
  });

  it("counts accessibility and best practices below 100 with the failing audits", () => {
    const missed = missedTargets(run({ scores: { performance: 97, accessibility: 96, bestPractices: 100 }, failing: { accessibility: [{ id: "color-contrast", example: "<a>" }], bestPractices: [] } }));
    expect(missed).toHaveLength(1);
    expect(missed[0]).toMatch(/^accessibility 96 < 100.*color-contrast/);
  });
});

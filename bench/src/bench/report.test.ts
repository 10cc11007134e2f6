import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RESULTS_END, RESULTS_START, targets, writeResults, type Results } from "./report";

const file = () => join(mkdtempSync(join(tmpdir(), "bench-report-")), "BENCHMARKS.md");

describe("writeResults", () => {
  it("replaces a full run's section and keeps the hand-written text around it", () => {
    const path = file();
    writeFileSync(path, `# Benchmarks\n\nBy hand.\n\n${RESULTS_START}\nold\n${RESULTS_END}\n\nAfter.\n`);
    writeResults(path, "new");
    expect(readFileSync(path, "utf8")).toBe(`# Benchmarks\n\nBy hand.\n\n${RESULTS_START}\nnew\n${RESULTS_END}\n\nAfter.\n`);
  });

  it("gives a partial run a section of its own, so the full run's figures stay", () => {
    const path = file();
    writeFileSync(path, `# Benchmarks\n\n${RESULTS_START}\nfull run\n${RESULTS_END}\n`);
    writeResults(path, "pages, first", ["pages"]);
    writeResults(path, "pages, second", ["pages"]);
    writeResults(path, "search and ledger", ["search", "ledger"]);
    const text = readFileSync(path, "utf8");
    expect(text).toContain(`${RESULTS_START}\nfull run\n${RESULTS_END}`);
    expect(text).toContain("## Latest results of `pnpm bench --only pages`\n\n<!-- bench:results:only=pages:start -->\npages, second\n<!-- bench:results:only=pages:end -->");
    expect(text).not.toContain("pages, first");
    expect(text).toContain("<!-- bench:results:only=ledger,search:start -->\nsearch and ledger\n");
  });

  it("appends the full run's section to a file that has none", () => {
    const path = file();
    writeFileSync(path, "# Benchmarks\n");
    writeResults(path, "figures");
    expect(readFileSync(path, "utf8")).toBe(`# Benchmarks\n\n## Latest results\n\n${RESULTS_START}\nfigures\n${RESULTS_END}\n`);
  });
});

describe("the proposal targets", () => {
  const load = (concurrency: number, perSecond: number, p99: number, errors = 0) => ({ concurrency, requests: 100, errors, seconds: 1, perSecond, p50: p99 / 2, p95: p99, p99 });
  const cpu = (server: number) => ({ server, database: 3, client: 1 });
  const run = (full: { perSecond: number; p99: number; server: number; errors?: number }) =>
    ({
      proposals: {
        levels: [10, 50, 100].map((concurrency) => ({
          concurrency,
          full: load(concurrency, full.perSecond, full.p99, concurrency === 100 ? (full.errors ?? 0) : 0),
          floor: load(concurrency, 200, 100),
          fullCpu: cpu(full.server),
          floorCpu: cpu(1),
          ratio: full.perSecond / 200,
        })),
        succeeded: 300,
      },
    }) as unknown as Results;
  const verdicts = (results: Results) => Object.fromEntries(targets(results).map((t) => [t.name, `${t.actual} ${t.ok ? "ok" : "MISSED"}`]));

  it("prints the ratio, the p99 and the server's CPU per proposal at 50 in flight, and the errors, met or missed", () => {
    expect(verdicts(run({ perSecond: 150, p99: 200, server: 4.2 }))).toEqual({
      "Proposals: full stack ÷ floor at 50 concurrent": "0.75 ok",
      "Proposals: full-stack p99 at 50 concurrent": "200 ms ok",
      "Proposals: web server CPU per proposal at 50 concurrent": "4.2 ms ok",
      "Proposals: full-stack errors at every level": "0 ok",
    });
    expect(verdicts(run({ perSecond: 60, p99: 900, server: 12, errors: 3 }))).toEqual({
      "Proposals: full stack ÷ floor at 50 concurrent": "0.30 MISSED",
      "Proposals: full-stack p99 at 50 concurrent": "900 ms MISSED",
      "Proposals: web server CPU per proposal at 50 concurrent": "12 ms MISSED",
      "Proposals: full-stack errors at every level": "3 MISSED",
    });
  });
});

import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RESULTS_END, RESULTS_START, writeResults } from "./report";

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

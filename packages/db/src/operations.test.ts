import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { OPERATIONS } from "./operations";
import { MIGRATIONS_DIR } from "./paths";

describe("operation names", () => {
  it("are <area>.<action> in camelCase, each once, in order", () => {
    for (const name of OPERATIONS) expect(name).toMatch(/^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/);
    expect([...OPERATIONS].sort()).toEqual([...OPERATIONS]);
    expect(new Set(OPERATIONS).size).toBe(OPERATIONS.length);
  });

  it("include every name the last rename migration gives", () => {
    const sql = readFileSync(join(MIGRATIONS_DIR, "20261203040000_operation_names", "migration.sql"), "utf8");
    const renames = sql.slice(sql.indexOf("INSERT INTO operation_rename"), sql.indexOf("CREATE TEMPORARY TABLE key_prefix_rename"));
    const given = [...renames.matchAll(/\('[^']+', '([^']+)'\)/g)].map((match) => match[1]);
    expect(given.length).toBeGreaterThan(20);
    for (const name of given) expect(OPERATIONS).toContain(name);
  });
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { dbEnvSpec, documentedDefault, type EnvSpec } from "@fairlance/db/env";
import { benchEnvSpec } from "../../../../bench/src/env";
import { e2eEnvSpec } from "../../../../e2e/env";
import { webEnvSpec } from "../../env";

const README = new URL("../../../../README.md", import.meta.url);
const SCHEMAS: Record<string, EnvSpec> = { "packages/db/src/env.ts": dbEnvSpec, "apps/web/env.ts": webEnvSpec, "bench/src/env.ts": benchEnvSpec, "e2e/env.ts": e2eEnvSpec };

/** The README's configuration table: variable → what its Default column says. */
function readmeTable(): Map<string, string> {
  const text = readFileSync(README, "utf8");
  const section = text.slice(text.indexOf("\n## Configuration\n"), text.indexOf("\n## ", text.indexOf("\n## Configuration\n") + 1));
  const rows = section.split("\n").filter((line) => /^\| `[A-Z0-9_]+` \|/.test(line));
  return new Map(rows.map((row) => {
    const [name = "", fallback = ""] = row.split("|").slice(1).map((cell) => cell.trim());
    return [name.replaceAll("`", ""), fallback];
  }));
}

describe("the README's configuration table", () => {
  const table = readmeTable();
  const schemas = Object.entries(SCHEMAS).flatMap(([file, spec]) => Object.entries(spec).map(([name, variable]) => ({ file, name, fallback: documentedDefault(variable) })));

  it("names each variable of the schemas once, with the schema's default", () => {
    expect(table.size).toBeGreaterThan(10);
    const declared = new Map<string, string>();
    for (const { file, name, fallback } of schemas) {
      expect(declared.get(name), `${name} is declared in ${declared.get(name)} and ${file}; one package owns it`).toBeUndefined();
      declared.set(name, file);
      expect(table.get(name), `README.md's Default of ${name} (${file})`).toBe(fallback);
    }
  });

  it("lists no variable that no schema reads", () => {
    const declared = new Set(schemas.map(({ name }) => name));
    expect([...table.keys()].filter((name) => !declared.has(name))).toEqual([]);
  });
});

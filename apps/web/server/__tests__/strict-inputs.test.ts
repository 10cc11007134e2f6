import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { procedures } from "../http/procedures";

/**
 * A field a procedure does not take is refused, never silently dropped (`role: "ADMIN"` on a
 * grant, `status` on a card): every input schema is strict (z.strictObject), which this checks
 * for every procedure, present and future, by sending each one a field nobody declares.
 */
describe("every procedure's input refuses fields it does not declare", () => {
  const withInputs = Object.entries(procedures).filter(([, procedure]) => (procedure?._def.inputs.length ?? 0) > 0);

  it("covers the procedures that take input", () => {
    expect(withInputs.length).toBeGreaterThan(60);
  });

  it.each(withInputs.map(([path, procedure]) => [path, procedure!._def.inputs as z.ZodType[]] as const))("%s", (path, inputs) => {
    for (const input of inputs) {
      const result = input.safeParse({ notAFieldAnyoneDeclares: true });
      expect(result.success, path).toBe(false);
      const codes = result.error!.issues.map((issue) => issue.code);
      expect(codes, `${path} accepted an undeclared field`).toContain("unrecognized_keys");
    }
  });
});

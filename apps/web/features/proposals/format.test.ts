import { describe, expect, it } from "vitest";
import { formatConnectsSpent } from "./format";

describe("formatConnectsSpent", () => {
  it("shows the boost only when there is one", () => {
    expect(formatConnectsSpent(5, 0)).toBe("5 connects");
    expect(formatConnectsSpent(5, 2)).toBe("7 connects (5 + 2 boost)");
    expect(formatConnectsSpent(1, 0)).toBe("1 connect");
  });
});

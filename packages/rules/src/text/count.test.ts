import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatConnects, formatCount, formatMinutes } from "./count";

describe("formatCount", () => {
  it("says one thing in the singular and any other count in the plural", () => {
    expect(formatConnects(1)).toBe("1 connect");
    expect(formatConnects(1n)).toBe("1 connect");
    expect(formatConnects(0)).toBe("0 connects");
    expect(formatConnects(2)).toBe("2 connects");
    expect(formatConnects(-1)).toBe("-1 connects");
    expect(formatConnects(1500)).toBe("1,500 connects");
    expect(formatCount(1, "day")).toBe("1 day");
    expect(formatCount(3, "proposal")).toBe("3 proposals");
    expect(formatCount(2, "person", "people")).toBe("2 people");
  });

  it("is singular exactly for one (property)", () => {
    fc.assert(fc.property(fc.integer(), (n) => formatConnects(n).endsWith("connects") === (n !== 1)));
  });
});

describe("formatMinutes", () => {
  it("says hours and minutes in whole numbers", () => {
    expect(formatMinutes(45)).toBe("45 min");
    expect(formatMinutes(120)).toBe("2 h");
    expect(formatMinutes(200)).toBe("3 h 20 min");
  });
});

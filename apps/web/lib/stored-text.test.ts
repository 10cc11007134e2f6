import { describe, expect, it } from "vitest";
import { storedText } from "./stored-text";

describe("storedText", () => {
  it("shows decoded stored values as one line: cents with ¢, dates as ISO text", () => {
    expect(storedText({ value: 1499n, at: new Date("2026-12-02T18:00:00.000Z"), title: "42n" })).toBe('{"value":"1499¢","at":"2026-12-02T18:00:00.000Z","title":"42n"}');
    expect(storedText(null)).toBe("—");
    expect(storedText(undefined)).toBe("—");
  });
});

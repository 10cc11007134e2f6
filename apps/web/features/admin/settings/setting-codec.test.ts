import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "@fairlance/rules";
import { textToValue, valueToText } from "./setting-codec";

const read = (text: string) => textToValue("rate_card", text, false);

describe("the rate card, typed one tier per line", () => {
  it("shows the default card in words and reads it back to the same tiers", () => {
    const text = valueToText("rate_card", DEFAULT_SETTINGS.connectRateCard);
    expect(text).toBe(
      ["up to $50.00: 2 connects, 1 if at most 1 day", "up to $600.00: 4 connects, 3 if at most 6 days", "and above: 6 connects, 5 if at most 29 days"].join("\n"),
    );
    expect(read(text)).toEqual({ ok: true, value: DEFAULT_SETTINGS.connectRateCard });
  });

  it("takes amounts with commas, one connect, blank lines and any case", () => {
    expect(read("Up to $1,250.50: 1 connect, 0 if at most 1 day\n\n  and above: 3 connects, 2 if at most 10 days.  ")).toEqual({
      ok: true,
      value: { tiers: [{ upToMinor: 125_050n, connects: 1, shortConnects: 0, shortMaxDays: 1 }, { upToMinor: null, connects: 3, shortConnects: 2, shortMaxDays: 10 }] },
    });
  });

  it("names the line of each problem", () => {
    expect(read("")).toEqual({ ok: false, error: "Enter at least one tier, one per line." });
    expect(read("up to $50: 2 connects, 1 if at most 1 day\n6 connects for the rest")).toMatchObject({ ok: false, error: expect.stringMatching(/^Line 2: write each tier like "up to \$600.00: 4 connects/) });
    expect(read("and above: 2 connects, 1 if at most 1 day\nand above: 6 connects, 5 if at most 29 days")).toMatchObject({ ok: false, error: 'Line 1: only the last tier is "and above"; the others go "up to" an amount.' });
    expect(read("up to $50: 2 connects, 1 if at most 1 day")).toMatchObject({ ok: false, error: 'Line 1: the last tier is "and above", so that every job has a price.' });
    expect(read("up to $600: 4 connects, 3 if at most 6 days\nup to $50: 2 connects, 1 if at most 1 day\nand above: 6 connects, 5 if at most 29 days")).toMatchObject({
      ok: false,
      error: "Line 2: each tier must go up to more than the one before.",
    });
    expect(read("up to $5.005: 2 connects, 1 if at most 1 day\nand above: 6 connects, 5 if at most 29 days")).toMatchObject({ ok: false, error: "Line 1: Amounts are in whole cents: use at most two decimals." });
  });
});

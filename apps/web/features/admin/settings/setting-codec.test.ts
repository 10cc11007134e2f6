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
    // Blank lines count, so the number is the line the admin sees.
    expect(read("up to $50: 2 connects, 1 if at most 1 day\n\nsix connects for the rest")).toMatchObject({ ok: false, error: expect.stringMatching(/^Line 3: /) });
    expect(read("and above: 2 connects, 1 if at most 1 day\nand above: 6 connects, 5 if at most 29 days")).toMatchObject({ ok: false, error: 'Line 1: only the last tier is "and above"; the others go "up to" an amount.' });
    expect(read("up to $50: 2 connects, 1 if at most 1 day")).toMatchObject({ ok: false, error: 'Line 1: the last tier is "and above", so that every job has a price.' });
    expect(read("up to $600: 4 connects, 3 if at most 6 days\nup to $50: 2 connects, 1 if at most 1 day\nand above: 6 connects, 5 if at most 29 days")).toMatchObject({
      ok: false,
      error: "Line 2: each tier must go up to more than the one before.",
    });
    expect(read("up to $5.005: 2 connects, 1 if at most 1 day\nand above: 6 connects, 5 if at most 29 days")).toMatchObject({ ok: false, error: "Line 1: Amounts are in whole cents: use at most two decimals." });
  });
});

describe("the service fee schedule, typed as its model and one band per line", () => {
  const read = (text: string) => textToValue("fee_schedule", text, false);

  it("shows the default tiered schedule in words and reads it back", () => {
    const text = valueToText("fee_schedule", DEFAULT_SETTINGS.feeSchedule);
    expect(text).toBe(["tiered, by all a freelancer has billed one client", "up to $500.00: 20%", "up to $10,000.00: 10%", "and above: 5%"].join("\n"));
    expect(read(text)).toEqual({ ok: true, value: DEFAULT_SETTINGS.feeSchedule });
  });

  it("reads a variable schedule with fractions of a percent, and a flat fee on one line", () => {
    expect(read("Variable\nup to $1,000: 12.5%\nand above: 7.25")).toEqual({
      ok: true,
      value: { model: "variable", bands: [{ upToMinor: 100_000n, rateBps: 1250 }, { upToMinor: null, rateBps: 725 }] },
    });
    expect(read("flat: 3%")).toEqual({ ok: true, value: { model: "flat", rateBps: 300 } });
    expect(valueToText("fee_schedule", { model: "flat", rateBps: 250 })).toBe("flat: 2.5%");
  });

  it("names the line of each problem, counting the model's line", () => {
    expect(read("up to $500: 20%\nand above: 5%")).toEqual({ ok: false, error: 'Line 1: start with the model: "tiered", "variable", or "flat: 10%".' });
    expect(read("tiered")).toEqual({ ok: false, error: "Add the bands, one per line, after the model." });
    expect(read("flat: 3%\nand above: 5%")).toEqual({ ok: false, error: "A flat fee is one line: remove the bands, or choose tiered or variable." });
    expect(read("tiered\nup to $500: twenty\nand above: 5%")).toEqual({ ok: false, error: "Line 2: Enter a percentage like 3 or 2.5 (at most two decimals)." });
    expect(read("tiered\nup to $500: 20%\nup to $100: 10%\nand above: 5%")).toEqual({ ok: false, error: "Line 3: each band must go up to more than the one before." });
    expect(read("tiered\nup to $500: 20%")).toEqual({ ok: false, error: 'Line 2: the last band is "and above", so that every amount has a rate.' });
  });
});

describe("the payout method fees, one method per line", () => {
  const read = (text: string) => textToValue("payout_fees", text, false);

  it("shows the defaults in words and reads them back, in any order and case", () => {
    const text = valueToText("payout_fees", DEFAULT_SETTINGS.payoutMethodFeesMinor);
    expect(text).toBe(["ach: $0.00", "local bank: $0.99", "paypal: $2.00", "instant: $2.00", "wire: $30.00"].join("\n"));
    expect(read(text)).toEqual({ ok: true, value: DEFAULT_SETTINGS.payoutMethodFeesMinor });
    expect(read("Wire: 25\nACH: 0\nlocal bank: $1\nPayPal: 2.50\ninstant: 0.99")).toEqual({ ok: true, value: { wire: 2500n, ach: 0n, local_bank: 100n, paypal: 250n, instant: 99n } });
  });

  it("names a line it cannot read, a method twice, and the methods left out", () => {
    expect(read("venmo: $1")).toEqual({ ok: false, error: 'Line 1: write each method\'s fee like "paypal: $2.00", for ach, local bank, paypal, instant, wire.' });
    expect(read("ach: 0\nach: 1")).toEqual({ ok: false, error: "Line 2: ach is already on an earlier line." });
    expect(read("ach: 0\nwire: 30")).toEqual({ ok: false, error: "Add a line for local bank, paypal, instant." });
    expect(read("ach: -1")).toMatchObject({ ok: false, error: "Line 1: The amount cannot be negative." });
  });
});

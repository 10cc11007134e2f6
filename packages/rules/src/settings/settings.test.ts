import { describe, expect, it } from "vitest";
import { isRuleViolation } from "../errors";
import { expectViolation, utc } from "../test-utils";
import { DEFAULT_SETTINGS } from "./defaults";
import { isSettingKey, SETTING_DEFINITIONS, SETTING_KEYS } from "./definitions";
import { settingValueFromJson, settingValueToJson } from "./json";
import { applySettingChange, MarketplaceSettingsSchema, validateSettingValue } from "./settings";
import { resolveSettings } from "./versions";
import { legacyTagged } from "../codec/legacy";

/** A value as the settings table stored it before the typed encoding. */
const storedBefore = (value: unknown) => JSON.parse(JSON.stringify(legacyTagged(value))) as unknown;

describe("DEFAULT_SETTINGS", () => {
  it("holds every number of economy.md and passes its own schema", () => {
    expect(MarketplaceSettingsSchema.parse(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.signupConnects).toBe(20);
    expect(DEFAULT_SETTINGS.membershipPriceMinor).toBe(1499n);
    expect(DEFAULT_SETTINGS.connectRolloverCap).toBe(140);
    expect(DEFAULT_SETTINGS.payoutMethodFeesMinor.wire).toBe(3000n);
    expect(DEFAULT_SETTINGS.clientFeeBps).toBe(300);
  });

  it("holds the reputation values of economy.md §10", () => {
    expect(DEFAULT_SETTINGS.feedbackWindowDays).toBe(14);
    expect(DEFAULT_SETTINGS.jssMinContracts).toBe(3);
    expect(DEFAULT_SETTINGS.jssWindowMonths).toBe(24);
    expect(DEFAULT_SETTINGS.jssLongTermContracts).toBe(3);
    expect(DEFAULT_SETTINGS.jssLongTermPaidMinor).toBe(100_000n);
    for (const key of ["feedbackWindowDays", "jssMinContracts", "jssWindowMonths", "jssLongTermContracts", "jssLongTermPaidMinor"] as const) {
      expect(SETTING_DEFINITIONS[key].group).toBe("trust");
    }
  });

  it("is frozen all the way down", () => {
    expect(Object.isFrozen(DEFAULT_SETTINGS)).toBe(true);
    expect(Object.isFrozen(DEFAULT_SETTINGS.connectBundleSizes)).toBe(true);
    expect(Object.isFrozen(DEFAULT_SETTINGS.connectRateCard.tiers[0])).toBe(true);
  });

  it("has one definition, with a label and description, per key", () => {
    expect([...SETTING_KEYS].sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
    for (const key of SETTING_KEYS) {
      expect(SETTING_DEFINITIONS[key].label.length).toBeGreaterThan(0);
      expect(SETTING_DEFINITIONS[key].description.length).toBeGreaterThan(0);
    }
    expect(isSettingKey("clientFeeBps")).toBe(true);
    expect(isSettingKey("toString")).toBe(false);
  });
});

describe("validating an admin's edit of one key", () => {
  it("accepts valid values", () => {
    expect(validateSettingValue("clientFeeBps", 0)).toBe(0);
    expect(validateSettingValue("clientFeeBps", 10_000)).toBe(10_000);
    expect(validateSettingValue("connectRolloverCap", null)).toBeNull();
    expect(validateSettingValue("connectPriceMinor", 20n)).toBe(20n);
    expect(validateSettingValue("feeSchedule", { model: "flat", rateBps: 1000 })).toEqual({ model: "flat", rateBps: 1000 });
  });

  it.each([
    ["clientFeeBps", 10_001],
    ["clientFeeBps", -1],
    ["clientFeeBps", 2.5],
    ["connectPriceMinor", -1n],
    ["connectPriceMinor", 15],
    ["connectBundleSizes", [10, 0]],
    ["connectBundleSizes", [10, 10]],
    ["connectBundleSizes", [1.5]],
    ["connectBundleSizes", []],
    ["connectLotExpiryDays", 0],
    ["signupConnects", -5],
    ["feeSchedule", { model: "tiered", bands: [{ upToMinor: 1000n, rateBps: 2000 }, { upToMinor: 500n, rateBps: 1000 }, { upToMinor: null, rateBps: 500 }] }],
    ["feeSchedule", { model: "tiered", bands: [{ upToMinor: 1000n, rateBps: 2000 }] }],
    ["feeSchedule", { model: "tiered", bands: [{ upToMinor: null, rateBps: 2000 }, { upToMinor: null, rateBps: 100 }] }],
    ["feeSchedule", { model: "variable", bands: [] }],
    ["feeSchedule", { model: "tiered", bands: [{ upToMinor: 0n, rateBps: 10 }, { upToMinor: null, rateBps: 10 }] }],
    ["feeSchedule", { model: "flat", rateBps: 10_001 }],
    ["feeSchedule", { model: "weird", rateBps: 10 }],
    ["connectRateCard", { tiers: [{ upToMinor: 100n, connects: 2, shortConnects: 1, shortMaxDays: 1 }] }],
    ["payoutMethodFeesMinor", { ach: 0n, local_bank: 99n, paypal: 200n, instant: 200n }],
    ["scamShieldPatterns", [{ id: "bad", label: "Bad", category: "contact", source: "(", flags: "" }]],
    ["scamShieldPatterns", [{ id: "bad", label: "Bad", category: "contact", source: "a", flags: "g" }]],
    ["scamShieldPatterns", [{ id: "bad", label: "Bad", category: "contact", source: "a", flags: "ii" }]],
    ["scamShieldPatterns", [{ id: "a", label: "A", category: "contact", source: "a", flags: "" }, { id: "a", label: "B", category: "payment", source: "b", flags: "" }]],
    ["feedbackWindowDays", 0],
    ["feedbackWindowDays", 3_651],
    ["jssMinContracts", 0],
    ["jssMinContracts", 101],
    ["jssMinContracts", 2.5],
    ["jssWindowMonths", 0],
    ["jssWindowMonths", 121],
    ["jssLongTermContracts", 1],
    ["jssLongTermContracts", 101],
    ["jssLongTermPaidMinor", 0n],
    ["jssLongTermPaidMinor", 100_000],
    ["jssLongTermPaidMinor", 10_000_000_001n],
  ])("refuses %s = %o", (key, value) => {
    expectViolation(() => validateSettingValue(key, value), "SETTING_INVALID_VALUE");
  });

  it("explains what is wrong, for a person", () => {
    try {
      validateSettingValue("clientFeeBps", 20_000);
      expect.unreachable();
    } catch (error) {
      expect(isRuleViolation(error, "SETTING_INVALID_VALUE")).toBe(true);
      expect((error as Error).message).toBe("Client marketplace fee: A rate cannot be above 100%.");
    }
    try {
      validateSettingValue("feeSchedule", { model: "tiered", bands: [{ upToMinor: 5n, rateBps: 1 }] });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toContain("bands.0.upToMinor: The last band must be open-ended.");
    }
  });

  it("says what is wrong with a reputation value", () => {
    expect(() => validateSettingValue("jssLongTermContracts", 1)).toThrow("Long-term client: contracts: A long-term client has at least 2 contracts.");
    expect(() => validateSettingValue("jssLongTermPaidMinor", 0n)).toThrow("Long-term client: amount paid: The amount must be more than $0.00.");
    expect(() => validateSettingValue("jssWindowMonths", 121)).toThrow("Job Success Score window (months): At most 120 months (10 years).");
    expect(validateSettingValue("jssMinContracts", 1)).toBe(1);
    expect(validateSettingValue("feedbackWindowDays", 30)).toBe(30);
  });

  it("refuses unknown keys", () => {
    expectViolation(() => validateSettingValue("clientFee", 1), "SETTING_UNKNOWN_KEY");
  });

  it("applies a change without touching the original", () => {
    const changed = applySettingChange(DEFAULT_SETTINGS, "connectPriceMinor", 20n);
    expect(changed.connectPriceMinor).toBe(20n);
    expect(DEFAULT_SETTINGS.connectPriceMinor).toBe(15n);
    expectViolation(() => applySettingChange(DEFAULT_SETTINGS, "boostSlots", -1), "SETTING_INVALID_VALUE");
  });

  it("refuses a whole settings object with unknown or missing keys", () => {
    expect(MarketplaceSettingsSchema.safeParse({ ...DEFAULT_SETTINGS, typo: 1 }).success).toBe(false);
    const { clientFeeBps: _omitted, ...missing } = DEFAULT_SETTINGS;
    expect(MarketplaceSettingsSchema.safeParse(missing).success).toBe(false);
    expect(MarketplaceSettingsSchema.safeParse(DEFAULT_SETTINGS).success).toBe(true);
  });
});

describe("settings as JSON", () => {
  it("round-trips every default value", () => {
    for (const key of SETTING_KEYS) {
      const json = JSON.parse(JSON.stringify(settingValueToJson(DEFAULT_SETTINGS[key])));
      expect(settingValueFromJson(key, json)).toEqual(DEFAULT_SETTINGS[key]);
    }
  });

  it("stores bigints in the typed encoding", () => {
    expect(settingValueToJson({ a: [1n, "x", null, true] })).toEqual({ json: { a: ["1", "x", null, true] }, meta: { values: { "a.0": ["bigint"] }, v: 1 } });
    expect(settingValueToJson(null)).toEqual({ json: null });
    expectViolation(() => settingValueFromJson("connectPriceMinor", { json: "15" }), "SETTING_INVALID_VALUE");
  });

  it("still reads values stored as {$bigint} before the typed encoding", () => {
    expect(settingValueFromJson("connectPriceMinor", { $bigint: "15" })).toBe(15n);
    expect(settingValueFromJson("feeSchedule", storedBefore(DEFAULT_SETTINGS.feeSchedule))).toEqual(DEFAULT_SETTINGS.feeSchedule);
    expectViolation(() => settingValueFromJson("connectPriceMinor", { $bigint: "1.5" }), "SETTING_INVALID_VALUE");
    expectViolation(() => settingValueFromJson("connectPriceMinor", "15"), "SETTING_INVALID_VALUE");
  });
});

describe("resolveSettings", () => {
  const versions = [
    { key: "connectPriceMinor" as const, value: 20n, effectiveFrom: utc("2024-02-01") },
    { key: "connectPriceMinor" as const, value: 25n, effectiveFrom: utc("2024-03-01") },
    { key: "connectPriceMinor" as const, value: 30n, effectiveFrom: utc("2024-03-01") },
    { key: "clientFeeBps" as const, value: 500, effectiveFrom: utc("2024-01-15") },
    { key: "clientFeeBps" as const, value: 700, effectiveFrom: utc("2024-01-10") }, // recorded later, effective earlier
  ];

  it("uses the latest version in force, the default before any", () => {
    expect(resolveSettings(versions, utc("2024-01-01")).connectPriceMinor).toBe(15n);
    expect(resolveSettings(versions, utc("2024-02-01")).connectPriceMinor).toBe(20n);
    expect(resolveSettings(versions, utc("2024-02-29T23:59:59Z")).connectPriceMinor).toBe(20n);
    expect(resolveSettings(versions, utc("2024-03-01")).connectPriceMinor).toBe(30n);
    expect(resolveSettings(versions, utc("2024-01-20")).clientFeeBps).toBe(500);
    expect(resolveSettings([], utc("2024-01-20"))).toEqual(DEFAULT_SETTINGS);
  });

  it("refuses an invalid stored value", () => {
    expectViolation(
      () => resolveSettings([{ key: "clientFeeBps", value: -1, effectiveFrom: utc("2024-01-01") }], utc("2024-02-01")),
      "SETTING_INVALID_VALUE",
    );
  });
});

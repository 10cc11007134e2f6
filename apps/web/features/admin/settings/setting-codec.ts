import { readMoney, formatMoney } from "@/lib/money";

/** How an admin types a value of each unit, and how the typed text becomes the value sent (the server validates it). */
export type SettingRead = { ok: true; value: unknown } | { ok: false; error: string };

const JSON_UNITS = new Set(["fee_schedule", "payout_fees", "scam_patterns"]);
export const isJsonUnit = (unit: string) => JSON_UNITS.has(unit);
/** Units typed on several lines: JSON, and the rate card's one tier per line. */
export const isMultiLineUnit = (unit: string) => isJsonUnit(unit) || unit === "rate_card";

type RateCardTier = { upToMinor: bigint | null; connects: number; shortConnects: number; shortMaxDays: number };

const plural = (count: number, one: string) => `${count} ${one}${count === 1 ? "" : "s"}`;

/** One tier per line, in the words Find work and the settings row use: "up to $600.00: 4 connects, 3 if at most 6 days". */
function rateCardText(card: { tiers: RateCardTier[] }): string {
  return card.tiers
    .map((tier) => `${tier.upToMinor === null ? "and above" : `up to ${formatMoney(tier.upToMinor)}`}: ${plural(tier.connects, "connect")}, ${tier.shortConnects} if at most ${plural(tier.shortMaxDays, "day")}`)
    .join("\n");
}

const TIER_LINE = /^(?:up to\s+(\S+)|and above)\s*:\s*(\d{1,6})\s+connects?\s*,\s*(\d{1,6})\s+if at most\s+(\d{1,5})\s+days?\.?$/i;
const TIER_EXAMPLE = 'write each tier like "up to $600.00: 4 connects, 3 if at most 6 days", and the last like "and above: 6 connects, 5 if at most 29 days"';

/** The rate card typed one tier per line, cheapest first; each problem names its line. */
function readRateCard(text: string): SettingRead {
  const lines = text.split("\n").map((line) => line.trim()).filter(Boolean);
  if (lines.length === 0) return { ok: false, error: "Enter at least one tier, one per line." };
  const tiers: RateCardTier[] = [];
  for (const [index, line] of lines.entries()) {
    const at = `Line ${index + 1}`;
    const match = TIER_LINE.exec(line);
    if (!match) return { ok: false, error: `${at}: ${TIER_EXAMPLE}.` };
    const last = index === lines.length - 1;
    let upToMinor: bigint | null = null;
    if (match[1] === undefined) {
      if (!last) return { ok: false, error: `${at}: only the last tier is "and above"; the others go "up to" an amount.` };
    } else {
      if (last) return { ok: false, error: `${at}: the last tier is "and above", so that every job has a price.` };
      const amount = readMoney(match[1]);
      if (!amount.ok) return { ok: false, error: `${at}: ${amount.error}` };
      const previous = tiers.at(-1)?.upToMinor;
      if (typeof previous === "bigint" && amount.minor <= previous) return { ok: false, error: `${at}: each tier must go up to more than the one before.` };
      upToMinor = amount.minor;
    }
    tiers.push({ upToMinor, connects: Number(match[2]), shortConnects: Number(match[3]), shortMaxDays: Number(match[4]) });
  }
  return { ok: true, value: { tiers } };
}

const BIG = /"__cents__(\d+)__"/g;

/** JSON with cents as plain numbers (bigint fields are those named …Minor, and every payout fee). */
function toJsonText(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (typeof item === "bigint" ? `__cents__${item}__` : item), 2).replace(BIG, "$1");
}

function fromJsonText(unit: string, text: string): SettingRead {
  try {
    const value: unknown = JSON.parse(text, function (key, item: unknown) {
      const cents = key.endsWith("Minor") || (unit === "payout_fees" && key !== "");
      return cents && typeof item === "number" && Number.isSafeInteger(item) ? BigInt(item) : item;
    });
    return { ok: true, value };
  } catch {
    return { ok: false, error: "This is not valid JSON. Check the commas, quotes and brackets." };
  }
}

function readWhole(text: string, nullable: boolean): SettingRead {
  const trimmed = text.trim();
  if (trimmed === "" && nullable) return { ok: true, value: null };
  if (!/^\d{1,9}$/.test(trimmed)) return { ok: false, error: "Enter a whole number." };
  return { ok: true, value: Number.parseInt(trimmed, 10) };
}

/** "3.5" (percent) → 350 basis points, by the digits (no floating point). */
function readPercent(text: string): SettingRead {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?%?$/.exec(text.trim());
  if (!match) return { ok: false, error: "Enter a percentage like 3 or 2.5 (at most two decimals)." };
  return { ok: true, value: Number.parseInt(match[1]!, 10) * 100 + Number.parseInt((match[2] ?? "").padEnd(2, "0"), 10) };
}

export function valueToText(unit: string, value: unknown): string {
  if (value === null || value === undefined) return "";
  if (unit === "money") return formatMoney(value as bigint);
  if (unit === "bps") {
    const bps = value as number;
    return `${Math.floor(bps / 100)}${bps % 100 ? `.${String(bps % 100).padStart(2, "0").replace(/0$/, "")}` : ""}`;
  }
  if (unit === "bundle_sizes" || unit === "verification_actions") return (value as (number | string)[]).join(", ");
  if (unit === "rate_card") return rateCardText(value as { tiers: RateCardTier[] });
  if (isJsonUnit(unit)) return toJsonText(value);
  return String(value);
}

export function textToValue(unit: string, text: string, nullable: boolean): SettingRead {
  switch (unit) {
    case "money": {
      const read = readMoney(text);
      return read.ok ? { ok: true, value: read.minor } : read;
    }
    case "bps":
      return readPercent(text);
    case "boolean":
      return { ok: true, value: text === "true" };
    case "bundle_sizes": {
      const parts = text.split(/[\s,]+/).filter(Boolean);
      if (parts.length === 0 || parts.some((part) => !/^\d{1,6}$/.test(part))) return { ok: false, error: "List whole numbers of connects, like 10, 20, 40." };
      return { ok: true, value: parts.map((part) => Number.parseInt(part, 10)) };
    }
    case "rate_card":
      return readRateCard(text);
    case "verification_actions": {
      const parts = text.split(/[\s,]+/).filter(Boolean);
      if (parts.some((part) => !/^[a-z_]{1,20}$/.test(part))) return { ok: false, error: "List actions among propose, post_job and withdraw, like propose, withdraw (or nothing)." };
      return { ok: true, value: parts };
    }
    default:
      return isJsonUnit(unit) ? fromJsonText(unit, text) : readWhole(text, nullable);
  }
}

export const UNIT_HINT: Record<string, string> = {
  money: "In dollars, e.g. 0.20.",
  bps: "In percent, e.g. 3 or 2.5.",
  days: "Whole days.",
  connects: "Whole connects.",
  count: "A whole number.",
  bundle_sizes: "Bundle sizes in connects, separated by commas.",
  rate_card: "One tier per line, cheapest first: the connects a proposal costs, and the fewer it costs when the job lasts at most that many days. The last tier is \"and above\".",
  fee_schedule: "JSON. Band edges in cents (50000 = $500.00), rates in basis points (2000 = 20%).",
  payout_fees: "JSON. Fee per method in cents (99 = $0.99).",
  verification_actions: "Actions separated by commas, among propose, post_job and withdraw; empty: nothing waits for a confirmed email.",
  scam_patterns: "JSON. Each pattern: id, label, category (contact or payment), source (a regular expression) and flags.",
};

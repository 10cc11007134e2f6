import { readMoney, formatMoney } from "@/lib/money";

/** How an admin types a value of each unit, and how the typed text becomes the value sent (the server validates it). */
export type SettingRead = { ok: true; value: unknown } | { ok: false; error: string };

const JSON_UNITS = new Set(["rate_card", "fee_schedule", "payout_fees", "scam_patterns"]);
export const isJsonUnit = (unit: string) => JSON_UNITS.has(unit);

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
  rate_card: "JSON. Amounts in cents (60000 = $600.00); a null upToMinor is the open-ended last tier.",
  fee_schedule: "JSON. Band edges in cents (50000 = $500.00), rates in basis points (2000 = 20%).",
  payout_fees: "JSON. Fee per method in cents (99 = $0.99).",
  verification_actions: "Actions separated by commas, among propose, post_job and withdraw; empty: nothing waits for a confirmed email.",
  scam_patterns: "JSON. Each pattern: id, label, category (contact or payment), source (a regular expression) and flags.",
};

import type { FeeBand, FeeSchedule, PayoutMethodFees, PayoutMethodKind, RateCard, RateCardTier } from "@fairlance/rules";
import { readMoney, formatMoney } from "@/lib/money";

/** How an admin types a value of each unit, and how the typed text becomes the value sent (the server validates it). */
export type SettingRead = { ok: true; value: unknown } | { ok: false; error: string };

const JSON_UNITS = new Set(["scam_patterns"]);
export const isJsonUnit = (unit: string) => JSON_UNITS.has(unit);
/** Units typed on several lines, in words (one tier, band or method per line), and JSON. */
const LINE_UNITS = new Set(["rate_card", "fee_schedule", "payout_fees"]);
export const isMultiLineUnit = (unit: string) => isJsonUnit(unit) || LINE_UNITS.has(unit);

const plural = (count: number, one: string) => `${count} ${one}${count === 1 ? "" : "s"}`;

/** A tier's or a band's upper edge: "up to $600.00", or "and above" for the open-ended last one (readEdge reads it). */
const edgeText = (upToMinor: bigint | null) => (upToMinor === null ? "and above" : `up to ${formatMoney(upToMinor)}`);

/** One tier per line, in the words Find work and the settings row use: "up to $600.00: 4 connects, 3 if at most 6 days". */
function rateCardText(card: RateCard): string {
  return card.tiers.map((tier) => `${edgeText(tier.upToMinor)}: ${plural(tier.connects, "connect")}, ${tier.shortConnects} if at most ${plural(tier.shortMaxDays, "day")}`).join("\n");
}

const TIER_LINE = /^(?:up to\s+(\S+)|and above)\s*:\s*(\d{1,6})\s+connects?\s*,\s*(\d{1,6})\s+if at most\s+(\d{1,5})\s+days?\.?$/i;
const TIER_EXAMPLE = 'write each tier like "up to $600.00: 4 connects, 3 if at most 6 days", and the last like "and above: 6 connects, 5 if at most 29 days"';

/** The lines of `text` that hold something, each with its number in the text (blank lines count). */
function numberedLines(text: string): { n: number; line: string }[] {
  return text.split("\n").flatMap((line, index) => (line.trim() ? [{ n: index + 1, line: line.trim() }] : []));
}

/** Reads each line in turn: the values, or "Line N: …" for the first line `read` refuses. */
function readLines<T>(
  lines: { n: number; line: string }[],
  read: (line: string, last: boolean, done: T[]) => { ok: true; value: T } | { ok: false; error: string },
): { ok: true; value: T[] } | { ok: false; error: string } {
  const done: T[] = [];
  for (const [index, { n, line }] of lines.entries()) {
    const one = read(line, index === lines.length - 1, done);
    if (!one.ok) return { ok: false, error: `Line ${n}: ${one.error}` };
    done.push(one.value);
  }
  return { ok: true, value: done };
}

/**
 * An "up to" edge, or null for the last line's "and above": the edges rise, and only the last line
 * is open-ended (the rate card's tiers and the fee schedule's bands). `what` is "tier" or "band".
 */
function readEdge(upTo: string | undefined, last: boolean, previous: bigint | null | undefined, what: string, rest: string): { ok: true; value: bigint | null } | { ok: false; error: string } {
  if (upTo === undefined) return last ? { ok: true, value: null } : { ok: false, error: `only the last ${what} is "and above"; the others go "up to" an amount.` };
  if (last) return { ok: false, error: `the last ${what} is "and above", so that ${rest}.` };
  const amount = readMoney(upTo);
  if (!amount.ok) return amount;
  if (typeof previous === "bigint" && amount.minor <= previous) return { ok: false, error: `each ${what} must go up to more than the one before.` };
  return { ok: true, value: amount.minor };
}

/** The rate card typed one tier per line, cheapest first; each problem names its line. */
function readRateCard(text: string): SettingRead {
  const lines = numberedLines(text);
  if (lines.length === 0) return { ok: false, error: "Enter at least one tier, one per line." };
  const tiers = readLines<RateCardTier>(lines, (line, last, done) => {
    const match = TIER_LINE.exec(line);
    if (!match) return { ok: false, error: `${TIER_EXAMPLE}.` };
    const edge = readEdge(match[1], last, done.at(-1)?.upToMinor, "tier", "every job has a price");
    if (!edge.ok) return edge;
    return { ok: true, value: { upToMinor: edge.value, connects: Number(match[2]), shortConnects: Number(match[3]), shortMaxDays: Number(match[4]) } };
  });
  return tiers.ok ? { ok: true, value: { tiers: tiers.value } } : tiers;
}

const FEE_MODEL_WORDS = { tiered: "tiered, by all a freelancer has billed one client", variable: "variable, by the size of each payment" } as const;

/** The model on the first line ("flat: 10%" alone), then one band per line: "up to $500.00: 20%", the last "and above: 5%". */
function feeScheduleText(schedule: FeeSchedule): string {
  if (schedule.model === "flat") return `flat: ${percentText(schedule.rateBps)}%`;
  return [FEE_MODEL_WORDS[schedule.model], ...schedule.bands.map((band) => `${edgeText(band.upToMinor)}: ${percentText(band.rateBps)}%`)].join("\n");
}

const BAND_LINE = /^(?:up to\s+(\S+)|and above)\s*:\s*(\S+)$/i;
const BAND_EXAMPLE = 'write each band like "up to $500.00: 20%", and the last like "and above: 5%"';

function readFeeSchedule(text: string): SettingRead {
  const [first, ...rest] = numberedLines(text);
  const flat = /^flat\s*:\s*(\S+)$/i.exec(first?.line ?? "");
  if (flat) {
    if (rest.length > 0) return { ok: false, error: "A flat fee is one line: remove the bands, or choose tiered or variable." };
    const rate = readPercent(flat[1]!);
    return rate.ok ? { ok: true, value: { model: "flat", rateBps: rate.value } } : { ok: false, error: `Line ${first!.n}: ${rate.error}` };
  }
  const model = /^(tiered|variable)\b/i.exec(first?.line ?? "")?.[1]?.toLowerCase();
  if (!model) return { ok: false, error: `Line ${first?.n ?? 1}: start with the model: "tiered", "variable", or "flat: 10%".` };
  if (rest.length === 0) return { ok: false, error: "Add the bands, one per line, after the model." };
  const bands = readLines<FeeBand>(rest, (line, last, done) => {
    const match = BAND_LINE.exec(line);
    if (!match) return { ok: false, error: `${BAND_EXAMPLE}.` };
    const rate = readPercent(match[2]!);
    if (!rate.ok) return rate;
    const edge = readEdge(match[1], last, done.at(-1)?.upToMinor, "band", "every amount has a rate");
    return edge.ok ? { ok: true, value: { upToMinor: edge.value, rateBps: rate.value } } : edge;
  });
  return bands.ok ? { ok: true, value: { model, bands: bands.value } } : bands;
}

/**
 * The payout methods in the rules' order (PAYOUT_METHOD_KINDS), checked against their type: the
 * rules' list itself lives beside the zod schemas, and importing it would put zod in this page's
 * bundle, whose start-up probe for eval the page's CSP reports.
 */
const PAYOUT_METHOD_KINDS = Object.keys({ ach: 0, local_bank: 0, paypal: 0, instant: 0, wire: 0 } satisfies Record<PayoutMethodKind, 0>) as PayoutMethodKind[];
const methodWords = (method: string) => method.replace("_", " ");

/** One method per line: "paypal: $2.00". */
function payoutFeesText(fees: PayoutMethodFees): string {
  return PAYOUT_METHOD_KINDS.map((method) => `${methodWords(method)}: ${formatMoney(fees[method])}`).join("\n");
}

function readPayoutFees(text: string): SettingRead {
  const fees: Partial<PayoutMethodFees> = {};
  const read = readLines<null>(numberedLines(text), (line) => {
    const match = /^([a-z ]+?)\s*:\s*(\S+)$/i.exec(line);
    const method = PAYOUT_METHOD_KINDS.find((each) => methodWords(each) === match?.[1]?.toLowerCase());
    if (!match || !method) return { ok: false, error: `write each method's fee like "paypal: $2.00", for ${PAYOUT_METHOD_KINDS.map(methodWords).join(", ")}.` };
    if (method in fees) return { ok: false, error: `${methodWords(method)} is already on an earlier line.` };
    const amount = readMoney(match[2]!);
    if (!amount.ok) return amount;
    fees[method] = amount.minor;
    return { ok: true, value: null };
  });
  if (!read.ok) return read;
  const missing = PAYOUT_METHOD_KINDS.filter((method) => !(method in fees)).map(methodWords);
  if (missing.length > 0) return { ok: false, error: `Add a line for ${missing.join(", ")}.` };
  return { ok: true, value: fees };
}

/** JSON, for the scam patterns (text only: ids, labels, regular expressions and their flags). */
function fromJsonText(text: string): SettingRead {
  try {
    const value: unknown = JSON.parse(text);
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
function readPercent(text: string): { ok: true; value: number } | { ok: false; error: string } {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?%?$/.exec(text.trim());
  if (!match) return { ok: false, error: "Enter a percentage like 3 or 2.5 (at most two decimals)." };
  return { ok: true, value: Number.parseInt(match[1]!, 10) * 100 + Number.parseInt((match[2] ?? "").padEnd(2, "0"), 10) };
}

/** 350 basis points → "3.5". */
const percentText = (bps: number) => `${Math.floor(bps / 100)}${bps % 100 ? `.${String(bps % 100).padStart(2, "0").replace(/0$/, "")}` : ""}`;

export function valueToText(unit: string, value: unknown): string {
  if (value === null || value === undefined) return "";
  if (unit === "money") return formatMoney(value as bigint);
  if (unit === "bps") return percentText(value as number);
  if (unit === "bundle_sizes" || unit === "verification_actions") return (value as (number | string)[]).join(", ");
  if (unit === "rate_card") return rateCardText(value as RateCard);
  if (unit === "fee_schedule") return feeScheduleText(value as FeeSchedule);
  if (unit === "payout_fees") return payoutFeesText(value as PayoutMethodFees);
  if (isJsonUnit(unit)) return JSON.stringify(value, null, 2);
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
    case "fee_schedule":
      return readFeeSchedule(text);
    case "payout_fees":
      return readPayoutFees(text);
    case "verification_actions": {
      const parts = text.split(/[\s,]+/).filter(Boolean);
      if (parts.some((part) => !/^[a-z_]{1,20}$/.test(part))) return { ok: false, error: "List actions among propose, post_job and withdraw, like propose, withdraw (or nothing)." };
      return { ok: true, value: parts };
    }
    default:
      return isJsonUnit(unit) ? fromJsonText(text) : readWhole(text, nullable);
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
  fee_schedule: "The model on the first line (tiered, variable, or flat: 10%), then one band per line, lowest first; the last band is \"and above\".",
  payout_fees: "One payout method per line, with the fee of one withdrawal.",
  verification_actions: "Actions separated by commas, among propose, post_job and withdraw; empty: nothing waits for a confirmed email.",
  scam_patterns: "JSON. Each pattern: id, label, category (contact or payment), source (a regular expression) and flags.",
};

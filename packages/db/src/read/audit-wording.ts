import { DEFAULT_SETTINGS, formatConnects, formatMoney, isSettingKey, roleTitle, SETTING_DEFINITIONS, type RoleName } from "@fairlance/rules";
import { describeSettingValue } from "./admin-settings";

/**
 * The audit log in words (economy.md §6): what an admin did to whom, and each value it changed,
 * formatted as people read it (money, connects, dates, statuses), for the rows of every action the
 * services write. Pure: the names of the targets come in, resolved by the read model in one query.
 */

/** A value as shown: text, or a date the page formats in its own style; null is "none". */
export type Shown = string | Date | null;

export interface AuditTarget {
  /** What it is, in words: "person", "job", "contract", "dispute", "message", "setting". */
  kind: string;
  id: string;
  /** Its name as people know it: the person's name, the job's title, the setting's label. */
  label: string;
  /** Where an admin looks at it; null when there is no page for it. */
  href: string | null;
}

export interface AuditWording {
  /** The sentence, split around the target's name so the page can link it: `${before}${label}${after}`. */
  summary: { before: string; after: string };
  /** Values the action changed, before → after. */
  changes: { label: string; before: Shown; after: Shown }[];
  /** What the action did or found, with no "before" (proposals closed, the amount in dispute). */
  facts: { label: string; value: Shown }[];
}

/** A target as the read model resolved it (its label and, for messages, the recipient's name). */
export interface ResolvedTarget {
  label: string;
  /** A message's recipient; a dispute's contract id. */
  extra: string | null;
}

type Values = Record<string, unknown>;
const asValues = (value: unknown): Values => (value && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date) ? (value as Values) : {});

const STATUS_WORDS: Record<string, string> = {
  DRAFT: "Draft",
  OPEN: "Open",
  HIRED: "Hired",
  CLOSED: "Closed",
  EXPIRED: "Expired",
  REMOVED: "Removed",
  DECIDED: "Decided",
  SETTLED: "Settled",
  WITHDRAWN: "Withdrawn",
  RELEASE: "Released to the freelancer",
  REFUND: "Refunded to the client",
  SPLIT: "Split",
};

/** "OPEN" → "Open", "time_entry" → "Time entry": the words of a stored code. */
export function codeWords(code: string): string {
  if (STATUS_WORDS[code]) return STATUS_WORDS[code]!;
  const words = code.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/[_.]/g, " ").toLowerCase().trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Fields stored for the machine (ids, versions): never shown in the readable view. */
const HIDDEN = new Set(["lotId", "versionId", "paymentId", "messageId", "takes", "sessionVersion", "target", "label"]);

const LABELS: Record<string, string> = {
  connectsBalance: "Connects balance",
  connectsGranted: "Connects granted",
  connectsRevoked: "Connects taken back",
  connectsRefunded: "Connects refunded to applicants",
  risingTalentAt: "Rising Talent since",
  suspendedAt: "Suspended since",
  suspendedReason: "Reason shown to them",
  status: "Status",
  proposalCount: "Proposals",
  proposalsClosed: "Proposals closed",
  offerWithdrawn: "Offer waiting for an answer withdrawn",
  amountMinor: "Amount in dispute",
  outcome: "Outcome",
  releasedMinor: "Paid to the freelancer",
  refundedMinor: "Refunded to the client",
  email: "Email",
  name: "Name",
  role: "Role",
  removedAt: "Removed",
  reviewedAt: "Flag reviewed",
  warnings: "Warnings given",
  flags: "Flagged for",
  effectiveFrom: "Takes effect",
  hiddenAt: "Hidden",
  hiddenReason: "Reason both people see",
  // Suspension (economy.md §5.3)
  jobsPaused: "Open jobs paused",
  proposalsPaused: "Proposals paused",
  offersWithdrawn: "Offers withdrawn",
  escrowRefundedMinor: "Escrow refunded to clients",
  contractsNotified: "Contracts whose other party was told",
  payoutsHeld: "Payouts held",
  payoutsHeldAt: "Payouts held since",
  payoutsHeldReason: "Why the payouts are held",
  jobsRestored: "Jobs open again",
  jobsNotRestored: "Jobs not restored",
  proposalsRestored: "Proposals back",
  proposalsNotRestored: "Proposals not restored",
  notRestored: "Not restored",
};
const labelOf = (field: string) => LABELS[field] ?? codeWords(field);
/** The order fields are read in (stored JSON keeps no order of its own): known ones first, the rest by name. */
const ORDER = [
  "status",
  "amountMinor",
  "outcome",
  "releasedMinor",
  "refundedMinor",
  "email",
  "name",
  "role",
  "risingTalentAt",
  "suspendedAt",
  "suspendedReason",
  "connectsBalance",
  "warnings",
  "proposalCount",
  "proposalsClosed",
  "connectsRefunded",
  "offerWithdrawn",
  "removedAt",
  "reviewedAt",
  "flags",
  "effectiveFrom",
];
const rank = (field: string) => (ORDER.includes(field) ? ORDER.indexOf(field) : ORDER.length);
const inReadingOrder = (fields: string[]) => [...fields].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));

const SHIELD_LABELS = new Map(DEFAULT_SETTINGS.scamShieldPatterns.map((pattern) => [pattern.id, pattern.label]));

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** One stored value as people read it: money from cents, connects, dates, statuses, counts. */
export function shownValue(field: string, value: unknown): Shown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === "string" && ISO_DATE.test(value)) return new Date(value);
  if (typeof value === "bigint") return field.endsWith("Minor") ? formatMoney(value) : value.toLocaleString("en-US");
  if (typeof value === "number") return /connects/i.test(field) ? formatConnects(value) : value.toLocaleString("en-US");
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "string") {
    if (field === "role") return roleTitle(value as RoleName);
    if (field === "status" || field === "outcome") return codeWords(value);
    return value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return null;
    // Scam-shield pattern ids by their labels (the default patterns'; an admin's own by its id in words).
    const words = (item: string) => (field === "flags" ? (SHIELD_LABELS.get(item) ?? codeWords(item)) : codeWords(item));
    return value.map((item) => (typeof item === "string" ? words(item) : String(item))).join(", ");
  }
  return JSON.stringify(value, (_key, item: unknown) => (typeof item === "bigint" ? formatMoney(item) : item));
}

const same = (a: Shown, b: Shown) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);

/**
 * Every field of before and after that differs, in reading order; a field recorded on one
 * side only is a fact (a result such as "Proposals closed"), not a change.
 */
export function diffValues(before: unknown, after: unknown): Pick<AuditWording, "changes" | "facts"> {
  const b = asValues(before);
  const a = asValues(after);
  const changes: AuditWording["changes"] = [];
  const facts: AuditWording["facts"] = [];
  const nothingBefore = before === null || before === undefined;
  for (const field of inReadingOrder([...new Set([...Object.keys(b), ...Object.keys(a)])])) {
    if (HIDDEN.has(field)) continue;
    const inBefore = field in b;
    const inAfter = field in a;
    if (inBefore && inAfter) {
      const from = shownValue(field, b[field]);
      const to = shownValue(field, a[field]);
      if (!same(from, to)) changes.push({ label: labelOf(field), before: from, after: to });
    } else if (nothingBefore && inAfter) {
      // A record that did not exist before (an admin account created): everything is new.
      changes.push({ label: labelOf(field), before: null, after: shownValue(field, a[field]) });
    } else {
      const value = shownValue(field, inAfter ? a[field] : b[field]);
      if (value !== null) facts.push({ label: labelOf(field), value });
    }
  }
  return { changes, facts };
}

const settingLabel = (key: string) => (isSettingKey(key) ? SETTING_DEFINITIONS[key].label : key);

function settingValue(key: string, value: unknown): Shown {
  if (!isSettingKey(key)) return shownValue("value", value);
  try {
    return describeSettingValue(key, value);
  } catch {
    return shownValue("value", value);
  }
}

/** The target's kind in words and the admin page that shows it. */
export function targetOf(targetType: string, targetId: string, resolved: ResolvedTarget | undefined): AuditTarget {
  switch (targetType) {
    case "User":
      return { kind: "person", id: targetId, label: resolved?.label ?? "a person who no longer exists", href: `/admin/people?user=${targetId}` };
    case "Job":
      return { kind: "job", id: targetId, label: resolved ? `“${resolved.label}”` : "a job", href: `/admin/ledger?jobId=${targetId}` };
    case "Contract":
      return { kind: "contract", id: targetId, label: resolved ? `“${resolved.label}”` : "a contract", href: `/admin/ledger?contractId=${targetId}` };
    case "Dispute":
      return { kind: "dispute", id: targetId, label: resolved ? `“${resolved.label}”` : "a dispute", href: `/disputes/${targetId}` };
    case "Message":
      return {
        kind: "message",
        id: targetId,
        label: resolved ? `a message from ${resolved.label} to ${resolved.extra ?? "someone"}` : "a message",
        href: `/admin/moderation#flag-${targetId}`,
      };
    case "Feedback":
      return {
        kind: "feedback",
        id: targetId,
        label: resolved ? `the feedback ${resolved.label}` : "a feedback",
        // The person rated: their reputation lists it (the profile pages come with issue 15's pages).
        href: resolved?.extra ? `/admin/people?user=${resolved.extra}` : null,
      };
    case "Setting":
      return { kind: "setting", id: targetId, label: settingLabel(targetId), href: `/admin/settings#setting-${targetId}` };
    default:
      return { kind: codeWords(targetType).toLowerCase(), id: targetId, label: `${codeWords(targetType).toLowerCase()} ${targetId}`, href: null };
  }
}

const count = (value: unknown) => (typeof value === "number" ? value : 0);

/** The sentence and the readable before/after of one audit row. */
export function wordAudit(row: { action: string; targetType: string; targetId: string; before: unknown; after: unknown }): AuditWording {
  const before = asValues(row.before);
  const after = asValues(row.after);
  const diff = () => diffValues(row.before, row.after);
  const around = (beforeText: string, afterText = "") => ({ before: beforeText, after: afterText });
  switch (row.action) {
    case "connects.grant":
      return { summary: around(`Granted ${formatConnects(count(after.connectsGranted))} to `), ...diffWithout(diff(), "Connects granted") };
    case "connects.revoke":
      return { summary: around(`Took back ${formatConnects(count(after.connectsRevoked))} from `), ...diffWithout(diff(), "Connects taken back") };
    case "connects.rising_talent.award":
      return { summary: around("Awarded Rising Talent to ", ` (${formatConnects(count(after.connectsGranted))})`), ...diffWithout(diff(), "Connects granted") };
    case "user.suspend":
      return { summary: around("Suspended "), ...diff() };
    case "user.unsuspend":
      return { summary: around("Lifted the suspension of "), ...diff() };
    case "user.holdPayouts":
      return { summary: around("Held the payouts of "), ...diff() };
    case "user.releasePayouts":
      return { summary: around("Released the payouts of "), ...diff() };
    case "user.end_sessions":
      return { summary: around("Signed ", " out everywhere"), changes: [], facts: [] };
    case "user.createAdmin":
      return { summary: around("Created the admin account of "), ...diff() };
    case "user.warn":
      return { summary: around("Warned "), ...diff() };
    case "setting.change": {
      const key = row.targetId;
      const changes: AuditWording["changes"] = [{ label: settingLabel(key), before: settingValue(key, before.value), after: settingValue(key, after.value) }];
      const from = shownValue("effectiveFrom", after.effectiveFrom);
      return { summary: around("Changed the setting "), changes, facts: from === null ? [] : [{ label: "Takes effect", value: from }] };
    }
    case "job.remove":
      return { summary: around("Removed the job "), ...diff() };
    case "dispute.decide": {
      const outcome = typeof after.outcome === "string" ? `: ${codeWords(after.outcome).toLowerCase()}` : "";
      return { summary: around("Decided the dispute on ", outcome), ...diff() };
    }
    case "message.flag_reviewed":
      return { summary: around("Dismissed the flag on "), changes: [], facts: Array.isArray(before.flags) && before.flags.length ? [{ label: "Flagged for", value: shownValue("flags", before.flags) }] : [] };
    case "message.remove":
      return { summary: around("Removed "), changes: [], facts: [] };
    case "report.resolve": {
      const outcome = typeof after.outcome === "string" ? `: ${codeWords(after.outcome).toLowerCase()}` : "";
      return { summary: around("Decided the reports on ", outcome), ...diff() };
    }
    case "proposal.remove":
      return { summary: around("Removed the proposal "), ...diff() };
    case "feedback.hide":
      return { summary: around("Hid "), ...diff() };
    case "feedback.unhide":
      return { summary: around("Showed again "), ...diff() };
    default:
      return { summary: around(`${codeWords(row.action)}: `), ...diff() };
  }
}

function diffWithout(wording: Pick<AuditWording, "changes" | "facts">, label: string): Pick<AuditWording, "changes" | "facts"> {
  return { changes: wording.changes.filter((c) => c.label !== label), facts: wording.facts.filter((f) => f.label !== label) };
}

/** The whole sentence as text ("Granted 10 connects to Fran Okafor"). */
export const sentenceOf = (wording: AuditWording, target: AuditTarget) => `${wording.summary.before}${target.label}${wording.summary.after}`;


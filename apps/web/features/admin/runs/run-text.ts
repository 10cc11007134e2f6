import { formatMoney } from "@/lib/money";

/** The runner's tasks (packages/db/src/runner/tasks.ts) in words. */
const TASK_LABEL: Record<string, string> = {
  expire_offers: "Expire offers",
  close_boost_auctions: "Close boost auctions",
  expire_jobs: "Expire jobs",
  auto_approve_milestones: "Approve milestones automatically",
  remind_auto_approval: "Remind clients of automatic approvals",
  accept_refund_requests: "Accept unanswered refund requests",
  invoice_hourly_weeks: "Invoice hourly weeks",
  release_hourly_weeks: "Release hourly weeks",
  renew_memberships: "Renew memberships",
  expire_connect_lots: "Expire connects",
  warn_expiring_connects: "Warn of connects about to expire",
  clear_pending: "Clear pending earnings",
  run_auto_withdrawals: "Run automatic withdrawals",
  settle_processing_withdrawals: "Settle withdrawals on their way",
  update_reputation: "Reveal feedback and update Job Success Scores",
  retry_pending_refunds: "Retry card refunds",
  reconcile_gateway: "Reconcile with the payment gateway",
};

/** "expire_offers" → "Expire offers"; an unknown task in words from its name. */
export function taskLabel(task: string): string {
  return TASK_LABEL[task] ?? task.replace(/_/g, " ").replace(/^./, (first) => first.toUpperCase());
}

/** "reportId" → "report id", "releasedCount" → "released count". */
const words = (key: string) => key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/_/g, " ").toLowerCase();

function valueText(key: string, value: unknown): string {
  // Only a field named as an amount (…Minor) is money: an id or a count stays a number.
  if (typeof value === "bigint") return key.endsWith("Minor") ? formatMoney(value) : value.toString();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return String(value.length);
  if (value !== null && typeof value === "object") return `${Object.keys(value).length} fields`;
  return String(value);
}

/** A run's changes as a short line: "released 3 · amount $12.00 · report id 1", at most `max` fields. */
export function changesSummary(changes: unknown, max = 4): string {
  if (changes === null || changes === undefined) return "—";
  if (typeof changes !== "object" || Array.isArray(changes)) return valueText("", changes);
  const entries = Object.entries(changes as Record<string, unknown>).map(([key, value]) => `${words(key.replace(/Minor$/, ""))} ${valueText(key, value)}`);
  if (entries.length === 0) return "nothing changed";
  return entries.length > max ? `${entries.slice(0, max).join(" · ")} · and ${entries.length - max} more` : entries.join(" · ");
}

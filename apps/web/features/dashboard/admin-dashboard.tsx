import Link from "next/link";
import { formatCount, rolePluralTitle } from "@fairlance/rules";
import { Money } from "@/components/money";
import type { RouterOutputs } from "@/features/contracts/types";
import { JOB_STATUS_LABEL, formatAge, formatDate } from "@/lib/format";
import { Figure, Section } from "./parts";

type Data = RouterOutputs["dashboard"]["admin"];

interface Queue {
  key: string;
  label: string;
  count: number;
  href: string;
  /** What the count means, or what is fine when it is zero. */
  text: string;
}

/** The admin overview: every queue that waits for an admin, with its count and where to act; then people and jobs. */
export function AdminDashboard({ data }: { data: Data }) {
  const { waiting: w, now } = data;
  const queues: Queue[] = [
    {
      key: "disputes",
      label: "Disputes to mediate",
      count: w.disputes.count,
      href: "/admin/disputes",
      text: w.disputes.oldestOpenedAt ? `The oldest has been open ${formatAge(w.disputes.oldestOpenedAt, now) === "today" ? "since today" : `for ${formatAge(w.disputes.oldestOpenedAt, now)}`}.` : "No dispute is open.",
    },
    {
      key: "flagged",
      label: "Flagged messages",
      count: w.flaggedMessages,
      href: "/admin/moderation",
      text: w.flaggedMessages > 0 ? "The scam shield flagged them: review each." : "None to review.",
    },
    {
      key: "refunds",
      label: "Card refunds queued",
      count: w.refundsQueued.count,
      href: "/admin/ledger",
      text: w.refundsQueued.count > 0 ? "The gateway did not take them yet; the runner retries." : "Every refund reached its card.",
    },
    {
      key: "payouts-failed",
      label: "Payouts failed (7 days)",
      count: w.payouts.failedLast7Days,
      href: "/admin/ledger",
      text: w.payouts.failedLast7Days > 0 ? "The money went back to the freelancers' Available." : "No payout failed this week.",
    },
    {
      key: "payouts-stuck",
      label: "Payouts waiting on the provider",
      count: w.payouts.stuck,
      href: "/admin/jobs-runs",
      text: w.payouts.stuck > 0 ? "Sent more than a day ago with no answer; the runner retries." : "Every payout has an answer.",
    },
    {
      key: "reconciliation",
      label: "Reconciliation follow-up",
      count: w.reconciliation?.orphans ?? 0,
      href: "/admin/ledger",
      text: w.reconciliation
        ? w.reconciliation.orphans > 0
          ? `Items the report of ${formatDate(w.reconciliation.ranAt)} could not match.`
          : `The report of ${formatDate(w.reconciliation.ranAt)} matched everything.`
        : "No reconciliation has run yet: run one on the ledger page.",
    },
    {
      key: "jobs",
      label: "Scheduled jobs that gave up",
      count: w.failedJobs,
      href: "/admin/jobs-runs",
      text: w.failedJobs > 0 ? "They used up their attempts: see why." : "Every scheduled job is running.",
    },
  ];
  const pending = queues.filter((queue) => queue.count > 0).length;
  return (
    <div className="space-y-4">
      <Section title="Waiting for an admin" tone={pending > 0 ? "attention" : "plain"}>
        <p className="mb-3 text-sm text-slate-600">{pending === 0 ? "Nothing waits: every queue is empty." : `${formatCount(pending, "queue")} need${pending === 1 ? "s" : ""} you.`}</p>
        <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-4">
          {queues.map((queue) => (
            <li key={queue.key} className={`relative rounded-md border p-3 ${queue.count > 0 ? "border-amber-300 bg-amber-50" : "border-slate-200 bg-slate-50"}`}>
              <Link href={queue.href} className="font-medium text-brand-700 after:absolute after:inset-0 after:content-['']">
                {queue.label}
              </Link>
              <p className="text-2xl font-semibold tabular-nums text-slate-900">
                {queue.count}
                {queue.key === "refunds" && queue.count > 0 && (
                  <span className="ml-2 text-sm font-normal text-slate-700">
                    <Money minor={w.refundsQueued.amountMinor} />
                  </span>
                )}
              </p>
              <p className="text-xs text-slate-700">{queue.text}</p>
            </li>
          ))}
        </ul>
      </Section>
      <Section title="People" more={{ href: "/admin/people", label: "All people" }}>
        <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
          {data.usersByRole.map((group) => (
            <Figure key={group.role} label={rolePluralTitle(group.role)} value={group.count} />
          ))}
          <Figure label="New in the last 7 days" value={data.newUsersLast7Days} />
        </dl>
      </Section>
      <Section title="Jobs" more={{ href: "/admin/moderation", label: "Moderation" }}>
        <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6">
          {data.jobsByStatus.map((group) => (
            <Figure key={group.status} label={JOB_STATUS_LABEL[group.status] ?? group.status} value={group.count} />
          ))}
        </dl>
      </Section>
    </div>
  );
}

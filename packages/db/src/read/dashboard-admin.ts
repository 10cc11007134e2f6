import { addDays } from "@fairlance/rules";
import type { Db, JobStatus, Role } from "../client";
import { failedEconomyJobs } from "../runner/runs";

/** A withdrawal still PROCESSING after this long is waiting on the payout provider (the runner retries it). */
const STUCK_PAYOUT_HOURS = 24;

export interface AdminDashboard {
  /** What waits for an admin, each with its count: zero means nothing to do there. */
  waiting: {
    /** Open disputes to mediate (economy.md §9.3), and when the oldest was opened. */
    disputes: { count: number; oldestOpenedAt: Date | null };
    /** Messages the scam shield flagged, not reviewed yet (economy.md §5). */
    flaggedMessages: number;
    /** Card refunds the gateway has not taken yet, retried by the runner. */
    refundsQueued: { count: number; amountMinor: bigint };
    /** Payouts that failed in the last 7 days (the money went back to the freelancer's Available), and those still waiting on the provider after a day. */
    payouts: { failedLast7Days: number; stuck: number };
    /** The latest reconciliation with the gateway: when, and what it could not match. Null before the first run. */
    reconciliation: { ranAt: Date; orphans: number } | null;
    /** Scheduled jobs that used up their attempts. */
    failedJobs: number;
  };
  usersByRole: { role: Role; count: number }[];
  jobsByStatus: { status: JobStatus; count: number }[];
  newUsersLast7Days: number;
  /** The marketplace time of the read (economy.md §0.7), for ages such as "open for 3 days". */
  now: Date;
}

/** The admin overview in one read (a fixed number of queries): the queues that wait for an admin, then people and jobs. */
export async function getAdminDashboard(db: Db, now: Date): Promise<AdminDashboard> {
  const weekAgo = addDays(now, -7);
  const [users, jobs, newUsersLast7Days, disputes, flaggedMessages, refunds, failedPayouts, stuckPayouts, report, [queue]] = await Promise.all([
    db.user.groupBy({ by: ["role"], _count: { _all: true } }),
    db.job.groupBy({ by: ["status"], _count: { _all: true } }),
    db.user.count({ where: { createdAt: { gte: weekAgo } } }),
    db.dispute.aggregate({ where: { status: "OPEN" }, _count: { _all: true }, _min: { openedAt: true } }),
    db.message.count({ where: { flags: { isEmpty: false }, reviewedAt: null } }),
    db.pendingRefund.aggregate({ where: { status: "PENDING" }, _count: { _all: true }, _sum: { amountMinor: true } }),
    db.withdrawal.count({ where: { status: "FAILED", createdAt: { gte: weekAgo } } }),
    db.withdrawal.count({ where: { status: "PROCESSING", createdAt: { lt: new Date(now.getTime() - STUCK_PAYOUT_HOURS * 3_600_000) } } }),
    db.reconciliationReport.findFirst({ orderBy: { id: "desc" }, select: { now: true, orphanCount: true } }),
    db.$queryRaw<{ installed: boolean }[]>`SELECT to_regclass('graphile_worker._private_jobs') IS NOT NULL AS installed`,
  ]);
  const failedJobs = queue?.installed ? (await failedEconomyJobs(db)).length : 0;
  return {
    waiting: {
      disputes: { count: disputes._count._all, oldestOpenedAt: disputes._min.openedAt },
      flaggedMessages,
      refundsQueued: { count: refunds._count._all, amountMinor: refunds._sum.amountMinor ?? 0n },
      payouts: { failedLast7Days: failedPayouts, stuck: stuckPayouts },
      reconciliation: report ? { ranAt: report.now, orphans: report.orphanCount } : null,
      failedJobs,
    },
    usersByRole: users.map((u) => ({ role: u.role, count: u._count._all })),
    jobsByStatus: jobs.map((j) => ({ status: j.status, count: j._count._all })),
    newUsersLast7Days,
    now,
  };
}

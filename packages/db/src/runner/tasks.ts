import type { PrismaClient } from "../client";
import type { PaymentGateway } from "../gateway/gateway";
import { closeBoostAuctions } from "../services/jobs/close-boost-auctions";
import { expireJobs } from "../services/jobs/expire-jobs";
import { expireOffers } from "../services/contracts/expire-offers";
import { autoApproveMilestones } from "../services/contracts/auto-approve-milestones";
import { acceptRefundRequests } from "../services/contracts/accept-refund-requests";
import { invoiceHourlyWeeks } from "../services/contracts/invoice-hourly-weeks";
import { releaseHourlyWeeks } from "../services/contracts/release-hourly-weeks";
import { renewMemberships } from "../services/connects/renew-memberships";
import { expireConnectLots } from "../services/connects/expire-connect-lots";
import { clearPending } from "../services/payouts/clear-pending";
import { runAutoWithdrawals } from "../services/payouts/run-auto-withdrawals";
import { settleProcessingWithdrawals } from "../services/payouts/settle-withdrawal";
import { getGateway } from "../gateway/sandbox";
import { retryPendingRefunds } from "../services/payments/pending-refunds";
import { reconcileGatewayDaily } from "../services/payments/reconcile-gateway";
import { updateReputation } from "../services/feedback/job-success";
import type { EmailTransport } from "../email/transport";
import { sendEmails } from "../email/send-emails";
import { sendDigests } from "../email/digest";
import { remindAutoApprovals } from "../services/contracts/remind-auto-approvals";
import { warnExpiringConnects } from "../services/connects/warn-expiring-connects";

export interface TaskDeps {
  prisma: PrismaClient;
  gateway?: PaymentGateway;
  /** Where emails go (default: the configured one, email/config.ts). */
  emailTransport?: EmailTransport;
}

/**
 * Every time-driven job of the economy, in the order one tick runs them: work
 * is approved and released before money clears, and money clears before the
 * automatic withdrawals look at Available; refunds owed after refused
 * transactions are retried after everything that may owe one, and the day's
 * reconciliation with the gateway runs last. Each takes the marketplace's `now`
 * and is idempotent for it.
 */
export const ECONOMY_TASKS = {
  /** Offers not accepted in time (economy.md §3.1): first, so their jobs are open again before the rest runs. */
  expire_offers: ({ prisma, gateway }: TaskDeps, now: Date) => expireOffers(prisma, { now }, { gateway }),
  close_boost_auctions: ({ prisma }: TaskDeps, now: Date) => closeBoostAuctions(prisma, { now }),
  expire_jobs: ({ prisma }: TaskDeps, now: Date) => expireJobs(prisma, { now }),
  auto_approve_milestones: ({ prisma }: TaskDeps, now: Date) => autoApproveMilestones(prisma, { now }),
  /** Clients of work approved automatically within 2 days are reminded (economy.md §11): after the approvals, so none is reminded of work already approved. */
  remind_auto_approval: ({ prisma }: TaskDeps, now: Date) => remindAutoApprovals(prisma, { now }),
  /** Refund requests the freelancer let run out (economy.md §3.1): given back to the client. */
  accept_refund_requests: ({ prisma, gateway }: TaskDeps, now: Date) => acceptRefundRequests(prisma, { now }, { gateway }),
  invoice_hourly_weeks: ({ prisma, gateway }: TaskDeps, now: Date) => invoiceHourlyWeeks(prisma, { now }, { gateway }),
  release_hourly_weeks: ({ prisma }: TaskDeps, now: Date) => releaseHourlyWeeks(prisma, { now }),
  renew_memberships: ({ prisma, gateway }: TaskDeps, now: Date) => renewMemberships(prisma, { now }, { gateway }),
  expire_connect_lots: ({ prisma }: TaskDeps, now: Date) => expireConnectLots(prisma, { now }),
  /** Freelancers holding connects that expire within 7 days are warned once per lot (economy.md §11): after expiry and renewals. */
  warn_expiring_connects: ({ prisma }: TaskDeps, now: Date) => warnExpiringConnects(prisma, { now }),
  clear_pending: ({ prisma }: TaskDeps, now: Date) => clearPending(prisma, { now }),
  run_auto_withdrawals: ({ prisma, gateway }: TaskDeps, now: Date) => runAutoWithdrawals(prisma, { now }, { gateway }),
  settle_processing_withdrawals: ({ prisma, gateway }: TaskDeps, now: Date) => settleProcessingWithdrawals(prisma, { now }, { gateway }),
  /**
   * Reputation (economy.md §10.3, §10.6): feedback whose window closed is revealed, then the Job
   * Success Score of freelancers touched since the task's last run (everyone on the day's first run).
   * After the money tasks, so contracts ended and disputes decided this tick are in.
   */
  update_reputation: ({ prisma }: TaskDeps, now: Date) => updateReputation(prisma, { now }),
  /** Refunds the gateway did not take (PendingRefund) that are due, under their own keys. */
  retry_pending_refunds: ({ prisma, gateway }: TaskDeps, now: Date) => retryPendingRefunds(prisma, { now }, { gateway: gateway ?? getGateway() }),
  /** Once per marketplace day (the day's first tick): the gateway's books against ours. */
  reconcile_gateway: ({ prisma, gateway }: TaskDeps, now: Date) => reconcileGatewayDaily(prisma, { now }, { gateway }),
  // Email (README, "Email"), last: the notifications every task above wrote this tick leave in it.
  /** Once per marketplace day (UTC): one email per person listing the notifications they take as a daily digest. */
  send_digests: ({ prisma }: TaskDeps, now: Date) => sendDigests(prisma, { now }),
  /** Every tick (each minute): the outbox's due emails go out, each at most once per event. */
  send_emails: ({ prisma, emailTransport }: TaskDeps, now: Date) => sendEmails(prisma, { now }, { transport: emailTransport }),
} as const;

export type EconomyTask = keyof typeof ECONOMY_TASKS;
export const ECONOMY_TASK_NAMES = Object.keys(ECONOMY_TASKS) as EconomyTask[];

export type TaskOverrides = Partial<Record<EconomyTask, (deps: TaskDeps, now: Date) => Promise<unknown>>>;

import { startOfUtcWeek, type AutoWithdrawalReason } from "@fairlance/rules";
import type { Db, JobType, MilestoneStatus, PayoutMethodKind, ProposalStatus } from "../client";
import { autoWithdrawalOutlook } from "../services/payouts/auto-withdrawal-plan";
import { loadSettings } from "../settings/load-settings";
import { connectsStanding } from "./connects-overview";
import { loadEarningsBalances, type EarningsBalances } from "./earnings";
import { feedbackToLeave, type FeedbackToLeave } from "./reputation";

/** Milestones still to be paid or given back, the first of which is the contract's current one (as on the contract page). */
const OPEN_MILESTONES: MilestoneStatus[] = ["CREATED", "FUNDED", "SUBMITTED", "CHANGES_REQUESTED", "REFUND_REQUESTED", "DISPUTED"];
/** Proposals waiting for the client's answer. */
const AWAITING: ProposalStatus[] = ["SUBMITTED", "VIEWED", "SHORTLISTED", "INTERVIEWING"];

/** What the freelancer does next on a contract, and the date that comes with it. */
export type FreelancerContractStep =
  /** The current milestone is not funded: do not start work on it (economy.md §3.2). */
  | { kind: "awaiting_funding"; milestone: string; amountMinor: bigint }
  /** Funded: work on it and submit. */
  | { kind: "work"; milestone: string; amountMinor: bigint }
  /** The client asked for changes: submit again. */
  | { kind: "changes_requested"; milestone: string; amountMinor: bigint }
  /** Submitted: the client reviews it, or it is approved automatically at `autoApprovesAt` (economy.md §3.3). */
  | { kind: "in_review"; milestone: string; amountMinor: bigint; autoApprovesAt: Date | null }
  /** The client asked for the escrow back: give it back or dispute by `answerBy`; silence gives it back (economy.md §9.1). */
  | { kind: "refund_requested"; milestone: string; amountMinor: bigint; answerBy: Date | null }
  /** A dispute holds the milestone (economy.md §9.3). */
  | { kind: "disputed"; milestone: string; amountMinor: bigint; disputeId: string | null }
  /** Every milestone is paid: the client adds the next one. */
  | { kind: "no_milestone" }
  /** Hourly: this week's hours against the limit, and the last invoice in review with the day it is released. */
  | {
      kind: "hourly";
      minutesThisWeek: number;
      limitMinutes: number;
      inReview: { amountMinor: bigint; releasesAt: Date | null } | null;
      disputeId: string | null;
    };

export interface FreelancerDashboardContract {
  id: string;
  title: string;
  type: JobType;
  clientName: string;
  step: FreelancerContractStep;
  /** The contract's next payment to leave the security period, and when (economy.md §4). */
  clearing: { netMinor: bigint; availableAt: Date } | null;
}

export interface FreelancerDashboard {
  /** The earnings page's balances by state, with what is in each. */
  money: EarningsBalances;
  /** The next automatic withdrawal as the runner will make it (economy.md §4), or null without a schedule. */
  nextWithdrawal: {
    runAt: Date;
    due: boolean;
    methodLabel: string;
    /** With today's Available balance: what it would take and what would arrive, or why nothing would be sent. */
    amountMinor: bigint;
    netMinor: bigint;
    payout: boolean;
    reason: AutoWithdrawalReason;
  } | null;
  connects: { balance: number; expiringSoon: { connects: number; expiresAt: Date }[] };
  /** Active contracts, the ones needing the freelancer first. */
  contracts: FreelancerDashboardContract[];
  /** Offers waiting for the freelancer's answer, soonest to expire first (economy.md §3.7). */
  offers: { contractId: string; title: string; type: JobType; clientName: string; offerExpiresAt: Date; hourlyRateMinor: bigint | null; totalMinor: bigint }[];
  /** Proposals waiting for the client, newest first (at most 5), and how many there are. */
  proposals: { id: string; jobId: string; jobTitle: string; jobType: JobType; status: ProposalStatus; bidMinor: bigint; submittedAt: Date }[];
  proposalsAwaiting: number;
  /** Open jobs on the marketplace, and the latest few. */
  openJobs: number;
  latestJobs: { id: string; title: string; publishedAt: Date | null; connectCost: number | null }[];
  /** Ended contracts still waiting for the freelancer's feedback, soonest to close first (economy.md §10.2). */
  feedbackToLeave: FeedbackToLeave[];
}

const NEEDS_FREELANCER: FreelancerContractStep["kind"][] = ["refund_requested", "disputed", "changes_requested", "work"];

/**
 * The freelancer's dashboard in one read (a fixed number of queries, whatever the number of
 * contracts): money by state with its dates, connects, active contracts with their next date,
 * offers to answer and proposals waiting for an answer.
 */
export async function getFreelancerDashboard(db: Db, freelancerId: string, now: Date): Promise<FreelancerDashboard> {
  const weekStart = startOfUtcWeek(now);
  const [money, standing, contracts, offers, proposals, proposalsAwaiting, openJobs, latestJobs, auto, { settings }, toLeave] = await Promise.all([
    loadEarningsBalances(db, freelancerId),
    connectsStanding(db, freelancerId, now),
    db.contract.findMany({
      where: { freelancerId, status: "ACTIVE" },
      orderBy: [{ startedAt: "desc" }, { id: "asc" }],
      select: {
        id: true,
        title: true,
        type: true,
        weeklyLimitHours: true,
        client: { select: { name: true } },
        milestones: {
          where: { status: { in: OPEN_MILESTONES } },
          orderBy: { position: "asc" },
          take: 1,
          select: { id: true, title: true, status: true, amountMinor: true, reviewDeadline: true, refundRequestDeadline: true },
        },
        hourlyWeeks: {
          where: { OR: [{ weekStart }, { status: { in: ["INVOICED", "DISPUTED"] } }] },
          orderBy: { weekStart: "asc" },
          select: { weekStart: true, status: true, minutes: true, amountMinor: true, disputeDeadline: true },
        },
        disputes: { where: { status: "OPEN" }, orderBy: { openedAt: "asc" }, select: { id: true, milestoneId: true } },
        payments: { where: { clearedAt: null }, orderBy: { availableAt: "asc" }, take: 1, select: { netMinor: true, availableAt: true } },
      },
    }),
    db.contract.findMany({
      where: { freelancerId, status: "OFFERED", offerExpiresAt: { gt: now } },
      orderBy: [{ offerExpiresAt: "asc" }, { id: "asc" }],
      select: { id: true, title: true, type: true, offerExpiresAt: true, hourlyRateMinor: true, client: { select: { name: true } }, milestones: { select: { amountMinor: true } } },
    }),
    db.proposal.findMany({
      where: { freelancerId, status: { in: AWAITING } },
      orderBy: [{ submittedAt: "desc" }, { id: "asc" }],
      take: 5,
      select: { id: true, jobId: true, status: true, bidMinor: true, submittedAt: true, job: { select: { title: true, type: true } } },
    }),
    db.proposal.count({ where: { freelancerId, status: { in: AWAITING } } }),
    // Paused jobs (their client is suspended, economy.md §5.3) are out of Find work, and so out of here.
    db.job.count({ where: { status: "OPEN", pausedAt: null } }),
    db.job.findMany({
      where: { status: "OPEN", pausedAt: null },
      orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
      take: 3,
      select: { id: true, title: true, publishedAt: true, connectCost: true },
    }),
    db.autoWithdrawalSetting.findUnique({
      where: { userId: freelancerId },
      select: { schedule: true, thresholdMinor: true, payoutMethodId: true, lastRunOn: true, updatedAt: true },
    }),
    loadSettings(db, now),
    feedbackToLeave(db, freelancerId, now),
  ]);

  const method = auto ? await db.payoutMethod.findUnique({ where: { id: auto.payoutMethodId }, select: { kind: true, label: true, usableFrom: true } }) : null;
  const outlook =
    auto && method
      ? await autoWithdrawalOutlook(db, {
          userId: freelancerId,
          setting: auto,
          method: { kind: method.kind as PayoutMethodKind, usableFrom: method.usableFrom },
          availableMinor: money.balances.availableMinor,
          now,
          settings,
        })
      : null;

  const rows = contracts.map((contract): FreelancerDashboardContract => {
    const payment = contract.payments[0];
    return {
      id: contract.id,
      title: contract.title,
      type: contract.type,
      clientName: contract.client.name,
      step: contract.type === "HOURLY" ? hourlyStep(contract, weekStart) : fixedStep(contract),
      clearing: payment ? { netMinor: payment.netMinor, availableAt: payment.availableAt } : null,
    };
  });
  // What needs the freelancer first, then the rest in the order read (newest contract first).
  const urgency = (row: FreelancerDashboardContract) => {
    const index = NEEDS_FREELANCER.indexOf(row.step.kind);
    return index < 0 ? NEEDS_FREELANCER.length : index;
  };

  return {
    money,
    nextWithdrawal:
      outlook && method
        ? {
            runAt: outlook.runAt,
            due: outlook.due,
            methodLabel: method.label,
            amountMinor: outlook.wouldSend.amountMinor,
            netMinor: outlook.wouldSend.netMinor,
            payout: outlook.wouldSend.payout,
            reason: outlook.wouldSend.reason,
          }
        : null,
    connects: { balance: standing.balance, expiringSoon: standing.lotsExpiringSoon.map(({ connects, expiresAt }) => ({ connects, expiresAt })) },
    contracts: rows.map((row, index) => ({ row, index })).sort((a, b) => urgency(a.row) - urgency(b.row) || a.index - b.index).map(({ row }) => row),
    offers: offers.map((offer) => ({
      contractId: offer.id,
      title: offer.title,
      type: offer.type,
      clientName: offer.client.name,
      offerExpiresAt: offer.offerExpiresAt,
      hourlyRateMinor: offer.hourlyRateMinor,
      totalMinor: offer.milestones.reduce((sum, m) => sum + m.amountMinor, 0n),
    })),
    proposals: proposals.map((p) => ({ id: p.id, jobId: p.jobId, jobTitle: p.job.title, jobType: p.job.type, status: p.status, bidMinor: p.bidMinor, submittedAt: p.submittedAt })),
    proposalsAwaiting,
    openJobs,
    latestJobs,
    feedbackToLeave: toLeave,
  };
}

type ContractRow = {
  weeklyLimitHours: number | null;
  milestones: { id: string; title: string; status: MilestoneStatus; amountMinor: bigint; reviewDeadline: Date | null; refundRequestDeadline: Date | null }[];
  hourlyWeeks: { weekStart: Date; status: string; minutes: number; amountMinor: bigint; disputeDeadline: Date | null }[];
  disputes: { id: string; milestoneId: string | null }[];
};

function fixedStep(contract: ContractRow): FreelancerContractStep {
  const current = contract.milestones[0];
  if (!current) return { kind: "no_milestone" };
  const base = { milestone: current.title, amountMinor: current.amountMinor };
  switch (current.status) {
    case "CREATED":
      return { kind: "awaiting_funding", ...base };
    case "SUBMITTED":
      return { kind: "in_review", ...base, autoApprovesAt: current.reviewDeadline };
    case "CHANGES_REQUESTED":
      return { kind: "changes_requested", ...base };
    case "REFUND_REQUESTED":
      return { kind: "refund_requested", ...base, answerBy: current.refundRequestDeadline };
    case "DISPUTED":
      return { kind: "disputed", ...base, disputeId: contract.disputes.find((d) => d.milestoneId === current.id)?.id ?? null };
    default:
      return { kind: "work", ...base };
  }
}

function hourlyStep(contract: ContractRow, weekStart: Date): FreelancerContractStep {
  const thisWeek = contract.hourlyWeeks.find((w) => w.weekStart.getTime() === weekStart.getTime());
  const invoiced = contract.hourlyWeeks.find((w) => w.status === "INVOICED");
  return {
    kind: "hourly",
    minutesThisWeek: thisWeek?.minutes ?? 0,
    limitMinutes: (contract.weeklyLimitHours ?? 0) * 60,
    inReview: invoiced ? { amountMinor: invoiced.amountMinor, releasesAt: invoiced.disputeDeadline } : null,
    disputeId: contract.disputes[0]?.id ?? null,
  };
}


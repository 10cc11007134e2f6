import { CONNECT_ENTRY_REASONS, rankProposals, clientTrustPanel, connectBalance, type ClientTrustPanel, type ConnectEntryReason, type StarAverage } from "@fairlance/rules";
import type { Db, ExperienceLevel, JobStatus, JobType, ProposalStatus } from "../client";
import { jobNotFound, jobRemoved } from "../services/jobs/shared";
import { ratingsOf } from "./reputation";
import { loadSettings } from "../settings/load-settings";

export interface JobForFreelancer {
  job: {
    id: string;
    title: string;
    description: string;
    type: JobType;
    status: JobStatus;
    budgetMinor: bigint | null;
    hourlyMinMinor: bigint | null;
    hourlyMaxMinor: bigint | null;
    estimatedHours: number | null;
    durationDays: number;
    experienceLevel: ExperienceLevel;
    skills: string[];
    publishedAt: Date | null;
    proposalCount: number;
    /** Set while its client is suspended (economy.md §5.3): it takes no proposals. */
    pausedAt: Date | null;
  };
  /** The job's cost as published (economy.md §2.3); `invited` proposals pay 0 of it. */
  connectCost: number;
  invited: boolean;
  /** What this freelancer would pay before any boost. */
  costForYou: number;
  connectBalance: number;
  /** The client's trust panel (economy.md §5), who they are (to link their profile) and the stars freelancers gave them (§10.5). */
  client: ClientTrustPanel & { id: string; name: string; rating: StarAverage };
  myProposal: { id: string; status: ProposalStatus; bidMinor: bigint; connectCost: number; boostConnects: number; connectsRefunded: number; submittedAt: Date; boost: MyBoost | null } | null;
}

/**
 * Where a boosted proposal stands in its job's auction (economy.md §2.3): whether it holds one of the
 * top slots now (the same ranking the client's list shows, `rankProposals`), and once the auction
 * has settled it, whether the boost was kept.
 */
export interface MyBoost {
  topSlot: boolean;
  slots: number;
  auctionClosesAt: Date | null;
  /** null while the auction is open; then "kept" or "refunded". */
  settled: "kept" | "refunded" | null;
  /** The client interacted with it while it was boosted, so the boost is kept whatever its rank. */
  clientInteracted: boolean;
}

/** A job as a freelancer sees it before proposing: cost, their balance, the client's trust panel (economy.md §2.3, §5). */
export async function getJobForFreelancer(db: Db, jobId: string, freelancerId: string, now: Date): Promise<JobForFreelancer> {
  const job = await db.job.findUnique({ where: { id: jobId } });
  if (!job || job.status === "DRAFT") throw jobNotFound();
  const pair = { jobId_freelancerId: { jobId, freelancerId } };
  const [lots, invitation, myProposal, trust, clientUser, ratings] = await Promise.all([
    db.connectLot.findMany({ where: { userId: freelancerId, remaining: { gt: 0 } }, select: { id: true, expiresAt: true, remaining: true } }),
    db.invitation.findUnique({ where: pair, select: { id: true } }),
    db.proposal.findUnique({
      where: pair,
      select: {
        id: true, status: true, bidMinor: true, connectCost: true, boostConnects: true, connectsRefunded: true, submittedAt: true,
        boostRefunded: true, boostSettledAt: true, clientInteractedAt: true,
      },
    }),
    clientTrust(db, job.clientId),
    db.user.findUniqueOrThrow({ where: { id: job.clientId }, select: { id: true, name: true } }),
    ratingsOf(db, [job.clientId]),
  ]);
  // A job taken down as a scam stays visible only to those who had proposed (to see their refund).
  if (job.status === "REMOVED" && !myProposal) throw jobRemoved();
  const connectCost = job.connectCost ?? 0;
  const boost = myProposal && myProposal.boostConnects > 0 ? await boostStanding(db, job, myProposal, now) : null;
  const mine = myProposal
    ? (({ boostRefunded: _refunded, boostSettledAt: _settled, clientInteractedAt: _interacted, ...rest }) => ({ ...rest, boost }))(myProposal)
    : null;
  return {
    job: {
      id: job.id,
      title: job.title,
      description: job.description,
      type: job.type,
      status: job.status,
      budgetMinor: job.budgetMinor,
      hourlyMinMinor: job.hourlyMinMinor,
      hourlyMaxMinor: job.hourlyMaxMinor,
      estimatedHours: job.estimatedHours,
      durationDays: job.durationDays,
      experienceLevel: job.experienceLevel,
      skills: job.skills,
      publishedAt: job.publishedAt,
      proposalCount: job.proposalCount,
      pausedAt: job.pausedAt,
    },
    connectCost,
    invited: invitation !== null,
    costForYou: invitation ? 0 : connectCost,
    connectBalance: connectBalance(lots, now),
    client: { ...trust, id: clientUser.id, name: clientUser.name, rating: ratings[job.clientId]! },
    myProposal: mine,
  };
}

async function boostStanding(
  db: Db,
  job: { id: string; auctionClosesAt: Date | null },
  mine: { id: string; boostRefunded: boolean; boostSettledAt: Date | null; clientInteractedAt: Date | null },
  now: Date,
): Promise<MyBoost> {
  const [boosted, { settings }] = await Promise.all([
    db.proposal.findMany({ where: { jobId: job.id, boostConnects: { gt: 0 } }, select: { id: true, status: true, boostConnects: true, boostRefunded: true, submittedAt: true } }),
    loadSettings(db, now),
  ]);
  const ranked = rankProposals(boosted, settings);
  return {
    topSlot: ranked.some((proposal) => proposal.id === mine.id && proposal.topSlot),
    slots: settings.boostSlots,
    auctionClosesAt: job.auctionClosesAt,
    settled: mine.boostRefunded ? "refunded" : mine.boostSettledAt === null ? null : "kept",
    clientInteracted: mine.clientInteractedAt !== null,
  };
}

const HIRED_CONTRACT = { status: { in: ["ACTIVE" as const, "ENDED" as const] } };

/** The client trust panel (economy.md §5) from the client's payment methods, payments, contracts and jobs. */
export async function clientTrust(db: Db, clientId: string): Promise<ClientTrustPanel> {
  const [user, verified, spent, hires, jobsPosted, jobsWithHire, openJobs] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: clientId }, select: { createdAt: true } }),
    db.paymentMethod.count({ where: { userId: clientId, status: "VERIFIED" } }),
    db.payment.aggregate({ where: { clientId }, _sum: { grossMinor: true } }),
    db.contract.count({ where: { clientId, ...HIRED_CONTRACT } }),
    db.job.count({ where: { clientId, publishedAt: { not: null } } }),
    db.job.count({ where: { clientId, publishedAt: { not: null }, OR: [{ status: "HIRED" }, { contracts: { some: HIRED_CONTRACT } }] } }),
    db.job.count({ where: { clientId, status: "OPEN" } }),
  ]);
  return clientTrustPanel({
    paymentVerified: verified > 0,
    totalSpentMinor: spent._sum.grossMinor ?? 0n,
    jobsPosted,
    jobsWithHire,
    hires,
    openJobs,
    memberSince: user.createdAt,
  });
}

export interface MyProposal {
  proposalId: string;
  jobId: string;
  jobTitle: string;
  /** Whether the bid is an amount (FIXED) or an hourly rate (HOURLY). */
  jobType: "FIXED" | "HOURLY";
  status: ProposalStatus;
  bidMinor: bigint;
  submittedAt: Date;
  connectCost: number;
  boostConnects: number;
  /** From the connects ledger: what the proposal took and what came back. */
  connectsSpent: number;
  connectsRefunded: number;
  /** The latest refund's reason, in words, with its note naming the job; null when nothing came back. */
  refundReason: string | null;
  refundNote: string | null;
}

/** A freelancer's proposals, newest first, with connects spent and refunded and why (economy.md §2.2, §8). */
export async function listMyProposals(db: Db, freelancerId: string): Promise<MyProposal[]> {
  const proposals = await db.proposal.findMany({
    where: { freelancerId },
    orderBy: [{ submittedAt: "desc" }, { id: "asc" }],
    select: { id: true, jobId: true, status: true, bidMinor: true, submittedAt: true, connectCost: true, boostConnects: true, job: { select: { title: true, type: true } } },
  });
  const entries = await db.connectEntry.findMany({
    where: { userId: freelancerId, proposalId: { in: proposals.map((proposal) => proposal.id) }, kind: { in: ["SPEND", "REFUND"] } },
    orderBy: { id: "asc" },
    select: { proposalId: true, kind: true, delta: true, reason: true, note: true },
  });
  return proposals.map((proposal) => {
    const own = entries.filter((entry) => entry.proposalId === proposal.id);
    const refunds = own.filter((entry) => entry.kind === "REFUND");
    const last = refunds.at(-1);
    return {
      proposalId: proposal.id,
      jobId: proposal.jobId,
      jobTitle: proposal.job.title,
      jobType: proposal.job.type,
      status: proposal.status,
      bidMinor: proposal.bidMinor,
      submittedAt: proposal.submittedAt,
      connectCost: proposal.connectCost,
      boostConnects: proposal.boostConnects,
      connectsSpent: -own.filter((entry) => entry.kind === "SPEND").reduce((sum, entry) => sum + entry.delta, 0),
      connectsRefunded: refunds.reduce((sum, entry) => sum + entry.delta, 0),
      refundReason: last ? (CONNECT_ENTRY_REASONS[last.reason as ConnectEntryReason] ?? last.reason) : null,
      refundNote: last?.note ?? null,
    };
  });
}

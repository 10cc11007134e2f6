import type { Db, JobStatus, JobType, MilestoneStatus, ProposalStatus } from "../client";
import { feedbackToLeave, type FeedbackToLeave } from "./reputation";

/** Milestones still to be paid or given back: the first by position is the contract's current one. */
const OPEN_MILESTONES: MilestoneStatus[] = ["CREATED", "FUNDED", "SUBMITTED", "CHANGES_REQUESTED", "REFUND_REQUESTED", "DISPUTED"];
/** Milestones whose money is in escrow (economy.md §3.3, §9). */
const ESCROW: MilestoneStatus[] = ["FUNDED", "SUBMITTED", "CHANGES_REQUESTED", "REFUND_REQUESTED", "DISPUTED"];
/** Proposals still in play on a job. */
const LIVE: ProposalStatus[] = ["SUBMITTED", "VIEWED", "SHORTLISTED", "INTERVIEWING", "OFFERED"];

/** Something only the client can move, with the date it comes with. */
export type ClientTask =
  /** Work submitted: approve, ask for changes or dispute; approved automatically at `autoApprovesAt` (economy.md §3.3). */
  | { kind: "review_work"; contractId: string; contractTitle: string; freelancerName: string; milestone: string; amountMinor: bigint; autoApprovesAt: Date | null }
  /** An hourly invoice the client can dispute until `disputeBy` (exclusive: Saturday 00:00 UTC), released then (economy.md §3.4). */
  | { kind: "review_invoice"; contractId: string; contractTitle: string; freelancerName: string; weekStart: Date; amountMinor: bigint; disputeBy: Date | null }
  /** The current milestone of an active contract is not funded: work cannot start until it is (economy.md §3.2). */
  | { kind: "fund_milestone"; contractId: string; contractTitle: string; freelancerName: string; milestone: string; amountMinor: bigint }
  /** An active fixed-price contract with every milestone paid: add the next one, or end the contract. */
  | { kind: "add_milestone"; contractId: string; contractTitle: string; freelancerName: string }
  /** An open dispute: statements, a proposed split to answer (`splitProposedByOther`), or the admin's decision to wait for (economy.md §9.3). */
  | { kind: "dispute"; disputeId: string; contractId: string; contractTitle: string; what: string; amountMinor: bigint; openedAt: Date; splitProposedByOther: boolean };

/** Something the client started that waits on the freelancer, with its date. */
export type ClientWaiting =
  /** A refund request: the escrow comes back at `comesBackAt` unless the freelancer gives it back sooner or disputes (economy.md §9.1). */
  | { kind: "refund_request"; contractId: string; contractTitle: string; freelancerName: string; milestone: string; amountMinor: bigint; comesBackAt: Date | null }
  /** Changes asked for: the freelancer submits again. */
  | { kind: "changes_requested"; contractId: string; contractTitle: string; freelancerName: string; milestone: string; amountMinor: bigint };

export interface ClientDashboard {
  /** Open jobs, then drafts, newest first, with their proposals still in play and those not opened yet. */
  jobs: { id: string; title: string; status: JobStatus; type: JobType; publishedAt: Date | null; liveProposals: number; unviewedProposals: number }[];
  /** Jobs of every status, for the link to all of them. */
  jobsTotal: number;
  /** Offers sent and not answered yet, soonest to expire first (economy.md §3.7). */
  offers: { contractId: string; title: string; type: JobType; freelancerName: string; offeredAt: Date; offerExpiresAt: Date; hourlyRateMinor: bigint | null; totalMinor: bigint; fundedMinor: bigint }[];
  /** Money held in escrow for the client's contracts (milestones and hourly invoices, without the client fee), per contract. */
  escrow: { totalMinor: bigint; contracts: { contractId: string; title: string; freelancerName: string; amountMinor: bigint; inDisputeMinor: bigint }[] };
  /** What only the client can move, most pressing first (disputes, then by date). */
  tasks: ClientTask[];
  /** What waits on the freelancers. */
  waiting: ClientWaiting[];
  activeContracts: number;
  /** Ended contracts still waiting for the client's feedback, soonest to close first (economy.md §10.2). */
  feedbackToLeave: FeedbackToLeave[];
}

/**
 * The client's dashboard in one read (a fixed number of queries, whatever the number of jobs and
 * contracts): open jobs with their proposals, offers out, escrow per contract, and what waits for
 * the client, each with its date.
 */
export async function getClientDashboard(db: Db, clientId: string, now: Date): Promise<ClientDashboard> {
  const ownJob = { clientId, status: { in: ["OPEN", "DRAFT"] as JobStatus[] } };
  const person = { select: { name: true } };
  const [jobs, counts, jobsTotal, offers, milestones, weeks, disputes, fixedActive, activeContracts, toLeave] = await Promise.all([
    db.job.findMany({
      where: ownJob,
      // Open jobs first (the enum orders DRAFT before OPEN), newest first.
      orderBy: [{ status: "desc" }, { createdAt: "desc" }, { id: "asc" }],
      select: { id: true, title: true, status: true, type: true, publishedAt: true },
    }),
    db.proposal.groupBy({ by: ["jobId", "status"], where: { job: ownJob }, _count: { _all: true } }),
    db.job.count({ where: { clientId } }),
    db.contract.findMany({
      where: { clientId, status: "OFFERED", offerExpiresAt: { gt: now } },
      orderBy: [{ offerExpiresAt: "asc" }, { id: "asc" }],
      select: { id: true, title: true, type: true, offeredAt: true, offerExpiresAt: true, hourlyRateMinor: true, freelancer: person, milestones: { select: { amountMinor: true, status: true } } },
    }),
    // Open milestones of active contracts, and escrow left on ended ones (submitted work keeps its review).
    db.milestone.findMany({
      where: { contract: { clientId }, OR: [{ status: { in: OPEN_MILESTONES }, contract: { status: "ACTIVE" } }, { status: { in: ESCROW } }] },
      orderBy: [{ contractId: "asc" }, { position: "asc" }],
      select: {
        id: true,
        title: true,
        status: true,
        amountMinor: true,
        reviewDeadline: true,
        refundRequestDeadline: true,
        contract: { select: { id: true, title: true, status: true, type: true, freelancer: person } },
      },
    }),
    db.hourlyWeek.findMany({
      where: { contract: { clientId }, status: { in: ["INVOICED", "DISPUTED"] } },
      orderBy: [{ weekStart: "asc" }, { id: "asc" }],
      select: { id: true, weekStart: true, status: true, amountMinor: true, disputeDeadline: true, contract: { select: { id: true, title: true, freelancer: person } } },
    }),
    db.dispute.findMany({
      where: { status: "OPEN", contract: { clientId } },
      orderBy: [{ openedAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        amountMinor: true,
        openedAt: true,
        proposedById: true,
        contract: { select: { id: true, title: true } },
        milestone: { select: { title: true } },
        hourlyWeek: { select: { weekStart: true } },
      },
    }),
    db.contract.findMany({
      where: { clientId, status: "ACTIVE", type: "FIXED" },
      select: { id: true, title: true, freelancer: person, _count: { select: { milestones: { where: { status: { in: OPEN_MILESTONES } } } } } },
    }),
    db.contract.count({ where: { clientId, status: "ACTIVE" } }),
    feedbackToLeave(db, clientId, now),
  ]);

  const count = (jobId: string, statuses: ProposalStatus[]) =>
    counts.filter((row) => row.jobId === jobId && statuses.includes(row.status)).reduce((sum, row) => sum + row._count._all, 0);

  // Escrow per contract, in the order of its first money.
  const perContract = new Map<string, ClientDashboard["escrow"]["contracts"][number]>();
  const hold = (contract: { id: string; title: string; freelancer: { name: string } }, amountMinor: bigint, disputed: boolean) => {
    const row = perContract.get(contract.id) ?? { contractId: contract.id, title: contract.title, freelancerName: contract.freelancer.name, amountMinor: 0n, inDisputeMinor: 0n };
    row.amountMinor += amountMinor;
    if (disputed) row.inDisputeMinor += amountMinor;
    perContract.set(contract.id, row);
  };
  for (const m of milestones) if (ESCROW.includes(m.status)) hold(m.contract, m.amountMinor, m.status === "DISPUTED");
  for (const w of weeks) hold(w.contract, w.amountMinor, w.status === "DISPUTED");

  const tasks: ClientTask[] = [];
  const waiting: ClientWaiting[] = [];
  const seenCurrent = new Set<string>();
  for (const m of milestones) {
    const c = m.contract;
    const on = { contractId: c.id, contractTitle: c.title, freelancerName: c.freelancer.name, milestone: m.title, amountMinor: m.amountMinor };
    // The first open milestone of an active contract is its current one (as on the contract page).
    const current = c.status === "ACTIVE" && !seenCurrent.has(c.id);
    if (c.status === "ACTIVE") seenCurrent.add(c.id);
    if (m.status === "SUBMITTED") tasks.push({ kind: "review_work", ...on, autoApprovesAt: m.reviewDeadline });
    else if (m.status === "CREATED" && current) tasks.push({ kind: "fund_milestone", ...on });
    else if (m.status === "REFUND_REQUESTED") waiting.push({ kind: "refund_request", ...on, comesBackAt: m.refundRequestDeadline });
    else if (m.status === "CHANGES_REQUESTED") waiting.push({ kind: "changes_requested", ...on });
  }
  for (const w of weeks) {
    if (w.status === "INVOICED" && w.disputeDeadline && w.disputeDeadline > now) {
      tasks.push({ kind: "review_invoice", contractId: w.contract.id, contractTitle: w.contract.title, freelancerName: w.contract.freelancer.name, weekStart: w.weekStart, amountMinor: w.amountMinor, disputeBy: w.disputeDeadline });
    }
  }
  for (const c of fixedActive) {
    if (c._count.milestones === 0) tasks.push({ kind: "add_milestone", contractId: c.id, contractTitle: c.title, freelancerName: c.freelancer.name });
  }
  const when = (task: ClientTask) => (task.kind === "review_work" ? task.autoApprovesAt : task.kind === "review_invoice" ? task.disputeBy : null)?.getTime() ?? Number.MAX_SAFE_INTEGER;
  tasks.sort((a, b) => when(a) - when(b));
  const disputeTasks: ClientTask[] = disputes.map((d) => ({
    kind: "dispute",
    disputeId: d.id,
    contractId: d.contract.id,
    contractTitle: d.contract.title,
    what: d.milestone ? d.milestone.title : `Week of ${d.hourlyWeek!.weekStart.toISOString().slice(0, 10)}`,
    amountMinor: d.amountMinor,
    openedAt: d.openedAt,
    splitProposedByOther: d.proposedById !== null && d.proposedById !== clientId,
  }));

  const escrowRows = [...perContract.values()];
  return {
    jobs: jobs.map((job) => ({ ...job, liveProposals: count(job.id, LIVE), unviewedProposals: count(job.id, ["SUBMITTED"]) })),
    jobsTotal,
    offers: offers.map((offer) => ({
      contractId: offer.id,
      title: offer.title,
      type: offer.type,
      freelancerName: offer.freelancer.name,
      offeredAt: offer.offeredAt,
      offerExpiresAt: offer.offerExpiresAt,
      hourlyRateMinor: offer.hourlyRateMinor,
      totalMinor: offer.milestones.reduce((sum, m) => sum + m.amountMinor, 0n),
      fundedMinor: offer.milestones.filter((m) => ESCROW.includes(m.status)).reduce((sum, m) => sum + m.amountMinor, 0n),
    })),
    escrow: { totalMinor: escrowRows.reduce((sum, row) => sum + row.amountMinor, 0n), contracts: escrowRows },
    tasks: [...disputeTasks, ...tasks],
    waiting,
    activeContracts,
    feedbackToLeave: toLeave,
  };
}

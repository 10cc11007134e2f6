import {
  computeClientFee,
  formatUtcMoment,
  isDisputeWindowOpen,
  previewHourlyWeek,
  previewPaymentSequence,
  previewServiceFee,
  startOfUtcDay,
  startOfUtcWeek,
  type FeeSchedule,
} from "@fairlance/rules";
import type { ContractStatus, Db, JobType, MilestoneStatus, ProposalStatus } from "../client";
import { DomainError } from "../errors";
import { contractSchedule } from "../services/contracts/access";
import { getContract } from "./contract-view";
import type { AttachmentLinker } from "../files/attachment-links";
import { attachmentViews } from "./messages";
import { loadSettings } from "../settings/load-settings";
import { freelancerSummary } from "./freelancer-summary";
import { escapeLike } from "./like";

/** A fee preview as a page shows it (economy.md §3.5): gross, fee by band, net, and the band standing after it. */
export interface FeePreviewView {
  grossMinor: bigint;
  feeMinor: bigint;
  netMinor: bigint;
  bands: { rateBps: number; partMinor: bigint; feeMinor: bigint }[];
  priorBilledMinor: bigint;
  currentRateBps: number | null;
  nextRateBps: number | null;
  /** Billing still needed with this client, after this payment, to reach the next band. */
  remainingToNextMinor: bigint | null;
}

export function feePreviewView(input: { priorBilledMinor: bigint; amountMinor: bigint; schedule: FeeSchedule }): FeePreviewView {
  return feePreviewFromService(previewServiceFee(input), input.priorBilledMinor);
}

function feePreviewFromService(preview: ReturnType<typeof previewServiceFee>, priorBilledMinor: bigint): FeePreviewView {
  return {
    grossMinor: preview.amountMinor,
    feeMinor: preview.feeMinor,
    netMinor: preview.netMinor,
    bands: preview.bands.map((band) => ({ rateBps: band.rateBps, partMinor: band.partMinor, feeMinor: band.feeMinor })),
    priorBilledMinor,
    currentRateBps: preview.after.current?.rateBps ?? null,
    nextRateBps: preview.after.next?.rateBps ?? null,
    remainingToNextMinor: preview.after.remainingToNextMinor,
  };
}

/** One line of a sequence preview as the page shows it (the same shape as a single preview). */
function sequenceLineView(line: ReturnType<typeof previewPaymentSequence>["payments"][number]): FeePreviewView {
  return {
    grossMinor: line.amountMinor,
    feeMinor: line.feeMinor,
    netMinor: line.netMinor,
    bands: line.bands.map((band) => ({ rateBps: band.rateBps, partMinor: band.partMinor, feeMinor: band.feeMinor })),
    priorBilledMinor: line.priorBilledMinor,
    currentRateBps: line.after.current?.rateBps ?? null,
    nextRateBps: line.after.next?.rateBps ?? null,
    remainingToNextMinor: line.after.remainingToNextMinor,
  };
}

/**
 * The freelancer's fee on the milestones still to be paid, previewed in order (economy.md §3.5):
 * each after the lifetime billings with the client and the milestones before it, one total for
 * the contract. Released in another order, the split between milestones changes.
 */
export interface FeePlanView {
  milestoneCount: number;
  grossMinor: bigint;
  feeMinor: bigint;
  netMinor: bigint;
  bands: { rateBps: number; partMinor: bigint; feeMinor: bigint }[];
  splitDependsOnOrder: boolean;
  priorBilledMinor: bigint;
  currentRateBps: number | null;
  nextRateBps: number | null;
  remainingToNextMinor: bigint | null;
}

async function billedBetween(db: Db, clientId: string, freelancerId: string): Promise<bigint> {
  const row = await db.billing.findUnique({ where: { clientId_freelancerId: { clientId, freelancerId } }, select: { billedMinor: true } });
  return row?.billedMinor ?? 0n;
}

export interface ContractListItem {
  id: string;
  title: string;
  type: JobType;
  status: ContractStatus;
  otherPartyName: string;
  /** The other party, to link their public profile. */
  otherParty: { id: string; name: string; role: "CLIENT" | "FREELANCER" };
  offeredAt: Date;
  /** What the viewer should do next, as a sentence. */
  nextAction: string;
  needsYou: boolean;
}

const OPEN: MilestoneStatus[] = ["CREATED", "FUNDED", "SUBMITTED", "CHANGES_REQUESTED", "REFUND_REQUESTED", "DISPUTED"];
const ESCROW: MilestoneStatus[] = ["FUNDED", "SUBMITTED", "CHANGES_REQUESTED", "REFUND_REQUESTED", "DISPUTED"];

/** Both roles: every contract of the viewer with its status and the next action (economy.md §3.1). */
export async function listContracts(db: Db, userId: string, now: Date): Promise<ContractListItem[]> {
  const contracts = await db.contract.findMany({
    where: { OR: [{ clientId: userId }, { freelancerId: userId }] },
    orderBy: { offeredAt: "desc" },
    select: {
      id: true,
      title: true,
      type: true,
      status: true,
      offeredAt: true,
      offerExpiresAt: true,
      clientId: true,
      client: { select: { id: true, name: true } },
      freelancer: { select: { id: true, name: true } },
      milestones: { where: { status: { in: OPEN } }, orderBy: { position: "asc" }, take: 1, select: { title: true, status: true } },
      hourlyWeeks: { where: { status: "INVOICED" }, select: { weekStart: true } },
    },
  });
  return contracts.map((c) => {
    const isClient = c.clientId === userId;
    const { text, needsYou } = nextAction(c, isClient, now);
    return {
      id: c.id,
      title: c.title,
      type: c.type,
      status: c.status,
      otherPartyName: isClient ? c.freelancer.name : c.client.name,
      otherParty: isClient ? { ...c.freelancer, role: "FREELANCER" as const } : { ...c.client, role: "CLIENT" as const },
      offeredAt: c.offeredAt,
      nextAction: text,
      needsYou,
    };
  });
}

function nextAction(
  c: { status: ContractStatus; type: JobType; offerExpiresAt: Date; milestones: { title: string; status: MilestoneStatus }[]; hourlyWeeks: { weekStart: Date }[] },
  isClient: boolean,
  now: Date,
): { text: string; needsYou: boolean } {
  if (c.status === "ENDED") return { text: "Ended: nothing to do.", needsYou: false };
  if (c.status === "DECLINED") return { text: "The offer was declined.", needsYou: false };
  // economy.md §3.7: an offer not accepted by its expiry expires.
  if (c.status === "EXPIRED" || (c.status === "OFFERED" && now.getTime() >= c.offerExpiresAt.getTime())) {
    return { text: "The offer expired before it was accepted.", needsYou: false };
  }
  if (c.status === "OFFERED") {
    const until = `by ${formatUtcMoment(c.offerExpiresAt)}`;
    return isClient
      ? { text: `Waiting for the freelancer to accept the offer (it expires ${until}).`, needsYou: false }
      : { text: `Accept or decline the offer ${until}.`, needsYou: true };
  }
  if (c.type === "HOURLY") {
    if (isClient && c.hourlyWeeks.some((w) => isDisputeWindowOpen(w.weekStart, now))) return { text: "Review this week's hourly invoice.", needsYou: true };
    return isClient ? { text: "Hours are invoiced every Monday.", needsYou: false } : { text: "Log your hours for this week.", needsYou: true };
  }
  const current = c.milestones[0];
  if (!current) return isClient ? { text: "Add a milestone to continue.", needsYou: true } : { text: "Waiting for the client to add a milestone.", needsYou: false };
  const name = `"${current.title}"`;
  switch (current.status) {
    case "CREATED":
      return isClient ? { text: `Fund milestone ${name}.`, needsYou: true } : { text: `Wait for the client to fund ${name}: do not start work yet.`, needsYou: false };
    case "SUBMITTED":
      return isClient ? { text: `Review the work submitted for ${name}.`, needsYou: true } : { text: `Waiting for the client to review ${name}.`, needsYou: false };
    case "REFUND_REQUESTED":
      return isClient ? { text: `Waiting for the freelancer to answer your refund request on ${name}.`, needsYou: false } : { text: `Answer the client's refund request on ${name}.`, needsYou: true };
    case "DISPUTED":
      return { text: `${name} is in dispute: add your statement.`, needsYou: true };
    default:
      return isClient ? { text: `Waiting for work on ${name}.`, needsYou: false } : { text: `Work on ${name} and submit it.`, needsYou: true };
  }
}

/**
 * One contract with everything its page shows before anyone confirms (economy.md §0.6): each unfunded
 * milestone's client fee and total charge, each milestone's service-fee preview (what the
 * freelancer receives), the security period, and the current hourly week.
 */
export async function getContractPage(db: Db, contractId: string, viewerId: string, now: Date, links: AttachmentLinker) {
  const contract = await getContract(db, contractId, viewerId);
  const [priorBilledMinor, { settings }] = await Promise.all([billedBetween(db, contract.clientId, contract.freelancerId), loadSettings(db, now)]);
  // The freelancer's fee is theirs to see: the client's view carries none of it (no band, no net).
  const isFreelancer = contract.freelancerId === viewerId;
  const open = contract.milestones.filter((m) => OPEN.includes(m.status)).sort((a, b) => a.position - b.position);
  const sequence = previewPaymentSequence({ priorBilledMinor, amountsMinor: open.map((m) => m.amountMinor), schedule: contract.feeSchedule });
  const lineOf = new Map(open.map((m, index) => [m.id, sequence.payments[index]!]));
  const milestones = contract.milestones.map((m) => {
    const line = lineOf.get(m.id);
    return {
      ...m,
      // The files delivered with the work (economy.md §5.1), with download links for the two parties.
      attachments: attachmentViews(m.attachments, links),
      fundQuote: m.status === "CREATED" ? computeClientFee({ amountMinor: m.amountMinor, rateBps: contract.clientFeeBps }) : null,
      feePreview: isFreelancer && line ? sequenceLineView(line) : null,
    };
  });
  const feePlan: FeePlanView | null =
    isFreelancer && contract.type === "FIXED" && open.length > 0
      ? {
          milestoneCount: open.length,
          grossMinor: sequence.grossMinor,
          feeMinor: sequence.feeMinor,
          netMinor: sequence.netMinor,
          bands: sequence.bands.map((band) => ({ rateBps: band.rateBps, partMinor: band.partMinor, feeMinor: band.feeMinor })),
          splitDependsOnOrder: sequence.splitDependsOnOrder,
          priorBilledMinor,
          currentRateBps: sequence.after.current?.rateBps ?? null,
          nextRateBps: sequence.after.next?.rateBps ?? null,
          remainingToNextMinor: sequence.after.remainingToNextMinor,
        }
      : null;
  const hourlyWeekPreview =
    isFreelancer && contract.type === "HOURLY" && contract.hourlyRateMinor !== null && contract.weeklyLimitHours !== null
      ? feePreviewFromService(previewHourlyWeek({ priorBilledMinor, hourlyRateMinor: contract.hourlyRateMinor, weeklyLimitHours: contract.weeklyLimitHours, schedule: contract.feeSchedule }), priorBilledMinor)
      : null;
  const weekStart = startOfUtcWeek(now);
  const thisWeek = contract.hourlyWeeks.find((w) => w.weekStart.getTime() === weekStart.getTime());
  const hourlyWeeks = contract.hourlyWeeks.map((w) => ({ ...w, disputable: w.status === "INVOICED" && isDisputeWindowOpen(w.weekStart, now) }));
  // The other party's suspension, in words and without its private reason (economy.md §5.3).
  const otherId = contract.clientId === viewerId ? contract.freelancerId : contract.clientId;
  const other = await db.user.findUnique({ where: { id: otherId }, select: { suspendedAt: true } });
  return {
    otherPartyNotice: other?.suspendedAt ? otherPartyNotice(contract, viewerId) : null,
    ...contract,
    milestones,
    hourlyWeeks,
    /** Money in escrow now: refunded to the client (or released by them) if the contract ends. */
    escrowMinor: contract.milestones.filter((m) => ESCROW.includes(m.status)).reduce((sum, m) => sum + m.amountMinor, 0n),
    viewerRole: contract.clientId === viewerId ? ("CLIENT" as const) : ("FREELANCER" as const),
    priorBilledMinor,
    feePlan,
    hourlyWeekPreview,
    securityPeriodDays: settings.securityPeriodDays,
    reviewWindowDays: settings.reviewWindowDays,
    maxChangeRequests: settings.maxChangeRequests,
    refundRequestDays: settings.refundRequestDays,
    milestoneMinimumMinor: settings.milestoneMinimumMinor,
    currentWeek: contract.type === "HOURLY" ? { weekStart, today: startOfUtcDay(now), minutes: thisWeek?.minutes ?? 0, limitMinutes: (contract.weeklyLimitHours ?? 0) * 60 } : null,
  };
}

export type ContractPage = Awaited<ReturnType<typeof getContractPage>>;

/** A bonus before it is paid (economy.md §3.6): the client's charge and what the freelancer receives. */
export async function quoteBonus(db: Db, input: { contractId: string; clientId: string; amountMinor: bigint }) {
  const contract = await db.contract.findUnique({
    where: { id: input.contractId },
    select: { clientId: true, freelancerId: true, clientFeeBps: true, feeSchedule: true },
  });
  if (!contract || contract.clientId !== input.clientId) throw new DomainError("NOT_FOUND", "This contract does not exist.");
  const prior = await billedBetween(db, contract.clientId, contract.freelancerId);
  return {
    clientFee: computeClientFee({ amountMinor: input.amountMinor, rateBps: contract.clientFeeBps }),
    freelancerReceives: feePreviewView({ priorBilledMinor: prior, amountMinor: input.amountMinor, schedule: contractSchedule(contract.feeSchedule) }),
  };
}

/** A proposal as the hiring client sees it: the bid, the client fee rate in force and the milestone minimum. */
export async function getHireQuote(db: Db, input: { proposalId: string; clientId: string; now: Date }) {
  const proposal = await db.proposal.findUnique({
    where: { id: input.proposalId },
    select: {
      id: true,
      status: true,
      bidMinor: true,
      coverLetter: true,
      freelancer: { select: { id: true, name: true } },
      job: { select: { id: true, clientId: true, title: true, type: true, budgetMinor: true, status: true } },
    },
  });
  if (!proposal || proposal.job.clientId !== input.clientId) throw new DomainError("NOT_FOUND", "This proposal does not exist.");
  const [{ settings }, summary] = await Promise.all([loadSettings(db, input.now), freelancerSummary(db, proposal.freelancer.id)]);
  const status: ProposalStatus = proposal.status;
  return {
    proposalId: proposal.id,
    status,
    bidMinor: proposal.bidMinor,
    coverLetter: proposal.coverLetter,
    freelancer: { ...proposal.freelancer, summary },
    job: { id: proposal.job.id, title: proposal.job.title, type: proposal.job.type, budgetMinor: proposal.job.budgetMinor, status: proposal.job.status },
    clientFeeBps: settings.clientFeeBps,
    /** For a fixed job: the fee on funding the whole bid; for hourly: on one hour. */
    bidClientFee: computeClientFee({ amountMinor: proposal.bidMinor, rateBps: settings.clientFeeBps }),
    milestoneMinimumMinor: settings.milestoneMinimumMinor,
    /** Days the freelancer has to accept the offer before it expires (economy.md §3.7). */
    offerExpiryDays: settings.offerExpiryDays,
  };
}

/** The client fee on amounts being typed into an offer, under the settings in force now. */
export async function quoteClientFee(db: Db, input: { amountsMinor: bigint[]; now: Date }) {
  const { settings } = await loadSettings(db, input.now);
  const lines = input.amountsMinor.map((amountMinor) => computeClientFee({ amountMinor, rateBps: settings.clientFeeBps }));
  return {
    clientFeeBps: settings.clientFeeBps,
    milestoneMinimumMinor: settings.milestoneMinimumMinor,
    lines,
    totalMinor: lines.reduce((sum, line) => sum + line.totalMinor, 0n),
    amountMinor: lines.reduce((sum, line) => sum + line.amountMinor, 0n),
    feeMinor: lines.reduce((sum, line) => sum + line.feeMinor, 0n),
  };
}

/** The freelancer a direct offer goes to, by id (from a link or a pick), with their summary (photo, title, score, stars, earnings); NOT_FOUND for anyone else. */
export async function findOfferTarget(db: Db, input: { freelancerId: string }) {
  const user = await db.user.findUnique({ where: { id: input.freelancerId }, select: { id: true, name: true, role: true } });
  if (!user || user.role !== "FREELANCER") throw new DomainError("NOT_FOUND", "There is no such freelancer.");
  return { id: user.id, name: user.name, summary: await freelancerSummary(db, user.id) };
}

export interface OfferCandidate {
  id: string;
  name: string;
  memberSince: Date;
  /** Contracts this freelancer has had with the client asking. */
  contractsWithYou: number;
  /** Proposals this freelancer sent to the client's jobs. */
  proposalsToYou: number;
}

/**
 * Freelancers a client can make a direct offer to: with no search, the ones they have dealt with
 * (contracts, proposals to their jobs, invitations), else freelancers whose name contains the
 * search. Never by email: a stranger must not learn whether an address has an account.
 */
export async function listOfferCandidates(db: Db, input: { clientId: string; query?: string }): Promise<OfferCandidate[]> {
  const query = input.query?.trim();
  const dealtWith = {
    OR: [
      { freelancerContracts: { some: { clientId: input.clientId } } },
      { proposals: { some: { job: { clientId: input.clientId } } } },
      { invitations: { some: { job: { clientId: input.clientId } } } },
    ],
  };
  const users = await db.user.findMany({
    where: { role: "FREELANCER", ...(query ? { name: { contains: escapeLike(query), mode: "insensitive" as const } } : dealtWith) },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 20,
    select: {
      id: true,
      name: true,
      createdAt: true,
      _count: {
        select: {
          freelancerContracts: { where: { clientId: input.clientId } },
          proposals: { where: { job: { clientId: input.clientId } } },
        },
      },
    },
  });
  return users
    .map((user) => ({ id: user.id, name: user.name, memberSince: user.createdAt, contractsWithYou: user._count.freelancerContracts, proposalsToYou: user._count.proposals }))
    .sort((a, b) => b.contractsWithYou - a.contractsWithYou || b.proposalsToYou - a.proposalsToYou);
}

/** What the other party of a suspended person reads on the contract (economy.md §5.3). */
function otherPartyNotice(contract: { status: string; clientId: string; client: { name: string }; freelancer: { name: string } }, viewerId: string): string {
  const viewerIsClient = contract.clientId === viewerId;
  const name = viewerIsClient ? contract.freelancer.name : contract.client.name;
  if (contract.status !== "ACTIVE") return `${name}'s account is under review.`;
  return viewerIsClient
    ? `${name}'s account is under review: they cannot submit work or log time for now. You can end the contract now; the escrow of work not yet submitted comes back to you at once, and submitted work keeps its review.`
    : `${name}'s account is under review: they cannot fund milestones or pay bonuses for now. Money already in escrow keeps its course (submitted work is approved, automatically when its review period ends), and you can end the contract at any time.`;
}

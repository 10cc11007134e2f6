import { computeServiceFee, formatMinutes, formatMoney, splitEscrow, type FeeBandPart } from "@fairlance/rules";
import type { Db, DisputeOutcome, DisputeStatus } from "../client";
import { DomainError } from "../errors";
import { contractSchedule } from "../services/contracts/access";
import { requireActor, type ActorCall } from "../services/actor";

const notFound = () => new DomainError("NOT_FOUND", "This dispute does not exist.");

export interface DisputeEvent {
  at: Date;
  /** What happened, in words ("Milestone funded: $1,000.00"). */
  what: string;
  /** Who did it, when a person did. */
  by: "client" | "freelancer" | "admin" | null;
}

export interface DisputeView {
  id: string;
  status: DisputeStatus;
  viewerSide: "client" | "freelancer" | "admin";
  contract: { id: string; title: string; clientId: string; clientName: string; freelancerId: string; freelancerName: string };
  target: { kind: "milestone"; id: string; title: string; status: string } | { kind: "week"; id: string; weekStart: Date; status: string };
  openedBy: "client" | "freelancer";
  openedAt: Date;
  reason: string;
  amountMinor: bigint;
  clientFeeMinor: bigint;
  /** The standing proposal: what the freelancer would be paid, and who proposed it. */
  proposal: { releaseMinor: bigint; by: "client" | "freelancer"; at: Date } | null;
  statements: { id: string; by: "client" | "freelancer" | "admin"; authorName: string; text: string; links: string[]; at: Date }[];
  decision: {
    outcome: DisputeOutcome;
    releasedMinor: bigint;
    refundedMinor: bigint;
    /** The client fee's share given back with the refunded part (economy.md §9.3). */
    clientFeeRefundedMinor: bigint;
    reason: string;
    at: Date;
    by: "admin" | "parties";
  } | null;
  /** The contract's story up to now, oldest first: funding, submissions, change requests, refund requests, messages. */
  timeline: DisputeEvent[];
  /** What the viewer may do now. */
  can: { addStatement: boolean; propose: boolean; acceptProposal: boolean; withdraw: boolean; decide: boolean };
}

/** A dispute for one of its two parties or an admin (economy.md §9.3); anyone else: NOT_FOUND. */
export async function getDispute(db: Db, input: Pick<ActorCall, "actorId" | "actor"> & { disputeId: string }): Promise<DisputeView> {
  const actor = await requireActor(db, input, ["CLIENT", "FREELANCER", "ADMIN"], "see disputes");
  const dispute = await db.dispute.findUnique({
    where: { id: input.disputeId },
    include: {
      contract: { select: { id: true, title: true, clientId: true, freelancerId: true, client: { select: { name: true } }, freelancer: { select: { name: true } } } },
      milestone: { select: { id: true, title: true, status: true, clientFeeMinor: true, fundedAt: true, submittedAt: true, submissionNote: true, changesRequested: true, refundRequestedAt: true, refundRequestReason: true } },
      hourlyWeek: { select: { id: true, weekStart: true, status: true, clientFeeMinor: true, invoicedAt: true, minutes: true } },
      statements: { orderBy: { createdAt: "asc" }, include: { author: { select: { name: true, role: true } } } },
    },
  });
  if (!dispute) throw notFound();
  const { contract } = dispute;
  const isClient = contract.clientId === actor.id;
  const isFreelancer = contract.freelancerId === actor.id;
  if (actor.role !== "ADMIN" && !isClient && !isFreelancer) throw notFound();
  const sideOf = (userId: string | null): "client" | "freelancer" | "admin" => (userId === contract.clientId ? "client" : userId === contract.freelancerId ? "freelancer" : "admin");
  const viewerSide = isClient ? "client" : isFreelancer ? "freelancer" : "admin";
  const open = dispute.status === "OPEN";

  const timeline: DisputeEvent[] = [];
  const m = dispute.milestone;
  if (m) {
    if (m.fundedAt) timeline.push({ at: m.fundedAt, what: `Milestone "${m.title}" funded: ${formatMoney(dispute.amountMinor)} in escrow`, by: "client" });
    if (m.submittedAt) timeline.push({ at: m.submittedAt, what: `Work submitted${m.submissionNote ? `: ${m.submissionNote}` : ""}${m.changesRequested > 0 ? ` (after ${m.changesRequested} change request${m.changesRequested === 1 ? "" : "s"})` : ""}`, by: "freelancer" });
    if (m.refundRequestedAt) timeline.push({ at: m.refundRequestedAt, what: `Refund requested: ${m.refundRequestReason ?? ""}`, by: "client" });
  }
  const w = dispute.hourlyWeek;
  if (w?.invoicedAt) timeline.push({ at: w.invoicedAt, what: `Week invoiced: ${formatMinutes(w.minutes)}, ${formatMoney(dispute.amountMinor)}`, by: null });
  const messages = await db.message.findMany({
    where: { contractId: contract.id },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { senderId: true, body: true, createdAt: true, removedAt: true },
  });
  for (const message of messages.reverse()) {
    // A message an admin removed (economy.md §5) is not shown, here either.
    const text = message.removedAt ? "Message removed by Fairlance" : `Message: ${message.body.length > 300 ? `${message.body.slice(0, 300)}…` : message.body}`;
    timeline.push({ at: message.createdAt, what: text, by: sideOf(message.senderId) });
  }
  timeline.push({ at: dispute.openedAt, what: `Dispute opened: ${dispute.reason}`, by: sideOf(dispute.openedById) as "client" | "freelancer" });
  timeline.sort((a, b) => a.at.getTime() - b.at.getTime());

  const proposal =
    dispute.proposedReleaseMinor !== null && dispute.proposedById && dispute.proposedAt
      ? { releaseMinor: dispute.proposedReleaseMinor, by: sideOf(dispute.proposedById) as "client" | "freelancer", at: dispute.proposedAt }
      : null;
  return {
    id: dispute.id,
    status: dispute.status,
    viewerSide,
    contract: { id: contract.id, title: contract.title, clientId: contract.clientId, clientName: contract.client.name, freelancerId: contract.freelancerId, freelancerName: contract.freelancer.name },
    target: m ? { kind: "milestone", id: m.id, title: m.title, status: m.status } : { kind: "week", id: w!.id, weekStart: w!.weekStart, status: w!.status },
    openedBy: sideOf(dispute.openedById) as "client" | "freelancer",
    openedAt: dispute.openedAt,
    reason: dispute.reason,
    amountMinor: dispute.amountMinor,
    clientFeeMinor: m?.clientFeeMinor ?? w?.clientFeeMinor ?? 0n,
    proposal,
    statements: dispute.statements.map((s) => ({ id: s.id, by: sideOf(s.authorId), authorName: s.author.name, text: s.text, links: s.links, at: s.createdAt })),
    decision:
      dispute.outcome && dispute.closedAt
        ? {
            outcome: dispute.outcome,
            releasedMinor: dispute.releasedMinor ?? 0n,
            refundedMinor: dispute.refundedMinor ?? 0n,
            clientFeeRefundedMinor: splitEscrow({ amountMinor: dispute.amountMinor, clientFeeMinor: m?.clientFeeMinor ?? w?.clientFeeMinor ?? 0n, releaseMinor: dispute.releasedMinor ?? 0n }).clientFeeRefundMinor,
            reason: dispute.decisionReason ?? "",
            at: dispute.closedAt,
            by: dispute.status === "DECIDED" ? "admin" : "parties",
          }
        : null,
    timeline,
    can: {
      addStatement: open,
      propose: open && viewerSide !== "admin",
      acceptProposal: open && viewerSide !== "admin" && proposal !== null && proposal.by !== viewerSide,
      withdraw: open && viewerSide !== "admin" && sideOf(dispute.openedById) === viewerSide,
      decide: open && viewerSide === "admin",
    },
  };
}

export interface MediationQueueRow {
  id: string;
  contractTitle: string;
  targetTitle: string;
  clientName: string;
  freelancerName: string;
  openedBy: "client" | "freelancer";
  openedAt: Date;
  /** Whole days open at `now`. */
  ageDays: number;
  amountMinor: bigint;
  statements: number;
  hasProposal: boolean;
}

/** The admin's mediation queue (economy.md §9.3): open disputes, oldest first, with amount and age. */
export async function listOpenDisputes(db: Db, input: Pick<ActorCall, "actorId" | "actor" | "now">): Promise<MediationQueueRow[]> {
  await requireActor(db, input, "ADMIN", "mediate disputes");
  const rows = await db.dispute.findMany({
    where: { status: "OPEN" },
    orderBy: [{ openedAt: "asc" }, { id: "asc" }],
    take: 200,
    include: {
      contract: { select: { title: true, clientId: true, client: { select: { name: true } }, freelancer: { select: { name: true } } } },
      milestone: { select: { title: true } },
      hourlyWeek: { select: { weekStart: true } },
      _count: { select: { statements: true } },
    },
  });
  return rows.map((d) => ({
    id: d.id,
    contractTitle: d.contract.title,
    targetTitle: d.milestone ? d.milestone.title : `Week of ${d.hourlyWeek!.weekStart.toISOString().slice(0, 10)}`,
    clientName: d.contract.client.name,
    freelancerName: d.contract.freelancer.name,
    openedBy: d.openedById === d.contract.clientId ? "client" : "freelancer",
    openedAt: d.openedAt,
    ageDays: Math.max(0, Math.floor((input.now.getTime() - d.openedAt.getTime()) / 86_400_000)),
    amountMinor: d.amountMinor,
    statements: d._count.statements,
    hasProposal: d.proposedReleaseMinor !== null,
  }));
}

export interface DecisionPreview {
  releaseMinor: bigint;
  refundMinor: bigint;
  /**
   * The freelancer's service fee on the released part, by band, and what they receive: for the
   * freelancer and the admin only (the freelancer's fee is not the client's to see, economy.md §3.5).
   */
  serviceFeeMinor: bigint | null;
  feeBands: FeeBandPart[] | null;
  freelancerNetMinor: bigint | null;
  clientFeeRefundMinor: bigint;
  /** What goes back to the client's card: refunded part + its share of the client fee. */
  clientRefundMinor: bigint;
}

/**
 * The numbers of a possible division, before anyone commits to it (economy.md §9.3): for a party
 * weighing a proposal or the admin deciding. Priced like the real release, on the lifetime
 * billings with this client and the contract's schedule.
 */
export async function previewDisputeDivision(db: Db, input: Pick<ActorCall, "actorId" | "actor"> & { disputeId: string; releaseMinor: bigint }): Promise<DecisionPreview> {
  const actor = await requireActor(db, input, ["CLIENT", "FREELANCER", "ADMIN"], "see disputes");
  const dispute = await db.dispute.findUnique({
    where: { id: input.disputeId },
    select: {
      amountMinor: true,
      milestone: { select: { clientFeeMinor: true } },
      hourlyWeek: { select: { clientFeeMinor: true } },
      contract: { select: { clientId: true, freelancerId: true, feeSchedule: true } },
    },
  });
  if (!dispute || (actor.role !== "ADMIN" && dispute.contract.clientId !== actor.id && dispute.contract.freelancerId !== actor.id)) throw notFound();
  const clientFeeMinor = dispute.milestone?.clientFeeMinor ?? dispute.hourlyWeek?.clientFeeMinor ?? 0n;
  let split;
  try {
    split = splitEscrow({ amountMinor: dispute.amountMinor, clientFeeMinor, releaseMinor: input.releaseMinor });
  } catch (error) {
    throw new DomainError("INVALID_REQUEST", error instanceof Error ? error.message : String(error));
  }
  const billing = await db.billing.findUnique({
    where: { clientId_freelancerId: { clientId: dispute.contract.clientId, freelancerId: dispute.contract.freelancerId } },
    select: { billedMinor: true },
  });
  const fee =
    split.releaseMinor > 0n
      ? computeServiceFee({ priorBilledMinor: billing?.billedMinor ?? 0n, amountMinor: split.releaseMinor, schedule: contractSchedule(dispute.contract.feeSchedule) })
      : { feeMinor: 0n, netMinor: 0n, bands: [] };
  const seesFee = actor.role === "ADMIN" || actor.id === dispute.contract.freelancerId;
  return {
    releaseMinor: split.releaseMinor,
    refundMinor: split.refundMinor,
    serviceFeeMinor: seesFee ? fee.feeMinor : null,
    feeBands: seesFee ? fee.bands : null,
    freelancerNetMinor: seesFee ? fee.netMinor : null,
    clientFeeRefundMinor: split.clientFeeRefundMinor,
    clientRefundMinor: split.refundMinor + split.clientFeeRefundMinor,
  };
}

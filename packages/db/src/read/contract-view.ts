import { nextBand, workStartGate, type FeeBandRange, type FeeSchedule, type WorkStartGate } from "@fairlance/rules";
import type { Db } from "../client";
import { DomainError } from "../errors";
import { isPaymentVerified } from "../services/payments/payment-verified";
import { contractSchedule, ruleStatus } from "../services/contracts/access";

// The first milestone not finished yet; a refund request or a dispute holds it (its money is still in escrow).
const OPEN_MILESTONE = ["CREATED", "FUNDED", "SUBMITTED", "CHANGES_REQUESTED", "REFUND_REQUESTED", "DISPUTED"] as const;

/**
 * One contract as both parties see it (others: NOT_FOUND): its terms and the schedule it was
 * priced under, milestones with their dates, hourly weeks, and the work-start gate (economy.md §3.2)
 * for the current milestone: the first one not yet approved or refunded.
 */
export async function getContract(db: Db, contractId: string, actorId: string) {
  const contract = await db.contract.findUnique({
    where: { id: contractId },
    select: {
      id: true,
      jobId: true,
      proposalId: true,
      clientId: true,
      freelancerId: true,
      type: true,
      title: true,
      status: true,
      hourlyRateMinor: true,
      weeklyLimitHours: true,
      feeSchedule: true,
      clientFeeBps: true,
      settingsVersion: true,
      offeredAt: true,
      offerExpiresAt: true,
      startedAt: true,
      endedAt: true,
      endedReason: true,
      client: { select: { id: true, name: true } },
      freelancer: { select: { id: true, name: true } },
      milestones: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          position: true,
          title: true,
          amountMinor: true,
          clientFeeMinor: true,
          status: true,
          fundedAt: true,
          submittedAt: true,
          submissionNote: true,
          reviewDeadline: true,
          changesRequested: true,
          approvedAt: true,
          autoApproved: true,
          refundedAt: true,
          refundRequestReason: true,
          refundRequestDeadline: true,
          disputes: { orderBy: { openedAt: "desc" }, take: 1, select: { id: true, status: true } },
          attachments: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, fileName: true, contentType: true, sizeBytes: true } },
        },
      },
      hourlyWeeks: {
        orderBy: { weekStart: "desc" },
        select: {
          id: true,
          weekStart: true,
          status: true,
          minutes: true,
          amountMinor: true,
          clientFeeMinor: true,
          invoicedAt: true,
          disputeDeadline: true,
          disputedAt: true,
          disputeReason: true,
          releasedAt: true,
          disputes: { orderBy: { openedAt: "desc" }, take: 1, select: { id: true, status: true } },
        },
      },
    },
  });
  if (!contract || (contract.clientId !== actorId && contract.freelancerId !== actorId)) {
    throw new DomainError("NOT_FOUND", "This contract does not exist.");
  }
  const { feeSchedule, milestones: rawMilestones, hourlyWeeks: rawWeeks, ...rest } = contract;
  // The dispute a milestone or week is in now, and its latest one (open or closed), to link to.
  const withDisputes = <T extends { disputes: { id: string; status: string }[] }>({ disputes, ...row }: T) => ({
    ...row,
    openDisputeId: disputes[0]?.status === "OPEN" ? disputes[0].id : null,
    latestDisputeId: disputes[0]?.id ?? null,
  });
  const milestones = rawMilestones.map(withDisputes);
  const hourlyWeeks = rawWeeks.map(withDisputes);
  const current = contract.milestones.find((milestone) => (OPEN_MILESTONE as readonly string[]).includes(milestone.status)) ?? null;
  const gate: WorkStartGate = workStartGate({
    contractStatus: ruleStatus(contract.status),
    clientPaymentVerified: await isPaymentVerified(db, contract.clientId),
    contractType: contract.type === "HOURLY" ? "hourly" : "fixed",
    milestoneStatus: current ? ruleStatus(current.status) : null,
  });
  return { ...rest, milestones, hourlyWeeks, feeSchedule: contractSchedule(feeSchedule), currentMilestoneId: current?.id ?? null, workStartGate: gate };
}

export type ContractView = Awaited<ReturnType<typeof getContract>>;

export interface ClientBillings {
  clientId: string;
  clientName: string;
  billedMinor: bigint;
  /** The schedule of the latest contract with this client: the one new payments under it are priced by. */
  schedule: FeeSchedule;
  currentBand: FeeBandRange | null;
  nextBand: FeeBandRange | null;
  remainingToNextMinor: bigint | null;
}

/** A freelancer's lifetime billings per client (economy.md §3.5): where each relationship stands in its bands. */
export async function lifetimeBillings(db: Db, freelancerId: string): Promise<ClientBillings[]> {
  const billings = await db.billing.findMany({ where: { freelancerId }, select: { clientId: true, billedMinor: true } });
  const rows: ClientBillings[] = [];
  for (const billing of billings) {
    const latest = await db.contract.findFirst({
      where: { freelancerId, clientId: billing.clientId },
      orderBy: { offeredAt: "desc" },
      select: { feeSchedule: true, client: { select: { name: true } } },
    });
    if (!latest) continue;
    const schedule = contractSchedule(latest.feeSchedule);
    const band = nextBand({ priorBilledMinor: billing.billedMinor, schedule });
    rows.push({
      clientId: billing.clientId,
      clientName: latest.client.name,
      billedMinor: billing.billedMinor,
      schedule,
      currentBand: band.current,
      nextBand: band.next,
      remainingToNextMinor: band.remainingToNextMinor,
    });
  }
  return rows.sort((a, b) => (a.billedMinor === b.billedMinor ? a.clientName.localeCompare(b.clientName) : a.billedMinor > b.billedMinor ? -1 : 1));
}

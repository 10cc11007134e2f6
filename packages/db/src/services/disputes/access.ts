import type { Tx } from "../../client";
import { DomainError } from "../../errors";
import { CONTRACT_MONEY_FIELDS } from "../contracts/access";
import { lockMilestone } from "../contracts/escrow";
import { lockWeek } from "../contracts/hourly-escrow";
import type { DisputeTarget } from "./divide-escrow";

export const disputeNotFound = () => new DomainError("NOT_FOUND", "This dispute does not exist.");

const DISPUTE_FIELDS = {
  id: true,
  contractId: true,
  milestoneId: true,
  hourlyWeekId: true,
  openedById: true,
  openedAt: true,
  amountMinor: true,
  resumeStatus: true,
  status: true,
  proposedReleaseMinor: true,
  proposedById: true,
} as const;

/**
 * A dispute with its milestone or week and its contract, for a change: the target is locked
 * first (the lock order of every escrow change), then the dispute row, so a decision, a
 * settlement, a withdrawal and the parties' own escrow actions queue one after the other.
 * Someone who is neither a party nor `admin` gets NOT_FOUND, as for a dispute that does not exist.
 */
export async function lockDispute(tx: Tx, disputeId: string, viewer: { id: string; admin: boolean }) {
  const found = await tx.dispute.findUnique({ where: { id: disputeId }, select: { milestoneId: true, hourlyWeekId: true } });
  if (!found) throw disputeNotFound();
  let target: DisputeTarget;
  if (found.milestoneId) {
    const milestone = await lockMilestone(tx, found.milestoneId);
    if (!milestone) throw disputeNotFound();
    target = { kind: "milestone", milestone };
  } else {
    const week = await lockWeek(tx, found.hourlyWeekId!);
    if (!week) throw disputeNotFound();
    target = { kind: "week", week };
  }
  await tx.$queryRaw`SELECT id FROM "Dispute" WHERE id = ${disputeId}::uuid FOR UPDATE`;
  const dispute = await tx.dispute.findUniqueOrThrow({ where: { id: disputeId }, select: DISPUTE_FIELDS });
  const contract = await tx.contract.findUniqueOrThrow({ where: { id: dispute.contractId }, select: CONTRACT_MONEY_FIELDS });
  if (!viewer.admin && contract.clientId !== viewer.id && contract.freelancerId !== viewer.id) throw disputeNotFound();
  return { dispute, target, contract };
}

/** Refuses a change to a dispute that is no longer open, saying how it closed. */
export function assertOpen(dispute: { status: string }): void {
  if (dispute.status === "OPEN") return;
  const how = dispute.status === "DECIDED" ? "decided" : dispute.status === "SETTLED" ? "settled by the parties" : "withdrawn";
  throw new DomainError("CONFLICT", `This dispute was already ${how}.`);
}

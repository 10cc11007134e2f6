import { assertContractActive, assertOfferOpen } from "@fairlance/rules";
import type { ContractStatus, Tx } from "../../client";
import { assertParty, CONTRACT_MONEY_FIELDS, lockRow, ruleStatus, type Side } from "./access";
import { lockMilestone } from "./escrow";

/** Locks a milestone and checks the actor's side of its contract (NOT_FOUND for strangers). */
export async function lockMilestoneFor(tx: Tx, milestoneId: string, actorId: string, side: Side) {
  const milestone = await lockMilestone(tx, milestoneId);
  const contract = milestone ? await tx.contract.findUnique({ where: { id: milestone.contractId }, select: CONTRACT_MONEY_FIELDS }) : null;
  assertParty(contract, actorId, side, "milestone");
  return { milestone: milestone!, contract };
}

/**
 * Milestones are added and funded on an offer not yet expired or an active contract
 * (CONTRACT_NOT_ACTIVE otherwise; an offer past its expiry, economy.md §3.7, is refused as expired).
 */
export function assertOpenContract(contract: { status: ContractStatus; offerExpiresAt: Date }, now: Date): void {
  if (contract.status !== "OFFERED") return assertContractActive(ruleStatus(contract.status));
  assertOfferOpen({ status: "offered", expiresAt: contract.offerExpiresAt }, now);
}

/**
 * Locks the contract of a milestone before the milestone: the order declining, expiring and ending
 * take (contract, then its milestones), so money funded on an offer that is being declined or
 * expired is either seen and refunded by it, or refused after it.
 */
export async function lockContractOfMilestone(tx: Tx, milestoneId: string): Promise<void> {
  const found = await tx.milestone.findUnique({ where: { id: milestoneId }, select: { contractId: true } });
  if (found) await lockRow(tx, "Contract", found.contractId);
}

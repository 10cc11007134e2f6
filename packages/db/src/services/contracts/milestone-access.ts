import { assertContractActive } from "@fairlance/rules";
import type { ContractStatus, Tx } from "../../client";
import { assertParty, CONTRACT_MONEY_FIELDS, ruleStatus, type Side } from "./access";
import { lockMilestone } from "./escrow";

/** Locks a milestone and checks the actor's side of its contract (NOT_FOUND for strangers). */
export async function lockMilestoneFor(tx: Tx, milestoneId: string, actorId: string, side: Side) {
  const milestone = await lockMilestone(tx, milestoneId);
  const contract = milestone ? await tx.contract.findUnique({ where: { id: milestone.contractId }, select: CONTRACT_MONEY_FIELDS }) : null;
  assertParty(contract, actorId, side, "milestone");
  return { milestone: milestone!, contract };
}

/** Milestones are added and funded on an offer or an active contract (CONTRACT_NOT_ACTIVE otherwise). */
export function assertOpenContract(status: ContractStatus): void {
  if (status !== "OFFERED") assertContractActive(ruleStatus(status));
}

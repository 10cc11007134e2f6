import { z } from "zod";
import type { PrismaClient, Tx } from "../../client";
import { DomainError } from "../../errors";
import { idempotent, IdempotencyKey, jsonCodec, type IdempotentCall } from "../../idempotency";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { TEXT_RULES } from "@fairlance/rules";
import { Links, Statement, Text } from "../fields";
import { Id, parseCall } from "../input";
import { nextMilestoneStatus, nextWeekStatus, type ContractParties } from "../contracts/access";
import { lockMilestoneFor } from "../contracts/milestone-access";
import { targetAmount, type DisputeTarget } from "./divide-escrow";
import { notify } from "../../notifications";
import { LINKS, nameOf, withoutFinalStop } from "../../notifications/event-helpers";

export interface OpenedDispute {
  disputeId: string;
  status: "OPEN";
  /** The milestone's or week's status while the dispute is open: DISPUTED. */
  targetStatus: string;
  amountMinor: bigint;
  openedAt: Date;
}

/**
 * Opens a dispute on a locked target in the caller's transaction (economy.md §6.1): the escrow is
 * frozen (DISPUTED) until it is decided, settled or withdrawn, and the opener's first statement is
 * recorded. The status it leaves is kept, to go back to if the dispute is withdrawn.
 */
export async function openDisputeOn(
  tx: Tx,
  input: { target: DisputeTarget; contract: ContractParties & { id: string }; actorId: string; reason: string; statement: string; links: string[]; now: Date },
): Promise<OpenedDispute> {
  const { target, now } = input;
  const resumeStatus = target.kind === "milestone" ? target.milestone.status : target.week.status;
  const targetStatus = target.kind === "milestone" ? nextMilestoneStatus(target.milestone.status, "dispute") : nextWeekStatus(target.week.status, "dispute");
  const amountMinor = targetAmount(target);
  if (amountMinor <= 0n) throw new DomainError("CONFLICT", "There is no money in escrow here to dispute.");
  if (target.kind === "milestone") {
    await tx.milestone.update({ where: { id: target.milestone.id }, data: { status: targetStatus as "DISPUTED" } });
  } else {
    await tx.hourlyWeek.update({ where: { id: target.week.id }, data: { status: targetStatus as "DISPUTED", disputedAt: now, disputeReason: input.reason } });
  }
  const dispute = await tx.dispute.create({
    data: {
      contractId: input.contract.id,
      milestoneId: target.kind === "milestone" ? target.milestone.id : null,
      hourlyWeekId: target.kind === "week" ? target.week.id : null,
      openedById: input.actorId,
      openedAt: now,
      reason: input.reason,
      amountMinor,
      resumeStatus,
      statements: { create: { authorId: input.actorId, text: input.statement, links: input.links, createdAt: now } },
    },
    select: { id: true },
  });
  // The other side is told (the opener knows): who opened it, over how much, and why.
  const { title } = await tx.contract.findUniqueOrThrow({ where: { id: input.contract.id }, select: { title: true } });
  await notify(tx, {
    userId: input.actorId === input.contract.clientId ? input.contract.freelancerId : input.contract.clientId,
    kind: "dispute_opened",
    eventKey: `dispute_opened:${dispute.id}`,
    data: { jobTitle: title, openedByName: await nameOf(tx, input.actorId), amountMinor, reason: withoutFinalStop(input.reason) },
    link: LINKS.dispute(dispute.id),
    now,
  });
  return { disputeId: dispute.id, status: "OPEN", targetStatus, amountMinor, openedAt: now };
}

/** What a party sends to dispute a milestone; who acts and when come with the call (ActorCall). */
export const DisputeMilestoneInput = z.strictObject({
  idempotencyKey: IdempotencyKey,
  milestoneId: Id("milestone"),
  reason: Text(TEXT_RULES.disputeReason),
  statement: Statement,
  links: Links,
});
export type DisputeMilestoneInput = z.input<typeof DisputeMilestoneInput>;

/**
 * Either party disputes a milestone whose money is in escrow (economy.md §6.1): funded, submitted,
 * waiting for changes, or with a refund request open. The money is frozen until an admin decides
 * or the parties settle; the review window and a refund request's answer time stop meanwhile.
 */
export async function disputeMilestone(prisma: PrismaClient, input: DisputeMilestoneInput & ActorCall): Promise<OpenedDispute> {
  const data = parseCall(DisputeMilestoneInput, input);
  return runTransaction(prisma, async (tx) => {
    await requireActor(tx, data, ["CLIENT", "FREELANCER"], "open disputes", { active: true });
    const request = { milestoneId: data.milestoneId, reason: data.reason, statement: data.statement, links: data.links };
    const call: IdempotentCall = { operation: "milestone.dispute", userId: data.actorId, key: data.idempotencyKey, request };
    const { result } = await idempotent(
      tx,
      call,
      async () => {
        const { milestone, contract } = await lockMilestoneFor(tx, data.milestoneId, data.actorId, "either");
        if (contract.status === "OFFERED") throw new DomainError("CONFLICT", "An offer cannot be disputed: the freelancer declines it, and its escrow goes back to the client.");
        return openDisputeOn(tx, { target: { kind: "milestone", milestone }, contract, actorId: data.actorId, reason: data.reason, statement: data.statement, links: data.links, now: data.now });
      },
      jsonCodec<OpenedDispute>(),
    );
    return result;
  });
}

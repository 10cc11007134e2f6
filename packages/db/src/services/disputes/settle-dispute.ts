import { formatMoney } from "@fairlance/rules";
import { z } from "zod";
import type { PrismaClient } from "../../client";
import { DomainError } from "../../errors";
import type { PaymentGateway } from "../../gateway/gateway";
import { idempotent, IdempotencyKey, jsonCodec, scopedKey, type IdempotentCall } from "../../idempotency";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { Id, parseCall } from "../input";
import { assertOpen, lockDispute } from "./access";
import { closeDispute, refundClosedDispute, type ClosedDispute, type CardRefundResult, type StoredClose } from "./close-dispute";

const ReleaseAmount = z.bigint("Enter the freelancer's part in cents.").nonnegative("The freelancer's part cannot be negative.");

/** What a party proposes: the part of the escrow paid to the freelancer; the rest goes back to the client. */
export const ProposeSplitInput = z.strictObject({
  idempotencyKey: IdempotencyKey,
  disputeId: Id("dispute"),
  releaseMinor: ReleaseAmount,
});
export type ProposeSplitInput = z.input<typeof ProposeSplitInput>;

export interface ProposedSplit {
  disputeId: string;
  proposedReleaseMinor: bigint;
  proposedAt: Date;
}

/**
 * A party proposes how to divide the disputed escrow (economy.md §6.4); the other side may accept
 * it, which settles the dispute. A new proposal (by either side) replaces the last one.
 */
export async function proposeSplit(prisma: PrismaClient, input: ProposeSplitInput & ActorCall): Promise<ProposedSplit> {
  const data = parseCall(ProposeSplitInput, input);
  return runTransaction(prisma, async (tx) => {
    await requireActor(tx, data, ["CLIENT", "FREELANCER"], "propose settlements", { active: true });
    const call: IdempotentCall = { operation: "dispute.propose", userId: data.actorId, key: data.idempotencyKey, request: { disputeId: data.disputeId, releaseMinor: data.releaseMinor } };
    const { result } = await idempotent(
      tx,
      call,
      async () => {
        const { dispute } = await lockDispute(tx, data.disputeId, { id: data.actorId, admin: false });
        assertOpen(dispute);
        if (data.releaseMinor > dispute.amountMinor) {
          throw new DomainError("INVALID_REQUEST", `The freelancer's part cannot be more than the ${formatMoney(dispute.amountMinor)} in escrow.`);
        }
        await tx.dispute.update({ where: { id: dispute.id }, data: { proposedReleaseMinor: data.releaseMinor, proposedById: data.actorId, proposedAt: data.now } });
        return { disputeId: dispute.id, proposedReleaseMinor: data.releaseMinor, proposedAt: data.now };
      },
      jsonCodec<ProposedSplit>(),
    );
    return result;
  });
}

/** What the other party sends to accept: the amount they saw, so a proposal changed meanwhile is not accepted blind. */
export const AcceptSplitInput = z.strictObject({
  idempotencyKey: IdempotencyKey,
  disputeId: Id("dispute"),
  releaseMinor: ReleaseAmount,
});
export type AcceptSplitInput = z.input<typeof AcceptSplitInput>;

export type SettledDispute = ClosedDispute & { cardRefund: CardRefundResult | null };

/**
 * The party who did not make the standing proposal accepts it (economy.md §6.4): the escrow is
 * divided as proposed (service fee on the released part only, client fee refunded pro rata) and
 * the dispute is SETTLED.
 */
export async function acceptSplit(prisma: PrismaClient, input: AcceptSplitInput & ActorCall, deps: { gateway?: PaymentGateway } = {}): Promise<SettledDispute> {
  const data = parseCall(AcceptSplitInput, input);
  const stored = await runTransaction(prisma, async (tx) => {
    await requireActor(tx, data, ["CLIENT", "FREELANCER"], "accept settlements", { active: true });
    const call: IdempotentCall = { operation: "dispute.acceptProposal", userId: data.actorId, key: data.idempotencyKey, request: { disputeId: data.disputeId, releaseMinor: data.releaseMinor } };
    const { result } = await idempotent(
      tx,
      call,
      async () => {
        const locked = await lockDispute(tx, data.disputeId, { id: data.actorId, admin: false });
        const { dispute } = locked;
        assertOpen(dispute);
        if (dispute.proposedReleaseMinor === null || dispute.proposedById === null) throw new DomainError("CONFLICT", "There is no proposal to accept yet.");
        if (dispute.proposedById === data.actorId) throw new DomainError("CONFLICT", "This is your own proposal: the other side accepts it.");
        if (dispute.proposedReleaseMinor !== data.releaseMinor) {
          throw new DomainError("CONFLICT", `The proposal changed to ${formatMoney(dispute.proposedReleaseMinor)} for the freelancer: review it and accept again.`);
        }
        const side = locked.contract.clientId === data.actorId ? "client" : "freelancer";
        return closeDispute(tx, locked, {
          status: "SETTLED",
          releaseMinor: dispute.proposedReleaseMinor,
          reason: `Settled by the parties: the ${side} accepted the other side's proposal.`,
          decidedById: null,
          key: scopedKey(call),
          operation: "dispute.acceptProposal",
          actorId: data.actorId,
          now: data.now,
        });
      },
      jsonCodec<StoredClose>(),
    );
    return result;
  });
  return refundClosedDispute(prisma, stored, deps);
}

import { TEXT_RULES, formatMoney } from "@fairlance/rules";
import { z } from "zod";
import type { PrismaClient } from "../../client";
import { DomainError } from "../../errors";
import type { PaymentGateway } from "../../gateway/gateway";
import { idempotent, IdempotencyKey, jsonCodec, scopedKey, type IdempotentCall } from "../../idempotency";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { writeAudit } from "../connects/audit";
import { Text } from "../fields";
import { Id, parseCall } from "../input";
import { assertOpen, lockDispute } from "./access";
import { closeDispute, refundClosedDispute, type StoredClose } from "./close-dispute";
import type { SettledDispute } from "./settle-dispute";

/** What the mediating admin decides; who acts and when come with the call (ActorCall). */
export const DecideDisputeInput = z.strictObject({
  idempotencyKey: IdempotencyKey,
  disputeId: Id("dispute"),
  outcome: z.enum(["release", "refund", "split"], "Choose release all, refund all, or split."),
  /** For a split: the part paid to the freelancer, in cents; the rest goes back to the client. */
  releaseMinor: z.bigint("Enter the freelancer's part in cents.").positive("In a split the freelancer's part is more than $0.00.").optional(),
  reason: Text(TEXT_RULES.decisionReason),
});
export type DecideDisputeInput = z.input<typeof DecideDisputeInput>;

export type DecidedDispute = SettledDispute;

/**
 * An admin decides an open dispute from the mediation queue (economy.md §6.3): release all to the
 * freelancer, refund all to the client, or split by an exact amount. The reason is shown to both
 * sides. Audit-logged with before, after and why; idempotent.
 */
export async function decideDispute(prisma: PrismaClient, input: DecideDisputeInput & ActorCall, deps: { gateway?: PaymentGateway } = {}): Promise<DecidedDispute> {
  const data = parseCall(DecideDisputeInput, input);
  const stored = await runTransaction(prisma, async (tx) => {
    await requireActor(tx, data, "ADMIN", "decide disputes");
    const request = { disputeId: data.disputeId, outcome: data.outcome, releaseMinor: data.releaseMinor ?? null, reason: data.reason };
    const call: IdempotentCall = { operation: "dispute.decide", userId: data.actorId, key: data.idempotencyKey, request };
    const { result } = await idempotent(
      tx,
      call,
      async () => {
        const locked = await lockDispute(tx, data.disputeId, { id: data.actorId, admin: true });
        const { dispute } = locked;
        assertOpen(dispute);
        let releaseMinor: bigint;
        if (data.outcome === "release") releaseMinor = dispute.amountMinor;
        else if (data.outcome === "refund") releaseMinor = 0n;
        else {
          if (data.releaseMinor === undefined) throw new DomainError("INVALID_REQUEST", "Enter the freelancer's part of the split.", { issues: [{ path: "releaseMinor", message: "Enter the freelancer's part of the split." }] });
          if (data.releaseMinor >= dispute.amountMinor) {
            const message = `In a split the freelancer's part is less than the ${formatMoney(dispute.amountMinor)} in escrow; to pay it all, release all.`;
            throw new DomainError("INVALID_REQUEST", message, { issues: [{ path: "releaseMinor", message }] });
          }
          releaseMinor = data.releaseMinor;
        }
        const closed = await closeDispute(tx, locked, {
          status: "DECIDED",
          releaseMinor,
          reason: data.reason,
          decidedById: data.actorId,
          key: scopedKey(call),
          operation: "dispute.decide",
          actorId: data.actorId,
          now: data.now,
        });
        await writeAudit(tx, {
          actorId: data.actorId,
          action: "dispute.decide",
          targetType: "Dispute",
          targetId: dispute.id,
          before: { status: dispute.status, amountMinor: dispute.amountMinor, target: locked.target.kind },
          after: { status: closed.status, outcome: closed.outcome, releasedMinor: closed.releasedMinor, refundedMinor: closed.refundedMinor, paymentId: closed.payment?.paymentId ?? null },
          reason: data.reason,
          now: data.now,
        });
        return closed;
      },
      jsonCodec<StoredClose>(),
    );
    return result;
  });
  return refundClosedDispute(prisma, stored, deps);
}

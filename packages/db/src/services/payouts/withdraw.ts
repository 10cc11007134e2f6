import { accountKey, planManualWithdrawal, withdrawalEntries } from "@fairlance/rules";
import { z } from "zod";
import type { PrismaClient } from "../../client";
import { DomainError } from "../../errors";
import type { PaymentGateway } from "../../gateway/gateway";
import { IdempotencyKey, idempotent, jsonCodec, scopedKey, type IdempotentCall } from "../../idempotency";
import { balanceOf, postTransfers } from "../../ledger/post-transfers";
import { loadSettings } from "../../settings/load-settings";
import { runTransaction } from "../../transaction";
import { assertPayoutsNotHeld } from "../admin/hold-payouts";
import { requireActor, type ActorCall } from "../actor";
import { requireConfirmedEmail } from "../account/confirmed-email";
import { Amount, PayoutMethodId } from "../fields";
import { parseCall } from "../input";
import { toRuleKind } from "./freelancer";
import { settleWithdrawal, type SettledWithdrawal } from "./settle-withdrawal";

/** What the freelancer types; who acts and when come with the call (ActorCall). */
export const WithdrawInput = z.strictObject({
  payoutMethodId: PayoutMethodId,
  amountMinor: Amount("withdrawal"),
  idempotencyKey: IdempotencyKey,
});
export type WithdrawInput = z.input<typeof WithdrawInput>;

/**
 * A manual withdrawal (economy.md §4): any amount from the minimum up to Available,
 * to a usable payout method, minus its fee. The money leaves Available in one
 * transaction (the account row is locked, so concurrent withdrawals can never
 * overdraw it); the provider is called after commit and the outcome recorded.
 */
export async function withdraw(
  prisma: PrismaClient,
  input: WithdrawInput & ActorCall,
  deps: { gateway?: PaymentGateway } = {},
): Promise<SettledWithdrawal> {
  const data = parseCall(WithdrawInput, input);
  const call: Omit<IdempotentCall, "request"> = { operation: "payout.withdraw", userId: data.actorId, key: data.idempotencyKey };
  const { result } = await runTransaction(prisma, (tx) =>
    idempotent(
      tx,
      { ...call, request: { payoutMethodId: data.payoutMethodId, amountMinor: data.amountMinor } },
      async () => {
        // A suspended freelancer withdraws what is theirs, unless an admin holds their payouts (economy.md §5.3).
        await requireActor(tx, data, "FREELANCER", "withdraw");
        await assertPayoutsNotHeld(tx, data.actorId);
        const method = await tx.payoutMethod.findFirst({
          where: { id: data.payoutMethodId, userId: data.actorId },
          select: { id: true, kind: true, usableFrom: true },
        });
        if (!method) throw new DomainError("NOT_FOUND", "That payout method does not exist.");
        const { settings } = await loadSettings(tx, data.now);
        await requireConfirmedEmail(tx, data.actorId, "withdraw", settings);
        // Lock Available before reading it: concurrent withdrawals queue here.
        await tx.$queryRaw`SELECT id FROM "LedgerAccount" WHERE key = ${accountKey({ kind: "freelancer_available", userId: data.actorId })} FOR UPDATE`;
        const availableMinor = await balanceOf(tx, { kind: "freelancer_available", userId: data.actorId });
        const quote = planManualWithdrawal({
          amountMinor: data.amountMinor,
          availableMinor,
          method: { kind: toRuleKind(method.kind), usableFrom: method.usableFrom },
          now: data.now,
          settings,
        });
        const withdrawal = await tx.withdrawal.create({
          data: { userId: data.actorId, payoutMethodId: method.id, ...quote, status: "PROCESSING", createdAt: data.now },
          select: { id: true },
        });
        await postTransfers(tx, withdrawalEntries({ freelancerId: data.actorId, amountMinor: quote.amountMinor, feeMinor: quote.feeMinor }), {
          key: scopedKey(call),
          operation: "payout.withdraw",
          now: data.now,
          userId: data.actorId,
        });
        return { withdrawalId: withdrawal.id };
      },
      jsonCodec<{ withdrawalId: string }>(),
    ),
  );
  // After commit: a replay of a withdrawal that was interrupted here finishes it.
  return settleWithdrawal(prisma, { withdrawalId: result.withdrawalId, now: data.now }, deps);
}

import { payoutFailedEntries, payoutSettledEntries } from "@fairlance/rules";
import { scopedKey } from "../../idempotency";
import type { PrismaClient } from "../../client";
import type { PaymentGateway } from "../../gateway/gateway";
import { getGateway } from "../../gateway/sandbox";
import { postTransfers, type TransferContext } from "../../ledger/post-transfers";
import { runTransaction } from "../../transaction";
import type { SystemCall } from "../actor";
import { notify } from "../../notifications";
import { asClause, LINKS } from "../../notifications/event-helpers";

export interface SettledWithdrawal {
  id: string;
  status: "PROCESSING" | "SENT" | "FAILED";
  amountMinor: bigint;
  feeMinor: bigint;
  netMinor: bigint;
  failureReason: string | null;
  createdAt: Date;
}

const SELECT = { id: true, status: true, amountMinor: true, feeMinor: true, netMinor: true, failureReason: true, createdAt: true } as const;

/**
 * Sends a PROCESSING withdrawal through the payout provider (keyed by the
 * withdrawal, so a retry never pays twice) and records the outcome: SENT moves
 * the net out of clearing; FAILED returns net and fee to Available.
 */
export async function settleWithdrawal(
  prisma: PrismaClient,
  input: { withdrawalId: string; now: Date },
  deps: { gateway?: PaymentGateway } = {},
): Promise<SettledWithdrawal> {
  const withdrawal = await prisma.withdrawal.findUniqueOrThrow({
    where: { id: input.withdrawalId },
    select: { ...SELECT, userId: true, payoutMethod: { select: { gatewayRef: true, label: true } } },
  });
  if (withdrawal.status !== "PROCESSING") return pick(withdrawal);

  const outcome = await (deps.gateway ?? getGateway()).payout({
    destinationRef: withdrawal.payoutMethod.gatewayRef,
    amountMinor: withdrawal.netMinor,
    idempotencyKey: `withdrawal:${withdrawal.id}`,
  });
  // The provider did not answer: leave it PROCESSING; the runner retries it.
  if (!outcome.ok && outcome.retryable) return pick(withdrawal);

  return runTransaction(prisma, async (tx) => {
    const [locked] = await tx.$queryRaw<{ status: string }[]>`SELECT status FROM "Withdrawal" WHERE id = ${withdrawal.id}::uuid FOR UPDATE`;
    if (locked?.status !== "PROCESSING") return pick(await tx.withdrawal.findUniqueOrThrow({ where: { id: withdrawal.id }, select: SELECT }));
    const context: TransferContext = { key: scopedKey({ operation: "payout.settle", userId: null, key: withdrawal.id }), operation: "payout.settle", now: input.now, userId: withdrawal.userId };
    if (outcome.ok) {
      await postTransfers(tx, payoutSettledEntries({ freelancerId: withdrawal.userId, netMinor: withdrawal.netMinor }), context);
    } else {
      await postTransfers(
        tx,
        payoutFailedEntries({ freelancerId: withdrawal.userId, netMinor: withdrawal.netMinor, feeMinor: withdrawal.feeMinor }),
        context,
      );
    }
    const settled = await tx.withdrawal.update({
      where: { id: withdrawal.id },
      data: outcome.ok ? { status: "SENT", gatewayRef: outcome.ref } : { status: "FAILED", failureReason: outcome.reason },
      select: SELECT,
    });
    const methodLabel = withdrawal.payoutMethod.label;
    await (outcome.ok
      ? notify(tx, {
          userId: withdrawal.userId,
          kind: "withdrawal_sent",
          eventKey: `withdrawal_sent:${withdrawal.id}`,
          data: { amountMinor: withdrawal.amountMinor, feeMinor: withdrawal.feeMinor, netMinor: withdrawal.netMinor, methodLabel },
          link: LINKS.payouts(),
          now: input.now,
        })
      : notify(tx, {
          userId: withdrawal.userId,
          kind: "withdrawal_failed",
          eventKey: `withdrawal_failed:${withdrawal.id}`,
          data: { amountMinor: withdrawal.amountMinor, methodLabel, reason: asClause(outcome.reason) },
          link: LINKS.payouts(),
          now: input.now,
        }));
    return pick(settled);
  });
}

const pick = (w: SettledWithdrawal): SettledWithdrawal => ({
  id: w.id,
  status: w.status,
  amountMinor: w.amountMinor,
  feeMinor: w.feeMinor,
  netMinor: w.netMinor,
  failureReason: w.failureReason,
  createdAt: w.createdAt,
});

/** Time-driven recovery: withdrawals left PROCESSING (provider outage, crash) are sent again. */
export async function settleProcessingWithdrawals(prisma: PrismaClient, input: SystemCall, deps: { gateway?: PaymentGateway } = {}) {
  const stuck = await prisma.withdrawal.findMany({ where: { status: "PROCESSING" }, select: { id: true } });
  const results = [];
  for (const { id } of stuck) results.push(await settleWithdrawal(prisma, { withdrawalId: id, now: input.now }, deps));
  return { attempted: stuck.length, sent: results.filter((r) => r.status === "SENT").length };
}

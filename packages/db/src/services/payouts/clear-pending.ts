import { clearPendingEntries } from "@fairlance/rules";
import { scopedKey } from "../../idempotency";
import type { PrismaClient } from "../../client";
import { postTransfers } from "../../ledger/post-transfers";
import { runTransaction } from "../../transaction";
import type { SystemCall } from "../actor";
import { notify } from "../../notifications";
import { LINKS } from "../../notifications/event-helpers";

/**
 * Time-driven (economy.md §4): released payments whose security period has ended by
 * `now` move from Pending to Available. Each payment clears once, keyed by its
 * id, so running this twice for the same `now` changes nothing.
 */
export async function clearPending(prisma: PrismaClient, input: SystemCall & { limit?: number }): Promise<{ cleared: number; amountMinor: bigint }> {
  const due = await prisma.payment.findMany({
    where: { clearedAt: null, availableAt: { lte: input.now } },
    select: { id: true },
    orderBy: { availableAt: "asc" },
    take: input.limit ?? 1000,
  });
  let cleared = 0;
  let amountMinor = 0n;
  for (const { id } of due) {
    const result = await runTransaction(prisma, async (tx) => {
      const [payment] = await tx.$queryRaw<{ id: string; freelancerId: string; netMinor: bigint; clearedAt: Date | null; contractId: string }[]>`
        SELECT id, "freelancerId", "netMinor", "clearedAt", "contractId" FROM "Payment" WHERE id = ${id}::uuid FOR UPDATE`;
      if (!payment || payment.clearedAt) return null;
      if (payment.netMinor > 0n) {
        await postTransfers(tx, clearPendingEntries({ freelancerId: payment.freelancerId, amountMinor: payment.netMinor }), {
          key: scopedKey({ operation: "earnings.clear", userId: null, key: payment.id }),
          operation: "earnings.clear",
          now: input.now,
          userId: payment.freelancerId,
          contractId: payment.contractId,
        });
      }
      await tx.payment.update({ where: { id }, data: { clearedAt: input.now } });
      // Pending → Available: the freelancer is told the net that can now be withdrawn.
      if (payment.netMinor > 0n) {
        const contract = await tx.contract.findUniqueOrThrow({ where: { id: payment.contractId }, select: { title: true } });
        await notify(tx, {
          userId: payment.freelancerId,
          kind: "payment_available",
          eventKey: `payment_available:${payment.id}`,
          data: { amountMinor: payment.netMinor, jobTitle: contract.title },
          link: LINKS.earnings(),
          now: input.now,
        });
      }
      return payment.netMinor;
    });
    if (result !== null) {
      cleared += 1;
      amountMinor += result;
    }
  }
  return { cleared, amountMinor };
}

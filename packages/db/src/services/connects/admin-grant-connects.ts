import { lotExpiresAt } from "@fairlance/rules";
import { z } from "zod";
import type { PrismaClient } from "../../client";
import { issueLot, lockConnects } from "../../connects/connect-ledger";
import { IdempotencyKey, idempotent, jsonCodec, scopedKey } from "../../idempotency";
import { loadSettings } from "../../settings/load-settings";
import { runTransaction } from "../../transaction";
import { findFreelancer, requireAdmin } from "./actors";
import { writeAudit } from "./audit";
import { connectsBalance } from "./balance";
import { parseInput } from "./input";

export const AdminConnectsInput = z.object({
  actorId: z.uuid(),
  idempotencyKey: IdempotencyKey,
  now: z.date(),
  freelancerId: z.uuid({ message: "Choose a freelancer." }),
  connects: z
    .int({ message: "Enter a whole number of connects." })
    .positive("Enter a number of connects above zero.")
    .max(100_000, "At most 100,000 connects at a time."),
  reason: z.string().trim().min(3, "Give a reason; the freelancer sees it in their history.").max(500, "Keep the reason under 500 characters."),
});
export const AdminGrantConnectsInput = AdminConnectsInput;
export type AdminGrantConnectsInput = z.input<typeof AdminGrantConnectsInput>;

export interface AdminConnectsChange {
  freelancerId: string;
  connects: number;
  balanceBefore: number;
  balanceAfter: number;
  /** The new lot of a grant; the lots taken from by a revoke. */
  lotIds: string[];
}

/** An admin grants connects with a reason (RULES 2.1, 6): a new lot, an audit line; idempotent. */
export async function adminGrantConnects(prisma: PrismaClient, rawInput: AdminGrantConnectsInput): Promise<AdminConnectsChange> {
  const input = parseInput(AdminGrantConnectsInput, rawInput);
  const { now, freelancerId, connects, reason } = input;
  const call = { operation: "connects.adminGrant", userId: input.actorId, key: input.idempotencyKey, request: { freelancerId, connects, reason } };
  return runTransaction(prisma, async (tx) => {
    await requireAdmin(tx, input.actorId);
    const { result } = await idempotent(
      tx,
      call,
      async () => {
        await lockConnects(tx, freelancerId);
        await findFreelancer(tx, freelancerId);
        const { settings } = await loadSettings(tx, now);
        const balanceBefore = await connectsBalance(tx, freelancerId, now);
        const lotId = await issueLot(tx, {
          userId: freelancerId,
          key: scopedKey(call),
          now,
          reason: "admin_grant",
          note: reason,
          source: "ADMIN_GRANT",
          connects,
          expiresAt: lotExpiresAt(now, settings),
        });
        const change: AdminConnectsChange = { freelancerId, connects, balanceBefore, balanceAfter: balanceBefore + connects, lotIds: [lotId] };
        await writeAudit(tx, {
          actorId: input.actorId,
          action: "connects.grant",
          targetType: "User",
          targetId: freelancerId,
          before: { connectsBalance: balanceBefore },
          after: { connectsBalance: change.balanceAfter, connectsGranted: connects, lotId },
          reason,
          now,
        });
        return change;
      },
      jsonCodec<AdminConnectsChange>(),
    );
    return result;
  });
}

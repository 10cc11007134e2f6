import { connectBalance, planSpend, RuleViolation, formatConnects } from "@fairlance/rules";
import type { z } from "zod";
import type { PrismaClient } from "../../client";
import { lockConnects, takeFromLots } from "../../connects/connect-ledger";
import { idempotent, jsonCodec, scopedKey, type IdempotentCall } from "../../idempotency";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { parseCall } from "../input";
import { findFreelancer } from "./actors";
import { AdminConnectsInput, type AdminConnectsChange } from "./admin-grant-connects";
import { writeAudit } from "./audit";
import { openLots } from "./balance";
import { notify } from "../../notifications";
import { LINKS, withoutFinalStop } from "../../notifications/event-helpers";

export const AdminRevokeConnectsInput = AdminConnectsInput;
export type AdminRevokeConnectsInput = z.input<typeof AdminRevokeConnectsInput>;

/**
 * An admin takes connects back with a reason (economy.md §6): from the lots that expire first, never
 * more than the balance; one REVOKE entry per lot, an audit line; idempotent.
 */
export async function adminRevokeConnects(prisma: PrismaClient, rawInput: AdminRevokeConnectsInput & ActorCall): Promise<AdminConnectsChange> {
  const input = parseCall(AdminRevokeConnectsInput, rawInput);
  const { now, freelancerId, connects, reason } = input;
  const call: IdempotentCall = { operation: "connects.adminRevoke", userId: input.actorId, key: input.idempotencyKey, request: { freelancerId, connects, reason } };
  return runTransaction(prisma, async (tx) => {
    await requireActor(tx, input, "ADMIN", "take connects back");
    const { result } = await idempotent(
      tx,
      call,
      async () => {
        await lockConnects(tx, freelancerId);
        const freelancer = await findFreelancer(tx, freelancerId);
        const lots = await openLots(tx, freelancerId);
        const balanceBefore = connectBalance(lots, now);
        if (connects > balanceBefore) {
          throw new RuleViolation("INSUFFICIENT_CONNECTS", `${freelancer.name} has ${formatConnects(balanceBefore)}; you can take back at most that many.`, {
            needed: connects,
            available: balanceBefore,
          });
        }
        const takes = planSpend(lots, connects, now);
        await takeFromLots(tx, { userId: freelancerId, key: scopedKey(call), now, reason: "admin_revoke", note: reason }, takes, "REVOKE");
        const change: AdminConnectsChange = {
          freelancerId,
          connects,
          balanceBefore,
          balanceAfter: balanceBefore - connects,
          lotIds: takes.map((take) => take.lotId),
        };
        const auditId = await writeAudit(tx, {
          actorId: input.actorId,
          action: "connects.revoke",
          targetType: "User",
          targetId: freelancerId,
          before: { connectsBalance: balanceBefore },
          after: { connectsBalance: change.balanceAfter, connectsRevoked: connects, takes },
          reason,
          now,
        });
        await notify(tx, {
          userId: freelancerId,
          kind: "connects_revoked",
          eventKey: `connects_revoked:${auditId}`,
          data: { connects, balance: change.balanceAfter, reason: withoutFinalStop(reason) },
          link: LINKS.connects(),
          now,
        });
        return change;
      },
      jsonCodec<AdminConnectsChange>(),
    );
    return result;
  });
}

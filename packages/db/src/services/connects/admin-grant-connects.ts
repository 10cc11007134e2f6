import { TEXT_RULES, WHOLE_RULES, lotExpiresAt } from "@fairlance/rules";
import { z } from "zod";
import type { PrismaClient } from "../../client";
import { issueLot, lockConnects } from "../../connects/connect-ledger";
import { IdempotencyKey, idempotent, jsonCodec, scopedKey, type IdempotentCall } from "../../idempotency";
import { loadSettings } from "../../settings/load-settings";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { ChosenFreelancer, Text, WholeNumber } from "../fields";
import { parseCall } from "../input";
import { findFreelancer } from "./actors";
import { writeAudit } from "./audit";
import { connectsBalance } from "./balance";
import { notify } from "../../notifications";
import { LINKS } from "../../notifications/event-helpers";

/** What the admin sends to grant or take back connects; who acts and when come with the call (ActorCall). */
export const AdminConnectsInput = z.strictObject({
  idempotencyKey: IdempotencyKey,
  freelancerId: ChosenFreelancer,
  connects: WholeNumber(WHOLE_RULES.adminConnects),
  reason: Text(TEXT_RULES.grantConnectsReason),
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

/** An admin grants connects with a reason (economy.md §2.1, §6): a new lot, an audit line; idempotent. */
export async function adminGrantConnects(prisma: PrismaClient, rawInput: AdminGrantConnectsInput & ActorCall): Promise<AdminConnectsChange> {
  const input = parseCall(AdminGrantConnectsInput, rawInput);
  const { now, freelancerId, connects, reason } = input;
  const call: IdempotentCall = { operation: "connects.adminGrant", userId: input.actorId, key: input.idempotencyKey, request: { freelancerId, connects, reason } };
  return runTransaction(prisma, async (tx) => {
    await requireActor(tx, input, "ADMIN", "grant connects");
    const { result } = await idempotent(
      tx,
      call,
      async () => {
        await lockConnects(tx, freelancerId);
        await findFreelancer(tx, freelancerId);
        const { settings } = await loadSettings(tx, now);
        const balanceBefore = await connectsBalance(tx, freelancerId, now);
        const expiresAt = lotExpiresAt(now, settings);
        const lotId = await issueLot(tx, { userId: freelancerId, key: scopedKey(call), now, reason: "admin_grant", note: reason, source: "ADMIN_GRANT", connects, expiresAt });
        await notify(tx, {
          userId: freelancerId,
          kind: "connects_granted",
          eventKey: `connects_granted:${lotId}`,
          data: { connects, reason: `from Fairlance: ${reason}`, expiresAt },
          link: LINKS.connects(),
          now,
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

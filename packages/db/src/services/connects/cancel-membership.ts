import type { MembershipStatus, PrismaClient } from "../../client";
import { lockConnects } from "../../connects/connect-ledger";
import { DomainError } from "../../errors";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";

export interface CancelledMembership {
  membershipId: string;
  status: MembershipStatus;
  /** Plus stays on, and its connects stay, until this date; nothing renews after it. */
  activeUntil: Date;
}

/**
 * A freelancer stops Freelancer Plus from renewing (economy.md §2.1): the paid cycle runs to its end,
 * nothing is refunded or taken back. Cancelling again changes nothing.
 */
export async function cancelMembership(prisma: PrismaClient, call: ActorCall): Promise<CancelledMembership> {
  const { actorId, now } = call;
  return runTransaction(prisma, async (tx) => {
    await requireActor(tx, call, "FREELANCER", "cancel Freelancer Plus");
    await lockConnects(tx, actorId);
    const membership = await tx.membership.findUnique({ where: { userId: actorId }, select: { id: true, status: true, currentPeriodEnd: true } });
    if (!membership) throw new DomainError("NOT_FOUND", "You do not have a Freelancer Plus membership.");
    if (membership.status === "LAPSED" || membership.currentPeriodEnd.getTime() <= now.getTime()) {
      throw new DomainError("CONFLICT", "Your Freelancer Plus membership has already ended; there is nothing to cancel.");
    }
    if (membership.status === "ACTIVE") await tx.membership.update({ where: { id: membership.id }, data: { status: "CANCELLED" } });
    return { membershipId: membership.id, status: "CANCELLED", activeUntil: membership.currentPeriodEnd };
  });
}

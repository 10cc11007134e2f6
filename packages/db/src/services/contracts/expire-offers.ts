import type { PrismaClient } from "../../client";
import type { PaymentGateway } from "../../gateway/gateway";
import { getGateway } from "../../gateway/sandbox";
import { scopedKey } from "../../idempotency";
import { runTransaction } from "../../transaction";
import type { SystemCall } from "../actor";
import { refundBookedCharge } from "../payments/card-charges";
import type { RefundOutcome } from "../payments/pending-refunds";
import { endOfferWithoutHire, lockOffer } from "./offer-lifecycle";
import { notify } from "../../notifications";
import { LINKS, nameOf } from "../../notifications/event-helpers";

export interface ExpiredOffer {
  contractId: string;
  /** Milestones funded on the offer, refunded to the client's card (a refund the gateway does not take is queued). */
  cardRefunds: { milestoneId: string; amountMinor: bigint; outcome: RefundOutcome }[];
}

/**
 * Time-driven (economy.md §3.7): offers not accepted by their `offerExpiresAt` expire. Like a declined
 * offer, escrow funded on it goes back to the client (ledger in the transaction, card refunds after
 * the commit, queued for the runner when the gateway does not take them) and the proposal it was
 * made from goes back to the live state it had, its job still open. One transaction per offer under
 * a system key; an offer already accepted, declined or expired is left alone, so running again for
 * the same `now` changes nothing.
 */
export async function expireOffers(prisma: PrismaClient, call: SystemCall, deps: { gateway?: PaymentGateway } = {}): Promise<ExpiredOffer[]> {
  const { now } = call;
  const due = await prisma.contract.findMany({
    where: { status: "OFFERED", offerExpiresAt: { lte: now } },
    orderBy: [{ offerExpiresAt: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  const expired: ExpiredOffer[] = [];
  for (const { id } of due) {
    const ended = await runTransaction(prisma, async (tx) => {
      const offer = await lockOffer(tx, id);
      // Re-checked under the lock: the freelancer may have answered since the scan.
      if (!offer || offer.status !== "OFFERED" || offer.offerExpiresAt.getTime() > now.getTime()) return null;
      const { refunds } = await endOfferWithoutHire(tx, {
        offer,
        event: "expire",
        reason: "offer_expired",
        now,
        key: scopedKey({ operation: "contract.expire", userId: null, key: id }),
        operation: "contract.expire",
        userId: null,
      });
      // Both sides are told, each naming the other.
      const [clientName, freelancerName] = [await nameOf(tx, offer.clientId), await nameOf(tx, offer.freelancerId)];
      for (const [userId, otherName] of [
        [offer.clientId, freelancerName],
        [offer.freelancerId, clientName],
      ] as const) {
        await notify(tx, {
          userId,
          kind: "offer_expired",
          eventKey: `offer_expired:${offer.id}`,
          data: { jobTitle: offer.title, otherName, expiredAt: offer.offerExpiresAt },
          link: LINKS.contract(offer.id),
          now,
        });
      }
      return refunds;
    });
    if (!ended) continue;
    const gateway = deps.gateway ?? getGateway();
    const cardRefunds: ExpiredOffer["cardRefunds"] = [];
    for (const plan of ended) {
      const outcome: RefundOutcome = plan.chargeRef
        ? await refundBookedCharge(prisma, gateway, plan, "The offer expired before the freelancer accepted it.")
        : { ok: false, reason: "No card charge was found for this milestone.", queued: false };
      cardRefunds.push({ milestoneId: plan.milestoneId, amountMinor: plan.amountMinor, outcome });
    }
    expired.push({ contractId: id, cardRefunds });
  }
  return expired;
}

import { boostBidOf, settleBoostAuction } from "@fairlance/rules";
import { scopedKey } from "../../idempotency";
import type { PrismaClient } from "../../client";
import { refundProposalConnects } from "../../connects/connect-ledger";
import { loadSettings } from "../../settings/load-settings";
import { runTransaction } from "../../transaction";
import { jobNote, lockJob } from "./shared";
import type { SystemCall } from "../actor";
import { notify } from "../../notifications";
import { LINKS } from "../../notifications/event-helpers";

export interface SettledAuction {
  jobId: string;
  kept: { proposalId: string; boostConnects: number; why: string }[];
  refunded: { proposalId: string; boostConnects: number }[];
}

/**
 * Time-driven (economy.md §2.3): a job's boost auction closes at its `auctionClosesAt` or at its first
 * hire. Boosts in the top slots, or that the client interacted with while boosted, are kept; the
 * others get their boost connects back (`refund_boost_outbid`). A withdrawn proposal gives up its
 * slot and keeps nothing back (withdrawing never refunds). One transaction per job; a settled
 * job is marked, so running again for the same `now` changes nothing.
 */
export async function closeBoostAuctions(prisma: PrismaClient, call: SystemCall): Promise<SettledAuction[]> {
  const { now } = call;
  const due = await prisma.job.findMany({
    where: { auctionClosedAt: null, status: { not: "DRAFT" }, OR: [{ auctionClosesAt: { lte: now } }, { status: "HIRED" }] },
    orderBy: { auctionClosesAt: "asc" },
    select: { id: true },
  });
  const settled: SettledAuction[] = [];
  for (const { id } of due) {
    const result = await runTransaction(prisma, async (tx) => {
      const job = await lockJob(tx, id);
      if (job.auctionClosedAt !== null) return null;
      const { settings } = await loadSettings(tx, now);
      const boosted = await tx.proposal.findMany({
        where: { jobId: id, boostConnects: { gt: 0 }, boostSettledAt: null, boostRefunded: false },
        orderBy: { freelancerId: "asc" },
        select: { id: true, freelancerId: true, status: true, boostConnects: true, boostRefunded: true, submittedAt: true, clientInteractedAt: true },
      });
      // The bids in the auction (boostBidOf: a withdrawn proposal gives up its slot), as the client's list ranks them.
      const bids = boosted.flatMap((proposal) => {
        const bid = boostBidOf(proposal);
        return bid ? [{ ...bid, clientInteractedWhileBoosted: proposal.clientInteractedAt !== null }] : [];
      });
      const outcomes = new Map(settleBoostAuction(bids, settings).map((outcome) => [outcome.proposalId, outcome]));
      const auction: SettledAuction = { jobId: id, kept: [], refunded: [] };
      for (const proposal of boosted) {
        const outcome = outcomes.get(proposal.id);
        if (outcome?.outcome !== "refunded") {
          auction.kept.push({ proposalId: proposal.id, boostConnects: proposal.boostConnects, why: outcome?.why ?? "withdrawn" });
          await tx.proposal.update({ where: { id: proposal.id }, data: { boostSettledAt: now } });
          continue;
        }
        const connects = await refundProposalConnects(tx, {
          userId: proposal.freelancerId,
          key: scopedKey({ operation: "boost.settle", userId: null, key: proposal.id }),
          now,
          reason: "refund_boost_outbid",
          note: `${jobNote(job)}: your boost did not win one of the top ${settings.boostSlots} slots.`,
          proposalId: proposal.id,
          jobId: id,
          connects: proposal.boostConnects,
          reissueExpiryDays: settings.connectRefundReissueExpiryDays,
        });
        await tx.proposal.update({
          where: { id: proposal.id },
          data: { boostSettledAt: now, boostRefunded: true, connectsRefunded: { increment: connects } },
        });
        if (connects > 0) {
          await notify(tx, {
            userId: proposal.freelancerId,
            kind: "connects_refunded",
            eventKey: `connects_refunded:boost:${proposal.id}`,
            data: { connects, jobTitle: job.title, reason: `your boost did not win ${settings.boostSlots === 1 ? "the top slot" : `one of the top ${settings.boostSlots} slots`}` },
            link: LINKS.connects(),
            now,
          });
        }
        auction.refunded.push({ proposalId: proposal.id, boostConnects: connects });
      }
      await tx.job.update({ where: { id }, data: { auctionClosedAt: now } });
      return auction;
    });
    if (result) settled.push(result);
  }
  return settled;
}

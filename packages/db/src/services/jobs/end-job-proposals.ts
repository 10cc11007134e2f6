import type { ConnectRefundDecision, ProposalEndReason } from "@fairlance/rules";
import type { Tx } from "../../client";
import { refundProposalConnects } from "../../connects/connect-ledger";
import { LIVE_PROPOSAL_STATUSES, jobNote, nextProposalStatus } from "./shared";
import { notify } from "../../notifications";
import { asClause, LINKS } from "../../notifications/event-helpers";

export interface ProposalRefund {
  proposalId: string;
  freelancerId: string;
  connects: number;
}

export interface EndedProposals {
  proposalsClosed: number;
  connectsRefunded: number;
  refunds: ProposalRefund[];
}

/**
 * When a job ends without a hire, its live proposals close and, when the rules' refund policy
 * says so, every connect they still hold (cost and boost) goes back (economy.md §2.5). Call with the
 * job locked. `alsoEnded` refunds proposals that had already ended too (an admin removal).
 */
export async function endJobProposals(
  tx: Tx,
  input: {
    job: { id: string; title: string };
    endReason: ProposalEndReason;
    refund: ConnectRefundDecision;
    /** Unique per operation: each proposal's connect entries are keyed under it. */
    keyPrefix: string;
    now: Date;
    reissueExpiryDays: number;
    alsoEnded?: boolean;
  },
): Promise<EndedProposals> {
  const { job, refund, now } = input;
  // Freelancers' connects are locked in id order, so two jobs ending at once cannot deadlock.
  const proposals = await tx.proposal.findMany({
    where: { jobId: job.id },
    orderBy: [{ freelancerId: "asc" }],
    select: { id: true, freelancerId: true, status: true, boostConnects: true, boostSettledAt: true },
  });
  const ended: EndedProposals = { proposalsClosed: 0, connectsRefunded: 0, refunds: [] };
  for (const proposal of proposals) {
    const live = LIVE_PROPOSAL_STATUSES.includes(proposal.status);
    if (live) {
      await tx.proposal.update({
        where: { id: proposal.id },
        data: { status: nextProposalStatus(proposal.status, "close"), endedAt: now, endedReason: input.endReason },
      });
      ended.proposalsClosed += 1;
    }
    if (!refund.refund || proposal.status === "HIRED" || (!live && !input.alsoEnded)) continue;
    const connects = await refundProposalConnects(tx, {
      userId: proposal.freelancerId,
      key: `${input.keyPrefix}:${proposal.id}`,
      now,
      reason: refund.reason,
      note: `${jobNote(job)}: ${refund.explanation}`,
      proposalId: proposal.id,
      jobId: job.id,
      reissueExpiryDays: input.reissueExpiryDays,
    });
    if (connects === 0) continue;
    await tx.proposal.update({
      where: { id: proposal.id },
      data: {
        connectsRefunded: { increment: connects },
        ...(proposal.boostConnects > 0 ? { boostRefunded: true } : {}),
        ...(proposal.boostSettledAt === null ? { boostSettledAt: now } : {}),
      },
    });
    await notify(tx, {
      userId: proposal.freelancerId,
      kind: "connects_refunded",
      eventKey: `connects_refunded:${input.keyPrefix}:${proposal.id}`,
      data: { connects, jobTitle: job.title, reason: asClause(refund.explanation) },
      link: LINKS.connects(),
      now,
    });
    ended.connectsRefunded += connects;
    ended.refunds.push({ proposalId: proposal.id, freelancerId: proposal.freelancerId, connects });
  }
  return ended;
}

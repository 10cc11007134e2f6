import { proposalLifecycle } from "@fairlance/rules";
import { z } from "zod";
import type { PrismaClient, ProposalStatus } from "../../client";
import { runTransaction } from "../../transaction";
import { interactionUpdate, lockProposal, nextProposalStatus, recordInteractionActivity } from "./shared";
import { requireActor, type ActorCall } from "../actor";
import { Id, parseCall } from "../input";
import { notify } from "../../notifications";
import { LINKS, nameOf } from "../../notifications/event-helpers";

/** What the caller sends; who acts and when come with the call (ActorCall). */
export const MarkProposalViewedInput = z.strictObject({ proposalId: Id("proposal") });
export type MarkProposalViewedInput = z.input<typeof MarkProposalViewedInput>;

export interface ViewedProposal {
  proposalId: string;
  status: string;
  viewedAt: Date | null;
}

/**
 * The job's owner opens a proposal: a submitted one becomes viewed, `viewedAt` is set once, a
 * boosted one counts as interacted with (its boost is kept: economy.md §2.3), and the job has had
 * activity (its expiry moves: economy.md §3.1). Opening the page is
 * naturally idempotent, so no key is needed: the second view changes nothing. Viewing an ended
 * proposal changes nothing either.
 */
export async function markProposalViewed(prisma: PrismaClient, input: MarkProposalViewedInput & ActorCall): Promise<ViewedProposal> {
  const data = parseCall(MarkProposalViewedInput, input);
  const { proposalId, actorId, now } = data;
  return runTransaction(prisma, async (tx) => {
    await requireActor(tx, data, "CLIENT", "review proposals");
    const { job, proposal } = await lockProposal(tx, proposalId, { id: actorId, as: "client" });
    const rulesStatus = proposal.status.toLowerCase() as Lowercase<ProposalStatus>;
    if (!proposalLifecycle.can(rulesStatus, "view")) return { proposalId, status: proposal.status, viewedAt: proposal.viewedAt };
    const status = nextProposalStatus(proposal.status, "view");
    const viewedAt = proposal.viewedAt ?? now;
    const interaction = interactionUpdate("viewed", proposal, now);
    if (status !== proposal.status || proposal.viewedAt === null || "clientInteractedAt" in interaction) {
      await tx.proposal.update({ where: { id: proposalId }, data: { status, viewedAt, ...interaction } });
    }
    await recordInteractionActivity(tx, job, "viewed", now);
    // The first time the client opens it, the freelancer is told (once per proposal).
    if (proposal.viewedAt === null) {
      await notify(tx, {
        userId: proposal.freelancerId,
        kind: "proposal_viewed",
        eventKey: `proposal_viewed:${proposalId}`,
        data: { jobTitle: job.title, clientName: await nameOf(tx, actorId) },
        link: LINKS.job(job.id),
        now,
      });
    }
    return { proposalId, status, viewedAt };
  });
}

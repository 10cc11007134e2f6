import { z } from "zod";
import type { PrismaClient } from "../../client";
import { IdempotencyKey, idempotent, jsonCodec } from "../../idempotency";
import { runTransaction } from "../../transaction";
import type { ViewedProposal } from "./mark-proposal-viewed";
import { interactionUpdate, lockProposal, nextProposalStatus, recordInteractionActivity } from "./shared";
import { requireActor, type ActorCall } from "../actor";
import { Id, parseCall } from "../input";
import { notify } from "../../notifications";
import { LINKS, nameOf } from "../../notifications/event-helpers";

/** What the caller sends; who acts and when come with the call (ActorCall). */
export const ShortlistProposalInput = z.strictObject({ proposalId: Id("proposal"), idempotencyKey: IdempotencyKey });
export type ShortlistProposalInput = z.input<typeof ShortlistProposalInput>;

/** The job's owner shortlists a proposal (which implies having viewed it: economy.md §3.1). */
export async function shortlistProposal(prisma: PrismaClient, input: ShortlistProposalInput & ActorCall): Promise<ViewedProposal> {
  const data = parseCall(ShortlistProposalInput, input);
  const { proposalId, idempotencyKey, actorId, now } = data;
  return runTransaction(prisma, async (tx) => {
    const { result } = await idempotent(
      tx,
      { operation: "proposal.shortlist", userId: actorId, key: idempotencyKey, request: { proposalId } },
      async () => {
        await requireActor(tx, data, "CLIENT", "shortlist proposals", { active: true });
        const { job, proposal } = await lockProposal(tx, proposalId, { id: actorId, as: "client" });
        const status = nextProposalStatus(proposal.status, "shortlist");
        const viewedAt = proposal.viewedAt ?? now;
        await tx.proposal.update({ where: { id: proposalId }, data: { status, viewedAt, ...interactionUpdate("shortlisted", proposal, now) } });
        await recordInteractionActivity(tx, job, "shortlisted", now);
        await notify(tx, {
          userId: proposal.freelancerId,
          kind: "proposal_shortlisted",
          eventKey: `proposal_shortlisted:${proposalId}`,
          data: { jobTitle: job.title, clientName: await nameOf(tx, actorId) },
          link: LINKS.job(job.id),
          now,
        });
        return { proposalId, status, viewedAt };
      },
      jsonCodec<ViewedProposal>(),
    );
    return result;
  });
}

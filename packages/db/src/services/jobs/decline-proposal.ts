import { connectRefundPolicy } from "@fairlance/rules";
import { z } from "zod";
import type { PrismaClient } from "../../client";
import { IdempotencyKey, idempotent, jsonCodec } from "../../idempotency";
import { runTransaction } from "../../transaction";
import type { EndedProposal } from "./withdraw-proposal";
import { interactionUpdate, lockProposal, nextProposalStatus, recordInteractionActivity } from "./shared";
import { requireActor, type ActorCall } from "../actor";
import { Id, parseCall } from "../input";

/** What the caller sends; who acts and when come with the call (ActorCall). */
export const DeclineProposalInput = z.strictObject({ proposalId: Id("proposal"), idempotencyKey: IdempotencyKey });
export type DeclineProposalInput = z.input<typeof DeclineProposalInput>;

/**
 * The job's owner declines a proposal; its connects do not come back (economy.md §2.5). Declining a
 * boosted proposal is an interaction, so its boost is kept at the auction's close (economy.md §2.3).
 */
export async function declineProposal(prisma: PrismaClient, input: DeclineProposalInput & ActorCall): Promise<EndedProposal> {
  const data = parseCall(DeclineProposalInput, input);
  const { proposalId, idempotencyKey, actorId, now } = data;
  return runTransaction(prisma, async (tx) => {
    const { result } = await idempotent(
      tx,
      { operation: "proposal.decline", userId: actorId, key: idempotencyKey, request: { proposalId } },
      async () => {
        await requireActor(tx, data, "CLIENT", "decline proposals");
        const { job, proposal } = await lockProposal(tx, proposalId, { id: actorId, as: "client" });
        const status = nextProposalStatus(proposal.status, "decline");
        await tx.proposal.update({
          where: { id: proposalId },
          data: { status, endedAt: now, endedReason: "proposal_declined", ...interactionUpdate("declined", proposal, now) },
        });
        await recordInteractionActivity(tx, job, "declined", now);
        return { proposalId, status, connectsRefunded: 0, explanation: connectRefundPolicy("proposal_declined").explanation };
      },
      jsonCodec<EndedProposal>(),
    );
    return result;
  });
}

import { connectRefundPolicy } from "@fairlance/rules";
import { z } from "zod";
import type { PrismaClient } from "../../client";
import { IdempotencyKey, idempotent, jsonCodec } from "../../idempotency";
import { runTransaction } from "../../transaction";
import type { EndedProposal } from "./withdraw-proposal";
import { Id, interactionUpdate, lockProposal, nextProposalStatus, parseInput, requireActor } from "./shared";

export const DeclineProposalInput = z.object({ proposalId: Id("proposal"), idempotencyKey: IdempotencyKey });

/**
 * The job's owner declines a proposal; its connects do not come back (RULES 2.5). Declining a
 * boosted proposal is an interaction, so its boost is kept at the auction's close (RULES 2.3).
 */
export async function declineProposal(
  prisma: PrismaClient,
  input: z.input<typeof DeclineProposalInput> & { actorId: string; now: Date },
): Promise<EndedProposal> {
  const { proposalId, idempotencyKey } = parseInput(DeclineProposalInput, input);
  const { actorId, now } = input;
  return runTransaction(prisma, async (tx) => {
    const { result } = await idempotent(
      tx,
      { operation: "proposal.decline", userId: actorId, key: idempotencyKey, request: { proposalId } },
      async () => {
        await requireActor(tx, actorId, "CLIENT", "decline proposals");
        const { proposal } = await lockProposal(tx, proposalId, { id: actorId, as: "client" });
        const status = nextProposalStatus(proposal.status, "decline");
        await tx.proposal.update({
          where: { id: proposalId },
          data: { status, endedAt: now, endedReason: "proposal_declined", ...interactionUpdate(proposal, now) },
        });
        await tx.job.update({ where: { id: proposal.jobId }, data: { lastActivityAt: now } });
        return { proposalId, status, connectsRefunded: 0, explanation: connectRefundPolicy("proposal_declined").explanation };
      },
      jsonCodec<EndedProposal>(),
    );
    return result;
  });
}

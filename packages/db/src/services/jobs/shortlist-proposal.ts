import { z } from "zod";
import type { PrismaClient } from "../../client";
import { IdempotencyKey, idempotent, jsonCodec } from "../../idempotency";
import { runTransaction } from "../../transaction";
import type { ViewedProposal } from "./mark-proposal-viewed";
import { Id, interactionUpdate, lockProposal, nextProposalStatus, parseInput, requireActor } from "./shared";

export const ShortlistProposalInput = z.object({ proposalId: Id("proposal"), idempotencyKey: IdempotencyKey });

/** The job's owner shortlists a proposal (which implies having viewed it: RULES 3.1). */
export async function shortlistProposal(
  prisma: PrismaClient,
  input: z.input<typeof ShortlistProposalInput> & { actorId: string; now: Date },
): Promise<ViewedProposal> {
  const { proposalId, idempotencyKey } = parseInput(ShortlistProposalInput, input);
  const { actorId, now } = input;
  return runTransaction(prisma, async (tx) => {
    const { result } = await idempotent(
      tx,
      { operation: "proposal.shortlist", userId: actorId, key: idempotencyKey, request: { proposalId } },
      async () => {
        await requireActor(tx, actorId, "CLIENT", "shortlist proposals");
        const { proposal } = await lockProposal(tx, proposalId, { id: actorId, as: "client" });
        const status = nextProposalStatus(proposal.status, "shortlist");
        const viewedAt = proposal.viewedAt ?? now;
        await tx.proposal.update({ where: { id: proposalId }, data: { status, viewedAt, ...interactionUpdate(proposal, now) } });
        await tx.job.update({ where: { id: proposal.jobId }, data: { lastActivityAt: now } });
        return { proposalId, status, viewedAt };
      },
      jsonCodec<ViewedProposal>(),
    );
    return result;
  });
}

import { connectRefundPolicy } from "@fairlance/rules";
import { z } from "zod";
import type { PrismaClient } from "../../client";
import { IdempotencyKey, idempotent, jsonCodec } from "../../idempotency";
import { runTransaction } from "../../transaction";
import { lockProposal, nextProposalStatus } from "./shared";
import { requireActor, type ActorCall } from "../actor";
import { Id, parseCall } from "../input";

/** What the caller sends; who acts and when come with the call (ActorCall). */
export const WithdrawProposalInput = z.strictObject({ proposalId: Id("proposal"), idempotencyKey: IdempotencyKey });
export type WithdrawProposalInput = z.input<typeof WithdrawProposalInput>;

export interface EndedProposal {
  proposalId: string;
  status: string;
  connectsRefunded: number;
  /** Why connects did or did not come back, in words (economy.md §2.5). */
  explanation: string;
}

/** The freelancer withdraws their proposal; its connects do not come back (economy.md §2.5). */
export async function withdrawProposal(prisma: PrismaClient, input: WithdrawProposalInput & ActorCall): Promise<EndedProposal> {
  const data = parseCall(WithdrawProposalInput, input);
  const { proposalId, idempotencyKey, actorId, now } = data;
  return runTransaction(prisma, async (tx) => {
    const { result } = await idempotent(
      tx,
      { operation: "proposal.withdraw", userId: actorId, key: idempotencyKey, request: { proposalId } },
      async () => {
        await requireActor(tx, data, "FREELANCER", "withdraw proposals");
        const { proposal } = await lockProposal(tx, proposalId, { id: actorId, as: "freelancer" });
        const status = nextProposalStatus(proposal.status, "withdraw");
        await tx.proposal.update({ where: { id: proposalId }, data: { status, endedAt: now, endedReason: "proposal_withdrawn" } });
        return { proposalId, status, connectsRefunded: 0, explanation: connectRefundPolicy("proposal_withdrawn").explanation };
      },
      jsonCodec<EndedProposal>(),
    );
    return result;
  });
}

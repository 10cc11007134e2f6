import { TEXT_RULES } from "@fairlance/rules";
import { z } from "zod";
import type { InvitationStatus, PrismaClient } from "../../client";
import { DomainError } from "../../errors";
import { IdempotencyKey, idempotent, jsonCodec } from "../../idempotency";
import { runTransaction } from "../../transaction";
import { lockJob } from "../jobs/shared";
import { requireActor, type ActorCall } from "../actor";
import { Text } from "../fields";
import { Id, parseCall } from "../input";

/** What the freelancer sends; who acts and when come with the call (ActorCall). */
export const DeclineInvitationInput = z.strictObject({
  invitationId: Id("invitation"),
  idempotencyKey: IdempotencyKey,
  /** Optional; the client reads it on their job. */
  reason: Text(TEXT_RULES.declineInvitationReason).optional(),
});
export type DeclineInvitationInput = z.input<typeof DeclineInvitationInput>;

export interface DeclinedInvitation {
  invitationId: string;
  jobId: string;
  status: InvitationStatus;
  respondedAt: Date;
  declineReason: string | null;
}

const invitationNotFound = () => new DomainError("NOT_FOUND", "This invitation does not exist.");

/**
 * The invited freelancer declines a pending invitation, with a reason if they like; the client sees
 * the answer (and the reason) on their job. An invitation already answered (declined, or accepted by
 * sending a proposal) cannot be declined. Another freelancer's invitation is "not found".
 */
export async function declineInvitation(prisma: PrismaClient, input: DeclineInvitationInput & ActorCall): Promise<DeclinedInvitation> {
  const data = parseCall(DeclineInvitationInput, input);
  const { invitationId, idempotencyKey, actorId, now } = data;
  const reason = data.reason ? data.reason : null;
  return runTransaction(prisma, async (tx) => {
    const { result } = await idempotent(
      tx,
      { operation: "invitation.decline", userId: actorId, key: idempotencyKey, request: { invitationId, reason } },
      async () => {
        await requireActor(tx, data, "FREELANCER", "decline invitations");
        const found = await tx.invitation.findUnique({ where: { id: invitationId }, select: { jobId: true, freelancerId: true } });
        if (!found || found.freelancerId !== actorId) throw invitationNotFound();
        // The job first, as a proposal locks it (submitProposal accepts the invitation under that lock).
        await lockJob(tx, found.jobId);
        const invitation = await tx.invitation.findUniqueOrThrow({ where: { id: invitationId }, select: { status: true } });
        if (invitation.status === "DECLINED") throw new DomainError("CONFLICT", "You have already declined this invitation.");
        if (invitation.status === "ACCEPTED") throw new DomainError("CONFLICT", "You answered this invitation with a proposal; withdraw the proposal instead.");
        const declined = await tx.invitation.update({
          where: { id: invitationId },
          data: { status: "DECLINED", respondedAt: now, declineReason: reason },
          select: { id: true, jobId: true, status: true, respondedAt: true, declineReason: true },
        });
        return { invitationId: declined.id, jobId: declined.jobId, status: declined.status, respondedAt: declined.respondedAt!, declineReason: declined.declineReason };
      },
      jsonCodec<DeclinedInvitation>(),
    );
    return result;
  });
}

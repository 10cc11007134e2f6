import { TEXT_RULES, RuleViolation } from "@fairlance/rules";
import { z } from "zod";
import type { PrismaClient } from "../../client";
import { DomainError } from "../../errors";
import { IdempotencyKey, idempotent, jsonCodec } from "../../idempotency";
import { runTransaction } from "../../transaction";
import { lockOwnedJob, recordJobActivity } from "./shared";
import { counterpartSuspended, lockCounterpart, requireActor, type ActorCall } from "../actor";
import { Text } from "../fields";
import { Id, parseCall } from "../input";
import { notify } from "../../notifications";
import { LINKS, nameOf } from "../../notifications/event-helpers";

/** What the caller sends; who acts and when come with the call (ActorCall). */
export const InviteFreelancerInput = z.strictObject({
  jobId: Id("job"),
  freelancerId: Id("freelancer"),
  idempotencyKey: IdempotencyKey,
  message: Text(TEXT_RULES.invitation),
});
export type InviteFreelancerInput = z.input<typeof InviteFreelancerInput>;

export interface SentInvitation {
  invitationId: string;
  jobId: string;
  freelancerId: string;
  createdAt: Date;
}

/**
 * The owner of an open job invites a freelancer; a proposal to an invitation costs no connects
 * (economy.md §2.3). One invitation per job and freelancer, and none once the freelancer has proposed.
 */
export async function inviteFreelancer(prisma: PrismaClient, input: InviteFreelancerInput & ActorCall): Promise<SentInvitation> {
  const data = parseCall(InviteFreelancerInput, input);
  const { jobId, freelancerId, idempotencyKey, message, actorId, now } = data;
  return runTransaction(prisma, async (tx) => {
    const { result } = await idempotent(
      tx,
      { operation: "job.invite", userId: actorId, key: idempotencyKey, request: { jobId, freelancerId, message } },
      async () => {
        await requireActor(tx, data, "CLIENT", "invite freelancers", { active: true });
        const job = await lockOwnedJob(tx, jobId, actorId);
        if (job.status !== "OPEN") throw new RuleViolation("JOB_NOT_OPEN", "You can only invite freelancers to an open job.");
        const freelancer = await lockCounterpart(tx, freelancerId);
        if (freelancer?.role !== "FREELANCER") throw new DomainError("NOT_FOUND", "This freelancer does not exist.");
        if (freelancer.suspended) throw counterpartSuspended("invite them");
        const pair = { jobId_freelancerId: { jobId, freelancerId } };
        const invited = await tx.invitation.findUnique({ where: pair, select: { id: true } });
        const proposed = await tx.proposal.findUnique({ where: pair, select: { id: true } });
        if (invited) throw new DomainError("CONFLICT", "You have already invited this freelancer to this job.");
        if (proposed) throw new DomainError("CONFLICT", "This freelancer has already sent a proposal for this job.");
        const invitation = await tx.invitation.create({ data: { jobId, freelancerId, message, createdAt: now } });
        await recordJobActivity(tx, job, "invited", now);
        await notify(tx, {
          userId: freelancerId,
          kind: "invited_to_job",
          eventKey: `invited_to_job:${invitation.id}`,
          data: { jobTitle: job.title, clientName: await nameOf(tx, actorId) },
          link: LINKS.invitations(),
          now,
        });
        return { invitationId: invitation.id, jobId, freelancerId, createdAt: invitation.createdAt };
      },
      jsonCodec<SentInvitation>(),
    );
    return result;
  });
}

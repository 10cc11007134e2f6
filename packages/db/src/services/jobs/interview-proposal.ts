import { z } from "zod";
import type { PrismaClient } from "../../client";
import { IdempotencyKey, idempotent, jsonCodec } from "../../idempotency";
import { runTransaction } from "../../transaction";
import type { ViewedProposal } from "./mark-proposal-viewed";
import { lockProposal, nextProposalStatus, startInterview } from "./shared";
import { requireActor, type ActorCall } from "../actor";
import { Id, parseCall } from "../input";
import { notify } from "../../notifications";
import { LINKS, nameOf } from "../../notifications/event-helpers";

/** What the caller sends; who acts and when come with the call (ActorCall). */
export const InterviewProposalInput = z.strictObject({ proposalId: Id("proposal"), idempotencyKey: IdempotencyKey });
export type InterviewProposalInput = z.input<typeof InterviewProposalInput>;

/**
 * The job's owner invites a proposer to interview (economy.md §3.1): the proposal moves to
 * interviewing (which implies having viewed it) and counts as an interview in the freelancer's
 * connects ROI (economy.md §8). Writing to a proposer does the same (sendMessage).
 */
export async function interviewProposal(prisma: PrismaClient, input: InterviewProposalInput & ActorCall): Promise<ViewedProposal> {
  const data = parseCall(InterviewProposalInput, input);
  const { proposalId, idempotencyKey, actorId, now } = data;
  return runTransaction(prisma, async (tx) => {
    const { result } = await idempotent(
      tx,
      { operation: "proposal.interview", userId: actorId, key: idempotencyKey, request: { proposalId } },
      async () => {
        await requireActor(tx, data, "CLIENT", "invite proposers to interview", { active: true });
        const { job, proposal } = await lockProposal(tx, proposalId, { id: actorId, as: "client" });
        // Only a proposal still in play can be invited; an ended one is refused by the lifecycle.
        if (proposal.status !== "INTERVIEWING") nextProposalStatus(proposal.status, "interview");
        const { status, viewedAt } = await startInterview(tx, { job, proposal, kind: "interviewed", now });
        // Told once per proposal: inviting again an interviewing proposal changes nothing.
        if (status !== proposal.status) {
          await notify(tx, {
            userId: proposal.freelancerId,
            kind: "invited_to_interview",
            eventKey: `invited_to_interview:${proposalId}`,
            data: { jobTitle: job.title, clientName: await nameOf(tx, actorId) },
            link: LINKS.job(job.id),
            now,
          });
        }
        return { proposalId, status, viewedAt };
      },
      jsonCodec<ViewedProposal>(),
    );
    return result;
  });
}

import { TEXT_RULES, assertWorkStartGate, autoApprovalAt } from "@fairlance/rules";
import { z } from "zod";
import type { MilestoneStatus, PrismaClient } from "../../client";
import { idempotent, IdempotencyKey, jsonCodec } from "../../idempotency";
import { loadSettings } from "../../settings/load-settings";
import { runTransaction } from "../../transaction";
import { isPaymentVerified } from "../payments/payment-verified";
import { requireActor, type ActorCall } from "../actor";
import { Text } from "../fields";
import { Id, parseCall } from "../input";
import { notify } from "../../notifications";
import { LINKS, nameOf } from "../../notifications/event-helpers";
import { nextMilestoneStatus, ruleStatus } from "./access";
import { lockMilestoneFor } from "./milestone-access";
import { AttachmentIds, claimAttachments } from "../messages/attachments";

/** What the person sends; who acts and when come with the call (ActorCall). */
export const SubmitWorkInput = z.strictObject({
  idempotencyKey: IdempotencyKey,
  milestoneId: Id("milestone"),
  note: Text(TEXT_RULES.workNote).optional(),
  /** Files delivered with the work: the freelancer's own uploads (economy.md §5.1). */
  attachmentIds: AttachmentIds.optional(),
});
export type SubmitWorkInput = z.input<typeof SubmitWorkInput>;

export interface SubmittedWork {
  milestoneId: string;
  status: MilestoneStatus;
  submittedAt: Date;
  /** Approved automatically at this instant unless the client acts (economy.md §3.3). */
  reviewDeadline: Date;
}

/**
 * The freelancer submits a milestone's work. The work-start gate (economy.md §3.2) must be open: contract
 * active, client payment verified, milestone funded. Each (re)submission starts a new review window.
 */
export async function submitWork(prisma: PrismaClient, input: SubmitWorkInput & ActorCall): Promise<SubmittedWork> {
  const data = parseCall(SubmitWorkInput, input);
  return runTransaction(prisma, async (tx) => {
    await requireActor(tx, data, "FREELANCER", "submit work", { active: true });
    const { result } = await idempotent(
      tx,
      { operation: "milestone.submit", userId: data.actorId, key: data.idempotencyKey, request: { milestoneId: data.milestoneId, note: data.note, ...(data.attachmentIds?.length ? { attachmentIds: data.attachmentIds } : {}) } },
      async () => {
        const { milestone, contract } = await lockMilestoneFor(tx, data.milestoneId, data.actorId, "freelancer");
        assertWorkStartGate({
          contractStatus: ruleStatus(contract.status),
          clientPaymentVerified: await isPaymentVerified(tx, contract.clientId),
          contractType: "fixed",
          milestoneStatus: ruleStatus(milestone.status),
        });
        const status = nextMilestoneStatus(milestone.status, "submit");
        const { settings } = await loadSettings(tx, data.now);
        const reviewDeadline = autoApprovalAt(data.now, settings);
        await tx.milestone.update({
          where: { id: milestone.id },
          data: { status, submittedAt: data.now, submissionNote: data.note ?? null, reviewDeadline },
        });
        // Each (re)submission is its own event: keyed by when it was submitted.
        await notify(tx, {
          userId: contract.clientId,
          kind: "work_submitted",
          eventKey: `work_submitted:${milestone.id}:${data.now.toISOString()}`,
          data: { jobTitle: contract.title, milestoneTitle: milestone.title, freelancerName: await nameOf(tx, contract.freelancerId), amountMinor: milestone.amountMinor, reviewDeadline },
          link: LINKS.contract(contract.id),
          now: data.now,
        });
        await claimAttachments(tx, { attachmentIds: data.attachmentIds ?? [], uploaderId: data.actorId, to: { milestoneId: milestone.id } });
        return { milestoneId: milestone.id, status, submittedAt: data.now, reviewDeadline };
      },
      jsonCodec<SubmittedWork>(),
    );
    return result;
  });
}

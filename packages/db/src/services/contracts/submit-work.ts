import { assertWorkStartGate, autoApprovalAt } from "@fairlance/rules";
import { z } from "zod";
import type { MilestoneStatus, PrismaClient } from "../../client";
import { idempotent, IdempotencyKey, jsonCodec } from "../../idempotency";
import { loadSettings } from "../../settings/load-settings";
import { runTransaction } from "../../transaction";
import { isPaymentVerified } from "../payments/payment-verified";
import { nextMilestoneStatus, requireRole, ruleStatus } from "./access";
import { lockMilestoneFor } from "./milestone-access";

export const SubmitWorkInput = z.object({
  actorId: z.uuid(),
  idempotencyKey: IdempotencyKey,
  now: z.date(),
  milestoneId: z.uuid(),
  note: z.string().trim().max(5000).optional(),
});
export type SubmitWorkInput = z.input<typeof SubmitWorkInput>;

export interface SubmittedWork {
  milestoneId: string;
  status: MilestoneStatus;
  submittedAt: Date;
  /** Approved automatically at this instant unless the client acts (RULES 3.3). */
  reviewDeadline: Date;
}

/**
 * The freelancer submits a milestone's work. The work-start gate (RULES 3.2) must be open: contract
 * active, client payment verified, milestone funded. Each (re)submission starts a new review window.
 */
export async function submitWork(prisma: PrismaClient, input: SubmitWorkInput): Promise<SubmittedWork> {
  const data = SubmitWorkInput.parse(input);
  return runTransaction(prisma, async (tx) => {
    await requireRole(tx, data.actorId, "FREELANCER");
    const { result } = await idempotent(
      tx,
      { operation: "submit_work", userId: data.actorId, key: data.idempotencyKey, request: { milestoneId: data.milestoneId, note: data.note } },
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
        return { milestoneId: milestone.id, status, submittedAt: data.now, reviewDeadline };
      },
      jsonCodec<SubmittedWork>(),
    );
    return result;
  });
}

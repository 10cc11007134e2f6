import { assertContractActive } from "@fairlance/rules";
import { z } from "zod";
import type { MilestoneStatus, PrismaClient } from "../../client";
import { idempotent, IdempotencyKey, jsonCodec, scopedKey, type IdempotentCall } from "../../idempotency";
import { loadSettings } from "../../settings/load-settings";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { Id, parseCall } from "../input";
import { notify } from "../../notifications";
import { LINKS } from "../../notifications/event-helpers";
import { ruleStatus } from "./access";
import { releaseMilestoneEscrow, type LedgerStep } from "./escrow";
import { lockMilestoneFor } from "./milestone-access";
import type { ReleasedPayment } from "./release-payment";

/** What the person sends; who acts and when come with the call (ActorCall). */
export const ApproveMilestoneInput = z.strictObject({
  idempotencyKey: IdempotencyKey,
  milestoneId: Id("milestone"),
});
export type ApproveMilestoneInput = z.input<typeof ApproveMilestoneInput>;

export interface ApprovedMilestone {
  milestoneId: string;
  status: MilestoneStatus;
  payment: ReleasedPayment;
}

/**
 * The client approves submitted work, or releases a funded milestone early (economy.md §3.3): escrow goes
 * to the freelancer's pending balance minus the tiered service fee of the contract's schedule.
 * The milestone row is locked, so a concurrent approval or refund finds it no longer in escrow.
 */
export async function approveMilestone(prisma: PrismaClient, input: ApproveMilestoneInput & ActorCall): Promise<ApprovedMilestone> {
  const data = parseCall(ApproveMilestoneInput, input);
  return runTransaction(prisma, async (tx) => {
    await requireActor(tx, data, "CLIENT", "approve milestones");
    const call: IdempotentCall = { operation: "milestone.approve", userId: data.actorId, key: data.idempotencyKey, request: { milestoneId: data.milestoneId } };
    const { result } = await idempotent(
      tx,
      call,
      async () => {
        const { milestone, contract } = await lockMilestoneFor(tx, data.milestoneId, data.actorId, "client");
        // Escrow outlives the contract's end (economy.md §3.3): work submitted before it can still be approved.
        if (contract.status !== "ENDED") assertContractActive(ruleStatus(contract.status));
        const { settings } = await loadSettings(tx, data.now);
        const step: LedgerStep = { key: scopedKey(call), operation: "milestone.approve", userId: data.actorId, now: data.now };
        const payment = await releaseMilestoneEscrow(tx, { milestone, contract, automatic: false, settings, step });
        await notify(tx, {
          userId: contract.freelancerId,
          kind: "milestone_approved",
          eventKey: `milestone_approved:${milestone.id}`,
          data: {
            jobTitle: contract.title,
            milestoneTitle: milestone.title,
            amountMinor: payment.grossMinor,
            feeMinor: payment.feeMinor,
            netMinor: payment.netMinor,
            availableAt: payment.availableAt,
          },
          link: LINKS.contract(contract.id),
          now: data.now,
        });
        return { milestoneId: milestone.id, status: "APPROVED" as const, payment };
      },
      jsonCodec<ApprovedMilestone>(),
    );
    return result;
  });
}

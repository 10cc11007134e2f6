import type { PrismaClient } from "../../client";
import { scopedKey } from "../../idempotency";
import { loadSettings } from "../../settings/load-settings";
import { runTransaction } from "../../transaction";
import type { SystemCall } from "../actor";
import { CONTRACT_MONEY_FIELDS } from "./access";
import { lockMilestone, releaseMilestoneEscrow, type LedgerStep } from "./escrow";
import { notify } from "../../notifications";
import { LINKS } from "../../notifications/event-helpers";

export interface AutoApproval {
  milestoneId: string;
  paymentId: string;
  grossMinor: bigint;
  feeMinor: bigint;
  netMinor: bigint;
}

/**
 * Time-driven (economy.md §3.3): submitted milestones whose review window ended by `now` are approved
 * with `autoApproved`. Each runs in its own transaction on the locked milestone and is keyed by
 * the milestone, so a second run for the same `now` finds nothing to do.
 */
export async function autoApproveMilestones(prisma: PrismaClient, input: SystemCall & { limit?: number }): Promise<{ approved: AutoApproval[] }> {
  const due = await prisma.milestone.findMany({
    where: { status: "SUBMITTED", reviewDeadline: { lte: input.now } },
    select: { id: true },
    orderBy: { reviewDeadline: "asc" },
    take: input.limit ?? 500,
  });
  const approved: AutoApproval[] = [];
  for (const { id } of due) {
    const done = await runTransaction(prisma, async (tx) => {
      const milestone = await lockMilestone(tx, id);
      if (!milestone || milestone.status !== "SUBMITTED" || !milestone.reviewDeadline) return null;
      // The deadline is stored; re-checked here because the milestone may have been resubmitted since.
      if (input.now.getTime() < milestone.reviewDeadline.getTime()) return null;
      const contract = await tx.contract.findUniqueOrThrow({ where: { id: milestone.contractId }, select: CONTRACT_MONEY_FIELDS });
      const { settings } = await loadSettings(tx, input.now);
      const step: LedgerStep = { key: scopedKey({ operation: "milestone.autoApprove", userId: null, key: id }), operation: "milestone.autoApprove", userId: null, now: input.now };
      const payment = await releaseMilestoneEscrow(tx, { milestone, contract, automatic: true, settings, step });
      await notify(tx, {
        userId: contract.freelancerId,
        kind: "milestone_auto_approved",
        eventKey: `milestone_auto_approved:${id}`,
        data: {
          jobTitle: contract.title,
          milestoneTitle: milestone.title,
          amountMinor: payment.grossMinor,
          feeMinor: payment.feeMinor,
          netMinor: payment.netMinor,
          availableAt: payment.availableAt,
        },
        link: LINKS.contract(contract.id),
        now: input.now,
      });
      return { milestoneId: id, paymentId: payment.paymentId, grossMinor: payment.grossMinor, feeMinor: payment.feeMinor, netMinor: payment.netMinor };
    });
    if (done) approved.push(done);
  }
  return { approved };
}


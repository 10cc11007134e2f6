import { AUTO_APPROVAL_REMINDER_DAYS, autoApprovalReminderDue, reminderHorizon } from "@fairlance/rules";
import type { PrismaClient } from "../../client";
import { notify } from "../../notifications";
import { LINKS } from "../../notifications/event-helpers";
import { runTransaction } from "../../transaction";
import type { SystemCall } from "../actor";
import { lockMilestone } from "./escrow";

/** The event key of one submission's reminder: a resubmission is reminded again. */
const reminderKey = (milestoneId: string, submittedAt: Date) => `auto_approval_soon:${milestoneId}:${submittedAt.toISOString()}`;

/**
 * Time-driven (economy.md §11): the client of submitted work whose automatic approval is at most
 * `AUTO_APPROVAL_REMINDER_DAYS` away is reminded once per submission, with the amount and the
 * moment. Each in its own transaction on the locked milestone (re-checked there: it may have been
 * approved, sent back or disputed since the scan); the event key makes a second run for the same
 * `now`, or a second runner, remind no one again.
 */
export async function remindAutoApprovals(prisma: PrismaClient, call: SystemCall): Promise<{ reminded: number }> {
  const { now } = call;
  const due = await prisma.milestone.findMany({
    where: { status: "SUBMITTED", reviewDeadline: { gt: now, lte: reminderHorizon(now, AUTO_APPROVAL_REMINDER_DAYS) }, submittedAt: { not: null } },
    select: { id: true, submittedAt: true, contract: { select: { clientId: true } } },
    orderBy: { reviewDeadline: "asc" },
  });
  // Reminders already written (an earlier tick) are not tried again.
  const sent = new Set(
    (
      await prisma.notification.findMany({
        where: { userId: { in: [...new Set(due.map((m) => m.contract.clientId))] }, eventKey: { in: due.map((m) => reminderKey(m.id, m.submittedAt!)) } },
        select: { eventKey: true },
      })
    ).map((n) => n.eventKey),
  );
  let reminded = 0;
  for (const candidate of due) {
    if (sent.has(reminderKey(candidate.id, candidate.submittedAt!))) continue;
    const wrote = await runTransaction(prisma, async (tx) => {
      const milestone = await lockMilestone(tx, candidate.id);
      if (!milestone || milestone.status !== "SUBMITTED" || !milestone.reviewDeadline || !milestone.submittedAt) return false;
      if (!autoApprovalReminderDue(milestone.reviewDeadline, now)) return false;
      const contract = await tx.contract.findUniqueOrThrow({ where: { id: milestone.contractId }, select: { id: true, clientId: true, title: true } });
      const id = await notify(tx, {
        userId: contract.clientId,
        kind: "auto_approval_soon",
        eventKey: reminderKey(milestone.id, milestone.submittedAt),
        data: { jobTitle: contract.title, milestoneTitle: milestone.title, amountMinor: milestone.amountMinor, autoApproveAt: milestone.reviewDeadline },
        link: LINKS.contract(contract.id),
        now,
      });
      return id !== null;
    });
    if (wrote) reminded += 1;
  }
  return { reminded };
}

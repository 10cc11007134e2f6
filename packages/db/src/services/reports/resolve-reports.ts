import { REPORT_ACTION_EFFECTS, REPORT_ACTION_OUTCOME, REPORT_OBJECTS, TEXT_RULES, connectRefundPolicy, type ReportAction, type ReportOutcomeKind } from "@fairlance/rules";
import { z } from "zod";
import type { PrismaClient, Tx } from "../../client";
import { DomainError } from "../../errors";
import type { PaymentGateway } from "../../gateway/gateway";
import { getGateway } from "../../gateway/sandbox";
import { IdempotencyKey, idempotent, jsonCodec, scopedKey, type IdempotentCall } from "../../idempotency";
import { notify } from "../../notifications";
import { LINKS, withoutFinalStop } from "../../notifications/event-helpers";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { changeSuspension } from "../admin/suspend-user";
import { writeAudit } from "../connects/audit";
import { refundToCards, type CardRefundOutcome, type CardRefundPlan } from "../contracts/escrow";
import { Text } from "../fields";
import { parseCall } from "../input";
import { removeJobWithin } from "../jobs/remove-job";
import { lockProposal, nextProposalStatus } from "../jobs/shared";
import { lockMessageForModeration, reviewFlagWith } from "../messages/moderation";
import { removeMessageWithin } from "../messages/remove-message";
import { warnUser } from "../messages/warn-sender";
import { findReportedObject, lockReportedObject, REMOVABLE_PROPOSAL, reportObjectNotFound, ReportObjectId, ReportObjectKindField, type ReportedObject } from "./report-objects";

/** What the admin sends: the object, the action, and why (the reporters read it; the owner too when something is done). */
export const ResolveReportsInput = z.strictObject({
  idempotencyKey: IdempotencyKey,
  objectKind: ReportObjectKindField,
  objectId: ReportObjectId,
  action: z.enum(["dismiss", "remove", "warn", "suspend"], "Choose what to do: dismiss, remove, warn or suspend."),
  reason: Text(TEXT_RULES.reportOutcomeReason),
});
export type ResolveReportsInput = z.input<typeof ResolveReportsInput>;

export interface ResolvedReports {
  objectKind: keyof typeof REPORT_OBJECTS;
  objectId: string;
  outcome: ReportOutcomeKind;
  /** The open reports this decision resolved (each reporter was told). */
  reportsResolved: number;
  resolvedAt: Date;
}

/**
 * An admin decides about a reported object (economy.md §5.2): dismiss, remove (a job through the
 * job removal of §6 with its refunds, a message through the removal of §5, a proposal closed without
 * a refund; a profile cannot be removed), warn the owner, or suspend the owner (§1, changeSuspension).
 * Every open report on the object is resolved with the same outcome and each reporter is told; the
 * owner is told what was done to them (nothing when dismissed). A message's scam-shield flag counts
 * as reviewed. Audit-logged; a replay returns the first answer, and a second decision is refused.
 */
export async function resolveReports(
  prisma: PrismaClient,
  input: ResolveReportsInput & ActorCall,
  deps: { gateway?: PaymentGateway } = {},
): Promise<ResolvedReports & { cardRefunds: CardRefundOutcome[] }> {
  const data = parseCall(ResolveReportsInput, input);
  const { objectKind, objectId, action, reason, actorId, now } = data;
  const call: IdempotentCall = { operation: "report.resolve", userId: actorId, key: data.idempotencyKey, request: { objectKind, objectId, action, reason } };
  const stored = await runTransaction(prisma, async (tx) => {
    await requireActor(tx, data, "ADMIN", "decide reports");
    const { result } = await idempotent(
      tx,
      call,
      async () => {
        await lockReportedObject(tx, objectKind, objectId);
        const object = await findReportedObject(tx, objectKind, objectId);
        if (!object) throw reportObjectNotFound(objectKind);
        const open = await tx.report.findMany({ where: { objectKind, objectId, status: "OPEN" }, orderBy: { createdAt: "asc" }, select: { id: true, reporterId: true } });
        const flagged = objectKind === "MESSAGE" ? await tx.message.findUnique({ where: { id: objectId }, select: { flags: true, reviewedAt: true } }) : null;
        const flagWaiting = flagged !== null && flagged.flags.length > 0 && flagged.reviewedAt === null;
        if (open.length === 0 && !flagWaiting) throw new DomainError("CONFLICT", `No report on this ${REPORT_OBJECTS[objectKind].noun} is waiting: it was already decided.`);
        if (REPORT_ACTION_EFFECTS[action][objectKind] === null) throw new DomainError("CONFLICT", `A ${REPORT_OBJECTS[objectKind].noun} cannot be removed: warn or suspend its owner instead.`);
        const offerRefunds = await act(tx, { object, action, reason, actorId, now, keyPrefix: scopedKey(call) });
        if (objectKind === "MESSAGE") await reviewFlagWith(tx, await lockMessageForModeration(tx, objectId), now);
        const outcome = REPORT_ACTION_OUTCOME[action];
        await tx.report.updateMany({
          where: { id: { in: open.map((r) => r.id) }, status: "OPEN" },
          data: { status: "RESOLVED", resolvedAt: now, resolvedById: actorId, outcome, outcomeReason: reason },
        });
        await writeAudit(tx, {
          actorId,
          action: "report.resolve",
          targetType: AUDIT_TARGET[objectKind],
          targetId: objectKind === "PROFILE" ? object.ownerId : objectId,
          before: { openReports: open.length },
          after: { openReports: 0, outcome },
          reason,
          now,
        });
        for (const report of open) {
          await notify(tx, {
            userId: report.reporterId,
            kind: "report_resolved",
            eventKey: `report_resolved:${report.id}`,
            data: { object: object.described, outcome, reason: withoutFinalStop(reason) },
            link: LINKS.reports(),
            now,
          });
        }
        return { objectKind, objectId, outcome, reportsResolved: open.length, resolvedAt: now, offerRefunds };
      },
      jsonCodec<ResolvedReports & { offerRefunds: CardRefundPlan[] }>(),
    );
    return result;
  });
  const { offerRefunds, ...resolved } = stored;
  return { ...resolved, cardRefunds: await refundToCards(prisma, deps.gateway ?? getGateway(), offerRefunds, "An admin removed the job while an offer on it waited.") };
}

const AUDIT_TARGET = { JOB: "Job", PROPOSAL: "Proposal", MESSAGE: "Message", PROFILE: "User" } as const;

/** Carries out the action; returns the card refunds of an offer a job removal withdrew. */
async function act(
  tx: Tx,
  input: { object: ReportedObject; action: ReportAction; reason: string; actorId: string; now: Date; keyPrefix: string },
): Promise<CardRefundPlan[]> {
  const { object, action, reason, actorId, now } = input;
  switch (action) {
    case "dismiss":
      return [];
    case "suspend": {
      const owner = await tx.user.findUniqueOrThrow({ where: { id: object.ownerId }, select: { suspendedAt: true } });
      // Already suspended (by another decision): the outcome stands, nothing more to do.
      if (!owner.suspendedAt) await changeSuspension(tx, { actorId, userId: object.ownerId, reason, now, suspend: true });
      return [];
    }
    case "warn": {
      // At most one warning is tied to a message; a second is the owner's, about the same message.
      const onMessage = object.kind === "MESSAGE" && !(await tx.warning.findUnique({ where: { messageId: object.id }, select: { id: true } }));
      await warnUser(tx, {
        userId: object.ownerId,
        messageId: onMessage ? object.id : null,
        subject: { [`${object.kind.toLowerCase()}Id`]: object.id },
        about: object.describedToOwner,
        reason,
        actorId,
        now,
      });
      return [];
    }
    case "remove":
      return removeObject(tx, input);
  }
}

async function removeObject(tx: Tx, input: { object: ReportedObject; reason: string; actorId: string; now: Date; keyPrefix: string }): Promise<CardRefundPlan[]> {
  const { object, reason, actorId, now, keyPrefix } = input;
  switch (object.kind) {
    case "JOB": {
      const removed = await removeJobWithin(tx, { jobId: object.id, reason, actorId, now, keyPrefix, operation: "report.resolve" });
      await notify(tx, {
        userId: object.ownerId,
        kind: "content_removed",
        eventKey: `content_removed:job:${object.id}`,
        data: { object: object.describedToOwner, reason: withoutFinalStop(reason) },
        link: LINKS.clientJob(object.id),
        now,
      });
      return removed.offerRefunds;
    }
    case "MESSAGE":
      await removeMessageWithin(tx, { messageId: object.id, reason, actorId, now });
      return [];
    case "PROPOSAL": {
      const found = await tx.proposal.findUniqueOrThrow({ where: { id: object.id }, select: { job: { select: { clientId: true } } } });
      const { proposal, job } = await lockProposal(tx, object.id, { id: found.job.clientId, as: "client" });
      if (!REMOVABLE_PROPOSAL.has(proposal.status)) {
        throw new DomainError("CONFLICT", proposal.status === "OFFERED" ? "An offer on this proposal waits for the freelancer's answer: warn or suspend instead, or wait." : "This proposal is no longer in play: warn or suspend its freelancer instead.");
      }
      const status = nextProposalStatus(proposal.status, "close");
      await tx.proposal.update({ where: { id: proposal.id }, data: { status, endedAt: now, endedReason: "proposal_removed_by_admin" } });
      await writeAudit(tx, {
        actorId,
        action: "proposal.remove",
        targetType: "Proposal",
        targetId: proposal.id,
        before: { status: proposal.status },
        after: { status, connectsRefunded: 0, explanation: connectRefundPolicy("proposal_removed_by_admin").explanation },
        reason,
        now,
      });
      await notify(tx, {
        userId: object.ownerId,
        kind: "content_removed",
        eventKey: `content_removed:proposal:${proposal.id}`,
        data: { object: object.describedToOwner, reason: withoutFinalStop(reason) },
        link: LINKS.job(job.id),
        now,
      });
      return [];
    }
    case "PROFILE":
      throw new DomainError("CONFLICT", "A profile cannot be removed: warn or suspend its owner instead.");
  }
}

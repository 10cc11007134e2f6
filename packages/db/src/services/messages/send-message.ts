import { TEXT_RULES, scanMessage } from "@fairlance/rules";
import { z } from "zod";
import type { PrismaClient } from "../../client";
import { DomainError } from "../../errors";
import { notify } from "../../notifications/notify";
import { IdempotencyKey, idempotent, jsonCodec } from "../../idempotency";
import { loadSettings } from "../../settings/load-settings";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { Text } from "../fields";
import { Id, parseCall } from "../input";
import { lockProposal, startInterview } from "../jobs/shared";
import { claimAttachments, AttachmentIds } from "./attachments";
import { hasStartedContract, threadClosedNotice, threadFor, warningFor, type ScamWarning } from "./thread";

/** What the sender types; who acts and when come with the call (ActorCall). */
export const SendMessageInput = z
  .strictObject({
    proposalId: Id("proposal").nullish(),
    contractId: Id("contract").nullish(),
    idempotencyKey: IdempotencyKey,
    body: Text(TEXT_RULES.message),
    /** Files uploaded first (message.uploadAttachment), sent with the message (economy.md §5.1). */
    attachmentIds: AttachmentIds.optional(),
  })
  .refine((input) => Boolean(input.proposalId) !== Boolean(input.contractId), "Send the message on one proposal or one contract.");
export type SendMessageInput = z.input<typeof SendMessageInput>;

export interface SentMessage {
  messageId: string;
  recipientId: string;
  createdAt: Date;
  /** Scam-shield pattern ids the message tripped (economy.md §5); flagged messages go to the admins. */
  flags: string[];
  /** What the recipient sees above the message; null when it is clean. */
  recipientWarning: ScamWarning | null;
}

/**
 * A message on a proposal or a contract, between its two people only (economy.md §5). The scam shield
 * scans it with the patterns in force; contact details count only before a contract has started.
 */
export async function sendMessage(prisma: PrismaClient, input: SendMessageInput & ActorCall): Promise<SentMessage> {
  const { idempotencyKey, proposalId, contractId, body, attachmentIds = [], actorId, now } = parseCall(SendMessageInput, input);
  return runTransaction(prisma, async (tx) => {
    await requireActor(tx, input, ["CLIENT", "FREELANCER"], "send messages", { active: true });
    const { result } = await idempotent(
      tx,
      { operation: "message.send", userId: actorId, key: idempotencyKey, request: { proposalId, contractId, body, ...(attachmentIds.length > 0 ? { attachmentIds } : {}) } },
      async () => {
        const thread = await threadFor(tx, { proposalId, contractId }, actorId);
        // A job Fairlance removed closes its conversations (economy.md §5.1): read-only from then on.
        const closed = threadClosedNotice(thread);
        if (closed) throw new DomainError("CONFLICT", closed);
        const { settings } = await loadSettings(tx, now);
        const hasContract = await hasStartedContract(tx, thread);
        const flags = scanMessage(body, { hasContract, patterns: settings.scamShieldPatterns }).map((match) => match.patternId);
        const recipientId = thread.clientId === actorId ? thread.freelancerId : thread.clientId;
        // A client writing to a proposer starts an interview (economy.md §3.1, counted in the connects ROI, §8),
        // keeps a boost in play (§2.3) and is activity on the job. A freelancer writing is neither (JOB_ACTIVITIES).
        if (thread.proposalId && actorId === thread.clientId) {
          const { job, proposal } = await lockProposal(tx, thread.proposalId, { id: actorId, as: "client" });
          await startInterview(tx, { job, proposal, kind: "messaged", now });
        }
        const message = await tx.message.create({
          data: { proposalId: thread.proposalId, contractId: thread.contractId, senderId: actorId, recipientId, body, flags, createdAt: now },
        });
        await claimAttachments(tx, { attachmentIds, uploaderId: actorId, to: { messageId: message.id } });
        // The recipient is told (economy.md §11), in this transaction: a message that rolls back tells nobody.
        const [sender, contract] = await Promise.all([
          tx.user.findUniqueOrThrow({ where: { id: actorId }, select: { name: true } }),
          thread.contractId ? tx.contract.findUnique({ where: { id: thread.contractId }, select: { title: true } }) : null,
        ]);
        await notify(tx, {
          userId: recipientId,
          kind: "message_received",
          eventKey: `message:${message.id}`,
          data: { fromName: sender.name, jobTitle: thread.job?.title ?? contract?.title ?? "your conversation", preview: notificationPreview(body, flags) },
          link: thread.proposalId ? `/messages/proposal/${thread.proposalId}` : `/messages/contract/${thread.contractId}`,
          now,
        });
        return { messageId: message.id, recipientId, createdAt: now, flags, recipientWarning: warningFor(flags, settings.scamShieldPatterns) };
      },
      jsonCodec<SentMessage>(),
    );
    return result;
  });
}

const PREVIEW_LENGTH = 140;

/**
 * What the notification (and its email) quotes of a message: its first 140 characters on one line.
 * A message the scam shield flagged is not quoted: its warning is shown only beside it, in the app.
 */
export function notificationPreview(body: string, flags: readonly string[]): string {
  if (flags.length > 0) return "The scam shield flagged this message: read it on Fairlance, where its warning is shown.";
  const line = body.replace(/\s+/g, " ").trim();
  return line.length > PREVIEW_LENGTH ? `${line.slice(0, PREVIEW_LENGTH - 1)}…` : line;
}

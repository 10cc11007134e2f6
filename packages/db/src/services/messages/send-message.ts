import { scanMessage } from "@fairlance/rules";
import { z } from "zod";
import type { PrismaClient } from "../../client";
import { IdempotencyKey, idempotent, jsonCodec } from "../../idempotency";
import { loadSettings } from "../../settings/load-settings";
import { runTransaction } from "../../transaction";
import { Id, parseInput } from "../jobs/shared";
import { hasStartedContract, threadFor, warningFor, type ScamWarning } from "./thread";

export const SendMessageInput = z
  .object({
    proposalId: Id("proposal").nullish(),
    contractId: Id("contract").nullish(),
    idempotencyKey: IdempotencyKey,
    body: z.string().trim().min(1, "Write a message.").max(5_000, "Keep messages under 5,000 characters."),
  })
  .refine((input) => Boolean(input.proposalId) !== Boolean(input.contractId), "Send the message on one proposal or one contract.");

export interface SentMessage {
  messageId: string;
  recipientId: string;
  createdAt: Date;
  /** Scam-shield pattern ids the message tripped (RULES 5); flagged messages go to the admins. */
  flags: string[];
  /** What the recipient sees above the message; null when it is clean. */
  recipientWarning: ScamWarning | null;
}

/**
 * A message on a proposal or a contract, between its two people only (RULES 5). The scam shield
 * scans it with the patterns in force; contact details count only before a contract has started.
 */
export async function sendMessage(
  prisma: PrismaClient,
  input: z.input<typeof SendMessageInput> & { actorId: string; now: Date },
): Promise<SentMessage> {
  const { idempotencyKey, proposalId, contractId, body } = parseInput(SendMessageInput, input);
  const { actorId, now } = input;
  return runTransaction(prisma, async (tx) => {
    const { result } = await idempotent(
      tx,
      { operation: "message.send", userId: actorId, key: idempotencyKey, request: { proposalId, contractId, body } },
      async () => {
        const thread = await threadFor(tx, { proposalId, contractId }, actorId);
        const { settings } = await loadSettings(tx, now);
        const hasContract = await hasStartedContract(tx, thread);
        const flags = scanMessage(body, { hasContract, patterns: settings.scamShieldPatterns }).map((match) => match.patternId);
        const recipientId = thread.clientId === actorId ? thread.freelancerId : thread.clientId;
        const message = await tx.message.create({
          data: { proposalId: thread.proposalId, contractId: thread.contractId, senderId: actorId, recipientId, body, flags, createdAt: now },
        });
        return { messageId: message.id, recipientId, createdAt: now, flags, recipientWarning: warningFor(flags, settings.scamShieldPatterns) };
      },
      jsonCodec<SentMessage>(),
    );
    return result;
  });
}

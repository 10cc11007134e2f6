import type { Tx } from "../../client";
import { DomainError } from "../../errors";
import { Text } from "../fields";
import { TEXT_RULES } from "@fairlance/rules";

/** The reason of an action the sender is told about (a removed message, a warning, a suspension). */
export const SenderReason = Text(TEXT_RULES.senderActionReason);

/**
 * Locks a message an admin acts on (the moderation queue, economy.md §5) and reads what the
 * actions decide on. A message that does not exist is NOT_FOUND.
 */
export async function lockMessageForModeration(tx: Tx, messageId: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Message" WHERE id = ${messageId}::uuid FOR UPDATE`;
  const message = locked.length
    ? await tx.message.findUnique({
        where: { id: messageId },
        select: { id: true, senderId: true, flags: true, reviewedAt: true, removedAt: true, sender: { select: { name: true, role: true } }, warning: { select: { id: true } } },
      })
    : null;
  if (!message) throw new DomainError("NOT_FOUND", "This message does not exist.");
  return message;
}

/** An action on a flagged message reviews its flag (it leaves the queue of messages waiting); returns when it was reviewed. */
export async function reviewFlagWith(tx: Tx, message: { id: string; flags: string[]; reviewedAt: Date | null }, now: Date): Promise<Date | null> {
  if (message.flags.length === 0 || message.reviewedAt) return message.reviewedAt;
  await tx.message.update({ where: { id: message.id }, data: { reviewedAt: now } });
  return now;
}

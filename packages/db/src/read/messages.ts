import type { Db } from "../client";
import { loadSettings } from "../settings/load-settings";
import { threadFor, warningFor, type ScamWarning } from "../services/messages/thread";

export interface ThreadMessage {
  id: string;
  senderId: string;
  recipientId: string;
  body: string;
  createdAt: Date;
  mine: boolean;
  /** The scam-shield warning, shown to the recipient only. */
  warning: ScamWarning | null;
  /**
   * Removed by an admin (economy.md §5): the body is gone for both people; the sender is told why
   * (`reason`), the recipient only that it was removed (`reason` null).
   */
  removed: { at: Date; reason: string | null } | null;
}

/** The messages of one proposal or contract, oldest first, for its two people only (economy.md §5). */
export async function listMessages(
  db: Db,
  input: { actorId: string; proposalId?: string | null; contractId?: string | null; now: Date },
): Promise<ThreadMessage[]> {
  const thread = await threadFor(db, input, input.actorId);
  const { settings } = await loadSettings(db, input.now);
  const messages = await db.message.findMany({
    where: thread.proposalId ? { proposalId: thread.proposalId } : { contractId: thread.contractId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, senderId: true, recipientId: true, body: true, createdAt: true, flags: true, removedAt: true, removedReason: true },
  });
  return messages.map(({ flags, removedAt, removedReason, ...message }) => {
    const mine = message.senderId === input.actorId;
    if (removedAt) return { ...message, body: "", mine, warning: null, removed: { at: removedAt, reason: mine ? removedReason : null } };
    return { ...message, mine, warning: message.recipientId === input.actorId ? warningFor(flags, settings.scamShieldPatterns) : null, removed: null };
  });
}

import { z } from "zod";
import type { PrismaClient, Tx } from "../../client";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { parseCall } from "../input";
import { ConversationId, ConversationKindField, conversationFor, type ConversationKind } from "./conversations";

/** The conversation opened. */
export const MarkConversationReadInput = z.strictObject({ kind: ConversationKindField, id: ConversationId });
export type MarkConversationReadInput = z.input<typeof MarkConversationReadInput>;

export interface ConversationRead {
  kind: ConversationKind;
  id: string;
  /** Everything up to this instant is read. */
  lastReadAt: Date;
  /** Whether this moved the mark (something was unread, or it was never opened). */
  changed: boolean;
}

/** The latest thing said in a conversation (a message, a statement, a dispute's opening), or null. */
async function latestActivity(tx: Tx, kind: ConversationKind, id: string): Promise<Date | null> {
  if (kind === "dispute") {
    const [dispute, statement] = await Promise.all([
      tx.dispute.findUnique({ where: { id }, select: { openedAt: true } }),
      tx.disputeStatement.findFirst({ where: { disputeId: id }, orderBy: { createdAt: "desc" }, select: { createdAt: true } }),
    ]);
    const times = [dispute?.openedAt, statement?.createdAt].filter((time): time is Date => !!time);
    return times.length ? new Date(Math.max(...times.map((time) => time.getTime()))) : null;
  }
  const latest = await tx.message.findFirst({ where: kind === "proposal" ? { proposalId: id } : { contractId: id }, orderBy: { createdAt: "desc" }, select: { createdAt: true } });
  return latest?.createdAt ?? null;
}

/**
 * Opening a conversation marks it read (economy.md §5.1): what was said up to its latest message
 * no longer counts as unread for this person. Reading never goes back: a later mark keeps the later
 * instant. Only the conversation's people can mark it; anyone else gets NOT_FOUND.
 */
export async function markConversationRead(prisma: PrismaClient, input: MarkConversationReadInput & ActorCall): Promise<ConversationRead> {
  const data = parseCall(MarkConversationReadInput, input);
  return runTransaction(prisma, async (tx) => {
    const actor = await requireActor(tx, data, ["CLIENT", "FREELANCER", "ADMIN"], "read conversations");
    const conversation = await conversationFor(tx, data.kind, data.id, actor);
    const upTo = (await latestActivity(tx, data.kind, data.id)) ?? data.now;
    const before = await tx.conversationRead.findUnique({ where: { userId_thread: { userId: actor.id, thread: conversation.key } }, select: { lastReadAt: true } });
    const [row] = await tx.$queryRaw<{ lastReadAt: Date }[]>`
      INSERT INTO "ConversationRead" ("userId", thread, "lastReadAt") VALUES (${actor.id}::uuid, ${conversation.key}, ${upTo})
      ON CONFLICT ("userId", thread) DO UPDATE SET "lastReadAt" = GREATEST("ConversationRead"."lastReadAt", EXCLUDED."lastReadAt")
      RETURNING "lastReadAt"`;
    return { kind: data.kind, id: data.id, lastReadAt: row!.lastReadAt, changed: !before || before.lastReadAt.getTime() < row!.lastReadAt.getTime() };
  });
}

/**
 * "Mark as unread" (economy.md §5.1): the conversation's latest message (or statement, or a
 * dispute's opening) by someone else counts as unread again, and what came after it stays read. A
 * conversation with nothing from anyone else has nothing to mark: the mark stays where it is.
 */
export async function markConversationUnread(prisma: PrismaClient, input: MarkConversationReadInput & ActorCall): Promise<ConversationRead> {
  const data = parseCall(MarkConversationReadInput, input);
  return runTransaction(prisma, async (tx) => {
    const actor = await requireActor(tx, data, ["CLIENT", "FREELANCER", "ADMIN"], "read conversations");
    const conversation = await conversationFor(tx, data.kind, data.id, actor);
    const fromOthers = await latestFromOthers(tx, data.kind, data.id, actor.id);
    const before = await tx.conversationRead.findUnique({ where: { userId_thread: { userId: actor.id, thread: conversation.key } }, select: { lastReadAt: true } });
    if (!fromOthers) return { kind: data.kind, id: data.id, lastReadAt: before?.lastReadAt ?? new Date(0), changed: false };
    const lastReadAt = new Date(fromOthers.getTime() - 1);
    await tx.conversationRead.upsert({
      where: { userId_thread: { userId: actor.id, thread: conversation.key } },
      create: { userId: actor.id, thread: conversation.key, lastReadAt },
      update: { lastReadAt },
    });
    return { kind: data.kind, id: data.id, lastReadAt, changed: !before || before.lastReadAt.getTime() !== lastReadAt.getTime() };
  });
}

/** When someone other than `userId` last said something in the conversation (that still shows), or null. */
async function latestFromOthers(tx: Tx, kind: ConversationKind, id: string, userId: string): Promise<Date | null> {
  if (kind === "dispute") {
    const [dispute, statement] = await Promise.all([
      tx.dispute.findUnique({ where: { id }, select: { openedAt: true, openedById: true } }),
      tx.disputeStatement.findFirst({ where: { disputeId: id, authorId: { not: userId } }, orderBy: { createdAt: "desc" }, select: { createdAt: true } }),
    ]);
    const times = [dispute && dispute.openedById !== userId ? dispute.openedAt : null, statement?.createdAt].filter((time): time is Date => !!time);
    return times.length ? new Date(Math.max(...times.map((time) => time.getTime()))) : null;
  }
  const latest = await tx.message.findFirst({
    where: { ...(kind === "proposal" ? { proposalId: id } : { contractId: id }), recipientId: userId, removedAt: null },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  return latest?.createdAt ?? null;
}

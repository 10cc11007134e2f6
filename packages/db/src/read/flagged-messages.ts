import type { Db } from "../client";
import { requireActor } from "../services/actor";
import { warningFor } from "../services/messages/thread";
import { loadSettings } from "../settings/load-settings";

/** One earlier message of the conversation, for context (a removed one shows as removed). */
export interface ContextMessage {
  id: string;
  senderName: string;
  body: string;
  createdAt: Date;
  removed: boolean;
}

export interface FlaggedMessage {
  id: string;
  body: string;
  createdAt: Date;
  /** When an admin acted on it (dismissed, removed, warned or suspended); null while it waits. */
  reviewedAt: Date | null;
  /** The scam-shield patterns it matched, with their labels, and the warning its recipient saw. */
  flags: { patternId: string; label: string }[];
  shieldWarning: string | null;
  sender: { id: string; name: string; email: string; suspendedAt: Date | null; warnings: number };
  recipient: { id: string; name: string; email: string };
  /** The proposal (its job's title) or the contract it was written on. */
  conversation: { kind: "proposal" | "contract"; id: string; title: string };
  /** Up to three messages before it in the same conversation, oldest first. */
  context: ContextMessage[];
  removed: { at: Date; reason: string } | null;
  /** The warning its sender was given about it. */
  warning: { at: Date; reason: string } | null;
}

export interface FlaggedQueue {
  /** Not reviewed yet, oldest first: the queue. */
  waiting: FlaggedMessage[];
  /** Reviewed, most recently reviewed first: the last 5, or up to 100 when asked. */
  reviewed: FlaggedMessage[];
}

const CONTEXT = 3;
const person = { select: { id: true, name: true, email: true } } as const;

/**
 * The admins' queue of messages the scam shield flagged (economy.md §5): those waiting first, with
 * what they need to decide (the text, why it was flagged, who wrote to whom, where, and what was
 * said before), then the recently reviewed ones with what was done. A fixed number of queries
 * however long the queue.
 */
export async function listFlaggedMessages(db: Db, input: { actorId: string; now: Date; includeReviewed?: boolean }): Promise<FlaggedQueue> {
  await requireActor(db, input, "ADMIN", "review flagged messages");
  const select = {
    id: true,
    proposalId: true,
    contractId: true,
    body: true,
    flags: true,
    createdAt: true,
    reviewedAt: true,
    removedAt: true,
    removedReason: true,
    contract: { select: { title: true } },
    warning: { select: { createdAt: true, reason: true } },
    sender: { select: { id: true, name: true, email: true, suspendedAt: true, _count: { select: { warnings: true } } } },
    recipient: person,
  } as const;
  const [{ settings }, waiting, reviewed] = await Promise.all([
    loadSettings(db, input.now),
    db.message.findMany({ where: { flags: { isEmpty: false }, reviewedAt: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select }),
    db.message.findMany({
      where: { flags: { isEmpty: false }, reviewedAt: { not: null } },
      orderBy: [{ reviewedAt: "desc" }, { id: "asc" }],
      take: input.includeReviewed ? 100 : 5,
      select,
    }),
  ]);
  const all = [...waiting, ...reviewed];
  const proposalIds = [...new Set(all.flatMap((m) => (m.proposalId ? [m.proposalId] : [])))];
  const ids = all.map((m) => m.id);
  const [proposals, before] = await Promise.all([
    db.proposal.findMany({ where: { id: { in: proposalIds } }, select: { id: true, job: { select: { title: true } } } }),
    ids.length === 0
      ? Promise.resolve([])
      : // The messages before each flagged one in its conversation, in one query (each thread by its own index).
        db.$queryRaw<(ContextMessage & { flaggedId: string })[]>`
          SELECT f.id::text AS "flaggedId", c.id::text AS id, u.name AS "senderName", c.body, c."createdAt", c."removedAt" IS NOT NULL AS removed
          FROM "Message" f
          CROSS JOIN LATERAL (
            (SELECT * FROM "Message" m WHERE m."proposalId" = f."proposalId" AND (m."createdAt", m.id) < (f."createdAt", f.id) ORDER BY m."createdAt" DESC, m.id DESC LIMIT ${CONTEXT})
            UNION ALL
            (SELECT * FROM "Message" m WHERE m."contractId" = f."contractId" AND (m."createdAt", m.id) < (f."createdAt", f.id) ORDER BY m."createdAt" DESC, m.id DESC LIMIT ${CONTEXT})
          ) c
          JOIN "User" u ON u.id = c."senderId"
          WHERE f.id = ANY(${ids}::uuid[])
          ORDER BY c."createdAt", c.id`,
  ]);
  const jobTitle = new Map(proposals.map((p) => [p.id, p.job.title]));
  const contextOf = new Map<string, ContextMessage[]>();
  for (const { flaggedId, ...message } of before) {
    const list = contextOf.get(flaggedId) ?? [];
    list.push({ ...message, body: message.removed ? "" : message.body });
    contextOf.set(flaggedId, list);
  }
  const view = (m: (typeof all)[number]): FlaggedMessage => {
    const shield = warningFor(m.flags, settings.scamShieldPatterns);
    return {
      id: m.id,
      body: m.body,
      createdAt: m.createdAt,
      reviewedAt: m.reviewedAt,
      flags: shield?.matches ?? [],
      shieldWarning: shield?.message ?? null,
      sender: { id: m.sender.id, name: m.sender.name, email: m.sender.email, suspendedAt: m.sender.suspendedAt, warnings: m.sender._count.warnings },
      recipient: m.recipient,
      conversation: m.contractId
        ? { kind: "contract", id: m.contractId, title: m.contract?.title ?? "A contract" }
        : { kind: "proposal", id: m.proposalId!, title: jobTitle.get(m.proposalId!) ?? "A proposal" },
      context: contextOf.get(m.id) ?? [],
      removed: m.removedAt ? { at: m.removedAt, reason: m.removedReason ?? "" } : null,
      warning: m.warning ? { at: m.warning.createdAt, reason: m.warning.reason } : null,
    };
  };
  return { waiting: waiting.map(view), reviewed: reviewed.map(view) };
}

import { MESSAGE_SEARCH } from "@fairlance/rules";
import { z } from "zod";
import { Prisma, type Db } from "../client";
import type { AttachmentLinker } from "../files/attachment-links";
import { requireActor, type Actor, type ActorCall } from "../services/actor";
import { parseInput } from "../services/input";
import { conversationFor, conversationKey, ConversationId, ConversationKindField, type ConversationKind, type Person } from "../services/messages/conversations";
import { likePattern } from "./like";

/** One page of the inbox: the newest activity first. */
export const INBOX_PAGE_SIZE = 20;

const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\|((?:proposal|contract|dispute):[0-9a-f-]{36})$/;

/** What the inbox is asked: a page after `cursor` (from the previous page), and an optional search of one's messages. */
export const InboxQuery = z.strictObject({
  cursor: z
    .string("The page cursor is text.")
    .refine((cursor) => {
      const at = CURSOR.exec(cursor)?.[1];
      return at !== undefined && !Number.isNaN(Date.parse(at)) && new Date(at).toISOString() === at;
    }, "That page of conversations does not exist: start from the first page.")
    .nullish(),
  search: z
    .string("The search is text.")
    .trim()
    .min(MESSAGE_SEARCH.min, `Type at least ${MESSAGE_SEARCH.min} characters to search your messages.`)
    .max(MESSAGE_SEARCH.max, `Search for at most ${MESSAGE_SEARCH.max} characters.`)
    .nullish(),
});
export type InboxQuery = z.input<typeof InboxQuery>;

export interface InboxRow {
  kind: ConversationKind;
  id: string;
  /** Where the inbox opens it: /messages/<kind>/<id>. */
  href: string;
  subject: string;
  job: { id: string; title: string } | null;
  /** The people the viewer talks with: the other party, or both parties for a mediating admin. */
  with: Person[];
  /** The latest message (the latest that matches, in a search). */
  last: { preview: string; byViewer: boolean; byName: string; at: Date } | null;
  lastAt: Date;
  unread: number;
  closed: string | null;
}

export interface InboxPage {
  conversations: InboxRow[];
  /** The cursor of the next page, or null on the last one. */
  nextCursor: string | null;
  /** Unread messages in all the viewer's conversations (the navigation's count). */
  unreadTotal: number;
}

/** `%`, `_` and `\` typed in a search are themselves, not LIKE's wildcards. */
export { likePattern };

const PREVIEW_LENGTH = 140;
const preview = (text: string) => {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > PREVIEW_LENGTH ? `${line.slice(0, PREVIEW_LENGTH - 1)}…` : line;
};

/** The disputes a person's inbox holds: a party's own; for an admin, the open ones and those they decided or spoke in. */
function disputeAccess(actor: { id: string; role: string }) {
  return actor.role === "ADMIN"
    ? Prisma.sql`(d.status = 'OPEN' OR d."decidedById" = ${actor.id}::uuid OR EXISTS (SELECT 1 FROM "DisputeStatement" x WHERE x."disputeId" = d.id AND x."authorId" = ${actor.id}::uuid))`
    : Prisma.sql`(c."clientId" = ${actor.id}::uuid OR c."freelancerId" = ${actor.id}::uuid)`;
}

/** Unread for `me` in one conversation `t` (with its read mark `r`): others' messages, statements and a dispute's opening after the mark. */
const unreadSql = (me: string) => Prisma.sql`(
  (SELECT count(*) FROM "Message" m WHERE t.kind = 'proposal' AND m."proposalId" = t.id AND m."recipientId" = ${me}::uuid AND m."removedAt" IS NULL AND m."createdAt" > COALESCE(r."lastReadAt", '-infinity'))
  + (SELECT count(*) FROM "Message" m WHERE t.kind = 'contract' AND m."contractId" = t.id AND m."recipientId" = ${me}::uuid AND m."removedAt" IS NULL AND m."createdAt" > COALESCE(r."lastReadAt", '-infinity'))
  + (SELECT count(*) FROM "DisputeStatement" s WHERE t.kind = 'dispute' AND s."disputeId" = t.id AND s."authorId" <> ${me}::uuid AND s."createdAt" > COALESCE(r."lastReadAt", '-infinity'))
  + (SELECT count(*) FROM "Dispute" o WHERE t.kind = 'dispute' AND o.id = t.id AND o."openedById" <> ${me}::uuid AND o."openedAt" > COALESCE(r."lastReadAt", '-infinity'))
)::int`;

/** Every conversation of the viewer, with its latest activity (only matching messages and statements when searching). */
function threadsSql(actor: { id: string; role: string }, pattern: string | null) {
  const me = actor.id;
  const mine = Prisma.sql`(m."senderId" = ${me}::uuid OR m."recipientId" = ${me}::uuid)`;
  const matching = pattern ? Prisma.sql`AND m."removedAt" IS NULL AND m.body ILIKE ${pattern} ESCAPE '\\'` : Prisma.empty;
  const statementAt = pattern
    ? Prisma.sql`COALESCE(max(s."createdAt") FILTER (WHERE s.text ILIKE ${pattern} ESCAPE '\\'), CASE WHEN d.reason ILIKE ${pattern} ESCAPE '\\' THEN d."openedAt" END)`
    : Prisma.sql`GREATEST(d."openedAt", max(s."createdAt"))`;
  return Prisma.sql`
    SELECT 'proposal'::text AS kind, m."proposalId" AS id, max(m."createdAt") AS "lastAt" FROM "Message" m
      WHERE m."proposalId" IS NOT NULL AND ${mine} ${matching} GROUP BY m."proposalId"
    UNION ALL
    SELECT 'contract'::text, m."contractId", max(m."createdAt") FROM "Message" m
      WHERE m."contractId" IS NOT NULL AND ${mine} ${matching} GROUP BY m."contractId"
    UNION ALL
    SELECT * FROM (
      SELECT 'dispute'::text AS kind, d.id, ${statementAt} AS "lastAt"
      FROM "Dispute" d JOIN "Contract" c ON c.id = d."contractId" LEFT JOIN "DisputeStatement" s ON s."disputeId" = d.id
      WHERE ${disputeAccess(actor)} GROUP BY d.id
    ) disputes WHERE "lastAt" IS NOT NULL`;
}

/** Unread messages across all of `actor`'s conversations: the count beside "Messages" in the navigation. */
export async function countUnreadMessages(db: Db, actor: { id: string; role: string }): Promise<number> {
  const [row] = await db.$queryRaw<{ unread: number }[]>`
    SELECT COALESCE(sum(u.unread), 0)::int AS unread FROM (
      SELECT ${unreadSql(actor.id)} AS unread
      FROM (${threadsSql(actor, null)}) t
      LEFT JOIN "ConversationRead" r ON r."userId" = ${actor.id}::uuid AND r.thread = t.kind || ':' || t.id
    ) u`;
  return row?.unread ?? 0;
}

/**
 * The inbox (economy.md §5.1): every conversation of the viewer — proposal threads, contract
 * threads, disputes (an admin: those they mediate) — newest activity first, with the other
 * person, the job, the latest message and the unread count. Pages by cursor (the last row's
 * activity and key), so a message arriving meanwhile never repeats or skips a row on later pages.
 * A search keeps the conversations with a message (or statement) containing the text, case
 * insensitive, `%` and `_` meaning themselves, and shows the latest matching one.
 */
export async function listConversations(db: Db, input: InboxQuery & Pick<ActorCall, "actorId" | "actor" | "now">): Promise<InboxPage> {
  const query = parseInput(InboxQuery, { cursor: input.cursor, search: input.search });
  const actor = await requireActor(db, input, ["CLIENT", "FREELANCER", "ADMIN"], "read messages");
  const pattern = query.search ? likePattern(query.search) : null;
  const [, at, key] = query.cursor ? (CURSOR.exec(query.cursor) ?? []) : [];
  const after = at && key ? Prisma.sql`WHERE (t."lastAt", t.kind || ':' || t.id) < (${new Date(at)}::timestamptz, ${key})` : Prisma.empty;
  const rows = await db.$queryRaw<{ kind: ConversationKind; id: string; lastAt: Date; unread: number }[]>`
    SELECT t.kind, t.id::text AS id, t."lastAt", ${unreadSql(actor.id)} AS unread
    FROM (SELECT * FROM (${threadsSql(actor, pattern)}) all_threads) t
    LEFT JOIN "ConversationRead" r ON r."userId" = ${actor.id}::uuid AND r.thread = t.kind || ':' || t.id
    ${after}
    ORDER BY t."lastAt" DESC, t.kind || ':' || t.id DESC
    LIMIT ${INBOX_PAGE_SIZE + 1}`;
  const page = rows.slice(0, INBOX_PAGE_SIZE);
  const lastRow = page.at(-1);
  const [conversations, unreadTotal] = await Promise.all([describeRows(db, actor, page, pattern), countUnreadMessages(db, actor)]);
  return {
    conversations,
    nextCursor: rows.length > INBOX_PAGE_SIZE && lastRow ? `${lastRow.lastAt.toISOString()}|${conversationKey(lastRow.kind, lastRow.id)}` : null,
    unreadTotal,
  };
}

async function describeRows(db: Db, actor: Pick<Actor, "id" | "role">, rows: { kind: ConversationKind; id: string; lastAt: Date; unread: number }[], pattern: string | null): Promise<InboxRow[]> {
  const ids = (kind: ConversationKind) => rows.filter((row) => row.kind === kind).map((row) => row.id);
  const matching = pattern ? Prisma.sql`AND "removedAt" IS NULL AND body ILIKE ${pattern} ESCAPE '\\'` : Prisma.empty;
  const latestMessages = (column: "proposalId" | "contractId", of: string[]) =>
    of.length === 0
      ? Promise.resolve([])
      : db.$queryRaw<{ thread: string; senderId: string; body: string; removedAt: Date | null; createdAt: Date }[]>`
          SELECT DISTINCT ON (${Prisma.raw(`"${column}"`)}) ${Prisma.raw(`"${column}"`)}::text AS thread, "senderId"::text AS "senderId", body, "removedAt", "createdAt"
          FROM "Message" WHERE ${Prisma.raw(`"${column}"`)} = ANY(${of}::uuid[]) ${matching}
          ORDER BY ${Prisma.raw(`"${column}"`)}, "createdAt" DESC, id DESC`;
  const statementMatch = pattern ? Prisma.sql`AND text ILIKE ${pattern} ESCAPE '\\'` : Prisma.empty;
  const [proposalLast, contractLast, statementLast, conversations] = await Promise.all([
    latestMessages("proposalId", ids("proposal")),
    latestMessages("contractId", ids("contract")),
    ids("dispute").length === 0
      ? Promise.resolve([])
      : db.$queryRaw<{ thread: string; authorId: string; text: string; createdAt: Date }[]>`
          SELECT DISTINCT ON ("disputeId") "disputeId"::text AS thread, "authorId"::text AS "authorId", text, "createdAt"
          FROM "DisputeStatement" WHERE "disputeId" = ANY(${ids("dispute")}::uuid[]) ${statementMatch}
          ORDER BY "disputeId", "createdAt" DESC, id DESC`,
    Promise.all(rows.map((row) => conversationFor(db, row.kind, row.id, actor))),
  ]);
  const openings = ids("dispute").length
    ? await db.dispute.findMany({ where: { id: { in: ids("dispute") } }, select: { id: true, reason: true, openedAt: true, openedById: true, openedBy: { select: { name: true } } } })
    : [];
  const nameOf = (conversation: (typeof conversations)[number], userId: string) =>
    userId === conversation.client.id ? conversation.client.name : userId === conversation.freelancer.id ? conversation.freelancer.name : "Fairlance mediator";
  return rows.map((row, index) => {
    const conversation = conversations[index]!;
    let last: InboxRow["last"] = null;
    if (row.kind === "dispute") {
      const statement = statementLast.find((s) => s.thread === row.id);
      const opening = openings.find((d) => d.id === row.id)!;
      last =
        statement && statement.createdAt >= opening.openedAt
          ? { preview: preview(statement.text), byViewer: statement.authorId === actor.id, byName: nameOf(conversation, statement.authorId), at: statement.createdAt }
          : { preview: preview(`Dispute opened: ${opening.reason}`), byViewer: opening.openedById === actor.id, byName: opening.openedBy.name, at: opening.openedAt };
    } else {
      const message = (row.kind === "proposal" ? proposalLast : contractLast).find((m) => m.thread === row.id);
      if (message) {
        last = {
          preview: message.removedAt ? "Message removed by Fairlance" : preview(message.body),
          byViewer: message.senderId === actor.id,
          byName: nameOf(conversation, message.senderId),
          at: message.createdAt,
        };
      }
    }
    const others = [conversation.client, conversation.freelancer].filter((p) => p.id !== actor.id);
    return {
      kind: row.kind,
      id: row.id,
      href: `/messages/${row.kind}/${row.id}`,
      subject: conversation.subject,
      job: conversation.job ? { id: conversation.job.id, title: conversation.job.title } : null,
      with: others,
      last,
      lastAt: row.lastAt,
      unread: row.unread,
      closed: conversation.closed,
    };
  });
}

/** The conversation asked for by the thread page. */
export const ConversationQuery = z.strictObject({ kind: ConversationKindField, id: ConversationId });
export type ConversationQuery = z.input<typeof ConversationQuery>;

export interface ConversationView {
  kind: ConversationKind;
  id: string;
  subject: string;
  job: { id: string; title: string } | null;
  with: Person[];
  /** The page where it happens (the job's proposal, the contract, the dispute). */
  context: { href: string; label: string };
  closed: string | null;
  /** Whether the viewer may write in it here (proposal and contract threads that are open). */
  canReply: boolean;
  /** A dispute's statements, oldest first (proposal and contract messages come from message.list). */
  statements: { id: string; byViewer: boolean; byName: string; side: "client" | "freelancer" | "admin"; text: string; links: string[]; at: Date }[] | null;
}

/** One conversation's header (and a dispute's statements) for its people; NOT_FOUND for anyone else. */
export async function getConversation(db: Db, input: ConversationQuery & Pick<ActorCall, "actorId" | "actor">): Promise<ConversationView> {
  const query = parseInput(ConversationQuery, { kind: input.kind, id: input.id });
  const actor = await requireActor(db, input, ["CLIENT", "FREELANCER", "ADMIN"], "read messages");
  const conversation = await conversationFor(db, query.kind, query.id, actor);
  const viewerIsClient = actor.id === conversation.client.id;
  const context =
    query.kind === "dispute"
      ? { href: `/disputes/${query.id}`, label: "Open the dispute" }
      : query.kind === "contract"
        ? { href: `/contracts/${query.id}`, label: "Open the contract" }
        : conversation.job
          ? { href: viewerIsClient ? `/client/jobs/${conversation.job.id}` : `/jobs/${conversation.job.id}`, label: viewerIsClient ? "Open the job's proposals" : "Open the job and your proposal" }
          : { href: "/messages", label: "Back to messages" };
  let statements: ConversationView["statements"] = null;
  if (query.kind === "dispute") {
    const rows = await db.disputeStatement.findMany({
      where: { disputeId: query.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, authorId: true, text: true, links: true, createdAt: true, author: { select: { name: true } } },
    });
    statements = rows.map((row) => ({
      id: row.id,
      byViewer: row.authorId === actor.id,
      byName: row.author.name,
      side: row.authorId === conversation.client.id ? "client" : row.authorId === conversation.freelancer.id ? "freelancer" : "admin",
      text: row.text,
      links: row.links,
      at: row.createdAt,
    }));
  }
  return {
    kind: query.kind,
    id: query.id,
    subject: conversation.subject,
    job: conversation.job ? { id: conversation.job.id, title: conversation.job.title } : null,
    with: [conversation.client, conversation.freelancer].filter((p) => p.id !== actor.id),
    context,
    closed: conversation.closed,
    canReply: query.kind !== "dispute" && conversation.closed === null,
    statements,
  };
}

export type { AttachmentLinker };

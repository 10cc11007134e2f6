import { reviveLegacyTagged } from "@fairlance/rules";
import type { Db, Prisma } from "../client";
import { requireActor } from "../services/actor";
import { decodeTyped, isTypedJson } from "../codec/typed-json";
import type { Paged } from "./admin-ledger";
import { sentenceOf, targetOf, wordAudit, type AuditTarget, type AuditWording, type ResolvedTarget } from "./audit-wording";
import { escapeLike } from "./like";

export interface AuditRow {
  id: bigint;
  createdAt: Date;
  actor: { id: string; name: string; email: string } | null;
  action: string;
  targetType: string;
  targetId: string;
  /** What the row recorded, with its bigints and dates (rows of either encoding). */
  before: unknown;
  after: unknown;
  reason: string;
  /** What it was done to, by name, with the admin page that shows it. */
  target: AuditTarget;
  /** The action in words, around the target's name, and the values it changed (audit-wording.ts). */
  summary: AuditWording["summary"];
  /** The whole sentence as text: "Granted 10 connects to Fran Okafor". */
  sentence: string;
  changes: AuditWording["changes"];
  facts: AuditWording["facts"];
}

/** An audit before/after as recorded: the typed encoding, or a row from before it ({"$bigint"} tags). */
export const auditValue = (stored: Prisma.JsonValue): unknown => (isTypedJson(stored) ? decodeTyped(stored) : reviveLegacyTagged(stored));

/**
 * The append-only audit log (economy.md §6), newest first: by action (prefix), actor (name or email),
 * target (type or id) and text in the reason (admin only).
 */
export async function searchAuditLog(
  db: Db,
  input: { actorId: string; action?: string; actor?: string; target?: string; text?: string; page?: number; pageSize?: number },
): Promise<Paged<AuditRow>> {
  await requireActor(db, { actorId: input.actorId }, "ADMIN", "search the audit log");
  const page = Math.max(1, input.page ?? 1);
  const pageSize = Math.min(100, Math.max(1, input.pageSize ?? 25));
  const and: Prisma.AuditLogWhereInput[] = [];
  const action = input.action?.trim();
  const actor = input.actor?.trim();
  const target = input.target?.trim();
  const text = input.text?.trim();
  if (action) and.push({ action: { startsWith: action, mode: "insensitive" } });
  if (actor) and.push({ actor: { OR: [{ name: { contains: escapeLike(actor), mode: "insensitive" } }, { email: { contains: escapeLike(actor), mode: "insensitive" } }] } });
  if (target) and.push({ OR: [{ targetType: { equals: target, mode: "insensitive" } }, { targetId: target }] });
  if (text) and.push({ reason: { contains: escapeLike(text), mode: "insensitive" } });
  const where: Prisma.AuditLogWhereInput = { AND: and };
  const [rows, total] = await Promise.all([
    db.auditLog.findMany({
      where,
      orderBy: { id: "desc" },
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: { id: true, createdAt: true, action: true, targetType: true, targetId: true, before: true, after: true, reason: true, actor: { select: { id: true, name: true, email: true } } },
    }),
    db.auditLog.count({ where }),
  ]);
  const names = await targetNames(db, rows);
  return {
    rows: rows.map((stored) => {
      const row = { ...stored, before: auditValue(stored.before), after: auditValue(stored.after) };
      const target = targetOf(row.targetType, row.targetId, names.get(`${row.targetType}:${row.targetId}`));
      const wording = wordAudit(row);
      return { ...row, target, summary: wording.summary, sentence: sentenceOf(wording, target), changes: wording.changes, facts: wording.facts };
    }),
    total,
    page,
    pageSize,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The names of a page's targets, in one query whatever their types: people by name, jobs and
 * contracts by title, a dispute by its contract's title, a message by its sender and recipient.
 * Keyed `${targetType}:${targetId}`. Settings are named by the rules (no query).
 */
async function targetNames(db: Db, rows: { targetType: string; targetId: string }[]): Promise<Map<string, ResolvedTarget>> {
  const idsOf = (type: string) => [...new Set(rows.filter((r) => r.targetType === type && UUID.test(r.targetId)).map((r) => r.targetId))];
  const [users, jobs, contracts, disputes, messages, feedback] = ["User", "Job", "Contract", "Dispute", "Message", "Feedback"].map(idsOf) as [string[], string[], string[], string[], string[], string[]];
  if (users.length + jobs.length + contracts.length + disputes.length + messages.length + feedback.length === 0) return new Map();
  const found = await db.$queryRaw<{ type: string; id: string; label: string; extra: string | null }[]>`
    SELECT 'User' AS type, id::text AS id, name AS label, NULL::text AS extra FROM "User" WHERE id = ANY(${users}::uuid[])
    UNION ALL SELECT 'Job', id::text, title, NULL FROM "Job" WHERE id = ANY(${jobs}::uuid[])
    UNION ALL SELECT 'Contract', id::text, title, NULL FROM "Contract" WHERE id = ANY(${contracts}::uuid[])
    UNION ALL SELECT 'Dispute', d.id::text, c.title, d."contractId"::text FROM "Dispute" d JOIN "Contract" c ON c.id = d."contractId" WHERE d.id = ANY(${disputes}::uuid[])
    UNION ALL SELECT 'Message', m.id::text, s.name, r.name FROM "Message" m JOIN "User" s ON s.id = m."senderId" JOIN "User" r ON r.id = m."recipientId" WHERE m.id = ANY(${messages}::uuid[])
    UNION ALL SELECT 'Feedback', f.id::text, 'from ' || a.name || ' to ' || s.name || ' on “' || c.title || '”', f."subjectId"::text
      FROM "Feedback" f JOIN "User" a ON a.id = f."authorId" JOIN "User" s ON s.id = f."subjectId" JOIN "Contract" c ON c.id = f."contractId" WHERE f.id = ANY(${feedback}::uuid[])`;
  return new Map(found.map((row) => [`${row.type}:${row.id}`, { label: row.label, extra: row.extra }]));
}

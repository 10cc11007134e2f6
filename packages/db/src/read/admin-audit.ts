import { reviveLegacyTagged } from "@fairlance/rules";
import type { Db, Prisma } from "../client";
import { requireActor } from "../services/actor";
import { decodeTyped, isTypedJson } from "../codec/typed-json";
import type { Paged } from "./admin-ledger";

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
  if (actor) and.push({ actor: { OR: [{ name: { contains: actor, mode: "insensitive" } }, { email: { contains: actor, mode: "insensitive" } }] } });
  if (target) and.push({ OR: [{ targetType: { equals: target, mode: "insensitive" } }, { targetId: target }] });
  if (text) and.push({ reason: { contains: text, mode: "insensitive" } });
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
  return { rows: rows.map((row) => ({ ...row, before: auditValue(row.before), after: auditValue(row.after) })), total, page, pageSize };
}

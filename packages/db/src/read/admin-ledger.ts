import { CONNECT_ENTRY_REASONS } from "@fairlance/rules";
import type { ConnectEntryKind, Db, Prisma } from "../client";
import { decodeTyped } from "../codec/typed-json";
import { requireActor } from "../services/actor";
import { ORPHAN_KINDS } from "../services/payments/reconcile-gateway";

export interface Paged<T> {
  rows: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface LedgerFilter {
  /** Matches the debit or the credit account key from its start ("platform_revenue", "freelancer_available:<id>"). */
  accountKey?: string;
  userId?: string;
  jobId?: string;
  contractId?: string;
  page?: number;
  pageSize?: number;
}

export interface TransferRow {
  id: bigint;
  createdAt: Date;
  operation: string;
  kind: string;
  memo: string;
  amountMinor: bigint;
  debitKey: string;
  creditKey: string;
  userId: string | null;
  jobId: string | null;
  contractId: string | null;
}

const paging = (input: { page?: number; pageSize?: number }) => {
  const page = Math.max(1, input.page ?? 1);
  const pageSize = Math.min(100, Math.max(1, input.pageSize ?? 25));
  return { page, pageSize, skip: (page - 1) * pageSize, take: pageSize };
};

/** Money ledger transfers, newest first, by account, person, job or contract (admin only). */
export async function browseLedgerTransfers(db: Db, input: LedgerFilter & { actorId: string }): Promise<Paged<TransferRow>> {
  await requireActor(db, input, "ADMIN", "browse the ledger");
  const { page, pageSize, skip, take } = paging(input);
  const prefix = input.accountKey?.trim();
  const and: Prisma.LedgerTransferWhereInput[] = [];
  if (prefix) and.push({ OR: [{ debitAccount: { key: { startsWith: prefix } } }, { creditAccount: { key: { startsWith: prefix } } }] });
  if (input.userId) {
    const userId = input.userId;
    and.push({ OR: [{ userId }, { debitAccount: { userId } }, { creditAccount: { userId } }] });
  }
  if (input.jobId) and.push({ jobId: input.jobId });
  if (input.contractId) and.push({ contractId: input.contractId });
  const where: Prisma.LedgerTransferWhereInput = { AND: and };
  const [rows, total] = await Promise.all([
    db.ledgerTransfer.findMany({
      where,
      orderBy: { id: "desc" },
      skip,
      take,
      select: {
        id: true,
        createdAt: true,
        operation: true,
        kind: true,
        memo: true,
        amountMinor: true,
        userId: true,
        jobId: true,
        contractId: true,
        debitAccount: { select: { key: true } },
        creditAccount: { select: { key: true } },
      },
    }),
    db.ledgerTransfer.count({ where }),
  ]);
  return {
    rows: rows.map(({ debitAccount, creditAccount, ...row }) => ({ ...row, debitKey: debitAccount.key, creditKey: creditAccount.key })),
    total,
    page,
    pageSize,
  };
}

export interface ConnectEntryRow {
  id: bigint;
  createdAt: Date;
  userId: string;
  userName: string;
  kind: ConnectEntryKind;
  delta: number;
  reason: string;
  label: string;
  note: string | null;
  jobId: string | null;
  proposalId: string | null;
}

const labelOf = (reason: string) =>
  Object.hasOwn(CONNECT_ENTRY_REASONS, reason) ? CONNECT_ENTRY_REASONS[reason as keyof typeof CONNECT_ENTRY_REASONS] : reason;

/** Connects ledger entries, newest first, by person or job (admin only). */
export async function browseConnectEntries(
  db: Db,
  input: { actorId: string; userId?: string; jobId?: string; page?: number; pageSize?: number },
): Promise<Paged<ConnectEntryRow>> {
  await requireActor(db, input, "ADMIN", "browse connects entries");
  const { page, pageSize, skip, take } = paging(input);
  const where: Prisma.ConnectEntryWhereInput = { ...(input.userId ? { userId: input.userId } : {}), ...(input.jobId ? { jobId: input.jobId } : {}) };
  const [rows, total] = await Promise.all([
    db.connectEntry.findMany({
      where,
      orderBy: { id: "desc" },
      skip,
      take,
      select: { id: true, createdAt: true, userId: true, kind: true, delta: true, reason: true, note: true, jobId: true, proposalId: true, user: { select: { name: true } } },
    }),
    db.connectEntry.count({ where }),
  ]);
  return { rows: rows.map(({ user, ...row }) => ({ ...row, userName: user.name, label: labelOf(row.reason) })), total, page, pageSize };
}

export const REVENUE_KINDS = ["service_fee", "client_fee", "connect_sales", "membership", "payout_fee"] as const;
export type RevenueKind = (typeof REVENUE_KINDS)[number];

export interface RevenueWeek {
  weekStart: Date;
  /** Each kind's amount, and its share of the largest week's total in thousandths (a chart's bar segment; 0 when negative). */
  byKind: { kind: RevenueKind; amountMinor: bigint; permille: number }[];
  totalMinor: bigint;
  /** The week's total as thousandths of the largest week's total (for a chart's bar height). */
  permille: number;
}

/** Platform revenue per ISO week (Monday, UTC) by kind: credits minus debits of the platform_revenue accounts (admin only). */
export async function revenueByWeek(db: Db, input: { actorId: string; now: Date; weeks?: number }): Promise<RevenueWeek[]> {
  await requireActor(db, input, "ADMIN", "see revenue");
  const weeks = Math.min(52, Math.max(1, input.weeks ?? 12));
  const since = new Date(input.now.getTime() - weeks * 7 * 86_400_000);
  const rows = await db.$queryRaw<{ week: Date; key: string; amount: bigint }[]>`
    WITH legs AS (
      SELECT t."createdAt" AS at, a.key, t."amountMinor" AS signed
        FROM "LedgerTransfer" t JOIN "LedgerAccount" a ON a.id = t."creditAccountId" WHERE a.kind = 'platform_revenue'
      UNION ALL
      SELECT t."createdAt", a.key, -t."amountMinor"
        FROM "LedgerTransfer" t JOIN "LedgerAccount" a ON a.id = t."debitAccountId" WHERE a.kind = 'platform_revenue'
    )
    SELECT (date_trunc('week', at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC') AS week, key, sum(signed)::bigint AS amount
      FROM legs WHERE at > ${since} AND at <= ${input.now} GROUP BY 1, 2 ORDER BY 1`;
  const byWeek = new Map<number, Map<string, bigint>>();
  for (const row of rows) {
    const week = byWeek.get(row.week.getTime()) ?? new Map<string, bigint>();
    week.set(row.key.replace(/^platform_revenue:/, ""), row.amount);
    byWeek.set(row.week.getTime(), week);
  }
  const result = [...byWeek.entries()].map(([time, kinds]) => {
    const byKind = REVENUE_KINDS.map((kind) => ({ kind, amountMinor: kinds.get(kind) ?? 0n }));
    return { weekStart: new Date(time), byKind, totalMinor: byKind.reduce((sum, k) => sum + k.amountMinor, 0n) };
  });
  const max = result.reduce((m, w) => (w.totalMinor > m ? w.totalMinor : m), 0n);
  const share = (amount: bigint) => (max > 0n && amount > 0n ? Number((amount * 1000n) / max) : 0);
  return result.map((week) => ({ ...week, byKind: week.byKind.map((k) => ({ ...k, permille: share(k.amountMinor) })), permille: share(week.totalMinor) }));
}

export interface ReconciliationOrphanRow {
  kind: string;
  /** What the kind means, in words. */
  label: string;
  ref: string;
  amountMinor: bigint;
  reason: string;
}

export interface ReconciliationReportView {
  id: bigint;
  trigger: "SCHEDULED" | "ON_DEMAND";
  /** The marketplace time it ran for. */
  now: Date;
  requestedBy: string | null;
  gatewayCharges: number;
  gatewayRefunds: number;
  gatewayPayouts: number;
  matched: number;
  refundedUnrecorded: number;
  awaitingRefund: number;
  inFlight: number;
  orphanCount: number;
  orphans: ReconciliationOrphanRow[];
}

export interface PendingRefundRow {
  id: string;
  chargeRef: string;
  amountMinor: bigint;
  reason: string;
  status: "PENDING" | "REFUNDED" | "KEPT";
  attempts: number;
  lastError: string | null;
  nextAttemptAt: Date;
  refundRef: string | null;
  refundedAt: Date | null;
  createdAt: Date;
}

export interface GatewayFollowUp {
  /** The latest reconciliation report, or null before the first run. */
  report: ReconciliationReportView | null;
  /** Every refund still owed, oldest first, then the 10 latest settled ones. */
  refunds: PendingRefundRow[];
  pendingCount: number;
  pendingMinor: bigint;
}

const ORPHAN_LABELS: Record<string, string> = ORPHAN_KINDS;

/** The stored orphans (typed JSON, as reconcileGateway wrote them), each with its kind in words. */
const orphanRows = (stored: Prisma.JsonValue): ReconciliationOrphanRow[] =>
  (decodeTyped(stored) as Omit<ReconciliationOrphanRow, "label">[]).map((orphan) => ({ ...orphan, label: ORPHAN_LABELS[orphan.kind] ?? orphan.kind }));

/** The latest reconciliation with the gateway and the queue of refunds owed to cards (admin only). */
export async function gatewayFollowUp(db: Db, input: { actorId: string }): Promise<GatewayFollowUp> {
  await requireActor(db, input, "ADMIN", "see the gateway follow-up");
  const refundColumns = { id: true, chargeRef: true, amountMinor: true, reason: true, status: true, attempts: true, lastError: true, nextAttemptAt: true, refundRef: true, refundedAt: true, createdAt: true } as const;
  const [latest, pending, settled, totals] = await Promise.all([
    db.reconciliationReport.findFirst({ orderBy: { id: "desc" } }),
    db.pendingRefund.findMany({ where: { status: "PENDING" }, orderBy: { createdAt: "asc" }, take: 100, select: refundColumns }),
    db.pendingRefund.findMany({ where: { status: { not: "PENDING" } }, orderBy: { updatedAt: "desc" }, take: 10, select: refundColumns }),
    db.pendingRefund.aggregate({ where: { status: "PENDING" }, _count: true, _sum: { amountMinor: true } }),
  ]);
  const requester = latest?.requestedById ? await db.user.findUnique({ where: { id: latest.requestedById }, select: { name: true } }) : null;
  const report: ReconciliationReportView | null = latest && {
    id: latest.id,
    trigger: latest.trigger,
    now: latest.now,
    requestedBy: requester?.name ?? null,
    gatewayCharges: latest.gatewayCharges,
    gatewayRefunds: latest.gatewayRefunds,
    gatewayPayouts: latest.gatewayPayouts,
    matched: latest.matched,
    refundedUnrecorded: latest.refundedUnrecorded,
    awaitingRefund: latest.awaitingRefund,
    inFlight: latest.inFlight,
    orphanCount: latest.orphanCount,
    orphans: orphanRows(latest.orphans),
  };
  return { report, refunds: [...pending, ...settled], pendingCount: totals._count, pendingMinor: totals._sum.amountMinor ?? 0n };
}

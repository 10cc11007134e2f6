import { formatMoney, typedColumn } from "@fairlance/rules";
import { z } from "zod";
import { Prisma, type PrismaClient, type ReconciliationTrigger } from "../../client";
import type { GatewayActivity, PaymentGateway } from "../../gateway/gateway";
import { getGateway } from "../../gateway/sandbox";
import { requireActor, type ActorCall, type SystemCall } from "../actor";
import { parseCall } from "../input";

/**
 * Reconciliation: the gateway's books against ours. Every charge, refund and payout the gateway
 * lists (PaymentGateway.listActivity) is matched with the Charge, Withdrawal and PendingRefund
 * rows; what does not match is an orphan for an admin to look into. Scheduled daily by the runner
 * (reconcile_gateway) and run on demand from the admin ledger page. Reads only, then stores its
 * report (ReconciliationReport); it moves no money.
 */

export const ORPHAN_KINDS = {
  GATEWAY_CHARGE_UNRECORDED: "Charged at the gateway, but no Charge row and no refund",
  CHARGE_UNKNOWN_TO_GATEWAY: "A Charge row the gateway does not know",
  CHARGE_AMOUNT_MISMATCH: "The gateway charged another amount than the Charge row says",
  CHARGE_RECORDED_TWICE: "One gateway charge behind two Charge rows",
  REFUND_OF_UNKNOWN_CHARGE: "A gateway refund of a charge the gateway does not list",
  OVER_REFUNDED: "Refunded more than was charged",
  REFUND_UNKNOWN_TO_GATEWAY: "A queued refund marked done that the gateway does not list",
  PAYOUT_UNRECORDED: "Paid out at the gateway, but no sent withdrawal",
  PAYOUT_UNKNOWN_TO_GATEWAY: "A sent withdrawal the gateway does not know",
  PAYOUT_AMOUNT_MISMATCH: "The gateway paid out another amount than the withdrawal's net",
} as const;
export type OrphanKind = keyof typeof ORPHAN_KINDS;

export interface Orphan {
  kind: OrphanKind;
  /** The gateway's ref (charge, refund or payout). */
  ref: string;
  amountMinor: bigint;
  reason: string;
}

export interface Reconciliation {
  gatewayCharges: number;
  gatewayRefunds: number;
  gatewayPayouts: number;
  /** Gateway charges and payouts found with their row, same amount. */
  matched: number;
  /** Gateway charges never recorded and given back in full (a refused transaction's refund). */
  refundedUnrecorded: number;
  /** Gateway charges never recorded whose refund is queued (PendingRefund): accounted for. */
  awaitingRefund: number;
  /** Unmatched gateway items younger than the in-flight window: their transaction may still be committing. */
  inFlight: number;
  orphans: Orphan[];
}

export interface OurBooks {
  charges: readonly { id: string; gatewayRef: string; amountMinor: bigint }[];
  /** Sent withdrawals: the gateway paid their net. */
  withdrawals: readonly { id: string; gatewayRef: string; netMinor: bigint }[];
  pendingRefunds: readonly { chargeRef: string; status: "PENDING" | "REFUNDED" | "KEPT"; refundRef: string | null; amountMinor: bigint }[];
}

const sum = (values: Iterable<bigint>) => [...values].reduce((total, value) => total + value, 0n);
const groupBy = <T>(items: readonly T[], key: (item: T) => string) => {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
};

/** Matches the gateway's activity with our rows (pure). Gateway items created after `inFlightAfter` are not judged yet. */
export function reconcile(activity: readonly GatewayActivity[], books: OurBooks, options: { inFlightAfter: Date }): Reconciliation {
  const charges = activity.filter((item) => item.kind === "CHARGE");
  const refunds = activity.filter((item) => item.kind === "REFUND");
  const payouts = activity.filter((item) => item.kind === "PAYOUT");
  const gatewayCharge = new Map(charges.map((charge) => [charge.ref, charge]));
  const refundsOf = groupBy(refunds, (refund) => refund.chargeRef ?? "");
  const chargeRows = groupBy(books.charges, (row) => row.gatewayRef);
  const queued = new Map(books.pendingRefunds.map((refund) => [refund.chargeRef, refund]));
  const result: Reconciliation = { gatewayCharges: charges.length, gatewayRefunds: refunds.length, gatewayPayouts: payouts.length, matched: 0, refundedUnrecorded: 0, awaitingRefund: 0, inFlight: 0, orphans: [] };
  const orphan = (kind: OrphanKind, ref: string, amountMinor: bigint, reason: string) => result.orphans.push({ kind, ref, amountMinor, reason });
  const young = (item: GatewayActivity) => item.createdAt > options.inFlightAfter;

  for (const charge of charges) {
    const rows = chargeRows.get(charge.ref) ?? [];
    const refunded = sum((refundsOf.get(charge.ref) ?? []).map((refund) => refund.amountMinor));
    if (rows.length > 1) orphan("CHARGE_RECORDED_TWICE", charge.ref, charge.amountMinor, `Charge rows ${rows.map((row) => row.id).join(", ")} all name this charge.`);
    else if (rows.length === 1) {
      const row = rows[0]!;
      if (row.amountMinor === charge.amountMinor) result.matched++;
      else orphan("CHARGE_AMOUNT_MISMATCH", charge.ref, charge.amountMinor, `The gateway charged ${formatMoney(charge.amountMinor)}; Charge ${row.id} says ${formatMoney(row.amountMinor)}.`);
    } else if (refunded >= charge.amountMinor) result.refundedUnrecorded++;
    else if (queued.get(charge.ref)?.status === "PENDING") result.awaitingRefund++;
    else if (young(charge)) result.inFlight++;
    else {
      const partly = refunded > 0n ? ` (${formatMoney(refunded)} of it refunded)` : "";
      orphan("GATEWAY_CHARGE_UNRECORDED", charge.ref, charge.amountMinor, `Charged ${formatMoney(charge.amountMinor)} at the gateway${partly}; no Charge row records it and no refund is queued.`);
    }
    if (refunded > charge.amountMinor) {
      orphan("OVER_REFUNDED", charge.ref, refunded, `Refunded ${formatMoney(refunded)} of a ${formatMoney(charge.amountMinor)} charge.`);
    }
  }
  for (const [ref, rows] of chargeRows) {
    if (!gatewayCharge.has(ref)) for (const row of rows) orphan("CHARGE_UNKNOWN_TO_GATEWAY", ref, row.amountMinor, `Charge ${row.id} (${formatMoney(row.amountMinor)}) names a charge the gateway does not list.`);
  }
  for (const refund of refunds) {
    if (!gatewayCharge.has(refund.chargeRef ?? "")) {
      orphan("REFUND_OF_UNKNOWN_CHARGE", refund.ref, refund.amountMinor, `Refund of ${formatMoney(refund.amountMinor)} gives back ${refund.chargeRef ?? "no charge"}, which the gateway does not list.`);
    }
  }
  const gatewayRefundRefs = new Set(refunds.map((refund) => refund.ref));
  for (const refund of books.pendingRefunds) {
    if (refund.status === "REFUNDED" && refund.refundRef && !gatewayRefundRefs.has(refund.refundRef)) {
      orphan("REFUND_UNKNOWN_TO_GATEWAY", refund.refundRef, refund.amountMinor, `The queued refund of ${refund.chargeRef} is marked done as ${refund.refundRef}, which the gateway does not list.`);
    }
  }

  const withdrawals = groupBy(books.withdrawals, (row) => row.gatewayRef);
  const gatewayPayout = new Set(payouts.map((payout) => payout.ref));
  for (const payout of payouts) {
    const row = withdrawals.get(payout.ref)?.[0];
    if (row && row.netMinor === payout.amountMinor) result.matched++;
    else if (row) orphan("PAYOUT_AMOUNT_MISMATCH", payout.ref, payout.amountMinor, `The gateway paid ${formatMoney(payout.amountMinor)}; withdrawal ${row.id} nets ${formatMoney(row.netMinor)}.`);
    else if (young(payout)) result.inFlight++;
    else orphan("PAYOUT_UNRECORDED", payout.ref, payout.amountMinor, `Paid out ${formatMoney(payout.amountMinor)} at the gateway; no sent withdrawal records it.`);
  }
  for (const [ref, rows] of withdrawals) {
    if (!gatewayPayout.has(ref)) for (const row of rows) orphan("PAYOUT_UNKNOWN_TO_GATEWAY", ref, row.netMinor, `Withdrawal ${row.id} (${formatMoney(row.netMinor)}) is sent as a payout the gateway does not list.`);
  }
  return result;
}

/** Unmatched gateway items younger than this are "in flight", not orphans: their transaction may still be committing. */
export const IN_FLIGHT_MS = 10 * 60_000;
const PAGE = 500;

/** Everything the gateway lists, page by page. */
export async function listAllActivity(gateway: PaymentGateway): Promise<GatewayActivity[]> {
  const items: GatewayActivity[] = [];
  for (let cursor: string | null = null, first = true; first || cursor !== null; first = false) {
    const page = await gateway.listActivity({ cursor, limit: PAGE });
    items.push(...page.items);
    cursor = page.nextCursor;
  }
  return items;
}

export interface ReconciliationDeps {
  gateway?: PaymentGateway;
  /** The provider's clock, for the in-flight window (its items carry the provider's times). */
  wallClock?: () => Date;
  inFlightMs?: number;
}

export interface StoredReconciliation extends Reconciliation {
  id: bigint;
  trigger: ReconciliationTrigger;
  now: Date;
  createdAt: Date;
}


/** Reconciles and stores the report. A scheduled run names its day (one report per day). */
async function reconcileAndStore(
  prisma: PrismaClient,
  input: { now: Date; trigger: ReconciliationTrigger; requestedById?: string; day?: Date },
  deps: ReconciliationDeps,
): Promise<StoredReconciliation> {
  const gateway = deps.gateway ?? getGateway();
  const activity = await listAllActivity(gateway);
  // Our rows are read after the gateway's list: a charge made in between has its row here, not its gateway item.
  const [charges, withdrawals, pendingRefunds] = await Promise.all([
    prisma.charge.findMany({ select: { id: true, gatewayRef: true, amountMinor: true } }),
    prisma.withdrawal.findMany({ where: { status: "SENT", gatewayRef: { not: null } }, select: { id: true, gatewayRef: true, netMinor: true } }),
    prisma.pendingRefund.findMany({ select: { chargeRef: true, status: true, refundRef: true, amountMinor: true } }),
  ]);
  const wall = (deps.wallClock ?? (() => new Date()))();
  const result = reconcile(
    activity,
    { charges, withdrawals: withdrawals.map((w) => ({ id: w.id, gatewayRef: w.gatewayRef!, netMinor: w.netMinor })), pendingRefunds },
    { inFlightAfter: new Date(wall.getTime() - (deps.inFlightMs ?? IN_FLIGHT_MS)) },
  );
  const { orphans, ...counts } = result;
  const stored = await prisma.reconciliationReport.create({
    data: {
      trigger: input.trigger,
      day: input.day ?? null,
      requestedById: input.requestedById ?? null,
      now: input.now,
      ...counts,
      orphanCount: orphans.length,
      orphans: typedColumn(orphans),
      createdAt: input.now,
    },
    select: { id: true, trigger: true, now: true, createdAt: true },
  });
  return { ...stored, ...result };
}

const utcDay = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));

/**
 * The runner's daily reconciliation (reconcile_gateway, queued every tick like every economy
 * job): the first tick of each marketplace day (UTC) runs it, the others find its report.
 */
export async function reconcileGatewayDaily(prisma: PrismaClient, call: SystemCall, deps: ReconciliationDeps = {}) {
  const day = utcDay(call.now);
  const done = await prisma.reconciliationReport.findUnique({ where: { day }, select: { id: true } });
  if (done) return { day, ran: false as const, reportId: done.id };
  try {
    const report = await reconcileAndStore(prisma, { now: call.now, trigger: "SCHEDULED", day }, deps);
    return { day, ran: true as const, reportId: report.id, matched: report.matched, orphans: report.orphans.length };
  } catch (error) {
    // Another runner stored the day's report first.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { day, ran: false as const };
    throw error;
  }
}

/**
 * An admin's "Run reconciliation now": nothing to type (any field is refused). Typed as an object
 * schema so that `RunReconciliationInput & ActorCall` is the call itself (an empty strict object's
 * input type, Record<string, never>, would forbid actorId and now).
 */
export const RunReconciliationInput: z.ZodType<object, object> = z.strictObject({});
export type RunReconciliationInput = z.input<typeof RunReconciliationInput>;

/** Runs the reconciliation now, for an admin (from the ledger page), and stores its report. */
export async function runReconciliation(prisma: PrismaClient, input: RunReconciliationInput & ActorCall, deps: ReconciliationDeps = {}): Promise<StoredReconciliation> {
  const call = parseCall(RunReconciliationInput, input);
  await requireActor(prisma, call, "ADMIN", "run the reconciliation");
  return reconcileAndStore(prisma, { now: call.now, trigger: "ON_DEMAND", requestedById: call.actorId }, deps);
}

import { z } from "zod";
import { INVARIANT_CHECKS, REVENUE_KINDS } from "@fairlance/db/read";

const page = z.int().min(1).default(1);
const optionalId = (what: string) => z.uuid(`Enter a ${what} id.`).optional();

export const ZTransfersInput = z.strictObject({
  accountKey: z.string().trim().max(200).optional(),
  userId: optionalId("person"),
  jobId: optionalId("job"),
  contractId: optionalId("contract"),
  page,
});
export const ZTransfers = z.object({
  rows: z.array(
    z.object({
      id: z.bigint(),
      createdAt: z.date(),
      operation: z.string(),
      kind: z.string(),
      memo: z.string(),
      amountMinor: z.bigint(),
      debitKey: z.string(),
      creditKey: z.string(),
      userId: z.string().nullable(),
      jobId: z.string().nullable(),
      contractId: z.string().nullable(),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const ZConnectEntriesInput = z.strictObject({ userId: optionalId("person"), jobId: optionalId("job"), page });
export const ZConnectEntries = z.object({
  rows: z.array(
    z.object({
      id: z.bigint(),
      createdAt: z.date(),
      userId: z.string(),
      userName: z.string(),
      kind: z.string(),
      delta: z.number().int(),
      reason: z.string(),
      label: z.string(),
      note: z.string().nullable(),
      jobId: z.string().nullable(),
      proposalId: z.string().nullable(),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

const ZInvariantCheck = z.object({ id: z.string(), title: z.string(), ok: z.boolean(), violations: z.array(z.string()), violationCount: z.number().int() });
export const ZInvariantReport = z.object({
  ok: z.boolean(),
  checks: z.array(ZInvariantCheck),
  transfers: z.number().int(),
  accounts: z.number().int(),
});

/** The checks the admin page lists before running them one by one, and the ledger's size. */
export const ZInvariantChecks = z.object({ checks: z.array(z.object({ id: z.string(), title: z.string() })), transfers: z.number().int(), accounts: z.number().int() });
const CHECK_IDS = INVARIANT_CHECKS.map((check) => check.id) as [string, ...string[]];
export const ZRunInvariantCheckInput = z.strictObject({ id: z.enum(CHECK_IDS, "Choose one of the ledger invariants.") });
/** One check's result, with how long its query took. */
export const ZInvariantCheckResult = ZInvariantCheck.extend({ ms: z.number().int() });

export const ZRevenueInput = z.strictObject({ weeks: z.int().min(1).max(52).default(12) });
export const ZRevenue = z.array(
  z.object({
    weekStart: z.date(),
    byKind: z.array(z.object({ kind: z.enum(REVENUE_KINDS), amountMinor: z.bigint(), permille: z.number().int() })),
    totalMinor: z.bigint(),
    permille: z.number().int(),
  }),
);

const ZOrphan = z.object({ kind: z.string(), label: z.string(), ref: z.string(), amountMinor: z.bigint(), reason: z.string() });
const counts = {
  gatewayCharges: z.number().int(),
  gatewayRefunds: z.number().int(),
  gatewayPayouts: z.number().int(),
  matched: z.number().int(),
  refundedUnrecorded: z.number().int(),
  awaitingRefund: z.number().int(),
  inFlight: z.number().int(),
};
export const ZGatewayFollowUp = z.object({
  report: z
    .object({
      id: z.bigint(),
      trigger: z.enum(["SCHEDULED", "ON_DEMAND"]),
      now: z.date(),
      requestedBy: z.string().nullable(),
      ...counts,
      orphanCount: z.number().int(),
      orphans: z.array(ZOrphan),
    })
    .nullable(),
  refunds: z.array(
    z.object({
      id: z.string(),
      chargeRef: z.string(),
      amountMinor: z.bigint(),
      reason: z.string(),
      status: z.enum(["PENDING", "REFUNDED", "KEPT"]),
      attempts: z.number().int(),
      lastError: z.string().nullable(),
      nextAttemptAt: z.date(),
      refundRef: z.string().nullable(),
      refundedAt: z.date().nullable(),
      createdAt: z.date(),
    }),
  ),
  pendingCount: z.number().int(),
  pendingMinor: z.bigint(),
});
/** What "Run reconciliation now" answers: the stored report's id and counts (the page then reloads the report). */
export const ZReconciliationRun = z.object({ id: z.bigint(), ...counts, orphans: z.array(ZOrphan.omit({ label: true })) });

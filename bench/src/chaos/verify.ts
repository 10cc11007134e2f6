import { checkInvariants, type InvariantReport } from "@fairlance/db/read";
import { pendingEconomyJobs } from "@fairlance/db/runner";
import { type PrismaClient } from "@fairlance/db";
import { createPrismaClient } from "@fairlance/db/client";
import {
  accountKey,
  bonusEntries,
  connectsPurchaseEntries,
  fundEscrowEntries,
  refundEscrowEntries,
  releaseEscrowEntries,
  withdrawalEntries,
  type Transfer,
} from "@fairlance/rules";
import { OPERATIONS, scopedKeyOf, type JournalEntry } from "./journal";
import { sleep } from "./random";
import { earningsOf, type Baseline, type SeededPair } from "./seed";

/** lost: a success without its effect. duplicate: an effect twice. ghost: an effect no success explains. */
export type ProblemKind = "lost" | "duplicate" | "ghost" | "balance" | "stuck";

export interface Verification {
  invariants: InvariantReport;
  violations: number;
  problems: { kind: ProblemKind; detail: string }[];
  count(kind: ProblemKind): number;
  checkedOperations: number;
  runner: { pendingJobs: number; lockedJobs: number; deadJobs: number; runsLeftRunning: number; runsCutShort: number; failedRuns: number };
}

interface StoredTransfer {
  key: string;
  kind: string;
  amountMinor: bigint;
  debit: string;
  credit: string;
}

const prefixOf = (key: string) => key.slice(0, key.lastIndexOf("#"));
const legs = (transfers: readonly Transfer[]) =>
  transfers.map((t) => `${t.kind} ${accountKey(t.debit)} -> ${accountKey(t.credit)} ${t.amountMinor}`);
const stored = (transfers: readonly StoredTransfer[]) => transfers.map((t) => `${t.kind} ${t.debit} -> ${t.credit} ${t.amountMinor}`);

type Result = Record<string, unknown>;
const big = (value: unknown) => value as bigint;
const str = (value: unknown) => value as string;

/**
 * Compares the database with the journal after the run: the ledger invariants, then every
 * operation's effect (present exactly once for each success, absent for each refusal), then
 * every row the load made (each explained by exactly one success or by the runner), then the
 * balances against the sums of the journal.
 */
type VerifyInput = { journal: readonly JournalEntry[]; baseline: Baseline; pairs: readonly SeededPair[] };

/**
 * Once the load has stopped: lets the runner(s) catch up with the clock (up to 90 s for the economy
 * jobs still pending, which `say` is told), then verifies the journal against the database.
 */
export async function settleAndVerify(databaseUrl: string, input: VerifyInput, say: (pending: number) => void): Promise<Verification> {
  const prisma = createPrismaClient(databaseUrl, { max: 4 });
  try {
    const settleDeadline = Date.now() + 90_000;
    let pending = await pendingEconomyJobs(prisma);
    while (pending > 0 && Date.now() < settleDeadline) {
      await sleep(1_000);
      pending = await pendingEconomyJobs(prisma);
    }
    say(pending);
    return await verify(prisma, input);
  } finally {
    await prisma.$disconnect();
  }
}

export async function verify(prisma: PrismaClient, input: VerifyInput): Promise<Verification> {
  const { journal, baseline, pairs } = input;
  const problems: Verification["problems"] = [];
  const problem = (kind: ProblemKind, detail: string) => problems.push({ kind, detail });

  const invariants = await checkInvariants(prisma);
  const violations = invariants.checks.reduce((sum, check) => sum + check.violationCount, 0);

  // Everything the load could have made.
  const transfers = await prisma.$queryRaw<StoredTransfer[]>`
    SELECT t."idempotencyKey" AS key, t.kind, t."amountMinor", d.key AS debit, c.key AS credit
    FROM "LedgerTransfer" t JOIN "LedgerAccount" d ON d.id = t."debitAccountId" JOIN "LedgerAccount" c ON c.id = t."creditAccountId"
    WHERE t.id > ${baseline.lastTransferId} ORDER BY t.id`;
  const transfersByPrefix = new Map<string, StoredTransfer[]>();
  for (const transfer of transfers) {
    const list = transfersByPrefix.get(prefixOf(transfer.key)) ?? [];
    list.push(transfer);
    transfersByPrefix.set(prefixOf(transfer.key), list);
  }
  // Leg keys are `<key>#<index>`: in index order, as the rules built them.
  for (const list of transfersByPrefix.values()) list.sort((a, b) => Number(a.key.slice(a.key.lastIndexOf("#") + 1)) - Number(b.key.slice(b.key.lastIndexOf("#") + 1)));
  const entries = await prisma.connectEntry.findMany({
    where: { id: { gt: baseline.lastConnectEntryId } },
    select: { idempotencyKey: true, delta: true, kind: true, proposalId: true, userId: true },
  });
  const records = new Map((await prisma.idempotencyRecord.findMany({ select: { key: true, operation: true } })).map((r) => [r.key, r.operation]));
  const payments = new Map((await prisma.payment.findMany()).map((p) => [p.id, p]));
  const charges = await prisma.charge.findMany();
  const proposals = new Map((await prisma.proposal.findMany({ select: { id: true, jobId: true, freelancerId: true } })).map((p) => [p.id, p]));
  const milestones = new Map((await prisma.milestone.findMany({ include: { contract: { select: { clientId: true, freelancerId: true } } } })).map((m) => [m.id, m]));
  const purchases = new Map((await prisma.connectPurchase.findMany()).map((p) => [p.id, p]));
  const lots = new Map((await prisma.connectLot.findMany({ select: { id: true, purchaseId: true, issued: true, userId: true } })).map((l) => [l.id, l]));
  const withdrawals = new Map((await prisma.withdrawal.findMany()).map((w) => [w.id, w]));
  const contracts = new Map(pairs.map((pair) => [pair.contractId, pair]));

  const claimedPrefixes = new Set<string>();
  const claimedCharges = new Set<string>();
  const claimed = { payments: new Set<string>(), proposals: new Set<string>(), milestones: new Set<string>(), purchases: new Set<string>(), withdrawals: new Set<string>() };

  const expectTransfers = (entry: JournalEntry, prefix: string, expected: readonly Transfer[]) => {
    claimedPrefixes.add(prefix);
    const actual = stored(transfersByPrefix.get(prefix) ?? []);
    const wanted = legs(expected);
    if (actual.length < wanted.length) problem("lost", `#${entry.seq} ${entry.path}: ledger has ${actual.length} of its ${wanted.length} transfers`);
    else if (actual.length > wanted.length) problem("duplicate", `#${entry.seq} ${entry.path}: ledger has ${actual.length} transfers, expected ${wanted.length}`);
    else if (actual.join("\n") !== wanted.join("\n")) problem("lost", `#${entry.seq} ${entry.path}: ledger transfers differ:\n      ${actual.join("\n      ")}\n    expected\n      ${wanted.join("\n      ")}`);
  };
  const expectCharge = (entry: JournalEntry, ref: string, amountMinor: bigint, purpose: string) => {
    claimedCharges.add(ref);
    const found = charges.filter((c) => c.gatewayRef === ref);
    if (found.length === 0) problem("lost", `#${entry.seq} ${entry.path}: no charge ${ref}`);
    if (found.length > 1) problem("duplicate", `#${entry.seq} ${entry.path}: charge ${ref} recorded ${found.length} times`);
    for (const charge of found) {
      if (charge.amountMinor !== amountMinor || charge.purpose !== purpose) problem("lost", `#${entry.seq} ${entry.path}: charge ${ref} is ${charge.amountMinor} for ${charge.purpose}, expected ${amountMinor} for ${purpose}`);
    }
  };
  const expect = (entry: JournalEntry, ok: boolean, what: string) => {
    if (!ok) problem("lost", `#${entry.seq} ${entry.path}: ${what}`);
  };

  const connectsBought = new Map<string, number>();
  const connectsSpent = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, n: number) => map.set(key, (map.get(key) ?? 0) + n);
  const fundedBy = new Map<string, Result>();
  for (const entry of journal) if (entry.path === "milestone.fund" && entry.outcome?.kind === "success") fundedBy.set(str((entry.outcome.result as Result).milestoneId), entry.outcome.result as Result);

  let checkedOperations = 0;
  for (const entry of journal) {
    const scoped = scopedKeyOf(entry);
    const outcome = entry.outcome;
    if (!outcome || outcome.kind === "unresolved") {
      problem("stuck", `#${entry.seq} ${entry.path} ${entry.idempotencyKey}: no definitive answer (${outcome?.kind === "unresolved" ? outcome.lastError : "never finished"})`);
      continue;
    }
    checkedOperations++;
    if (outcome.kind === "refused") {
      if (records.has(scoped)) problem("ghost", `#${entry.seq} ${entry.path} was refused (${outcome.message}) but its idempotency record exists`);
      if (transfersByPrefix.has(scoped)) problem("ghost", `#${entry.seq} ${entry.path} was refused (${outcome.message}) but moved money`);
      if (entries.some((e) => e.idempotencyKey.startsWith(`${scoped}:`) || e.idempotencyKey.startsWith(`${scoped}#`))) problem("ghost", `#${entry.seq} ${entry.path} was refused but moved connects`);
      continue;
    }
    const r = outcome.result as Result;
    expect(entry, records.has(scoped), "its idempotency record is missing");
    switch (entry.path) {
      case "connects.buy": {
        const purchase = purchases.get(str(r.purchaseId));
        claimed.purchases.add(str(r.purchaseId));
        expect(entry, purchase?.userId === entry.userId && purchase.connects === r.connects && purchase.priceMinor === big(r.priceMinor), "its purchase is missing or differs");
        const lot = lots.get(str(r.lotId));
        expect(entry, lot !== undefined && lot.purchaseId === r.purchaseId && lot.issued === r.connects, "its connects lot is missing or differs");
        expectCharge(entry, str(r.chargeRef), big(r.priceMinor), "connects_purchase");
        expectTransfers(entry, scoped, connectsPurchaseEntries({ freelancerId: entry.userId, connects: r.connects as number, priceMinor: big(r.priceMinor), source: "card" }));
        const issued = entries.filter((e) => e.idempotencyKey === `${scoped}#issue`);
        if (issued.length !== 1 || issued[0]!.delta !== r.connects) problem(issued.length > 1 ? "duplicate" : "lost", `#${entry.seq} connects.buy: ${issued.length} lot entries`);
        add(connectsBought, entry.userId, r.connects as number);
        break;
      }
      case "proposal.submit": {
        const proposal = proposals.get(str(r.proposalId));
        claimed.proposals.add(str(r.proposalId));
        expect(entry, proposal?.freelancerId === entry.userId && proposal.jobId === entry.input.jobId, "its proposal is missing");
        const spent = entries.filter((e) => e.idempotencyKey.startsWith(`${scoped}:`)).reduce((sum, e) => sum - e.delta, 0);
        if (spent !== r.connectsSpent) problem(spent > (r.connectsSpent as number) ? "duplicate" : "lost", `#${entry.seq} proposal.submit: ${spent} connects spent, answered ${String(r.connectsSpent)}`);
        add(connectsSpent, entry.userId, r.connectsSpent as number);
        break;
      }
      case "milestone.add": {
        const milestone = milestones.get(str(r.milestoneId));
        claimed.milestones.add(str(r.milestoneId));
        expect(entry, milestone !== undefined && milestone.contractId === entry.input.contractId && milestone.amountMinor === big(r.amountMinor), "its milestone is missing");
        break;
      }
      case "milestone.fund": {
        const milestone = milestones.get(str(r.milestoneId));
        expect(entry, milestone?.fundedAt != null, "the milestone was never funded");
        expectCharge(entry, str(r.chargeRef), big(r.chargedMinor), `milestone:${str(r.milestoneId)}`);
        expectTransfers(entry, scoped, fundEscrowEntries({ clientId: entry.userId, escrow: { kind: "escrow_milestone", milestoneId: str(r.milestoneId) }, amountMinor: big(r.amountMinor), clientFeeMinor: big(r.clientFeeMinor) }));
        break;
      }
      case "milestone.submit": {
        const milestone = milestones.get(str(r.milestoneId));
        expect(entry, milestone?.submittedAt != null, "the milestone was never submitted");
        break;
      }
      case "milestone.approve": {
        const payment = r.payment as Result;
        const milestone = milestones.get(str(r.milestoneId));
        const stored = payments.get(str(payment.paymentId));
        claimed.payments.add(str(payment.paymentId));
        expect(entry, milestone?.status === "APPROVED" && !milestone.autoApproved, `the milestone is ${milestone?.status ?? "missing"}`);
        expect(entry, stored !== undefined && stored.milestoneId === r.milestoneId && stored.grossMinor === big(payment.grossMinor) && stored.feeMinor === big(payment.feeMinor), "its payment is missing or differs");
        if (milestone) {
          expectTransfers(entry, scoped, releaseEscrowEntries({ escrow: { kind: "escrow_milestone", milestoneId: milestone.id }, freelancerId: milestone.contract.freelancerId, amountMinor: big(payment.grossMinor), serviceFeeMinor: big(payment.feeMinor) }));
        }
        break;
      }
      case "milestone.refund": {
        const milestone = milestones.get(str(r.milestoneId));
        const funded = fundedBy.get(str(r.milestoneId));
        expect(entry, milestone?.status === "REFUNDED", `the milestone is ${milestone?.status ?? "missing"}`);
        if (milestone && funded) {
          expectTransfers(entry, scoped, refundEscrowEntries({ clientId: milestone.contract.clientId, escrow: { kind: "escrow_milestone", milestoneId: milestone.id }, amountMinor: big(funded.amountMinor), clientFeeMinor: big(funded.clientFeeMinor) }));
        } else {
          problem("lost", `#${entry.seq} milestone.refund: no successful funding of ${str(r.milestoneId)} in the journal`);
        }
        break;
      }
      case "contract.payBonus": {
        const payment = r.payment as Result;
        const pair = contracts.get(str(r.contractId));
        const stored = payments.get(str(payment.paymentId));
        claimed.payments.add(str(payment.paymentId));
        expect(entry, stored?.kind === "BONUS" && stored.grossMinor === big(entry.input.amountMinor), "its payment is missing or differs");
        expectCharge(entry, str(r.chargeRef), big(r.chargedMinor), `bonus:${str(r.contractId)}`);
        if (pair) {
          expectTransfers(entry, scoped, bonusEntries({ clientId: pair.client.id, freelancerId: pair.freelancer.id, contractId: pair.contractId, amountMinor: big(entry.input.amountMinor), clientFeeMinor: big(r.clientFeeMinor), serviceFeeMinor: big(payment.feeMinor) }));
        }
        break;
      }
      case "payout.withdraw": {
        const withdrawal = withdrawals.get(str(r.id));
        claimed.withdrawals.add(str(r.id));
        expect(entry, withdrawal?.userId === entry.userId && withdrawal.amountMinor === big(entry.input.amountMinor) && !withdrawal.automatic, "its withdrawal is missing or differs");
        expectTransfers(entry, scoped, withdrawalEntries({ freelancerId: entry.userId, amountMinor: big(r.amountMinor), feeMinor: big(r.feeMinor) }));
        if (withdrawal?.status === "PROCESSING") problem("stuck", `#${entry.seq} payout.withdraw: withdrawal ${withdrawal.id} is still PROCESSING`);
        break;
      }
    }
  }

  // Every row the load made is explained by exactly one success, or by the runner's own work.
  for (const [prefix, list] of transfersByPrefix) {
    if (claimedPrefixes.has(prefix)) continue;
    const clear = /^earnings\.clear:system:(.+)$/.exec(prefix);
    const settle = /^payout\.settle:system:(.+)$/.exec(prefix);
    const auto = /^milestone\.autoApprove:system:(.+)$/.exec(prefix);
    if (clear && payments.get(clear[1]!)?.clearedAt) continue;
    if (settle && withdrawals.has(settle[1]!)) continue;
    if (auto && milestones.get(auto[1]!)?.autoApproved) continue;
    problem("ghost", `${list.length} ledger transfer(s) under ${prefix} that no success explains`);
  }
  for (const charge of charges) {
    if (!baseline.chargeIds.has(charge.id) && !claimedCharges.has(charge.gatewayRef)) problem("ghost", `charge ${charge.gatewayRef} (${charge.purpose}, ${charge.amountMinor}) that no success explains`);
  }
  for (const payment of payments.values()) {
    if (baseline.paymentIds.has(payment.id) || claimed.payments.has(payment.id)) continue;
    if (payment.milestoneId && milestones.get(payment.milestoneId)?.autoApproved) continue;
    problem("ghost", `payment ${payment.id} (${payment.kind} ${payment.grossMinor}) that no success explains`);
  }
  const unexplained = (what: string, ids: Iterable<string>, before: Set<string>, claimedIds: Set<string>) => {
    for (const id of ids) if (!before.has(id) && !claimedIds.has(id)) problem("ghost", `${what} ${id} that no success explains`);
  };
  unexplained("proposal", proposals.keys(), baseline.proposalIds, claimed.proposals);
  unexplained("milestone", milestones.keys(), baseline.milestoneIds, claimed.milestones);
  unexplained("connects purchase", purchases.keys(), baseline.purchaseIds, claimed.purchases);
  unexplained("withdrawal", [...withdrawals.values()].filter((w) => !w.automatic).map((w) => w.id), baseline.withdrawalIds, claimed.withdrawals);
  const successKeys = new Set(journal.filter((e) => e.outcome?.kind === "success").map(scopedKeyOf));
  const ours = new Set(Object.keys(OPERATIONS));
  for (const [key, operation] of records) {
    if (!baseline.idempotencyKeys.has(key) && ours.has(operation) && !successKeys.has(key)) problem("ghost", `idempotency record ${key} without a success`);
  }
  for (const entry of entries) {
    const prefix = entry.idempotencyKey.replace(/(:cost|:boost)?#[^#]*$/, "");
    if (!successKeys.has(prefix)) problem("ghost", `connect entry ${entry.idempotencyKey} (${entry.kind} ${entry.delta}) that no success explains`);
  }

  // Balances: what the journal says each freelancer should hold.
  for (const { freelancer } of pairs) {
    const lotsNow = await prisma.connectLot.aggregate({ where: { userId: freelancer.id }, _sum: { remaining: true } });
    const expected = (baseline.connects.get(freelancer.id) ?? 0) + (connectsBought.get(freelancer.id) ?? 0) - (connectsSpent.get(freelancer.id) ?? 0);
    if ((lotsNow._sum.remaining ?? 0) !== expected) problem("balance", `${freelancer.email}: ${lotsNow._sum.remaining ?? 0} connects, the journal says ${expected}`);
    let earned = baseline.earnings.get(freelancer.id) ?? 0n;
    for (const entry of journal) {
      if (entry.outcome?.kind !== "success") continue;
      const r = entry.outcome.result as Result;
      const isTheirs = entry.path === "milestone.approve" ? milestones.get(str(r.milestoneId))?.contract.freelancerId === freelancer.id : entry.path === "contract.payBonus" && contracts.get(str(r.contractId))?.freelancer.id === freelancer.id;
      if (isTheirs) earned += big((r.payment as Result).netMinor);
      if (entry.path === "payout.withdraw" && entry.userId === freelancer.id && withdrawals.get(str(r.id))?.status !== "FAILED") earned -= big(r.amountMinor);
    }
    for (const payment of payments.values()) {
      if (payment.freelancerId === freelancer.id && !baseline.paymentIds.has(payment.id) && payment.milestoneId && milestones.get(payment.milestoneId)?.autoApproved) earned += payment.netMinor;
    }
    const actual = await earningsOf(prisma, freelancer.id);
    if (actual !== earned) problem("balance", `${freelancer.email}: pending + available is ${actual}, the journal says ${earned}`);
  }

  // The runner: every economy job done, nothing left locked by a worker that was killed.
  const [queue] = await prisma.$queryRaw<{ locked: bigint; dead: bigint }[]>`
    SELECT count(*) FILTER (WHERE locked_at IS NOT NULL) AS locked, count(*) FILTER (WHERE attempts >= max_attempts) AS dead FROM graphile_worker._private_jobs`;
  const runs = await prisma.jobRun.groupBy({ by: ["status"], _count: { _all: true } });
  // A run whose runner was killed is closed by the next runner (see packages/db worker-liveness).
  const runsCutShort = await prisma.jobRun.count({ where: { status: "FAILED", error: { startsWith: "The runner stopped while this ran" } } });
  const runner = {
    pendingJobs: await pendingEconomyJobs(prisma),
    lockedJobs: Number(queue?.locked ?? 0n),
    deadJobs: Number(queue?.dead ?? 0n),
    runsLeftRunning: runs.find((r) => r.status === "RUNNING")?._count._all ?? 0,
    runsCutShort,
    failedRuns: (runs.find((r) => r.status === "FAILED")?._count._all ?? 0) - runsCutShort,
  };
  if (runner.pendingJobs > 0) problem("stuck", `${runner.pendingJobs} economy job(s) never ran (${runner.lockedJobs} locked by a worker)`);
  if (runner.deadJobs > 0) problem("stuck", `${runner.deadJobs} economy job(s) failed every attempt`);
  if (runner.runsLeftRunning > 0) problem("stuck", `${runner.runsLeftRunning} job run(s) still marked RUNNING after the runner settled`);

  return {
    invariants,
    violations,
    problems,
    count: (kind) => problems.filter((p) => p.kind === kind).length,
    checkedOperations,
    runner,
  };
}

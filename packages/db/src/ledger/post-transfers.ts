import { accountKey, assertBalanced, isExternalAccount, netEffect, type AccountRef, type Transfer } from "@fairlance/rules";
import { Prisma, type Tx } from "../client";
import { DomainError } from "../errors";
import type { Operation } from "../operations";

export interface TransferContext {
  /** The operation's idempotency key (already scoped): each leg's key is `<key>#<index>`. */
  key: string;
  /** The operation the transfers belong to (operations.ts); the legs of one key share it. */
  operation: Operation;
  now: Date;
  userId?: string | null;
  jobId?: string | null;
  contractId?: string | null;
  milestoneId?: string | null;
}

const ownerOf = (ref: AccountRef): string | null => ("userId" in ref ? ref.userId : null);

/**
 * Appends balanced transfers to the ledger and moves the cached balances, in
 * the caller's transaction. Accounts are locked in key order (no deadlocks);
 * an account that would go negative (the CHECK constraint) aborts everything.
 */
export async function postTransfers(tx: Tx, transfers: readonly Transfer[], context: TransferContext): Promise<void> {
  if (transfers.length === 0) return;
  assertBalanced(transfers);

  const refs = new Map<string, AccountRef>();
  for (const transfer of transfers) {
    refs.set(accountKey(transfer.debit), transfer.debit);
    refs.set(accountKey(transfer.credit), transfer.credit);
  }
  const keys = [...refs.keys()].sort();
  await tx.ledgerAccount.createMany({
    data: keys.map((key) => ({ key, kind: refs.get(key)!.kind, userId: ownerOf(refs.get(key)!) })),
    skipDuplicates: true,
  });
  const accounts = await tx.$queryRaw<{ id: string; key: string; balanceMinor: bigint }[]>`
    SELECT id, key, "balanceMinor" FROM "LedgerAccount" WHERE key IN (${Prisma.join(keys)}) ORDER BY key FOR UPDATE`;
  const byKey = new Map(accounts.map((account) => [account.key, account]));

  const effect = netEffect(transfers);
  for (const key of keys) {
    const account = byKey.get(key)!;
    const next = account.balanceMinor + (effect[key] ?? 0n);
    if (next < 0n && !isExternalAccount(refs.get(key)!)) {
      throw new DomainError("INSUFFICIENT_FUNDS", "There is not enough money in the account for this.", { account: key });
    }
    if (effect[key]) await tx.ledgerAccount.update({ where: { id: account.id }, data: { balanceMinor: next } });
  }

  await tx.ledgerTransfer.createMany({
    data: transfers.map((transfer, index) => ({
      idempotencyKey: `${context.key}#${index}`,
      operation: context.operation,
      kind: transfer.kind,
      debitAccountId: byKey.get(accountKey(transfer.debit))!.id,
      creditAccountId: byKey.get(accountKey(transfer.credit))!.id,
      amountMinor: transfer.amountMinor,
      memo: transfer.memo,
      userId: context.userId ?? null,
      jobId: context.jobId ?? null,
      contractId: context.contractId ?? null,
      milestoneId: context.milestoneId ?? null,
      createdAt: context.now,
    })),
  });
}

/** Balance of one account (0 when it has no transfers yet). */
export async function balanceOf(tx: Tx | Prisma.TransactionClient, ref: AccountRef): Promise<bigint> {
  const account = await tx.ledgerAccount.findUnique({ where: { key: accountKey(ref) }, select: { balanceMinor: true } });
  return account?.balanceMinor ?? 0n;
}

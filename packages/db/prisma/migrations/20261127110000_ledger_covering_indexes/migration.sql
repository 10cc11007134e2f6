-- The invariant check sums every account's credits and debits from these indexes alone, in account
-- order (ledger/invariants.ts, 7.2): the amount rides in them. The (account, id) prefix still pages
-- an account's history as the indexes they replace did.

-- DropIndex
DROP INDEX "LedgerTransfer_debitAccountId_id_idx";

-- DropIndex
DROP INDEX "LedgerTransfer_creditAccountId_id_idx";

-- CreateIndex
CREATE INDEX "LedgerTransfer_debitAccountId_id_amountMinor_idx" ON "LedgerTransfer"("debitAccountId", "id", "amountMinor");

-- CreateIndex
CREATE INDEX "LedgerTransfer_creditAccountId_id_amountMinor_idx" ON "LedgerTransfer"("creditAccountId", "id", "amountMinor");

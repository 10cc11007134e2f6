// After each test file: the ledger invariants of every database it made (@fairlance/db's testing/vitest-setup.ts).
import "@fairlance/db/testing/vitest-setup";

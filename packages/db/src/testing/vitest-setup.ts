// vitest setupFiles entry of every package whose tests use freshDatabase() (db, web): after
// each test file, the databases it made and did not drop are checked (ledger invariants,
// economy.md §7) and dropped. With drop() checking first, no test file can skip the check by
// forgetting it: a violation fails the file with the invariant report.
import { afterAll } from "vitest";
import { dropLeftoverDatabases } from "./database";

afterAll(async () => {
  await dropLeftoverDatabases();
});

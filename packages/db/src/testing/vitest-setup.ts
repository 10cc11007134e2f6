// vitest setupFiles entry of every package whose tests use freshDatabase() (db, web): after
// each test file, the databases it made and did not drop are checked (ledger invariants,
// economy.md §7) and dropped. With drop() checking first, no test file can skip the check by
// forgetting it: a violation fails the file with the invariant report.
//
// The test files are not isolated (vitest.config.ts: one worker runs file after file with the
// same modules), and this file runs again before each of them: the fixtures number their people,
// notifications and contracts from 1 in every file, as they did in a process of its own.
import { afterAll, beforeAll } from "vitest";
import { dropLeftoverDatabases } from "./database";
import { restartNotificationNumbering } from "./notifications";
import { restartContractNumbering } from "./scenarios";
import { restartUserNumbering } from "./users";

beforeAll(() => {
  restartUserNumbering();
  restartNotificationNumbering();
  restartContractNumbering();
});

afterAll(async () => {
  await dropLeftoverDatabases();
});

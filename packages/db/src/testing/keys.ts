import { randomUUID } from "node:crypto";

/**
 * A fresh idempotency key, `<prefix>-<uuid>` ("test-…" unless said otherwise): the one
 * key helper of the tests, the bench and the scenarios (IdempotencyKey accepts it).
 */
export const key = (prefix = "test"): string => `${prefix}-${randomUUID()}`;

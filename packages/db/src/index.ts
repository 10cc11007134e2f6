/**
 * @fairlance/db's core: types, errors, the idempotency key and the typed-JSON codec. The rest is
 * by concern: `@fairlance/db/services` (operations), `/read` (read models), `/runner` (the job
 * runner), `/client` (the database client: the web app's server/db.ts only), `/setup` (start
 * scripts) and `/testing` (fixtures).
 */
export { Prisma, type PrismaClient, type Db, type Tx } from "./client";
export type * from "./generated/prisma/enums";
export { DomainError, isDomainError, DOMAIN_ERROR_CODES, type DomainErrorCode } from "./errors";
export { IdempotencyKey, hashRequest } from "./idempotency";
export { currentTime, movableClockEnabled } from "./clock";
export { encodeTyped, decodeTyped, isTypedJson, typedColumn, canonicalText, TypedJsonError, type TypedJson } from "./codec/typed-json";
export { decodeUntrusted, describePath, textProblem, WIRE_TYPES, MAX_DEPTH, type InputProblem, type InputPath } from "./codec/untrusted";
export { isDatabaseUnavailable, isRecoveryConflict } from "./database-unavailable";

import type { Prisma } from "../client";
import { auditValue } from "../read/admin-audit";

/** Audit rows as read straight from the table, with before/after decoded (tests compare values, not encodings). */
export const auditRows = <R extends { before: Prisma.JsonValue; after: Prisma.JsonValue }>(rows: R[]) =>
  rows.map((row) => ({ ...row, before: auditValue(row.before), after: auditValue(row.after) }));

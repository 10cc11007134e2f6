import type { PrismaClient } from "@fairlance/db";
import type { TestUser } from "@fairlance/db/testing";
import { callerFor } from "@/test/callers";

/** Wednesday 25 November 2026, 10:00 UTC: the tests' "now" unless they move it. */
export const T0 = new Date("2026-11-25T10:00:00Z");
export const days = (n: number, from = T0) => new Date(from.getTime() + n * 86_400_000);

/** A tRPC caller for a signed-in person at a chosen marketplace time (T0 unless given). */
export const callerAt = (prisma: PrismaClient, user: TestUser, now: Date = T0) => callerFor(prisma, user, now);

export const FORBIDDEN = { code: "FORBIDDEN" };
export const NOT_FOUND = { code: "NOT_FOUND" };

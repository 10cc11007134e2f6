import { randomUUID } from "node:crypto";
import type { Session } from "next-auth";
import type { PrismaClient } from "@fairlance/db";
import { appRouter } from "@/server/root";
import { createCallerFactory, createContextInner } from "@/server/trpc";

const createCaller = createCallerFactory(appRouter);

/** Wednesday 25 November 2026, 10:00 UTC: the tests' "now" unless they move it. */
export const T0 = new Date("2026-11-25T10:00:00Z");
export const days = (n: number, from = T0) => new Date(from.getTime() + n * 86_400_000);
export const key = () => `test-${randomUUID()}`;

export type TestUser = { id: string; email: string; name: string; role: "CLIENT" | "FREELANCER" | "ADMIN" };

/** A tRPC caller for a signed-in person at a chosen marketplace time. */
export function callerAt(prisma: PrismaClient, user: TestUser, now: Date = T0) {
  const session: Session = { user, expires: new Date(Date.now() + 3_600_000).toISOString() };
  return createCaller(createContextInner({ session, prisma, now: () => now }));
}

export async function user(prisma: PrismaClient, role: TestUser["role"], name = `${role.toLowerCase()} ${randomUUID().slice(0, 6)}`): Promise<TestUser> {
  return prisma.user.create({
    data: { email: `${randomUUID()}@test.local`, name, role, passwordHash: "x" },
    select: { id: true, email: true, name: true, role: true },
  });
}

/** A client with a verified sandbox card, added through the API. */
export async function verifiedClient(prisma: PrismaClient): Promise<TestUser> {
  const client = await user(prisma, "CLIENT");
  await callerAt(prisma, client).paymentMethod.add({ idempotencyKey: key(), card: { number: "4242 4242 4242 4242", expMonth: 12, expYear: 2030, cvc: "123" } });
  return client;
}

export const FORBIDDEN = { code: "FORBIDDEN" };
export const NOT_FOUND = { code: "NOT_FOUND" };

import { connectBalance } from "@fairlance/rules";
import type { PrismaClient } from "../../client";

// The jobs tests' own helpers; the shared fixtures are in @fairlance/db/testing.

/** The usable connects balance at `now`. */
export async function connectsOf(prisma: PrismaClient, userId: string, now: Date): Promise<number> {
  const lots = await prisma.connectLot.findMany({ where: { userId }, select: { id: true, expiresAt: true, remaining: true } });
  return connectBalance(lots, now);
}

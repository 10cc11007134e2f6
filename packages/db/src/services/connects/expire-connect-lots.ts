import type { PrismaClient } from "../../client";
import { lockConnects } from "../../connects/connect-ledger";
import { runTransaction } from "../../transaction";
import { expireDueLots } from "./balance";
import type { SystemCall } from "../actor";

export interface ConnectLotsExpiry {
  freelancers: number;
  connectsExpired: number;
}

/**
 * Writes off every lot whose expiry has passed by `now` (economy.md §2.2): one EXPIRE entry per lot,
 * reason `lot_expired`, one transaction per freelancer. Idempotent: a lot expires once, so a
 * second run for the same `now` finds nothing.
 */
export async function expireConnectLots(prisma: PrismaClient, call: SystemCall): Promise<ConnectLotsExpiry> {
  const { now } = call;
  const due = await prisma.connectLot.findMany({
    where: { remaining: { gt: 0 }, expiresAt: { lte: now } },
    distinct: ["userId"],
    orderBy: { userId: "asc" },
    select: { userId: true },
  });
  let freelancers = 0;
  let connectsExpired = 0;
  for (const { userId } of due) {
    const expired = await runTransaction(prisma, async (tx) => {
      await lockConnects(tx, userId);
      return expireDueLots(tx, userId, now);
    });
    if (expired > 0) freelancers += 1;
    connectsExpired += expired;
  }
  return { freelancers, connectsExpired };
}

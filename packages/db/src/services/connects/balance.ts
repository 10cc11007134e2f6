import { connectBalance, expireLots, type LotExpiration } from "@fairlance/rules";
import type { Db, Tx } from "../../client";
import { takeFromLots } from "../../connects/connect-ledger";

/** The lots that still hold connects, in the shape the rules take. */
export const openLots = (db: Db, userId: string) =>
  db.connectLot.findMany({ where: { userId, remaining: { gt: 0 } }, select: { id: true, expiresAt: true, remaining: true } });

/** Spendable connects at `now` (expired lots not yet written off do not count). */
export async function connectsBalance(db: Db, userId: string, now: Date): Promise<number> {
  return connectBalance(await openLots(db, userId), now);
}

/**
 * Writes off expirations planned by the rules. A lot's own expiry has one key per lot, so it is
 * written once whoever finds it first; a rollover-cap write-off is keyed by the cycle (`capKey`).
 * Call lockConnects first.
 */
export async function writeOffLots(tx: Tx, userId: string, expirations: readonly LotExpiration[], now: Date, capKey?: string): Promise<number> {
  let total = 0;
  for (const expiration of expirations) {
    if (expiration.reason === "rollover_cap" && !capKey) throw new Error("A rollover-cap write-off needs the cycle's key");
    const key = expiration.reason === "lot_expired" ? `connects.expire:${expiration.lotId}` : capKey!;
    await takeFromLots(tx, { userId, key, now, reason: expiration.reason }, [expiration], "EXPIRE");
    total += expiration.connects;
  }
  return total;
}

/** Everything past its expiry for one freelancer, written off. Call lockConnects first. */
export async function expireDueLots(tx: Tx, userId: string, now: Date): Promise<number> {
  return writeOffLots(tx, userId, expireLots(await openLots(tx, userId), now), now);
}

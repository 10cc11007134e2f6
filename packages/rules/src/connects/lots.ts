import { formatConnects } from "../text/count";
import { RuleViolation } from "../errors";
import { compareIds } from "../order";
import { DEFAULT_SETTINGS } from "../settings/defaults";
import type { MarketplaceSettings } from "../settings/settings";
import { addDays, assertValidDate } from "../time";

/** A lot of connects from one grant or purchase; `remaining` is what is left of it. */
export interface ConnectLot {
  id: string;
  expiresAt: Date;
  remaining: number;
}

export interface LotTake {
  lotId: string;
  connects: number;
}

export interface LotExpiration extends LotTake {
  reason: "lot_expired" | "rollover_cap";
}

export function assertConnectsAmount(connects: number, name = "number of connects"): void {
  if (!Number.isSafeInteger(connects) || connects < 0) {
    throw new RuleViolation("CONNECTS_AMOUNT_INVALID", `The ${name} must be a whole number, zero or more.`, { connects });
  }
}

/** A lot can be spent while it has connects and `now` is before its expiry. */
export function isLotUsable(lot: ConnectLot, now: Date): boolean {
  return lot.remaining > 0 && now.getTime() < lot.expiresAt.getTime();
}

/** Usable lots in spending order: earliest expiry first, then by id so the order is stable. */
export function spendingOrder(lots: readonly ConnectLot[], now: Date): ConnectLot[] {
  assertValidDate(now, "current time");
  return lots
    .filter((lot) => isLotUsable(lot, now))
    .sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime() || compareIds(a.id, b.id));
}

export function connectBalance(lots: readonly ConnectLot[], now: Date): number {
  return spendingOrder(lots, now).reduce((total, lot) => total + lot.remaining, 0);
}

/**
 * Which lots a spend of `connects` takes from (economy.md §2.2): FIFO by expiry, skipping expired and
 * empty lots. Throws INSUFFICIENT_CONNECTS, changing nothing, when the balance is too small.
 */
export function planSpend(lots: readonly ConnectLot[], connects: number, now: Date): LotTake[] {
  assertConnectsAmount(connects);
  const ordered = spendingOrder(lots, now);
  const available = ordered.reduce((total, lot) => total + lot.remaining, 0);
  if (available < connects) {
    throw new RuleViolation("INSUFFICIENT_CONNECTS", `This needs ${formatConnects(connects)} and you have ${available}.`, {
      needed: connects,
      available,
    });
  }
  const takes: LotTake[] = [];
  let left = connects;
  for (const lot of ordered) {
    if (left === 0) break;
    const take = Math.min(lot.remaining, left);
    takes.push({ lotId: lot.id, connects: take });
    left -= take;
  }
  return takes;
}

/** The connects to write off because their lot has expired by `now`. */
export function expireLots(lots: readonly ConnectLot[], now: Date): LotExpiration[] {
  assertValidDate(now, "current time");
  return lots
    .filter((lot) => lot.remaining > 0 && lot.expiresAt.getTime() <= now.getTime())
    .map((lot) => ({ lotId: lot.id, connects: lot.remaining, reason: "lot_expired" }));
}

/** Usable lots expiring within `days` of now (the "expiring soon" list of economy.md §2.2). */
export function lotsExpiringWithin(lots: readonly ConnectLot[], now: Date, days = 30): ConnectLot[] {
  const horizon = addDays(now, days).getTime();
  return spendingOrder(lots, now).filter((lot) => lot.expiresAt.getTime() <= horizon);
}

/** When a lot issued at `issuedAt` expires. */
export function lotExpiresAt(
  issuedAt: Date,
  settings: Pick<MarketplaceSettings, "connectLotExpiryDays"> = DEFAULT_SETTINGS,
): Date {
  return addDays(issuedAt, settings.connectLotExpiryDays);
}

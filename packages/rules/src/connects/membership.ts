import { RuleViolation } from "../errors";
import { divideRounded, type Minor } from "../money/arithmetic";
import { DEFAULT_SETTINGS } from "../settings/defaults";
import type { MarketplaceSettings } from "../settings/settings";
import { addUtcMonths, assertValidDate, startedDaysBetween } from "../time";
import { connectBalance, expireLots, lotExpiresAt, planSpend, type ConnectLot, type LotExpiration } from "./lots";

export interface MembershipCycle {
  /** 0 for the cycle starting at the anchor (the upgrade date). */
  index: number;
  startsAt: Date;
  /** Exclusive: the next cycle's start and the renewal date. */
  endsAt: Date;
}

/**
 * The billing cycle holding `at`. Cycle n runs from anchor + n months to anchor + n+1 months,
 * each computed from the anchor with end-of-month clamping, so an anchor of Jan 31 renews on
 * Feb 29 (or 28), Mar 31, Apr 30 … and never drifts.
 */
export function membershipCycleAt(anchor: Date, at: Date): MembershipCycle {
  assertValidDate(anchor, "membership start");
  assertValidDate(at, "date");
  if (at.getTime() < anchor.getTime()) {
    throw new RuleViolation("INVALID_DATE", "The date is before the membership started.", { anchor, at });
  }
  let index = (at.getUTCFullYear() - anchor.getUTCFullYear()) * 12 + at.getUTCMonth() - anchor.getUTCMonth();
  if (addUtcMonths(anchor, index).getTime() > at.getTime()) index -= 1;
  return { index, startsAt: addUtcMonths(anchor, index), endsAt: addUtcMonths(anchor, index + 1) };
}

export interface MembershipProration {
  remainingDays: number;
  cycleDays: number;
  priceMinor: Minor;
  connects: number;
}

/**
 * Price and connects for joining a cycle part-way (economy.md §2.1 "prorated on upgrade"): both scale
 * by remainingDays / cycleDays, where a started day counts as a whole remaining day, rounded half
 * up. A membership anchored at its upgrade date starts a full cycle, so this matters when an
 * upgrade joins a cycle that is already running (e.g. one re-activated part-way).
 */
export function prorateMembership(input: {
  cycle: Pick<MembershipCycle, "startsAt" | "endsAt">;
  at: Date;
  settings?: Pick<MarketplaceSettings, "membershipPriceMinor" | "membershipMonthlyConnects">;
}): MembershipProration {
  const { cycle, at, settings = DEFAULT_SETTINGS } = input;
  if (at.getTime() < cycle.startsAt.getTime() || at.getTime() >= cycle.endsAt.getTime()) {
    throw new RuleViolation("INVALID_DATE", "The upgrade date must fall inside the billing cycle.", { cycle, at });
  }
  const cycleDays = startedDaysBetween(cycle.startsAt, cycle.endsAt);
  const remainingDays = startedDaysBetween(at, cycle.endsAt);
  const days = BigInt(remainingDays);
  const total = BigInt(cycleDays);
  return {
    remainingDays,
    cycleDays,
    priceMinor: divideRounded(settings.membershipPriceMinor * days, total),
    connects: Number(divideRounded(BigInt(settings.membershipMonthlyConnects) * days, total)),
  };
}

/**
 * The surplus above the rollover cap, written off from the lots that expire first — those would
 * be lost soonest anyway, so the freelancer keeps the connects that last longest.
 */
export function applyRolloverCap(lots: readonly ConnectLot[], now: Date, cap: number | null): LotExpiration[] {
  if (cap === null) return [];
  const surplus = connectBalance(lots, now) - cap;
  if (surplus <= 0) return [];
  return planSpend(lots, surplus, now).map((take) => ({ ...take, reason: "rollover_cap" }));
}

export interface MembershipCycleBoundary {
  expirations: LotExpiration[];
  grant: { connects: number; expiresAt: Date };
}

/**
 * What happens to connects when a cycle renews at `now`: lots past their expiry expire, then the
 * unspent balance is capped (economy.md §2.2), then the new cycle's connects are granted in a new lot.
 */
export function membershipCycleBoundary(input: {
  lots: readonly ConnectLot[];
  now: Date;
  settings?: Pick<MarketplaceSettings, "connectRolloverCap" | "membershipMonthlyConnects" | "connectLotExpiryDays">;
}): MembershipCycleBoundary {
  const { lots, now, settings = DEFAULT_SETTINGS } = input;
  const expirations = [...expireLots(lots, now), ...applyRolloverCap(lots, now, settings.connectRolloverCap)];
  return { expirations, grant: { connects: settings.membershipMonthlyConnects, expiresAt: lotExpiresAt(now, settings) } };
}

import { feeBandRanges, smallestNet, type FeeSchedule } from "@fairlance/rules";
import type { Db } from "../client";
import { loadSettings } from "../settings/load-settings";

/** The numbers of the rules that pages state in words (the landing page, forms' hints), as in force at `now`. */
export interface PublicTerms {
  /** The freelancer service fee (economy.md §3.5): its model and its bands as ranges of billings. */
  serviceFee: { model: FeeSchedule["model"]; bands: { fromMinor: bigint; toMinor: bigint | null; rateBps: number }[] };
  /** The client marketplace fee (economy.md §3.3). */
  clientFeeBps: number;
  /** The smallest manual withdrawal, and the least a withdrawal must pay after its method's fee (economy.md §4). */
  withdrawalMinimumMinor: bigint;
  minimumNetMinor: bigint;
  /** How many proposals a boost ranks at the top (economy.md §2.3). */
  boostSlots: number;
  /** Available money older than this many days is paid out by an automatic run regardless of the threshold (economy.md §4). */
  autoWithdrawalMaxAgeDays: number;
}

/**
 * The settings in force that anyone may read, for the page text that states them: no number an
 * admin can change is written into a page (economy.md, "How to read the numbers").
 */
export async function getPublicTerms(db: Db, now: Date): Promise<PublicTerms> {
  const { settings } = await loadSettings(db, now);
  return {
    serviceFee: {
      model: settings.feeSchedule.model,
      bands: feeBandRanges(settings.feeSchedule).map(({ fromMinor, toMinor, rateBps }) => ({ fromMinor, toMinor, rateBps })),
    },
    clientFeeBps: settings.clientFeeBps,
    withdrawalMinimumMinor: settings.withdrawalMinimumMinor,
    minimumNetMinor: smallestNet(settings),
    boostSlots: settings.boostSlots,
    autoWithdrawalMaxAgeDays: settings.autoWithdrawalMaxAgeDays,
  };
}

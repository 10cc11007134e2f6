import { RuleViolation } from "../errors";
import { assertPositiveMinor, type Minor } from "../money/arithmetic";
import { formatMoney } from "../money/format";
import { DEFAULT_SETTINGS } from "../settings/defaults";
import type { PayoutMethodKind } from "../settings/schemas";
import type { MarketplaceSettings } from "../settings/settings";
import { addDays } from "../time";

export interface PayoutMethod {
  kind: PayoutMethodKind;
  /**
   * When it can first be used: fixed when it was added, with the waiting days then in force
   * (payoutMethodUsableAt; a later change of the setting applies to methods added after it, §0.5).
   */
  usableFrom: Date;
}

/** A new payout method can be used 3 days after it was added (economy.md §1). */
export function payoutMethodUsableAt(
  addedAt: Date,
  settings: Pick<MarketplaceSettings, "payoutMethodWaitingDays"> = DEFAULT_SETTINGS,
): Date {
  return addDays(addedAt, settings.payoutMethodWaitingDays);
}

export function isPayoutMethodUsable(method: Pick<PayoutMethod, "usableFrom">, now: Date): boolean {
  return now.getTime() >= method.usableFrom.getTime();
}

export function payoutMethodFee(
  kind: PayoutMethodKind,
  settings: Pick<MarketplaceSettings, "payoutMethodFeesMinor"> = DEFAULT_SETTINGS,
): Minor {
  return settings.payoutMethodFeesMinor[kind];
}

export interface WithdrawalQuote {
  /** Taken from the available balance. */
  amountMinor: Minor;
  /** The payout method's fee, deducted from the amount. */
  feeMinor: Minor;
  /** What reaches the freelancer's payout method. */
  netMinor: Minor;
}

type WithdrawalSettings = Pick<MarketplaceSettings, "withdrawalMinimumMinor" | "minWithdrawalNetMinor" | "payoutMethodFeesMinor" | "payoutMethodWaitingDays">;

/** The least a withdrawal must pay after its fee (economy.md §4): the setting, and never less than a cent. */
export function smallestNet(settings: Pick<MarketplaceSettings, "minWithdrawalNetMinor"> = DEFAULT_SETTINGS): Minor {
  return settings.minWithdrawalNetMinor > 1n ? settings.minWithdrawalNetMinor : 1n;
}

/**
 * The smallest manual withdrawal to a method (economy.md §4): the withdrawal minimum, or the method's fee
 * plus the smallest useful net, whichever is larger ($3.00 to PayPal by default: $2.00 fee + $1.00).
 */
export function smallestWithdrawal(
  kind: PayoutMethodKind,
  settings: Pick<MarketplaceSettings, "withdrawalMinimumMinor" | "minWithdrawalNetMinor" | "payoutMethodFeesMinor"> = DEFAULT_SETTINGS,
): Minor {
  const byNet = payoutMethodFee(kind, settings) + smallestNet(settings);
  return byNet > settings.withdrawalMinimumMinor ? byNet : settings.withdrawalMinimumMinor;
}

type AmountSettings = Pick<MarketplaceSettings, "withdrawalMinimumMinor" | "minWithdrawalNetMinor">;

/** At least the minimum, never above the available balance (economy.md §4). */
function assertWithinBalance(amountMinor: Minor, availableMinor: Minor, settings: AmountSettings): void {
  assertPositiveMinor(amountMinor, "withdrawal");
  if (amountMinor < settings.withdrawalMinimumMinor) {
    throw new RuleViolation("WITHDRAWAL_BELOW_MINIMUM", `You can withdraw ${formatMoney(settings.withdrawalMinimumMinor)} or more.`, {
      amountMinor,
      minimumMinor: settings.withdrawalMinimumMinor,
    });
  }
  if (amountMinor > availableMinor) {
    throw new RuleViolation("WITHDRAWAL_EXCEEDS_AVAILABLE", `You have ${formatMoney(availableMinor < 0n ? 0n : availableMinor)} available to withdraw.`, {
      amountMinor,
      availableMinor,
    });
  }
}

/** The method's fee comes out of the amount, which must exceed it, and what is left must be at least the smallest useful payout. */
function quoteAfterFee(amountMinor: Minor, feeMinor: Minor, settings: AmountSettings): WithdrawalQuote {
  if (amountMinor <= feeMinor) {
    throw new RuleViolation("WITHDRAWAL_NOT_ABOVE_FEE", `This method's fee is ${formatMoney(feeMinor)}: withdraw more than that.`, {
      amountMinor,
      feeMinor,
    });
  }
  const netMinor = amountMinor - feeMinor;
  const minimumNetMinor = smallestNet(settings);
  if (netMinor < minimumNetMinor) {
    const smallestMinor = feeMinor + minimumNetMinor;
    throw new RuleViolation(
      "WITHDRAWAL_NET_TOO_SMALL",
      `This withdrawal would pay ${formatMoney(netMinor)} after the method's ${formatMoney(feeMinor)} fee; a withdrawal must pay at least ${formatMoney(minimumNetMinor)}. Withdraw ${formatMoney(smallestMinor)} or more to this method.`,
      { amountMinor, feeMinor, netMinor, minimumNetMinor, smallestMinor },
    );
  }
  return { amountMinor, feeMinor, netMinor };
}

/**
 * The amount rules of a manual withdrawal to a method that charges `feeMinor` (economy.md §4), each
 * refusal a RuleViolation with its sentence: what `planManualWithdrawal` checks of the amount, for
 * the withdraw form to say beside the field before anything is sent.
 */
export function checkWithdrawalAmount(input: { amountMinor: Minor; availableMinor: Minor; feeMinor: Minor; settings: AmountSettings }): WithdrawalQuote {
  assertWithinBalance(input.amountMinor, input.availableMinor, input.settings);
  return quoteAfterFee(input.amountMinor, input.feeMinor, input.settings);
}

/**
 * A manual withdrawal (economy.md §4): at least the minimum, never above the available balance, to a
 * method past its waiting period; the method's fee comes out of the amount, which must exceed it, and
 * what is left must be at least the smallest useful payout (`minWithdrawalNetMinor`).
 */
export function planManualWithdrawal(input: {
  amountMinor: Minor;
  availableMinor: Minor;
  method: PayoutMethod;
  now: Date;
  settings?: WithdrawalSettings;
}): WithdrawalQuote {
  const { amountMinor, availableMinor, method, now, settings = DEFAULT_SETTINGS } = input;
  assertWithinBalance(amountMinor, availableMinor, settings);
  if (!isPayoutMethodUsable(method, now)) {
    const usableAt = method.usableFrom;
    throw new RuleViolation("PAYOUT_METHOD_NOT_YET_USABLE", `This payout method can be used from ${usableAt.toISOString().slice(0, 10)}.`, {
      usableAt,
    });
  }
  return quoteAfterFee(amountMinor, payoutMethodFee(method.kind, settings), settings);
}

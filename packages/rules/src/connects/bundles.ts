import { RuleViolation } from "../errors";
import type { Minor } from "../money/arithmetic";
import { DEFAULT_SETTINGS } from "../settings/defaults";
import type { MarketplaceSettings } from "../settings/settings";

type BundleSettings = Pick<MarketplaceSettings, "connectBundleSizes" | "connectPriceMinor">;

export interface ConnectBundle {
  size: number;
  priceMinor: Minor;
}

/** The price of one offered bundle: size × connect price (economy.md §2.1). */
export function bundlePrice(size: number, settings: BundleSettings = DEFAULT_SETTINGS): Minor {
  if (!settings.connectBundleSizes.includes(size)) {
    throw new RuleViolation("BUNDLE_SIZE_NOT_OFFERED", `Connects are sold in bundles of ${settings.connectBundleSizes.join(", ")}.`, {
      size,
      offered: settings.connectBundleSizes,
    });
  }
  return BigInt(size) * settings.connectPriceMinor;
}

/** Every bundle on offer, smallest first. */
export function connectBundles(settings: BundleSettings = DEFAULT_SETTINGS): ConnectBundle[] {
  return [...settings.connectBundleSizes].sort((a, b) => a - b).map((size) => ({ size, priceMinor: bundlePrice(size, settings) }));
}

export type ConnectPurchaseSource = "card" | "earnings";

/** A purchase is paid wholly by card or wholly from Available earnings, the latter only if allowed. */
export function assertConnectPurchaseSource(
  source: ConnectPurchaseSource,
  settings: Pick<MarketplaceSettings, "allowConnectPurchaseFromEarnings"> = DEFAULT_SETTINGS,
): void {
  if (source === "earnings" && !settings.allowConnectPurchaseFromEarnings) {
    throw new RuleViolation("CONNECTS_FROM_EARNINGS_DISABLED", "Connects can only be bought with a payment method right now.");
  }
}

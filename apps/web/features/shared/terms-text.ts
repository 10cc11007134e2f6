import { formatRate } from "@/features/contracts/format";
import { formatMoney } from "@/lib/money";

/** The service fee as the terms read gives it (terms.get): its model and its bands as ranges of billings. */
export interface ServiceFeeTerms {
  model: "tiered" | "variable" | "flat";
  bands: { fromMinor: bigint; toMinor: bigint | null; rateBps: number }[];
}

/**
 * The service fee schedule in words (economy.md §3.5), e.g. "20% of the first $500.00 you bill a
 * client, 10% up to $10,000.00, 5% beyond".
 */
export function serviceFeeInWords(fee: ServiceFeeTerms): string {
  const [first, ...rest] = fee.bands;
  if (!first) return "";
  if (fee.model === "flat" || first.toMinor === null) return `a flat ${formatRate(first.rateBps)} of what you bill`;
  const later = rest.map((band) => (band.toMinor === null ? `${formatRate(band.rateBps)} beyond` : `${formatRate(band.rateBps)} up to ${formatMoney(band.toMinor)}`));
  if (fee.model === "variable") {
    return [`${formatRate(first.rateBps)} of a payment up to ${formatMoney(first.toMinor)}`, ...later].join(", ");
  }
  return [`${formatRate(first.rateBps)} of the first ${formatMoney(first.toMinor)} you bill a client`, ...later].join(", ");
}

import type { Minor } from "./arithmetic";

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** `1234_56n` -> `"$1,234.56"`; `-100n` -> `"-$1.00"`. */
export function formatMoney(amountMinor: Minor): string {
  const negative = amountMinor < 0n;
  const absolute = negative ? -amountMinor : amountMinor;
  const dollars = groupThousands((absolute / 100n).toString());
  const cents = (absolute % 100n).toString().padStart(2, "0");
  return `${negative ? "-" : ""}$${dollars}.${cents}`;
}

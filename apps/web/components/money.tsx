import { formatBid, formatMoney } from "@/lib/money";

/**
 * An amount in cents, formatted exactly ($1,234.56); never converted to a float. A negative amount,
 * or one shown as taken off (`minus`: a fee), reads "−$70.00" with a true minus sign.
 */
export function Money({ minor, minus = false, className }: { minor: bigint; minus?: boolean; className?: string }) {
  return <span className={`tabular-nums ${className ?? ""}`}>{formatMoney(minus ? -minor : minor)}</span>;
}

/** A bid: the amount for a fixed-price job, the hourly rate ("$50.00/hr") for an hourly one. */
export function Bid({ minor, jobType, className }: { minor: bigint; jobType: "FIXED" | "HOURLY"; className?: string }) {
  return <span className={`tabular-nums ${className ?? ""}`}>{formatBid(minor, jobType)}</span>;
}

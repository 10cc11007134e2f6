import { formatMoney } from "@fairlance/rules";
import { formatBid } from "@/lib/money";

/** An amount in cents, formatted exactly ($1,234.56); never converted to a float. */
export function Money({ minor, className }: { minor: bigint; className?: string }) {
  return <span className={`tabular-nums ${className ?? ""}`}>{formatMoney(minor)}</span>;
}

/** A bid: the amount for a fixed-price job, the hourly rate ("$50.00/hr") for an hourly one. */
export function Bid({ minor, jobType, className }: { minor: bigint; jobType: "FIXED" | "HOURLY"; className?: string }) {
  return <span className={`tabular-nums ${className ?? ""}`}>{formatBid(minor, jobType)}</span>;
}

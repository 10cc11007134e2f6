import { formatMoney } from "@fairlance/rules";

/** An amount in cents, formatted exactly ($1,234.56); never converted to a float. */
export function Money({ minor, className }: { minor: bigint; className?: string }) {
  return <span className={`tabular-nums ${className ?? ""}`}>{formatMoney(minor)}</span>;
}

import type { ReactNode } from "react";
import { Money } from "@/components/money";

/** A small definition list of amounts (label → exact amount), the last row emphasised. */
export function MoneyRows({ rows }: { rows: { label: ReactNode; minor: bigint; strong?: boolean }[] }) {
  return (
    <dl className="divide-y divide-slate-200 rounded border border-slate-200 bg-white">
      {rows.map((row, index) => (
        <div key={index} className={`flex justify-between gap-4 px-3 py-1.5 ${row.strong ? "font-semibold" : ""}`}>
          <dt>{row.label}</dt>
          <dd>
            <Money minor={row.minor} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

import type { RouterOutputs } from "./types";

type Gate = RouterOutputs["contract"]["get"]["workStartGate"];

/** Why there is no work left to start on a contract that is over (economy.md §3.2). */
const OVER: Record<string, { heading: string; text: string }> = {
  ENDED: { heading: "this contract has ended", text: "No more work is done on it: nothing new can be submitted or logged." },
  DECLINED: { heading: "the offer was declined", text: "No work is done on a declined offer." },
  EXPIRED: { heading: "the offer expired", text: "No work is done on an expired offer." },
};

/**
 * economy.md §3.2, shown to both sides at all times: the three facts, each ✓/✗ with its
 * explanation. Once the contract is over (ended, declined, expired) it says so instead, without a
 * warning: there is no work left to start.
 */
export function WorkStartGate({ gate, viewerRole, status }: { gate: Gate; viewerRole: "CLIENT" | "FREELANCER"; status: string }) {
  const over = OVER[status];
  if (over) {
    return (
      <section aria-labelledby="gate-heading" className="rounded-lg border border-slate-200 bg-slate-50 p-4">
        <h2 id="gate-heading" className="text-base font-bold text-slate-900">
          Work-start check: {over.heading}
        </h2>
        <p className="mt-1 text-sm text-slate-700">{over.text}</p>
      </section>
    );
  }
  return (
    <section
      aria-labelledby="gate-heading"
      className={`rounded-lg border-2 p-4 ${gate.canStart ? "border-emerald-300 bg-emerald-50" : "border-amber-400 bg-amber-50"}`}
    >
      <h2 id="gate-heading" className="text-base font-bold text-slate-900">
        Work-start check: {gate.canStart ? "work can start" : "do not start work yet"}
      </h2>
      <ul className="mt-2 space-y-2">
        {gate.checks.map((check) => (
          <li key={check.key} className="flex gap-2 text-sm" data-testid={`gate-${check.key}`}>
            <span aria-hidden className={`mt-0.5 inline-flex h-5 w-5 shrink-0 items-center justify-center rounded-full text-xs font-bold text-white ${check.ok ? "bg-emerald-600" : "bg-red-600"}`}>
              {check.ok ? "✓" : "✗"}
            </span>
            <span>
              <span className="sr-only">{check.ok ? "Met: " : "Not met: "}</span>
              <strong>{check.label}.</strong> {check.explanation}
            </span>
          </li>
        ))}
      </ul>
      {viewerRole === "FREELANCER" && !gate.canStart && (
        <p className="mt-3 rounded bg-amber-100 p-2 text-sm font-semibold text-amber-950">
          Do not start work until all three checks are met. Work done before the milestone is funded is not protected.
        </p>
      )}
    </section>
  );
}

import { COMPLETENESS_TARGET } from "./profile-values";

interface Completeness {
  percent: number;
  missing: { item: string; sentence: string; points: number }[];
}

/** "70% complete" as a bar and as text, then each missing item as a sentence that jumps to its field (economy.md §10.1). */
export function CompletenessMeter({ completeness }: { completeness: Completeness }) {
  const { percent, missing } = completeness;
  return (
    <section aria-labelledby="completeness-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="completeness-heading" className="text-base font-semibold text-slate-900">
          Your profile is {percent}% complete
        </h2>
        {missing.length === 0 && <p className="text-sm font-medium text-emerald-700">Everything clients look for is there.</p>}
      </div>
      <div
        role="progressbar"
        aria-label="Profile completeness"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}% complete`}
        className="mt-3 h-3 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full rounded-full bg-brand-700" style={{ width: `${percent}%` }} />
      </div>
      {missing.length > 0 && (
        <>
          <p className="mt-3 text-sm text-slate-700">To complete it:</p>
          <ul className="mt-1 space-y-1 text-sm">
            {missing.map((entry) => (
              <li key={entry.item} className="flex flex-wrap justify-between gap-x-3">
                <a href={`#${COMPLETENESS_TARGET[entry.item] ?? "profile-form"}`} className="text-brand-700 underline hover:text-brand-800">
                  {entry.sentence}
                </a>
                <span className="text-slate-500">+{entry.points}%</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

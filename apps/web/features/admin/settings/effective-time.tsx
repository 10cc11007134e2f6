/** "Now" or a later date and time (UTC); the server refuses the past. */
export type EffectiveChoice = { later: boolean; at: string };

export function readEffectiveTime(choice: EffectiveChoice): { ok: true; at: Date | null } | { ok: false; error: string } {
  if (!choice.later) return { ok: true, at: null };
  const at = new Date(`${choice.at}:00Z`);
  return Number.isNaN(at.getTime()) ? { ok: false, error: "Choose the date and time the change takes effect." } : { ok: true, at };
}

export function EffectiveTime({ id, value, onChange, error }: { id: string; value: EffectiveChoice; onChange: (value: EffectiveChoice) => void; error?: string }) {
  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium text-slate-800">Takes effect</legend>
      <div className="flex flex-wrap items-center gap-4 text-sm">
        <label className="flex items-center gap-1">
          <input type="radio" name={id} checked={!value.later} onChange={() => onChange({ ...value, later: false })} /> Now
        </label>
        <label className="flex items-center gap-1">
          <input type="radio" name={id} checked={value.later} onChange={() => onChange({ ...value, later: true })} /> Later
        </label>
        {value.later && (
          <label className="flex items-center gap-2">
            <span>At (UTC)</span>
            <input type="datetime-local" value={value.at} onChange={(event) => onChange({ ...value, at: event.target.value })} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} className="rounded-md border border-slate-300 px-2 py-1" />
          </label>
        )}
      </div>
      {error && <p id={`${id}-error`} className="text-xs text-red-700">{error}</p>}
    </fieldset>
  );
}

import type { Ref } from "react";
import { UNIT_HINT, isJsonUnit, isMultiLineUnit } from "./setting-codec";

/** The typed input for one setting's new value: money in dollars, percentages, days, lists, the rate card in words, JSON for the other structures. */
export function SettingValueInput({
  id,
  label,
  unit,
  text,
  onChange,
  error,
  inputRef,
}: {
  id: string;
  label: string;
  unit: string;
  text: string;
  onChange: (text: string) => void;
  error?: string;
  /** The form's handle on the input (react-hook-form focuses it when its value is refused). */
  inputRef?: Ref<HTMLInputElement & HTMLTextAreaElement>;
}) {
  const describedBy = [`${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ");
  const common = { id, ref: inputRef, "aria-describedby": describedBy, "aria-invalid": error ? true : undefined } as const;
  const box = `block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm ${error ? "border-red-500" : "border-slate-300"}`;
  return (
    <div className="space-y-1">
      {unit === "boolean" ? (
        <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
          <input type="checkbox" {...common} checked={text === "true"} onChange={(event) => onChange(event.target.checked ? "true" : "false")} />
          {label}
        </label>
      ) : (
        <>
          <label htmlFor={id} className="block text-sm font-medium text-slate-800">
            {label}
          </label>
          {isMultiLineUnit(unit) ? (
            <textarea
              {...common}
              // The rate card: room for each tier's line to wrap once on a phone.
              rows={isJsonUnit(unit) ? 10 : 2 * text.split("\n").length + 1}
              spellCheck={false}
              value={text}
              onChange={(event) => onChange(event.target.value)}
              className={`${box} ${isJsonUnit(unit) ? "font-mono text-xs" : ""}`}
            />
          ) : (
            <input {...common} inputMode={unit === "money" || unit === "bps" ? "decimal" : unit === "bundle_sizes" || unit === "verification_actions" ? "text" : "numeric"} value={text} onChange={(event) => onChange(event.target.value)} className={box} />
          )}
        </>
      )}
      <p id={`${id}-hint`} className="text-xs text-slate-500">
        {UNIT_HINT[unit] ?? ""}
      </p>
      {error && (
        <p id={`${id}-error`} className="text-xs text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

/** Stars drawn for the eye and said as text ("4 out of 5 stars"), so a screen reader and a search engine read the number. */
export function Stars({ value, className }: { value: number; className?: string }) {
  const whole = Math.round(value);
  return (
    <span className={`inline-flex items-center gap-1 ${className ?? ""}`}>
      <span aria-hidden className="tracking-tight text-amber-500">
        {"★".repeat(whole)}
        <span className="text-slate-300">{"★".repeat(5 - whole)}</span>
      </span>
      <span className="text-sm text-slate-700">{value} out of 5</span>
    </span>
  );
}

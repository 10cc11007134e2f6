import type { ButtonHTMLAttributes, ComponentProps, ReactNode } from "react";

const cx = (...classes: (string | false | null | undefined)[]) => classes.filter(Boolean).join(" ");

/**
 * `danger` is the button that destroys or cannot be undone (remove, suspend, refund all, withdraw):
 * solid red on the confirmation step; `danger-secondary` opens that step (red outline), so a list of
 * them does not shout.
 */
export type ButtonVariant = "primary" | "secondary" | "ghost" | "danger" | "danger-secondary";

export function Button({
  variant = "primary",
  className,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant }) {
  return (
    <button
      className={cx(
        "inline-flex items-center justify-center rounded-md px-4 py-2 text-sm font-semibold transition disabled:cursor-not-allowed disabled:opacity-60",
        variant === "primary" && "bg-brand-700 text-white hover:bg-brand-800",
        variant === "secondary" && "border border-slate-300 bg-white text-slate-800 hover:bg-slate-100",
        variant === "ghost" && "text-slate-700 hover:bg-slate-100",
        variant === "danger" && "bg-red-700 text-white hover:bg-red-800",
        variant === "danger-secondary" && "border border-red-300 bg-white text-red-700 hover:bg-red-50",
        className,
      )}
      {...props}
    />
  );
}

/**
 * What every field shows around its input, in one order: the label; then the hint, the character
 * count, a warning (the person may go ahead) and the error, each tied to the input by
 * `aria-describedby`. The forms bind these to react-hook-form in `features/shared/form-fields.tsx`.
 */
export interface FieldChrome {
  label: ReactNode;
  id: string;
  error?: string;
  hint?: ReactNode;
  /** Said before committing, beside the field; not a refusal (economy.md §12). */
  warning?: ReactNode;
  /** Characters typed against the limit, shown as "123 / 5,000". */
  count?: { length: number; max: number };
}

/** The ids of the notes under a field, for its `aria-describedby`. */
export function describedBy(id: string, { error, hint, warning, count }: Omit<FieldChrome, "id" | "label">): string | undefined {
  return [hint && `${id}-hint`, count && `${id}-count`, warning && `${id}-warning`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
}

const controlClass = (error: string | undefined, className?: string) =>
  cx("block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm", error ? "border-red-500" : "border-slate-300", className);

/** "1,234 / 5,000": grey, amber in the last tenth, red past the limit. */
export function CharacterCount({ id, length, max }: { id: string; length: number; max: number }) {
  const over = length > max;
  return (
    <p id={id} className={cx("ml-auto shrink-0 text-xs tabular-nums", over ? "font-semibold text-red-700" : length * 10 >= max * 9 ? "text-amber-800" : "text-slate-500")}>
      {length.toLocaleString("en-US")} / {max.toLocaleString("en-US")}
      <span className="sr-only"> characters{over ? ", over the limit" : ""}</span>
    </p>
  );
}

/** The notes under a field: hint and count on one line, then the warning, then the error. */
export function FieldNotes({ id, error, hint, warning, count }: Omit<FieldChrome, "label">) {
  return (
    <>
      {(hint || count) && (
        <div className="flex items-start gap-2">
          {hint && (
            <p id={`${id}-hint`} className="text-xs text-slate-500">
              {hint}
            </p>
          )}
          {count && <CharacterCount id={`${id}-count`} length={count.length} max={count.max} />}
        </div>
      )}
      {warning && (
        <p id={`${id}-warning`} role="status" className="rounded bg-amber-50 px-2 py-1 text-xs text-amber-900">
          <span aria-hidden>⚠ </span>
          {warning}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-xs text-red-700">
          {error}
        </p>
      )}
    </>
  );
}

function FieldLabel({ id, children }: { id: string; children: ReactNode }) {
  return (
    <label htmlFor={id} className="block text-sm font-medium text-slate-800">
      {children}
    </label>
  );
}

/** A text input with its label and notes. */
export function Field({ label, id, error, hint, warning, count, className, ...props }: ComponentProps<"input"> & FieldChrome) {
  return (
    <div className="space-y-1">
      <FieldLabel id={id}>{label}</FieldLabel>
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, { error, hint, warning, count })} className={controlClass(error, className)} {...props} />
      <FieldNotes id={id} error={error} hint={hint} warning={warning} count={count} />
    </div>
  );
}

/** A textarea with its label and notes; long texts pass `count` to show how much of the limit is used. */
export function TextArea({ label, id, error, hint, warning, count, className, rows = 4, ...props }: ComponentProps<"textarea"> & FieldChrome) {
  return (
    <div className="space-y-1">
      <FieldLabel id={id}>{label}</FieldLabel>
      <textarea id={id} rows={rows} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, { error, hint, warning, count })} className={controlClass(error, className)} {...props} />
      <FieldNotes id={id} error={error} hint={hint} warning={warning} count={count} />
    </div>
  );
}

/** A select with its label and notes. */
export function Select({ label, id, error, hint, warning, className, children, ...props }: ComponentProps<"select"> & Omit<FieldChrome, "count">) {
  return (
    <div className="space-y-1">
      <FieldLabel id={id}>{label}</FieldLabel>
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, { error, hint, warning })} className={controlClass(error, className)} {...props}>
        {children}
      </select>
      <FieldNotes id={id} error={error} hint={hint} warning={warning} />
    </div>
  );
}

/** Radio buttons or checkboxes under one legend, with the group's notes (its error beside the choices). */
export function Choices({ legend, id, error, hint, disabled, className, children }: { legend: ReactNode; id: string; error?: string; hint?: ReactNode; disabled?: boolean; className?: string; children: ReactNode }) {
  return (
    <fieldset id={id} disabled={disabled} aria-describedby={describedBy(id, { error, hint })} className="space-y-1">
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <div className={className ?? "flex flex-wrap gap-4 text-sm"}>{children}</div>
      <FieldNotes id={id} error={error} hint={hint} />
    </fieldset>
  );
}

/** The form's own alert for what belongs to no one field (a refusal by the server, a wait). */
export function FormAlert({ message }: { message: string | null | undefined }) {
  return message ? <Alert>{message}</Alert> : null;
}

export function Alert({ tone = "error", children }: { tone?: "error" | "info" | "success" | "warning"; children: ReactNode }) {
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={cx(
        "rounded-md border px-4 py-3 text-sm",
        tone === "error" && "border-red-200 bg-red-50 text-red-800",
        tone === "info" && "border-sky-200 bg-sky-50 text-sky-900",
        tone === "success" && "border-emerald-200 bg-emerald-50 text-emerald-900",
        tone === "warning" && "border-amber-300 bg-amber-50 text-amber-900",
      )}
    >
      {children}
    </div>
  );
}

export function Card({ title, children, className }: { title?: string; children: ReactNode; className?: string }) {
  return (
    <section className={cx("rounded-lg border border-slate-200 bg-white p-5 shadow-sm", className)}>
      {title && <h2 className="mb-3 text-base font-semibold text-slate-900">{title}</h2>}
      {children}
    </section>
  );
}

export function Stat({ label, value, hint }: { label: string; value: ReactNode; hint?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold text-slate-900">{value}</dd>
      {/* A second <dd>: a <dl>'s groups hold only <dt> and <dd>. */}
      {hint && <dd className="mt-1 text-xs text-slate-500">{hint}</dd>}
    </div>
  );
}

/**
 * The attributes of a box that scrolls sideways (a wide table on a phone): focusable, so that a
 * keyboard can scroll it (WCAG 2.1.1), and a named region, so that a screen reader says what it is.
 * `<div className="overflow-x-auto" {...scrollRegion("Earnings history")}>`.
 */
export const scrollRegion = (label: string) => ({ role: "region", "aria-label": label, tabIndex: 0 }) as const;

export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden className={cx("animate-pulse rounded bg-slate-200", className)} />;
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 p-6 text-center">
      <p className="font-medium text-slate-800">{title}</p>
      {children && <div className="mt-1 text-sm text-slate-500">{children}</div>}
    </div>
  );
}

import Link from "next/link";
import type { ReactNode } from "react";

// The dashboards' building blocks. Server components: the dashboards have nothing to click but
// links, so they send no JavaScript of their own.

/** A titled part of a dashboard, with an optional link to the page that has all of it. */
export function Section({ title, more, tone = "plain", children, className }: { title: string; more?: { href: string; label: string }; tone?: "plain" | "attention"; children: ReactNode; className?: string }) {
  const id = `section-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  return (
    <section
      aria-labelledby={id}
      className={`min-w-0 rounded-lg border bg-white p-4 shadow-sm sm:p-5 ${tone === "attention" ? "border-amber-300" : "border-slate-200"} ${className ?? ""}`}
    >
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <h2 id={id} className="text-base font-semibold text-slate-900">
          {title}
        </h2>
        {more && (
          <Link href={more.href} className="text-sm text-brand-700 underline-offset-2 hover:underline">
            {more.label}
          </Link>
        )}
      </div>
      {children}
    </section>
  );
}

/** Rows that each lead where the person acts. */
export function Rows({ label, children }: { label?: string; children: ReactNode }) {
  return (
    <ul aria-label={label} className="-mx-2 divide-y divide-slate-100">
      {children}
    </ul>
  );
}

/**
 * One row: its title is the link (a short name for screen readers), stretched over the whole row
 * so that a finger anywhere on it follows the link.
 */
export function Row({ href, title, meta, children, urgent }: { href: string; title: ReactNode; meta?: ReactNode; children?: ReactNode; urgent?: boolean }) {
  return (
    <li className="relative rounded-md px-2 py-2.5 hover:bg-slate-50">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3">
        <Link href={href} className="min-w-0 break-words font-medium text-brand-700 after:absolute after:inset-0 after:content-['']">
          {title}
        </Link>
        {meta && <span className="text-sm tabular-nums text-slate-600">{meta}</span>}
      </div>
      {children && <p className={`mt-0.5 text-sm ${urgent ? "font-medium text-amber-900" : "text-slate-600"}`}>{children}</p>}
    </li>
  );
}

/** What to do when a part is empty: a sentence and the link to start. */
export function Empty({ children, action }: { children: ReactNode; action?: { href: string; label: string } }) {
  return (
    <div className="rounded-md border border-dashed border-slate-300 px-4 py-5 text-sm text-slate-600">
      <p>{children}</p>
      {action && (
        <Link href={action.href} className="mt-2 inline-block font-semibold text-brand-700 underline-offset-2 hover:underline">
          {action.label}
        </Link>
      )}
    </div>
  );
}

/** A number that matters, with its label and what comes next. */
export function Figure({ label, value, hint, emphasis }: { label: string; value: ReactNode; hint?: ReactNode; emphasis?: boolean }) {
  return (
    <div className={`min-w-0 rounded-md p-3 ${emphasis ? "bg-brand-50" : "bg-slate-50"}`}>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-600">{label}</dt>
      <dd className={`mt-0.5 font-semibold tabular-nums text-slate-900 ${emphasis ? "text-2xl" : "text-xl"}`}>{value}</dd>
      {hint && <dd className="mt-0.5 text-xs text-slate-600">{hint}</dd>}
    </div>
  );
}

/** A query that could not be read: its sentence where the part would be. */
export function Unavailable({ message }: { message: string }) {
  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
      We could not load this part of your dashboard: {message}
    </div>
  );
}

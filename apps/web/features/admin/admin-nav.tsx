"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/admin/settings", label: "Settings" },
  { href: "/admin/people", label: "People" },
  { href: "/admin/moderation", label: "Moderation" },
  { href: "/admin/disputes", label: "Disputes" },
  { href: "/admin/ledger", label: "Ledger" },
  { href: "/admin/audit", label: "Audit log" },
  { href: "/admin/jobs-runs", label: "Scheduled jobs" },
];

/**
 * The admin console's sections; the current one is marked for screen readers too. On phones the
 * header's Menu lists the same sections, so this row is for wider screens only.
 */
export function AdminNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Admin console" className="-mx-1 mb-6 hidden flex-wrap gap-1 border-b border-slate-200 pb-2 text-sm md:flex">
      {LINKS.map((link) => {
        const current = pathname.startsWith(link.href);
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={current ? "page" : undefined}
            className={`whitespace-nowrap rounded-md px-3 py-1.5 ${current ? "bg-brand-50 font-semibold text-brand-800" : "text-slate-700 hover:bg-slate-100"}`}
          >
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}

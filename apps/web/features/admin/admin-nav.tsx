"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { currentItem, NAV } from "@/lib/navigation";

/** The console's sections: the admin's header links under /admin (lib/navigation.ts, written once). */
const LINKS = NAV.ADMIN.filter((item) => item.href.startsWith("/admin/"));

/**
 * The admin console's sections; the current one is marked for screen readers too. On phones the
 * header's Menu lists the same sections, so this row is for wider screens only.
 */
export function AdminNav() {
  const current = currentItem(LINKS, usePathname());
  return (
    <nav aria-label="Admin console" className="-mx-1 mb-6 hidden flex-wrap gap-1 border-b border-slate-200 pb-2 text-sm md:flex">
      {LINKS.map((link) => (
        <Link
          key={link.href}
          href={link.href}
          aria-current={link === current ? "page" : undefined}
          className={`whitespace-nowrap rounded-md px-3 py-1.5 ${link === current ? "bg-brand-50 font-semibold text-brand-800" : "text-slate-700 hover:bg-slate-100"}`}
        >
          {link.label}
        </Link>
      ))}
    </nav>
  );
}

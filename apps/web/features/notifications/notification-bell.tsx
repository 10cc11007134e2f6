"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useSyncExternalStore } from "react";
import { bellLabel } from "./bell-label";
import { subscribeUnread, unreadServerSnapshot, unreadSnapshot } from "./unread-store";

/**
 * The header's bell: a link to /notifications named by the unread count ("3 unread notifications"),
 * drawn with the count the server read (first paint), then kept live by the page's one stream
 * (unread-store.ts), which falls back to polling. The header shows one on a phone (beside Menu) and
 * one on a desktop (with the account links), each hidden at the other width by `className`. A small
 * island on purpose: the root layout places it, so it uses neither React Query nor the tRPC client
 * (CONTRIBUTING, "What the browser loads").
 */
export function NotificationBell({ initialCount, className = "" }: { initialCount: number | null; className?: string }) {
  const pathname = usePathname();
  const live = useSyncExternalStore(subscribeUnread, unreadSnapshot, unreadServerSnapshot);
  const count = live.count ?? initialCount;
  const label = bellLabel(count);
  return (
    <span className={className}>
      <Link
        href="/notifications"
        aria-label={label}
        aria-current={pathname === "/notifications" ? "page" : undefined}
        data-testid="notification-bell"
        data-live={live.live}
        className="relative inline-flex h-9 w-9 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100 hover:text-brand-700 aria-[current=page]:bg-brand-50 aria-[current=page]:text-brand-800"
      >
        <svg aria-hidden viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {count !== null && count > 0 && (
          <span aria-hidden className="absolute -right-1 -top-1 min-w-5 rounded-full bg-red-700 px-1.5 text-center text-xs font-semibold leading-5 text-white">
            {count.toLocaleString("en-US")}
          </span>
        )}
      </Link>
      {/* Said when the count changes (not on the first paint): "4 unread notifications". */}
      <span role="status" aria-live="polite" className="sr-only">
        {label}
      </span>
    </span>
  );
}

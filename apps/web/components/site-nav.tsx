"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { SignOutButton } from "@/features/auth/sign-out-button";
import { NotificationBell } from "@/features/notifications/notification-bell";
import { currentItem, type NavItem } from "@/lib/navigation";

/**
 * The signed-in person's navigation. From `md` up: `who` (the person's name and role), Account and
 * Sign out beside the brand, and the links on a row of their own below (the current page marked). Below `md`: a Menu
 * button that opens the same links, `who`, Account and Sign out as a list under the header. Escape, a click outside, or moving focus out of it closes
 * it (Escape gives focus back to the button); it closes on navigation too.
 *
 * Rendered into the header's flex row: the desktop links, the button, then the menu panel, which
 * on desktop is `display: contents` so that the account part sits in the row itself. The
 * notifications bell (with `unreadCount`, the server's) is outside the Menu on a phone, beside its
 * button, and first in the account part on a desktop; both share the page's one live count.
 */
export function SiteNav({ items, who, counts = {}, unreadCount }: { items: readonly NavItem[]; who: ReactNode; counts?: Readonly<Record<string, number>>; unreadCount: number | null }) {
  const pathname = usePathname();
  // Open on the page where it was opened: navigating elsewhere closes it, with no effect needed.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const current = currentItem(items, pathname);

  useEffect(() => {
    if (!open) return;
    const inside = (target: EventTarget | null) => target instanceof Node && (panel.current?.contains(target) || button.current?.contains(target));
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpenOn(null);
      button.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (!inside(event.target)) setOpenOn(null);
    };
    const onFocus = (event: FocusEvent) => {
      if (!inside(event.target)) setOpenOn(null);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("focusin", onFocus);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("focusin", onFocus);
    };
  }, [open]);

  const close = () => setOpenOn(null);
  const link = (item: NavItem, className: string) => (
    <Link key={item.href} href={item.href} aria-current={item === current ? "page" : undefined} className={className} onClick={close}>
      {item.label}
      {(counts[item.href] ?? 0) > 0 && (
        <>
          {" "}
          <span className="rounded-full bg-brand-700 px-1.5 py-0.5 text-xs font-semibold text-white" data-testid={`nav-count-${item.href.slice(1)}`}>
            {counts[item.href]! > 99 ? "99+" : counts[item.href]}
          </span>
          <span className="sr-only"> unread</span>
        </>
      )}
    </Link>
  );

  return (
    <>
      {/* A row of its own under the name and the account, at every width from md: a role's eight to eleven links do not fit beside them even at 1280. */}
      <nav aria-label="Main" className="hidden gap-x-5 gap-y-1 text-sm md:order-last md:flex md:w-full md:flex-wrap">
        {items.map((item) =>
          link(
            item,
            "whitespace-nowrap border-b-2 border-transparent py-1 text-slate-700 hover:text-brand-700 aria-[current=page]:border-brand-600 aria-[current=page]:font-semibold aria-[current=page]:text-brand-800",
          ),
        )}
      </nav>
      <NotificationBell initialCount={unreadCount} className="ml-auto md:hidden" />
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls="site-menu"
        onClick={() => setOpenOn(open ? null : pathname)}
        className="inline-flex items-center gap-2 rounded-md border border-slate-300 px-3 py-1.5 text-sm font-semibold text-slate-800 hover:bg-slate-100 md:hidden"
      >
        <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
          {open ? <path d="M5 5l10 10M15 5L5 15" /> : <path d="M3 5h14M3 10h14M3 15h14" />}
        </svg>
        Menu
      </button>
      <div
        ref={panel}
        id="site-menu"
        className={`${open ? "flex" : "hidden"} w-full flex-col border-t border-slate-200 pt-2 md:contents`}
      >
        <nav aria-label="Main" className="md:hidden">
          <ul className="flex flex-col">
            {items.map((item) => (
              <li key={item.href}>
                {link(
                  item,
                  "block rounded-md px-3 py-2.5 text-base text-slate-800 hover:bg-slate-100 aria-[current=page]:bg-brand-50 aria-[current=page]:font-semibold aria-[current=page]:text-brand-800",
                )}
              </li>
            ))}
          </ul>
        </nav>
        <div className="mt-1 flex flex-wrap items-center gap-3 border-t border-slate-100 px-3 pb-1 pt-3 text-sm md:ml-auto md:mt-0 md:border-0 md:p-0">
          <NotificationBell initialCount={unreadCount} className="hidden md:inline-flex" />
          {who}
          <Link
            href="/account"
            aria-current={pathname === "/account" ? "page" : undefined}
            onClick={close}
            className="text-slate-700 hover:text-brand-700 aria-[current=page]:font-semibold aria-[current=page]:text-brand-800"
          >
            Account
          </Link>
          <SignOutButton />
        </div>
      </div>
    </>
  );
}

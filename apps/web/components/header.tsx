import Link from "next/link";
import type { Session } from "next-auth";
import { roleTitle } from "@fairlance/rules";
import { NAV } from "@/lib/navigation";
import { SiteNav } from "./site-nav";

/**
 * The header of every page. Signed in: the role's links (SiteNav, a small client island that marks
 * the current page and, below `md`, folds the links, the account and Sign out into a Menu), and the
 * notifications bell with `unreadCount` (read by the root layout; null when it could not be).
 * `counts` puts a number beside a link (unread messages beside "Messages").
 */
export function Header({ session, counts = {}, unreadCount = null }: { session: Session | null; counts?: Readonly<Record<string, number>>; unreadCount?: number | null }) {
  const user = session?.user;
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href={user ? "/dashboard" : "/"} className="text-lg font-bold tracking-tight text-brand-700">
          Fairlance
        </Link>
        {user ? (
          <SiteNav
            items={NAV[user.role]}
            counts={counts}
            unreadCount={unreadCount}
            who={
              <span className="text-slate-700">
                <span className="font-medium" data-testid="header-user-name">
                  {user.name}
                </span>{" "}
                <span className="rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-800">{roleTitle(user.role)}</span>
              </span>
            }
          />
        ) : (
          <div className="ml-auto flex items-center gap-3 text-sm">
            <Link href="/sign-in" className="text-slate-700 hover:text-brand-700">
              Sign in
            </Link>
            <Link href="/sign-up" className="rounded-md bg-brand-700 px-3 py-1.5 font-semibold text-white hover:bg-brand-800">
              Sign up
            </Link>
          </div>
        )}
      </div>
    </header>
  );
}

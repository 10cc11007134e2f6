import Link from "next/link";
import type { Session } from "next-auth";
import { roleTitle } from "@fairlance/rules";
import { SignOutButton } from "@/features/auth/sign-out-button";

const NAV: Record<Session["user"]["role"], { href: string; label: string }[]> = {
  FREELANCER: [
    { href: "/dashboard", label: "Dashboard" },
    { href: "/jobs", label: "Find work" },
    { href: "/proposals", label: "Proposals" },
    { href: "/contracts", label: "Contracts" },
    { href: "/connects", label: "Connects" },
    { href: "/earnings", label: "Earnings" },
    { href: "/payouts", label: "Withdraw" },
  ],
  CLIENT: [
    { href: "/dashboard", label: "Dashboard" },
    { href: "/client/jobs", label: "My jobs" },
    { href: "/jobs/new", label: "Post a job" },
    { href: "/contracts", label: "Contracts" },
    { href: "/billing", label: "Billing" },
  ],
  ADMIN: [
    { href: "/dashboard", label: "Admin overview" },
    { href: "/admin/settings", label: "Settings" },
    { href: "/admin/people", label: "People" },
    { href: "/admin/moderation", label: "Moderation" },
    { href: "/admin/disputes", label: "Disputes" },
    { href: "/admin/ledger", label: "Ledger" },
    { href: "/admin/audit", label: "Audit log" },
    { href: "/admin/jobs-runs", label: "Scheduled jobs" },
  ],
};

export function Header({ session }: { session: Session | null }) {
  const user = session?.user;
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href={user ? "/dashboard" : "/"} className="text-lg font-bold tracking-tight text-brand-700">
          Fairlance
        </Link>
        {user && (
          // On phones the links take their own row and scroll sideways instead of widening the page.
          <nav aria-label="Main" className="order-last -mx-4 flex w-[calc(100%+2rem)] gap-4 overflow-x-auto px-4 pb-1 text-sm md:order-none md:mx-0 md:w-auto md:overflow-visible md:px-0 md:pb-0">
            {NAV[user.role].map((item) => (
              <Link key={item.href} href={item.href} className="whitespace-nowrap text-slate-700 hover:text-brand-700">
                {item.label}
              </Link>
            ))}
          </nav>
        )}
        <div className="ml-auto flex items-center gap-3 text-sm">
          {user ? (
            <>
              <span className="text-slate-700">
                <span className="font-medium" data-testid="header-user-name">
                  {user.name}
                </span>{" "}
                <span className="rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-800">
                  {roleTitle(user.role)}
                </span>
              </span>
              <Link href="/account" className="text-slate-700 hover:text-brand-700">
                Account
              </Link>
              <SignOutButton />
            </>
          ) : (
            <>
              <Link href="/sign-in" className="text-slate-700 hover:text-brand-700">
                Sign in
              </Link>
              <Link href="/sign-up" className="rounded-md bg-brand-700 px-3 py-1.5 font-semibold text-white hover:bg-brand-800">
                Sign up
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}

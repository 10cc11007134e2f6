import type { RoleName } from "@fairlance/rules";

export interface NavItem {
  href: string;
  label: string;
}

/** The inbox's link, in every role's navigation, with its unread count beside it ("Messages 2"). */
export const MESSAGES_HREF = "/messages";

/** The header's links for each role: the whole list, on a phone's menu as on a desktop. */
export const NAV: Readonly<Record<RoleName, readonly NavItem[]>> = {
  FREELANCER: [
    { href: "/dashboard", label: "Dashboard" },
    { href: "/jobs", label: "Find work" },
    { href: "/proposals", label: "Proposals" },
    { href: "/invitations", label: "Invitations" },
    { href: "/saved", label: "Saved" },
    { href: "/contracts", label: "Contracts" },
    { href: MESSAGES_HREF, label: "Messages" },
    { href: "/connects", label: "Connects" },
    { href: "/earnings", label: "Earnings" },
    { href: "/payouts", label: "Withdraw" },
    { href: "/profile", label: "Profile" },
  ],
  CLIENT: [
    { href: "/dashboard", label: "Dashboard" },
    { href: "/client/jobs", label: "My jobs" },
    { href: "/jobs/new", label: "Post a job" },
    { href: "/talent", label: "Find talent" },
    { href: "/contracts", label: "Contracts" },
    { href: MESSAGES_HREF, label: "Messages" },
    { href: "/billing", label: "Billing" },
    { href: "/profile", label: "Profile" },
  ],
  ADMIN: [
    { href: "/dashboard", label: "Admin overview" },
    { href: "/admin/settings", label: "Settings" },
    { href: "/admin/people", label: "People" },
    { href: "/admin/moderation", label: "Moderation" },
    { href: "/admin/disputes", label: "Disputes" },
    { href: MESSAGES_HREF, label: "Messages" },
    { href: "/admin/ledger", label: "Ledger" },
    { href: "/admin/audit", label: "Audit log" },
    { href: "/admin/jobs-runs", label: "Scheduled jobs" },
  ],
};

/** The item of `items` the page at `pathname` belongs to (marked aria-current): the longest href it is at or under. */
export function currentItem(items: readonly NavItem[], pathname: string): NavItem | undefined {
  return items
    .filter((item) => pathname === item.href || pathname.startsWith(`${item.href}/`))
    .reduce<NavItem | undefined>((best, item) => (best && best.href.length >= item.href.length ? best : item), undefined);
}

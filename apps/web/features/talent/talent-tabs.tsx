import Link from "next/link";

/** Find talent's two views: the search, and the freelancers the client saved. */
export function TalentTabs({ current }: { current: "search" | "saved" }) {
  const tab = (href: string, label: string, active: boolean) => (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className="border-b-2 border-transparent px-1 pb-2 text-sm font-medium text-slate-600 hover:text-brand-700 aria-[current=page]:border-brand-600 aria-[current=page]:text-brand-800"
    >
      {label}
    </Link>
  );
  return (
    <nav aria-label="Find talent" className="flex gap-6 border-b border-slate-200">
      {tab("/talent", "Search", current === "search")}
      {tab("/talent/saved", "Saved freelancers", current === "saved")}
    </nav>
  );
}

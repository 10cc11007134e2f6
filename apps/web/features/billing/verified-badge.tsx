/** The "payment verified" badge clients and freelancers see (economy.md §1, §5). */
export function VerifiedBadge({ verified }: { verified: boolean }) {
  return verified ? (
    <span data-testid="verified-badge" className="inline-flex items-center gap-1 rounded-full bg-emerald-100 px-2.5 py-0.5 text-xs font-semibold text-emerald-900">
      <span aria-hidden>✓</span> Payment verified
    </span>
  ) : (
    <span data-testid="verified-badge" className="inline-flex items-center gap-1 rounded-full bg-amber-100 px-2.5 py-0.5 text-xs font-semibold text-amber-900">
      <span aria-hidden>!</span> Payment not verified
    </span>
  );
}

import Link from "next/link";

// Our own page rather than Next's built-in one, whose inline <style> the CSP blocks. Marked
// data-refresh="never": refreshed, Next would reload the whole document (demo-clock-banner.tsx).
export default function NotFound() {
  return (
    <div data-refresh="never" className="mx-auto max-w-md space-y-4 py-12 text-center">
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p className="text-slate-600">This page does not exist, or it is no longer here.</p>
      <Link href="/" className="font-medium text-brand-700 hover:underline">
        Back to Fairlance
      </Link>
    </div>
  );
}

"use client";

import "./globals.css";

// Replaces Next's built-in fallback (whose inline <style> the CSP blocks) when the root layout itself fails.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <main role="alert" className="mx-auto max-w-md space-y-4 px-4 py-12 text-center">
          <h1 className="text-2xl font-bold">Fairlance could not load</h1>
          <p className="text-slate-600">Something went wrong on our side. Please try again in a moment.</p>
          <button type="button" onClick={reset} className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white">
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}

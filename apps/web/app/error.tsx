"use client";

import { Button } from "@/components/ui";

/** A page that failed to render: say so plainly and offer a retry (details stay in the server log). */
export default function PageError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-md space-y-4 py-12 text-center">
      <h1 className="text-2xl font-bold">This page could not be shown</h1>
      <p className="text-slate-600">Something went wrong on our side. Nothing was charged or changed by showing this page.</p>
      <Button onClick={reset}>Try again</Button>
    </div>
  );
}

"use client";

import { useState } from "react";
import { Button } from "@/components/ui";

/** "Remove" opens a one-line confirmation; the red button removes (CONTRIBUTING: danger-secondary opens the step). */
export function ConfirmRemove({ what, pending, onRemove }: { what: string; pending: boolean; onRemove: () => void }) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <Button type="button" variant="danger-secondary" onClick={() => setAsking(true)} aria-label={`Remove ${what}`}>
        Remove
      </Button>
    );
  }
  return (
    <span role="group" aria-label={`Remove ${what}?`} className="inline-flex flex-wrap items-center gap-2">
      <span className="text-sm text-slate-700">Remove {what}?</span>
      <Button type="button" variant="danger" disabled={pending} onClick={onRemove}>
        Yes, remove
      </Button>
      <Button type="button" variant="ghost" onClick={() => setAsking(false)}>
        Keep it
      </Button>
    </span>
  );
}

"use client";

import type { ReactNode } from "react";
import { Button } from "@/components/ui";

/** The confirm step of economy.md §0.6: what will happen, stated exactly, then one button to do it. */
export function ConfirmPanel({
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
  pending,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  pending: boolean;
}) {
  return (
    <div role="group" aria-label={title} className="space-y-3 rounded-md border border-brand-100 bg-brand-50 p-4 text-sm">
      <p className="font-semibold text-slate-900">{title}</p>
      <div className="text-slate-800">{children}</div>
      <div className="flex flex-wrap gap-2">
        <Button type="button" onClick={onConfirm} disabled={pending}>
          {pending ? "Working…" : confirmLabel}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
      </div>
    </div>
  );
}

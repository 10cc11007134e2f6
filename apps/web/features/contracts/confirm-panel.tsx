"use client";

import type { ReactNode } from "react";
import { Button } from "@/components/ui";

/**
 * The confirm step of economy.md §0.6: what will happen, stated exactly, then one button to do it.
 * `tone="danger"` for what cannot be undone (withdraw, a decision that moves escrow): red panel and button.
 */
export function ConfirmPanel({
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
  pending,
  tone = "default",
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  pending: boolean;
  tone?: "default" | "danger";
}) {
  return (
    <div role="group" aria-label={title} className={`space-y-3 rounded-md border p-4 text-sm ${tone === "danger" ? "border-red-200 bg-red-50" : "border-brand-100 bg-brand-50"}`}>
      <p className="font-semibold text-slate-900">{title}</p>
      <div className="text-slate-800">{children}</div>
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant={tone === "danger" ? "danger" : "primary"} onClick={onConfirm} disabled={pending}>
          {pending ? "Working…" : confirmLabel}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
      </div>
    </div>
  );
}

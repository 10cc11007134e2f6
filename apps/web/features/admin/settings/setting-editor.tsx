"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert, Button } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { useTRPC } from "@/trpc/client";
import type { AdminOutputs } from "../types";
import { ReasonField } from "../reason-field";
import { EffectiveTime, readEffectiveTime } from "./effective-time";
import { ImpactPreview, hasImpact } from "./impact-preview";
import { isJsonUnit, textToValue, valueToText } from "./setting-codec";
import { SettingValueInput } from "./setting-value-input";

type Setting = AdminOutputs["settings"]["list"][number];
type Draft = { value: unknown; effectiveFrom: Date | null };

/** Edit → review (with the impact preview for connect prices, bundles and the rate card) → save with a reason. */
export function SettingEditor({ setting, onDone }: { setting: Setting; onDone: (message: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { key, renew } = useIdempotencyKey();
  const [text, setText] = useState(() => valueToText(setting.unit, setting.value));
  const [when, setWhen] = useState({ later: false, at: "" });
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<{ value?: string; when?: string; reason?: string }>({});
  const [draft, setDraft] = useState<Draft | null>(null);
  const save = useMutation(
    trpc.admin.settings.change.mutationOptions({
      onSuccess: async (change) => {
        renew();
        await queryClient.invalidateQueries(trpc.admin.pathFilter());
        onDone(`${setting.label} saved; in force from ${change.effectiveFrom.toISOString().replace("T", " ").slice(0, 16)} UTC.`);
      },
    }),
  );
  const edit = (fn: () => void) => { fn(); setDraft(null); save.reset(); renew(); };

  function review() {
    const read = textToValue(setting.unit, text, setting.key === "connectRolloverCap");
    const effective = readEffectiveTime(when);
    const next = { value: read.ok ? undefined : read.error, when: effective.ok ? undefined : effective.error, reason: reason.trim().length >= 5 ? undefined : "Say why the setting changes (at least 5 characters)." };
    setProblem(next);
    if (read.ok && effective.ok && !next.reason) setDraft({ value: read.value, effectiveFrom: effective.at });
  }

  const id = `setting-${setting.key}`;
  return (
    <div className="mt-3 space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3">
      <SettingValueInput id={`${id}-value`} label={`New value for ${setting.label}`} unit={setting.unit} text={text} onChange={(t) => edit(() => setText(t))} error={problem.value} />
      <EffectiveTime id={`${id}-when`} value={when} onChange={(w) => edit(() => setWhen(w))} error={problem.when} />
      <ReasonField id={`${id}-reason`} value={reason} onChange={(r) => edit(() => setReason(r))} hint="Kept in the setting's history and the audit log." />
      {problem.reason && <p className="text-xs text-red-700">{problem.reason}</p>}
      <div aria-live="polite" className="space-y-3">
        {draft ? (
          <>
            {hasImpact(setting.key) && <ImpactPreview settingKey={setting.key} value={draft.value} effectiveFrom={draft.effectiveFrom} />}
            <Alert tone="warning">
              {setting.label} changes from <strong>{setting.display}</strong> to <strong>{isJsonUnit(setting.unit) ? "the value above" : valueToText(setting.unit, draft.value) || "no cap"}</strong>{" "}
              {draft.effectiveFrom ? `from ${draft.effectiveFrom.toISOString().replace("T", " ").slice(0, 16)} UTC` : "now"}. Purchases, proposals and contracts made before then keep their
              prices and fee schedules.
            </Alert>
            <ErrorAlert error={save.error} />
            <div className="flex flex-wrap gap-2">
              <Button onClick={() => save.mutate({ idempotencyKey: key, key: setting.key, value: draft.value, effectiveFrom: draft.effectiveFrom, reason })} disabled={save.isPending}>
                {save.isPending ? "Saving…" : "Save change"}
              </Button>
              <Button variant="secondary" onClick={() => setDraft(null)} disabled={save.isPending}>Back to editing</Button>
            </div>
          </>
        ) : (
          <Button onClick={review}>Review change</Button>
        )}
      </div>
    </div>
  );
}

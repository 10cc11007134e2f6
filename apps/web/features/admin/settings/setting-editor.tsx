"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { TEXT_RULES } from "@fairlance/rules";
import { useController } from "react-hook-form";
import { Alert, Button, FormAlert } from "@/components/ui";
import { problemsOf, readText, serverProblems, showServerProblems, useOnEdit, useRulesForm, type ServerFields } from "@/features/shared/form";
import { errorOf, FormTextArea } from "@/features/shared/form-fields";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { useTRPC } from "@/trpc/client";
import type { AdminOutputs } from "../types";
import { EffectiveTime, readEffectiveTime, type EffectiveChoice } from "./effective-time";
import { ImpactPreview, hasImpact } from "./impact-preview";
import { isJsonUnit, textToValue, valueToText } from "./setting-codec";
import { SettingValueInput } from "./setting-value-input";

type Setting = AdminOutputs["settings"]["list"][number];
type Draft = { value: unknown; effectiveFrom: Date | null; reason: string };

interface SettingValues {
  text: string;
  when: EffectiveChoice;
  reason: string;
}

/** The new value by its unit (the server validates it against the setting's schema), when it takes effect, and why. */
function parseSetting(values: SettingValues, setting: Pick<Setting, "unit" | "key">) {
  const check = problemsOf<SettingValues>();
  const read = textToValue(setting.unit, values.text, setting.key === "connectRolloverCap");
  const value = check.take("text", read.ok ? { ok: true, value: read.value } : read);
  const effective = readEffectiveTime(values.when);
  const effectiveFrom = check.take("when", effective.ok ? { ok: true, value: effective.at } : effective);
  const reason = check.take("reason", readText(values.reason, TEXT_RULES.settingReason));
  return check.done<Draft>(() => ({ value, effectiveFrom: effectiveFrom ?? null, reason: reason! }));
}

const SERVER_FIELDS: ServerFields<SettingValues> = { fields: { value: "text", effectiveFrom: "when", reason: "reason" } };

/** Edit → review (with the impact preview for connect prices, bundles and the rate card) → save with a reason. */
export function SettingEditor({ setting, onDone }: { setting: Setting; onDone: (message: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { key, renew } = useIdempotencyKey();
  const form = useRulesForm((values: SettingValues) => parseSetting(values, setting), { text: valueToText(setting.unit, setting.value), when: { later: false, at: "" }, reason: "" });
  const text = useController({ control: form.control, name: "text" });
  const when = useController({ control: form.control, name: "when" });
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
  useOnEdit(form, () => { setDraft(null); save.reset(); renew(); });

  const id = `setting-${setting.key}`;
  const send = (change: Draft) =>
    save.mutate(
      { idempotencyKey: key, key: setting.key, value: change.value, effectiveFrom: change.effectiveFrom, reason: change.reason },
      { onError: (error) => { if (serverProblems(error, SERVER_FIELDS).fields.length > 0) setDraft(null); showServerProblems(form, error, SERVER_FIELDS); } },
    );
  return (
    <form onSubmit={form.handleSubmit(setDraft)} noValidate className="mt-3 space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3">
      <SettingValueInput id={`${id}-value`} label={`New value for ${setting.label}`} unit={setting.unit} text={text.field.value} onChange={text.field.onChange} inputRef={text.field.ref} error={errorOf(form, "text")} />
      <EffectiveTime id={`${id}-when`} value={when.field.value} onChange={when.field.onChange} error={errorOf(form, "when")} />
      <FormTextArea form={form} name="reason" id={`${id}-reason`} label="Reason (required)" rows={2} limit={TEXT_RULES.settingReason.max} hint="Kept in the setting's history and the audit log." />
      <div aria-live="polite" className="space-y-3">
        {draft ? (
          <>
            {hasImpact(setting.key) && <ImpactPreview settingKey={setting.key} value={draft.value} effectiveFrom={draft.effectiveFrom} />}
            <Alert tone="warning">
              {setting.label} changes from <strong>{setting.display}</strong> to <strong>{isJsonUnit(setting.unit) ? "the value above" : valueToText(setting.unit, draft.value).split("\n").join("; ") || "no cap"}</strong>{" "}
              {draft.effectiveFrom ? `from ${draft.effectiveFrom.toISOString().replace("T", " ").slice(0, 16)} UTC` : "now"}. Purchases, proposals and contracts made before then keep their
              prices and fee schedules.
            </Alert>
            <FormAlert message={serverProblems(save.error, SERVER_FIELDS).alert} />
            <div className="flex flex-wrap gap-2">
              <Button type="button" onClick={() => send(draft)} disabled={save.isPending}>
                {save.isPending ? "Saving…" : "Save change"}
              </Button>
              <Button type="button" variant="secondary" onClick={() => setDraft(null)} disabled={save.isPending}>Back to editing</Button>
            </div>
          </>
        ) : (
          <Button type="submit">Review change</Button>
        )}
      </div>
    </form>
  );
}

"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { Alert, Button, Card, FormAlert } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { serverProblems, useOnEdit, useRulesForm, type ServerFields } from "@/features/shared/form";
import { FormSelect } from "@/features/shared/form-fields";
import { useTRPC } from "@/trpc/client";
import { EMAIL_CHOICES, parsePreferences, valuesOf, type PreferenceRow, type PreferenceValues } from "./notification-preferences-form";

const NO_FIELDS: ServerFields<PreferenceValues> = {};

/**
 * The Account page's notifications section (README, "Email"): per category, in the app on or off,
 * and email right away, in a daily digest, or off (never off for account and security).
 */
export function NotificationPreferences() {
  const trpc = useTRPC();
  const query = useQuery(trpc.preferences.get.queryOptions());
  return (
    <Card title="Notifications" className="lg:col-span-2">
      <div id="notifications" className="scroll-mt-24" />
      {query.data ? <PreferencesForm rows={query.data} /> : query.isError ? <ErrorAlert error={query.error} /> : <p className="text-sm text-slate-600">Loading your choices…</p>}
    </Card>
  );
}

function PreferencesForm({ rows }: { rows: PreferenceRow[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const parse = useMemo(() => parsePreferences(rows), [rows]);
  const form = useRulesForm(parse, valuesOf(rows));
  const save = useMutation(
    trpc.preferences.update.mutationOptions({
      onSuccess: (saved) => {
        queryClient.setQueryData(trpc.preferences.get.queryKey(), saved);
        form.reset(valuesOf(saved));
      },
    }),
  );
  useOnEdit(form, () => save.reset());
  // The browser refuses what the server would (parsePreferences); a refusal that still comes (a wait, a session ended) goes above the button.
  const submit = form.handleSubmit((input) => save.mutate(input));

  return (
    <form method="post" onSubmit={submit} noValidate className="space-y-4">
      <p className="text-sm text-slate-700">
        Choose what you are told, for each kind of event: in the app (the bell and the notifications page), and by email right away, once a day in a
        digest, or not at all. Every email also has a link to stop that kind of email.
      </p>
      <ul className="divide-y divide-slate-200 rounded-md border border-slate-200">
        {rows.map((row, index) => (
          <li key={row.category} className="grid gap-3 p-3 sm:grid-cols-[minmax(0,1fr)_auto_12rem] sm:items-start">
            <div className="min-w-0">
              <p className="font-medium text-slate-900" id={`pref-${row.category}-label`}>
                {row.label}
              </p>
              <p className="text-sm text-slate-600">{row.description}</p>
            </div>
            <label className="flex items-center gap-2 text-sm sm:pt-6">
              <input type="checkbox" defaultChecked={row.inApp} {...form.register(`rows.${index}.inApp`)} aria-describedby={`pref-${row.category}-label`} />
              In the app
            </label>
            <FormSelect
              form={form}
              name={`rows.${index}.email`}
              id={`pref-${row.category}-email`}
              label={`Email: ${row.label}`}
              hint={row.mandatory ? "Always emailed: cannot be turned off." : undefined}
            >
              {EMAIL_CHOICES.map((choice) => (
                <option key={choice.value} value={choice.value} disabled={row.mandatory && choice.value === "OFF"}>
                  {choice.label}
                </option>
              ))}
            </FormSelect>
          </li>
        ))}
      </ul>
      <FormAlert message={serverProblems(save.error, NO_FIELDS).alert} />
      {save.isSuccess && <Alert tone="success">Your notification choices are saved.</Alert>}
      <Button type="submit" disabled={save.isPending}>
        {save.isPending ? "Saving…" : "Save notification choices"}
      </Button>
    </form>
  );
}

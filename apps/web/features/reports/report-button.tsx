"use client";

import { TEXT_RULES } from "@fairlance/rules";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useState } from "react";
import { Button, FormAlert } from "@/components/ui";
import { serverProblems, showServerProblems, useOnEdit, useRulesForm, type ServerFields } from "@/features/shared/form";
import { FormSelect, FormTextArea } from "@/features/shared/form-fields";
import { useTRPC } from "@/trpc/client";
import { EMPTY_REPORT_FORM, parseReportForm, REPORT_REASON_OPTIONS, type ReportFormValues } from "./report-form-values";

const SERVER_FIELDS: ServerFields<ReportFormValues> = { fields: { reason: "reason", note: "note" } };

/**
 * "Report" on a job, a proposal, a message or a profile (economy.md §5.2): a small disclosure with
 * the reason list and a note (its count and limit), every problem beside its field. Once sent it
 * says so, and the button reads "Reported".
 */
export function ReportButton({ objectKind, objectId, noun }: { objectKind: "JOB" | "PROPOSAL" | "MESSAGE" | "PROFILE"; objectId: string; noun: string }) {
  const trpc = useTRPC();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState(false);
  const queryClient = useQueryClient();
  const mine = useQuery({ ...trpc.report.mine.queryOptions(), retry: false });
  const reported = sent || (mine.data ?? []).some((r) => r.objectKind === objectKind && r.objectId === objectId);
  const form = useRulesForm(parseReportForm, EMPTY_REPORT_FORM);
  const report = useMutation(
    trpc.report.create.mutationOptions({
      onSuccess: () => {
        setSent(true);
        setOpen(false);
        form.reset(EMPTY_REPORT_FORM);
        void queryClient.invalidateQueries(trpc.report.mine.queryFilter());
      },
    }),
  );
  useOnEdit(form, () => report.reset());
  if (reported) {
    return (
      <div className="space-y-1" aria-live="polite">
        <Button variant="secondary" className="px-3 py-1 text-xs" disabled>Reported</Button>
        <p className="text-xs text-slate-600">
          Reported — we&apos;ll tell you what we decide. <Link href="/reports" className="text-brand-700 underline">Your reports</Link>
        </p>
      </div>
    );
  }
  if (!open) {
    return (
      <Button variant="secondary" className="px-3 py-1 text-xs" aria-expanded={false} aria-controls={`${id}-report`} onClick={() => setOpen(true)}>
        Report
      </Button>
    );
  }
  return (
    <form
      id={`${id}-report`}
      aria-label={`Report this ${noun}`}
      noValidate
      className="w-full max-w-md space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3"
      onSubmit={form.handleSubmit((values) =>
        report.mutate({ objectKind, objectId, ...values }, { onError: (error) => showServerProblems(form, error, SERVER_FIELDS) }),
      )}
    >
      <p className="text-sm font-semibold text-slate-900">Report this {noun}</p>
      <FormSelect form={form} name="reason" id={`${id}-reason`} label="Reason">
        <option value="">Choose a reason</option>
        {REPORT_REASON_OPTIONS.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
      </FormSelect>
      <FormTextArea form={form} name="note" id={`${id}-note`} label="Note (optional)" hint="What did you see? Only Fairlance's admins read it." rows={3} limit={TEXT_RULES.reportNote.max} />
      <div aria-live="polite">
        <FormAlert message={serverProblems(report.error, SERVER_FIELDS).alert} />
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" className="px-3 py-1 text-xs" disabled={report.isPending}>{report.isPending ? "Sending…" : "Send report"}</Button>
        <Button type="button" variant="secondary" className="px-3 py-1 text-xs" onClick={() => { setOpen(false); report.reset(); }}>Cancel</Button>
      </div>
    </form>
  );
}

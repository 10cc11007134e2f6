"use client";

import { TEXT_RULES } from "@fairlance/rules";
import { useMutation } from "@tanstack/react-query";
import { Alert, Button, FormAlert } from "@/components/ui";
import { problemsOf, readText, serverProblems, showServerProblems, useOnEdit, useRulesForm, type ServerFields } from "@/features/shared/form";
import { FormTextArea } from "@/features/shared/form-fields";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { formatDate } from "@/lib/format";
import { useTRPC } from "@/trpc/client";
import { AttachmentPicker, useAttachments } from "@/features/messages/attachments";
import { fieldErrors } from "@/features/shared/error-text";
import { FeePreview } from "./fee-preview";
import type { ContractView, MilestoneView } from "./types";
import { useNotice } from "./notice";
import { useAfterSuccess } from "./use-after-success";

interface WorkValues {
  note: string;
}

function parseWork(values: WorkValues) {
  const check = problemsOf<WorkValues>();
  const note = check.take("note", readText(values.note, TEXT_RULES.workNote));
  return check.done(() => ({ note: note || undefined }));
}

const SERVER_FIELDS: ServerFields<WorkValues> = { fields: { note: "note" } };

/** The freelancer submits work, after seeing the fee preview; refused (with the unmet checks) while the gate is closed. */
export function SubmitWork({ milestone, contract }: { milestone: MilestoneView; contract: ContractView }) {
  const trpc = useTRPC();
  const { key, renew } = useIdempotencyKey();
  const done = useAfterSuccess(renew);
  const form = useRulesForm(parseWork, { note: "" });
  const notify = useNotice();
  const attachments = useAttachments();
  const submit = useMutation(trpc.milestone.submit.mutationOptions({ onSuccess: async (r) => { form.reset({ note: "" }); attachments.clear(); notify(`Submitted "${milestone.title}". If the client does nothing, it is approved automatically on ${formatDate(r.reviewDeadline)}.`); await done(); } }));
  useOnEdit(form, () => { submit.reset(); renew(); });
  const unmet = contract.workStartGate.checks.filter((check) => !check.ok);
  const onSubmit = form.handleSubmit(({ note }) =>
    submit.mutate(
      { idempotencyKey: key, milestoneId: milestone.id, note, ...(attachments.ids.length > 0 ? { attachmentIds: attachments.ids } : {}) },
      { onError: (error) => showServerProblems(form, error, SERVER_FIELDS) },
    ),
  );
  // A refusal of the files is said under the file field, not again in the form's alert.
  const filesProblem = fieldErrors(submit.error).attachmentIds?.[0] ?? null;
  const alert = serverProblems(submit.error, SERVER_FIELDS).alert;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3">
      <h4 className="text-sm font-semibold">Submit work for this milestone</h4>
      {/* A contract of one milestone shows this same table at the top of Milestones: once is enough. */}
      {milestone.feePreview && contract.feePlan?.milestoneCount !== 1 && <FeePreview preview={milestone.feePreview} securityPeriodDays={contract.securityPeriodDays} />}
      <FormTextArea form={form} name="note" id={`note-${milestone.id}`} label="Note to the client (optional)" rows={3} limit={TEXT_RULES.workNote.max} />
      <AttachmentPicker id={`files-${milestone.id}`} label="Files to deliver (optional)" attachments={attachments} serverError={filesProblem} />
      {unmet.length > 0 && (
        <div id={`blocked-${milestone.id}`}>
          <Alert tone="warning">
            You cannot submit work yet: {unmet.map((check) => check.explanation).join(" ")}
          </Alert>
        </div>
      )}
      <Button type="submit" disabled={submit.isPending || attachments.uploading || unmet.length > 0} aria-describedby={unmet.length > 0 ? `blocked-${milestone.id}` : undefined}>
        {submit.isPending ? "Submitting…" : "Submit work"}
      </Button>
      <div aria-live="polite">
        <FormAlert message={alert === filesProblem ? null : alert} />
      </div>
    </form>
  );
}

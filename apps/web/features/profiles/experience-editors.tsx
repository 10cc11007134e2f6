"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { EMPLOYMENT_DESCRIPTION, PROFILE_LIMITS, TEXT_RULES } from "@fairlance/rules";
import { Alert, Button, EmptyState, FormAlert } from "@/components/ui";
import { errorText } from "@/features/shared/error-text";
import { serverProblems, showServerProblems, useOnEdit, useRulesForm, type ServerFields } from "@/features/shared/form";
import { FormField, FormTextArea } from "@/features/shared/form-fields";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { useTRPC } from "@/trpc/client";
import { ConfirmRemove } from "./confirm-remove";
import {
  EMPTY_EDUCATION,
  EMPTY_EMPLOYMENT,
  MONTH_HINT,
  YEAR_HINT,
  parseEducation,
  parseEmployment,
  type EducationInput,
  type EducationValues,
  type EmploymentInput,
  type EmploymentValues,
} from "./profile-values";

interface Employment {
  id: string;
  company: string;
  role: string;
  fromMonth: string;
  toMonth: string | null;
  description: string;
  period: string;
}

interface Education {
  id: string;
  school: string;
  degree: string;
  fromYear: number;
  toYear: number | null;
  period: string;
}

// A date problem is found by the service on a nested field ("employment.toMonth"): it is the form's alert.
const EMPLOYMENT_FIELDS: ServerFields<EmploymentValues> = {};
const EDUCATION_FIELDS: ServerFields<EducationValues> = {};

const useRefresh = () => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries(trpc.profile.pathFilter());
};

// ─── Employment ──────────────────────────────────────────────────────────────────────────────

/** The jobs the freelancer held: each edited or removed in place; a form to add one more (up to 10). */
export function EmploymentEditor({ entries, today }: { entries: Employment[]; today: Date }) {
  const [adding, setAdding] = useState(false);
  return (
    <div className="space-y-4">
      {entries.length === 0 && !adding && <EmptyState title="No employment yet">Add the jobs you held: clients read them to judge your experience.</EmptyState>}
      <ul className="space-y-3" aria-label="Your employment">
        {entries.map((entry) => (
          <li key={entry.id} className="rounded-md border border-slate-200 p-4">
            <EmploymentRow entry={entry} today={today} />
          </li>
        ))}
      </ul>
      {entries.length >= PROFILE_LIMITS.maxEmployment ? (
        <p className="text-sm text-slate-600">{PROFILE_LIMITS.tooManyEmployment}</p>
      ) : adding ? (
        <EmploymentForm today={today} onDone={() => setAdding(false)} />
      ) : (
        <Button type="button" variant="secondary" onClick={() => setAdding(true)}>
          Add employment
        </Button>
      )}
    </div>
  );
}

function EmploymentRow({ entry, today }: { entry: Employment; today: Date }) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const [editing, setEditing] = useState(false);
  const remove = useMutation(trpc.profile.removeEmployment.mutationOptions({ onSuccess: refresh }));
  if (editing) return <EmploymentForm entry={entry} today={today} onDone={() => setEditing(false)} />;
  const what = `${entry.role} at ${entry.company}`;
  return (
    <div className="space-y-2">
      <h3 className="font-semibold text-slate-900 [overflow-wrap:anywhere]">{what}</h3>
      <p className="text-sm text-slate-600">{entry.period}</p>
      {entry.description && <p className="whitespace-pre-line text-sm text-slate-700 [overflow-wrap:anywhere]">{entry.description}</p>}
      <div className="flex flex-wrap items-center gap-2">
        <Button type="button" variant="secondary" onClick={() => setEditing(true)} aria-label={`Edit ${what}`}>
          Edit
        </Button>
        <ConfirmRemove what={what} pending={remove.isPending} onRemove={() => remove.mutate({ employmentId: entry.id })} />
      </div>
      {remove.error && <Alert>{errorText(remove.error)}</Alert>}
    </div>
  );
}

function EmploymentForm({ entry, today, onDone }: { entry?: Employment; today: Date; onDone: () => void }) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const { key, renew } = useIdempotencyKey();
  const parse = useMemo(() => parseEmployment(today), [today]);
  const form = useRulesForm(parse, entry ? { company: entry.company, role: entry.role, fromMonth: entry.fromMonth, toMonth: entry.toMonth ?? "", description: entry.description } : EMPTY_EMPLOYMENT);
  const options = { onSuccess: async () => { renew(); await refresh(); onDone(); } };
  const add = useMutation(trpc.profile.addEmployment.mutationOptions(options));
  const update = useMutation(trpc.profile.updateEmployment.mutationOptions(options));
  const sending = entry ? update : add;
  useOnEdit(form, () => { add.reset(); update.reset(); renew(); });
  const onError = { onError: (error: unknown) => showServerProblems(form, error, EMPLOYMENT_FIELDS) };
  const submit = (employment: EmploymentInput) =>
    entry ? update.mutate({ employmentId: entry.id, employment }, onError) : add.mutate({ idempotencyKey: key, employment }, onError);
  const prefix = entry ? `employment-${entry.id}` : "new-employment";
  return (
    <form onSubmit={form.handleSubmit(submit)} noValidate className="space-y-3" aria-label={entry ? `Edit ${entry.role} at ${entry.company}` : "Add employment"}>
      {!entry && <h3 className="font-semibold">Add employment</h3>}
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField form={form} name="company" id={`${prefix}-company`} label="Company" limit={TEXT_RULES.employmentCompany.max} />
        <FormField form={form} name="role" id={`${prefix}-role`} label="Role" limit={TEXT_RULES.employmentRole.max} />
        <FormField form={form} name="fromMonth" id={`${prefix}-from`} label="From (month)" hint={MONTH_HINT} inputMode="numeric" />
        <FormField form={form} name="toMonth" id={`${prefix}-to`} label="To (month)" hint="Blank if you still work there" inputMode="numeric" />
      </div>
      <FormTextArea form={form} name="description" id={`${prefix}-description`} label="What you did (optional)" rows={3} limit={EMPLOYMENT_DESCRIPTION.max} />
      <FormAlert message={serverProblems(sending.error, EMPLOYMENT_FIELDS).alert} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={sending.isPending}>
          {sending.isPending ? "Saving…" : entry ? "Save employment" : "Add employment"}
        </Button>
        <Button type="button" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

// ─── Education ───────────────────────────────────────────────────────────────────────────────

/** The schools the freelancer went to: each edited or removed in place; a form to add one more (up to 10). */
export function EducationEditor({ entries, today }: { entries: Education[]; today: Date }) {
  const [adding, setAdding] = useState(false);
  return (
    <div className="space-y-4">
      {entries.length === 0 && !adding && <EmptyState title="No education yet">Add the schools you went to, with the degree if you have one.</EmptyState>}
      <ul className="space-y-3" aria-label="Your education">
        {entries.map((entry) => (
          <li key={entry.id} className="rounded-md border border-slate-200 p-4">
            <EducationRow entry={entry} today={today} />
          </li>
        ))}
      </ul>
      {entries.length >= PROFILE_LIMITS.maxEducation ? (
        <p className="text-sm text-slate-600">{PROFILE_LIMITS.tooManyEducation}</p>
      ) : adding ? (
        <EducationForm today={today} onDone={() => setAdding(false)} />
      ) : (
        <Button type="button" variant="secondary" onClick={() => setAdding(true)}>
          Add education
        </Button>
      )}
    </div>
  );
}

function EducationRow({ entry, today }: { entry: Education; today: Date }) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const [editing, setEditing] = useState(false);
  const remove = useMutation(trpc.profile.removeEducation.mutationOptions({ onSuccess: refresh }));
  if (editing) return <EducationForm entry={entry} today={today} onDone={() => setEditing(false)} />;
  return (
    <div className="space-y-2">
      <h3 className="font-semibold text-slate-900 [overflow-wrap:anywhere]">{entry.school}</h3>
      <p className="text-sm text-slate-600">
        {entry.degree ? `${entry.degree}, ` : ""}
        {entry.period}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="button" variant="secondary" onClick={() => setEditing(true)} aria-label={`Edit ${entry.school}`}>
          Edit
        </Button>
        <ConfirmRemove what={entry.school} pending={remove.isPending} onRemove={() => remove.mutate({ educationId: entry.id })} />
      </div>
      {remove.error && <Alert>{errorText(remove.error)}</Alert>}
    </div>
  );
}

function EducationForm({ entry, today, onDone }: { entry?: Education; today: Date; onDone: () => void }) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const { key, renew } = useIdempotencyKey();
  const parse = useMemo(() => parseEducation(today), [today]);
  const form = useRulesForm(parse, entry ? { school: entry.school, degree: entry.degree, fromYear: String(entry.fromYear), toYear: entry.toYear === null ? "" : String(entry.toYear) } : EMPTY_EDUCATION);
  const options = { onSuccess: async () => { renew(); await refresh(); onDone(); } };
  const add = useMutation(trpc.profile.addEducation.mutationOptions(options));
  const update = useMutation(trpc.profile.updateEducation.mutationOptions(options));
  const sending = entry ? update : add;
  useOnEdit(form, () => { add.reset(); update.reset(); renew(); });
  const onError = { onError: (error: unknown) => showServerProblems(form, error, EDUCATION_FIELDS) };
  const submit = (education: EducationInput) =>
    entry ? update.mutate({ educationId: entry.id, education }, onError) : add.mutate({ idempotencyKey: key, education }, onError);
  const prefix = entry ? `education-${entry.id}` : "new-education";
  return (
    <form onSubmit={form.handleSubmit(submit)} noValidate className="space-y-3" aria-label={entry ? `Edit ${entry.school}` : "Add education"}>
      {!entry && <h3 className="font-semibold">Add education</h3>}
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField form={form} name="school" id={`${prefix}-school`} label="School" limit={TEXT_RULES.educationSchool.max} />
        <FormField form={form} name="degree" id={`${prefix}-degree`} label="Degree (optional)" limit={TEXT_RULES.educationDegree.max} />
        <FormField form={form} name="fromYear" id={`${prefix}-from`} label="From (year)" hint={YEAR_HINT} inputMode="numeric" />
        <FormField form={form} name="toYear" id={`${prefix}-to`} label="To (year)" hint="Expected year, or blank" inputMode="numeric" />
      </div>
      <FormAlert message={serverProblems(sending.error, EDUCATION_FIELDS).alert} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={sending.isPending}>
          {sending.isPending ? "Saving…" : entry ? "Save education" : "Add education"}
        </Button>
        <Button type="button" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

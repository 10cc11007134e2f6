"use client";

import { TEXT_RULES } from "@fairlance/rules";
import { useWatch, type UseFormReturn } from "react-hook-form";
import { FormField, FormRadios, FormSelect, FormTextArea } from "@/features/shared/form-fields";
import type { JobFormValues, JobInput } from "./job-form-values";

interface Props {
  form: UseFormReturn<JobFormValues, unknown, JobInput>;
  /** A published job cannot switch between fixed price and hourly. */
  typeLocked?: boolean;
}

const TYPES = [
  { value: "FIXED", label: "Fixed price" },
  { value: "HOURLY", label: "Hourly" },
] as const;

/** The fields of a job: title, description, fixed budget or hourly range with hours, duration, level, skills. */
export function JobFormFields({ form, typeLocked }: Props) {
  const type = useWatch({ control: form.control, name: "type" });
  return (
    <div className="space-y-4">
      <FormField form={form} name="title" id="job-title" label="Title" limit={TEXT_RULES.jobTitle.max} />
      <FormTextArea form={form} name="description" id="job-description" label="Description" rows={6} limit={TEXT_RULES.jobDescription.max} />
      <FormRadios form={form} name="type" id="job-type" legend="How will you pay?" options={TYPES} disabled={typeLocked} hint={typeLocked ? "A published job keeps its type." : undefined} />
      {type === "FIXED" ? (
        <FormField form={form} name="budget" id="job-budget" label="Budget ($)" inputMode="decimal" />
      ) : (
        <div className="grid gap-4 sm:grid-cols-3">
          <FormField form={form} name="hourlyMin" id="job-hourly-min" label="Hourly rate from ($)" inputMode="decimal" />
          <FormField form={form} name="hourlyMax" id="job-hourly-max" label="Hourly rate up to ($)" inputMode="decimal" />
          <FormField form={form} name="hours" id="job-hours" label="Estimated hours" inputMode="numeric" />
        </div>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField form={form} name="durationDays" id="job-duration" label="Estimated duration (days)" inputMode="numeric" />
        <FormSelect form={form} name="level" id="job-level" label="Experience level">
          <option value="ENTRY">Entry level</option>
          <option value="INTERMEDIATE">Intermediate</option>
          <option value="EXPERT">Expert</option>
        </FormSelect>
      </div>
      <FormField form={form} name="skills" id="job-skills" label="Skills (separated by commas)" />
    </div>
  );
}

"use client";

import { Field } from "@/components/ui";
import type { JobFormValues } from "./job-form-values";

interface Props {
  values: JobFormValues;
  onChange: (values: JobFormValues) => void;
  errors: Partial<Record<keyof JobFormValues, string>>;
  /** A published job cannot switch between fixed price and hourly. */
  typeLocked?: boolean;
}

const box = "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm";

/** The fields of a job: title, description, fixed budget or hourly range with hours, duration, level, skills. */
export function JobFormFields({ values, onChange, errors, typeLocked }: Props) {
  const set = (name: keyof JobFormValues) => (event: { target: { value: string } }) => onChange({ ...values, [name]: event.target.value });
  return (
    <div className="space-y-4">
      <Field id="job-title" label="Title" value={values.title} onChange={set("title")} error={errors.title} />
      <div className="space-y-1">
        <label htmlFor="job-description" className="block text-sm font-medium text-slate-800">Description</label>
        <textarea id="job-description" rows={6} value={values.description} onChange={set("description")} className={box} />
      </div>
      <fieldset disabled={typeLocked} className="space-y-1">
        <legend className="text-sm font-medium text-slate-800">How will you pay?</legend>
        <div className="flex gap-4 text-sm">
          <label className="flex items-center gap-2"><input type="radio" name="job-type" checked={values.type === "FIXED"} onChange={() => onChange({ ...values, type: "FIXED" })} /> Fixed price</label>
          <label className="flex items-center gap-2"><input type="radio" name="job-type" checked={values.type === "HOURLY"} onChange={() => onChange({ ...values, type: "HOURLY" })} /> Hourly</label>
        </div>
        {typeLocked && <p className="text-xs text-slate-500">A published job keeps its type.</p>}
      </fieldset>
      {values.type === "FIXED" ? (
        <Field id="job-budget" label="Budget ($)" inputMode="decimal" value={values.budget} onChange={set("budget")} error={errors.budget} />
      ) : (
        <div className="grid gap-4 sm:grid-cols-3">
          <Field id="job-hourly-min" label="Hourly rate from ($)" inputMode="decimal" value={values.hourlyMin} onChange={set("hourlyMin")} error={errors.hourlyMin} />
          <Field id="job-hourly-max" label="Hourly rate up to ($)" inputMode="decimal" value={values.hourlyMax} onChange={set("hourlyMax")} error={errors.hourlyMax} />
          <Field id="job-hours" label="Estimated hours" inputMode="numeric" value={values.hours} onChange={set("hours")} error={errors.hours} />
        </div>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="job-duration" label="Estimated duration (days)" inputMode="numeric" value={values.durationDays} onChange={set("durationDays")} error={errors.durationDays} />
        <div className="space-y-1">
          <label htmlFor="job-level" className="block text-sm font-medium text-slate-800">Experience level</label>
          <select id="job-level" value={values.level} onChange={set("level")} className={box}>
            <option value="ENTRY">Entry level</option>
            <option value="INTERMEDIATE">Intermediate</option>
            <option value="EXPERT">Expert</option>
          </select>
        </div>
      </div>
      <Field id="job-skills" label="Skills (separated by commas)" value={values.skills} onChange={set("skills")} error={errors.skills} />
    </div>
  );
}

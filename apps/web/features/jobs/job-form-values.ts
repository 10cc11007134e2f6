import { formatMoney, readMoney } from "@/lib/money";

export interface JobFormValues {
  title: string;
  description: string;
  type: "FIXED" | "HOURLY";
  budget: string;
  hourlyMin: string;
  hourlyMax: string;
  hours: string;
  durationDays: string;
  level: "ENTRY" | "INTERMEDIATE" | "EXPERT";
  skills: string;
}

export const EMPTY_JOB_FORM: JobFormValues = {
  title: "", description: "", type: "FIXED", budget: "", hourlyMin: "", hourlyMax: "", hours: "", durationDays: "", level: "INTERMEDIATE", skills: "",
};

const whole = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : null);
const dollars = (text: string) => (text.trim() ? readMoney(text) : null);
const minorText = (minor: bigint | null) => (minor === null ? "" : formatMoney(minor));

/** The fields of a job already stored, as the form shows them (amounts formatted as readMoney reads them back). */
export function jobFormFrom(job: {
  title: string; description: string; type: "FIXED" | "HOURLY"; budgetMinor: bigint | null; hourlyMinMinor: bigint | null; hourlyMaxMinor: bigint | null;
  estimatedHours: number | null; durationDays: number; experienceLevel: JobFormValues["level"]; skills: string[];
}): JobFormValues {
  return {
    title: job.title, description: job.description, type: job.type, budget: minorText(job.budgetMinor), hourlyMin: minorText(job.hourlyMinMinor),
    hourlyMax: minorText(job.hourlyMaxMinor), hours: job.estimatedHours?.toString() ?? "", durationDays: String(job.durationDays), level: job.experienceLevel,
    skills: job.skills.join(", "),
  };
}

/** What the rate card needs from the form, once the typed values are complete. */
export function pricingFrom(values: JobFormValues) {
  const durationDays = whole(values.durationDays);
  if (!durationDays) return null;
  if (values.type === "FIXED") {
    const budget = dollars(values.budget);
    return budget?.ok ? { pricing: { type: "fixed" as const, budgetMinor: budget.minor }, durationDays } : null;
  }
  const max = dollars(values.hourlyMax);
  const hours = whole(values.hours);
  return max?.ok && hours !== null ? { pricing: { type: "hourly" as const, maxHourlyRateMinor: max.minor, estimatedHours: hours }, durationDays } : null;
}

/** The form as the job services' fields, or a sentence per field that is not right. */
export function parseJobForm(values: JobFormValues) {
  const errors: Partial<Record<keyof JobFormValues, string>> = {};
  const amount = (field: "budget" | "hourlyMin" | "hourlyMax", what: string) => {
    const read = dollars(values[field]);
    if (!read) errors[field] = `Enter the ${what}.`;
    else if (!read.ok) errors[field] = read.error;
    return read?.ok ? read.minor : null;
  };
  const fixed = values.type === "FIXED";
  const budgetMinor = fixed ? amount("budget", "budget") : null;
  const hourlyMinMinor = fixed ? null : amount("hourlyMin", "minimum hourly rate");
  const hourlyMaxMinor = fixed ? null : amount("hourlyMax", "maximum hourly rate");
  const estimatedHours = fixed ? null : whole(values.hours);
  if (!fixed && !estimatedHours) errors.hours = "Estimate the hours as a whole number.";
  const durationDays = whole(values.durationDays);
  if (!durationDays) errors.durationDays = "Give the duration in whole days.";
  const skills = values.skills.split(",").map((skill) => skill.trim()).filter(Boolean);
  if (skills.length === 0) errors.skills = "List at least one skill, separated by commas.";
  if (Object.keys(errors).length > 0) return { ok: false as const, errors };
  return {
    ok: true as const,
    fields: {
      title: values.title, description: values.description, type: values.type, budgetMinor, hourlyMinMinor, hourlyMaxMinor, estimatedHours,
      durationDays: durationDays!, experienceLevel: values.level, skills,
    },
  };
}

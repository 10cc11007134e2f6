import { FIELD_TEXT, TEXT_RULES, WHOLE_RULES, readSkills } from "@fairlance/rules";
import { problemsOf, readAmount, readText, readWholeNumber, type Parsed, type ServerFields } from "@/features/shared/form";
import { formatMoney, readMoney } from "@/lib/money";

/** The job form as typed (every field text, as the inputs hold it). */
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

/** The job services' fields (JobFields in @fairlance/db), as the form sends them. */
export interface JobInput {
  title: string;
  description: string;
  type: "FIXED" | "HOURLY";
  budgetMinor: bigint | null;
  hourlyMinMinor: bigint | null;
  hourlyMaxMinor: bigint | null;
  estimatedHours: number | null;
  durationDays: number;
  experienceLevel: JobFormValues["level"];
  skills: string[];
}

/**
 * The form as the job services' fields, or a sentence for every field that is not right, checked by
 * the same rules as the service (TEXT_RULES, WHOLE_RULES, the skills rule, amounts as `Amount`).
 */
export function parseJobForm(values: JobFormValues): Parsed<JobFormValues, JobInput> {
  const check = problemsOf<JobFormValues>();
  const title = check.take("title", readText(values.title, TEXT_RULES.jobTitle));
  const description = check.take("description", readText(values.description, TEXT_RULES.jobDescription));
  const fixed = values.type === "FIXED";
  const budgetMinor = fixed ? check.take("budget", readAmount(values.budget, "budget")) : null;
  const hourlyMinMinor = fixed ? null : check.take("hourlyMin", readAmount(values.hourlyMin, "minimum hourly rate"));
  const hourlyMaxMinor = fixed ? null : check.take("hourlyMax", readAmount(values.hourlyMax, "maximum hourly rate"));
  if (hourlyMinMinor != null && hourlyMaxMinor != null && hourlyMaxMinor < hourlyMinMinor) check.add("hourlyMax", FIELD_TEXT.hourlyRangeInverted);
  const estimatedHours = fixed ? null : check.take("hours", readWholeNumber(values.hours, WHOLE_RULES.estimatedHours));
  const durationDays = check.take("durationDays", readWholeNumber(values.durationDays, WHOLE_RULES.durationDays));
  const skills = check.take("skills", readSkills(values.skills));
  return check.done(() => ({
    title: title!, description: description!, type: values.type, budgetMinor: budgetMinor ?? null, hourlyMinMinor: hourlyMinMinor ?? null,
    hourlyMaxMinor: hourlyMaxMinor ?? null, estimatedHours: estimatedHours ?? null, durationDays: durationDays!, experienceLevel: values.level, skills: skills!,
  }));
}

/** The service's field names → the form's, for refusals the server finds (e.g. a rule changed since the page loaded). */
export const JOB_SERVER_FIELDS: ServerFields<JobFormValues> = {
  fields: {
    title: "title", description: "description", type: "type", budgetMinor: "budget", hourlyMinMinor: "hourlyMin", hourlyMaxMinor: "hourlyMax",
    estimatedHours: "hours", durationDays: "durationDays", experienceLevel: "level", skills: "skills",
  },
};

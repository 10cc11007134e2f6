import { Money } from "@/components/money";

interface Priced {
  type: "FIXED" | "HOURLY";
  budgetMinor: bigint | null;
  hourlyMinMinor: bigint | null;
  hourlyMaxMinor: bigint | null;
  estimatedHours: number | null;
}

/** A job's budget as the client set it: a fixed amount, or an hourly range with estimated hours. */
export function JobBudget({ job }: { job: Priced }) {
  if (job.type === "FIXED") {
    return job.budgetMinor === null ? <span>No budget</span> : <span>Fixed price <Money minor={job.budgetMinor} /></span>;
  }
  return (
    <span>
      Hourly {job.hourlyMinMinor !== null && <Money minor={job.hourlyMinMinor} />}–{job.hourlyMaxMinor !== null && <Money minor={job.hourlyMaxMinor} />}/hr
      {job.estimatedHours !== null && <> · about {job.estimatedHours} h</>}
    </span>
  );
}

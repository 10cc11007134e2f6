import type { ReactNode } from "react";
import { formatDate } from "@/lib/format";
import { JobBudget } from "./job-budget";
import { durationLabel, JOB_TYPE_LABEL, LEVEL_LABEL } from "./job-labels";
import { formatCount } from "@fairlance/rules";

interface SummaryJob {
  title: string;
  description: string;
  type: "FIXED" | "HOURLY";
  budgetMinor: bigint | null;
  hourlyMinMinor: bigint | null;
  hourlyMaxMinor: bigint | null;
  estimatedHours: number | null;
  durationDays: number;
  experienceLevel: keyof typeof LEVEL_LABEL;
  skills: string[];
  publishedAt: Date | null;
  proposalCount: number;
}

/** A job's description and terms, as freelancers and its client read them; `status`, a line under the title. */
export function JobSummary({ job, headingLevel = 1, status }: { job: SummaryJob; headingLevel?: 1 | 2; status?: ReactNode }) {
  const Heading = headingLevel === 1 ? "h1" : "h2";
  return (
    <section aria-labelledby="job-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <Heading id="job-title" className="text-2xl font-bold">{job.title}</Heading>
      {status}
      <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-4">
        <Term label="Budget"><JobBudget job={job} /></Term>
        <Term label="Type">{JOB_TYPE_LABEL[job.type]}</Term>
        <Term label="Duration">{durationLabel(job.durationDays)}</Term>
        <Term label="Level">{LEVEL_LABEL[job.experienceLevel]}</Term>
        <Term label="Proposals">{formatCount(job.proposalCount, "proposal")}</Term>
        <Term label="Posted">{job.publishedAt ? formatDate(job.publishedAt) : "Not published"}</Term>
      </dl>
      <p className="whitespace-pre-line text-slate-800">{job.description}</p>
      <ul className="flex flex-wrap gap-1" aria-label="Skills">
        {job.skills.map((skill) => <li key={skill} className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700">{skill}</li>)}
      </ul>
    </section>
  );
}

function Term({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="text-slate-900">{children}</dd>
    </div>
  );
}

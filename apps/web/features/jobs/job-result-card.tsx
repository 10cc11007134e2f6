import Link from "next/link";
import type { ReactNode } from "react";
import { formatDate } from "@/lib/format";
import { JobBudget } from "./job-budget";
import { durationLabel, LEVEL_LABEL } from "./job-labels";
import { formatCount, formatConnects } from "@fairlance/rules";

interface Hit {
  id: string;
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
  connectCost: number | null;
  publishedAt: Date | null;
  proposalCount: number;
}

/** One job in Find work's results; `action` sits beside the title (the Save toggle). */
export function JobResultCard({ job, action }: { job: Hit; action?: ReactNode }) {
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex items-start justify-between gap-3">
        <h2 className="text-base font-semibold">
          <Link href={`/jobs/${job.id}`} className="text-brand-700 hover:underline">{job.title}</Link>
        </h2>
        {action}
      </div>
      <p className="mt-1 text-sm text-slate-600">
        <JobBudget job={job} /> · {durationLabel(job.durationDays)} · {LEVEL_LABEL[job.experienceLevel]}
      </p>
      <p className="mt-2 line-clamp-2 text-sm text-slate-700">{job.description}</p>
      <ul className="mt-2 flex flex-wrap gap-1" aria-label="Skills">
        {job.skills.map((skill) => <li key={skill} className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700">{skill}</li>)}
      </ul>
      <p className="mt-2 text-xs text-slate-500">
        {job.connectCost !== null && <strong className="font-semibold text-slate-700">{formatConnects(job.connectCost)} to apply</strong>}
        {" · "}{formatCount(job.proposalCount, "proposal")}{job.publishedAt && <> · posted {formatDate(job.publishedAt)}</>}
      </p>
    </li>
  );
}

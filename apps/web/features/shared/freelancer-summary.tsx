import { Money } from "@/components/money";
import { PersonLink } from "./person-link";
import { initialsOf, jobSuccessText, ratingText } from "./reputation-text";

export interface FreelancerSummaryView {
  id: string;
  name: string;
  summary: {
    avatarUrl: string | null;
    title: string;
    location: string;
    jobSuccessScore: number | null;
    rating: { display: string | null; fromText: string };
    totalEarnedMinor: bigint;
  };
}

/**
 * A freelancer where a client decides (an applicant, the hire page, a direct offer): photo, name
 * linked to the profile, title, Job Success Score, stars as text, total earned and location. No
 * interactivity: a server component where it can be, and in client lists as is.
 */
export function FreelancerSummary({ freelancer, headingLevel }: { freelancer: FreelancerSummaryView; headingLevel?: "h2" | "h3" }) {
  const { summary } = freelancer;
  const Name = headingLevel ?? "p";
  return (
    <div className="flex min-w-0 items-start gap-3" data-testid="freelancer-summary">
      {summary.avatarUrl ? (
        // eslint-disable-next-line @next/next/no-img-element -- served by /files with its own size; no optimisation pipeline for uploads
        <img src={summary.avatarUrl} alt="" width={48} height={48} className="h-12 w-12 shrink-0 rounded-full object-cover" />
      ) : (
        <span aria-hidden className="flex h-12 w-12 shrink-0 items-center justify-center rounded-full bg-brand-50 text-sm font-semibold text-brand-800">
          {initialsOf(freelancer.name)}
        </span>
      )}
      <div className="min-w-0 space-y-0.5">
        <Name className="font-semibold text-slate-900">
          <PersonLink role="FREELANCER" person={freelancer} />
        </Name>
        {summary.title && <p className="break-words text-sm text-slate-700">{summary.title}</p>}
        <p className="flex flex-wrap gap-x-3 gap-y-0.5 text-xs text-slate-600">
          <span>{jobSuccessText(summary.jobSuccessScore)}</span>
          <span>
            <span aria-hidden className="text-amber-500">★ </span>
            {ratingText(summary.rating)}
          </span>
          <span>
            <Money minor={summary.totalEarnedMinor} /> earned
          </span>
          {summary.location && <span>{summary.location}</span>}
        </p>
      </div>
    </div>
  );
}

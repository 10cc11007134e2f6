import type { Minor } from "../money/arithmetic";

export interface ClientTrustFacts {
  paymentVerified: boolean;
  totalSpentMinor: Minor;
  jobsPosted: number;
  /** Jobs posted that ended in at least one hire. */
  jobsWithHire: number;
  hires: number;
  openJobs: number;
  memberSince: Date;
}

export interface ClientTrustPanel extends ClientTrustFacts {
  /** Jobs with a hire over jobs posted, as a whole percent (half up); null before any job. */
  hireRatePercent: number | null;
}

/** The client trust panel shown on every job (economy.md §5). */
export function clientTrustPanel(facts: ClientTrustFacts): ClientTrustPanel {
  const hireRatePercent = facts.jobsPosted > 0
    ? Math.floor((facts.jobsWithHire * 200 + facts.jobsPosted) / (facts.jobsPosted * 2))
    : null;
  return { ...facts, hireRatePercent };
}

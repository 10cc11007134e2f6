import type { StarAverage } from "@fairlance/rules";
import type { Db } from "../client";
import { imageUrl } from "../services/profiles/shared";
import { ratingsOf } from "./reputation";

/**
 * What a client sees of a freelancer where they decide (an applicant, the hire page, a direct offer):
 * the photo, title and location of the profile, the stored Job Success Score (economy.md §10.6), the
 * average stars received (§10.5) and the gross of every payment released to them.
 */
export interface FreelancerSummary {
  /** `/files/<key>`, or null without a photo. */
  avatarUrl: string | null;
  title: string;
  location: string;
  /** The runner's latest score; null without enough contracts. */
  jobSuccessScore: number | null;
  rating: StarAverage;
  totalEarnedMinor: bigint;
}

/**
 * Summaries of many freelancers in a fixed number of queries (three, whatever their number): for
 * lists of applicants, never a query per row. Every id gets one, a freelancer without a profile
 * row an empty one.
 */
export async function freelancerSummaries(db: Db, freelancerIds: readonly string[]): Promise<Record<string, FreelancerSummary>> {
  const ids = [...new Set(freelancerIds)];
  if (ids.length === 0) return {};
  const [profiles, earned, ratings] = await Promise.all([
    db.freelancerProfile.findMany({ where: { userId: { in: ids } }, select: { userId: true, title: true, location: true, avatarKey: true, jobSuccessScore: true } }),
    db.payment.groupBy({ by: ["freelancerId"], where: { freelancerId: { in: ids } }, _sum: { grossMinor: true } }),
    ratingsOf(db, ids),
  ]);
  const profileOf = new Map(profiles.map((profile) => [profile.userId, profile]));
  const earnedOf = new Map(earned.map((row) => [row.freelancerId, row._sum.grossMinor ?? 0n]));
  return Object.fromEntries(
    ids.map((id) => {
      const profile = profileOf.get(id);
      const summary: FreelancerSummary = {
        avatarUrl: profile?.avatarKey ? imageUrl(profile.avatarKey) : null,
        title: profile?.title ?? "",
        location: profile?.location ?? "",
        jobSuccessScore: profile?.jobSuccessScore ?? null,
        rating: ratings[id]!,
        totalEarnedMinor: earnedOf.get(id) ?? 0n,
      };
      return [id, summary];
    }),
  );
}

/** One freelancer's summary (the hire page, a direct offer). */
export async function freelancerSummary(db: Db, freelancerId: string): Promise<FreelancerSummary> {
  return (await freelancerSummaries(db, [freelancerId]))[freelancerId]!;
}

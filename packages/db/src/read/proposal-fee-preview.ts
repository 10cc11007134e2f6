import { previewServiceFee, type ServiceFeePreview } from "@fairlance/rules";
import type { Db, JobType } from "../client";
import { jobNotFound, jobRemoved } from "../services/jobs/shared";
import { loadSettings } from "../settings/load-settings";

export interface ProposalFeePreview extends ServiceFeePreview {
  jobType: JobType;
  /** Lifetime gross billings between this freelancer and the job's client so far (economy.md §3.5). */
  priorBilledMinor: bigint;
}

/**
 * The fee preview a freelancer sees while typing a bid (economy.md §3.5): the bid as gross, the fee by
 * band with this job's client (lifetime billings from Billing), the net, and the next band, under
 * the fee schedule in force now. For an hourly job the bid is one hour at that rate.
 */
export async function proposalFeePreview(
  db: Db,
  input: { jobId: string; freelancerId: string; bidMinor: bigint; now: Date },
): Promise<ProposalFeePreview> {
  const job = await db.job.findUnique({ where: { id: input.jobId }, select: { clientId: true, status: true, type: true } });
  if (!job || job.status === "DRAFT") throw jobNotFound();
  if (job.status === "REMOVED") throw jobRemoved();
  const [billing, { settings }] = await Promise.all([
    db.billing.findUnique({ where: { clientId_freelancerId: { clientId: job.clientId, freelancerId: input.freelancerId } }, select: { billedMinor: true } }),
    loadSettings(db, input.now),
  ]);
  const priorBilledMinor = billing?.billedMinor ?? 0n;
  return {
    jobType: job.type,
    priorBilledMinor,
    ...previewServiceFee({ priorBilledMinor, amountMinor: input.bidMinor, schedule: settings.feeSchedule }),
  };
}

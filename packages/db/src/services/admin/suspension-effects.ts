import type { Db, Tx } from "../../client";
import type { Operation } from "../../operations";
import { notify } from "../../notifications";
import { LINKS } from "../../notifications/event-helpers";
import { refundKeyOf } from "../payments/card-charges";
import type { CardRefundPlan } from "../contracts/escrow";
import { endOfferWithoutHire, lockOffer } from "../contracts/offer-lifecycle";
import { LIVE_PROPOSAL_STATUSES } from "../jobs/shared";

/**
 * What a suspension does to a person's open things (economy.md §5.3), inside the suspension's
 * transaction, and what lifting it gives back. Counts are what the admin sees before committing
 * (`suspensionPreview`) and what the audit line records.
 */
export interface SuspensionEffects {
  /** Open jobs of a suspended client: paused (no proposals, out of search). */
  jobsPaused: number;
  /** Live proposals of a suspended freelancer: paused (out of the client's list, not hireable). */
  proposalsPaused: number;
  /** Offers waiting for an answer, made by or to the person: withdrawn, escrow refunded. */
  offersWithdrawn: number;
  /** Escrow (with client fees) refunded to clients' cards for the withdrawn offers, in cents. */
  escrowRefundedMinor: bigint;
  /** Active contracts whose other party was told. */
  contractsNotified: number;
}

export interface LiftEffects {
  jobsRestored: number;
  /** Paused jobs that closed, expired or were removed meanwhile. */
  jobsNotRestored: number;
  proposalsRestored: number;
  /** Paused proposals that ended meanwhile (withdrawn, closed with their job). */
  proposalsNotRestored: number;
}

const OFFER_WHERE = (userId: string) => ({ status: "OFFERED" as const, OR: [{ clientId: userId }, { freelancerId: userId }] });

/** What suspending this person would do now: the counts the admin sees before confirming. */
export async function suspensionPreview(db: Db, userId: string): Promise<Omit<SuspensionEffects, "escrowRefundedMinor">> {
  const [jobsPaused, proposalsPaused, offersWithdrawn, contractsNotified] = await Promise.all([
    db.job.count({ where: { clientId: userId, status: "OPEN", pausedAt: null } }),
    // An offered proposal's offer is withdrawn first, which gives it back its live state: it is paused too.
    db.proposal.count({ where: { freelancerId: userId, status: { in: [...LIVE_PROPOSAL_STATUSES, "OFFERED"] }, pausedAt: null } }),
    db.contract.count({ where: OFFER_WHERE(userId) }),
    db.contract.count({ where: { status: "ACTIVE", OR: [{ clientId: userId }, { freelancerId: userId }] } }),
  ]);
  return { jobsPaused, proposalsPaused, offersWithdrawn, contractsNotified };
}

/** What lifting this person's suspension would give back now. */
export async function liftPreview(db: Db, userId: string): Promise<LiftEffects> {
  const [jobs, proposals] = await Promise.all([
    db.job.groupBy({ by: ["status"], where: { clientId: userId, pausedAt: { not: null } }, _count: { _all: true } }),
    db.proposal.groupBy({ by: ["status"], where: { freelancerId: userId, pausedAt: { not: null } }, _count: { _all: true } }),
  ]);
  const sum = <T extends { _count: { _all: number } }>(rows: T[], keep: (row: T) => boolean) => rows.filter(keep).reduce((total, row) => total + row._count._all, 0);
  return {
    jobsRestored: sum(jobs, (row) => row.status === "OPEN"),
    jobsNotRestored: sum(jobs, (row) => row.status !== "OPEN"),
    proposalsRestored: sum(proposals, (row) => LIVE_PROPOSAL_STATUSES.includes(row.status)),
    proposalsNotRestored: sum(proposals, (row) => !LIVE_PROPOSAL_STATUSES.includes(row.status)),
  };
}

/**
 * Suspends what the person has open, in the suspension's transaction (the person's row is locked):
 * offers first (a withdrawn offer gives its proposal back its live state, which is then paused),
 * then jobs and proposals, then the other party of each active contract is told. Escrow funded on a
 * withdrawn offer is refunded through the ledger at once; the card refund is queued for the runner
 * (retry_pending_refunds), under the key every refund of that charge uses.
 */
export async function applySuspension(tx: Tx, input: { userId: string; name: string; now: Date; key: string; operation: Operation; actorId: string }): Promise<SuspensionEffects> {
  const { userId, name, now } = input;
  const effects: SuspensionEffects = { jobsPaused: 0, proposalsPaused: 0, offersWithdrawn: 0, escrowRefundedMinor: 0n, contractsNotified: 0 };

  const offers = await tx.contract.findMany({ where: OFFER_WHERE(userId), select: { id: true }, orderBy: { id: "asc" } });
  for (const { id } of offers) {
    const offer = await lockOffer(tx, id);
    if (!offer || offer.status !== "OFFERED") continue;
    const suspendedIsClient = offer.clientId === userId;
    const { refunds } = await endOfferWithoutHire(tx, {
      offer,
      event: "decline",
      reason: suspendedIsClient ? "withdrawn: the client's account was suspended" : "withdrawn: the freelancer's account was suspended",
      now,
      key: `${input.key}:offer:${id}`,
      operation: input.operation,
      userId: input.actorId,
    });
    const refundedMinor = await queueCardRefunds(tx, refunds, "The offer was withdrawn: an account on it was suspended.", now);
    effects.offersWithdrawn += 1;
    effects.escrowRefundedMinor += refundedMinor;
    await notify(tx, {
      userId: suspendedIsClient ? offer.freelancerId : offer.clientId,
      kind: "suspension_offer_withdrawn",
      eventKey: `suspension_offer_withdrawn:${offer.id}`,
      // The refund is the client's: a freelancer reading it is told of no money.
      data: { jobTitle: offer.title, otherName: name, escrowRefundedMinor: suspendedIsClient ? 0n : refundedMinor },
      link: LINKS.contract(offer.id),
      now,
    });
  }

  const jobs = await tx.job.findMany({ where: { clientId: userId, status: "OPEN", pausedAt: null }, select: { id: true, title: true }, orderBy: { id: "asc" } });
  for (const job of jobs) {
    await tx.$queryRaw`SELECT id FROM "Job" WHERE id = ${job.id}::uuid FOR UPDATE`;
    const paused = await tx.job.updateMany({ where: { id: job.id, status: "OPEN", pausedAt: null }, data: { pausedAt: now } });
    if (paused.count === 0) continue;
    effects.jobsPaused += 1;
    const proposers = await tx.proposal.findMany({ where: { jobId: job.id, status: { in: LIVE_PROPOSAL_STATUSES } }, select: { freelancerId: true } });
    for (const { freelancerId } of proposers) {
      await notify(tx, { userId: freelancerId, kind: "job_paused", eventKey: `job_paused:${job.id}:${now.toISOString()}`, data: { jobTitle: job.title, clientName: name }, link: LINKS.job(job.id), now });
    }
  }

  const proposals = await tx.proposal.updateMany({ where: { freelancerId: userId, status: { in: LIVE_PROPOSAL_STATUSES }, pausedAt: null }, data: { pausedAt: now } });
  effects.proposalsPaused = proposals.count;

  const contracts = await tx.contract.findMany({
    where: { status: "ACTIVE", OR: [{ clientId: userId }, { freelancerId: userId }] },
    select: { id: true, title: true, clientId: true, freelancerId: true },
    orderBy: { id: "asc" },
  });
  for (const contract of contracts) {
    const suspendedSide = contract.clientId === userId ? "client" : "freelancer";
    await notify(tx, {
      userId: suspendedSide === "client" ? contract.freelancerId : contract.clientId,
      kind: "party_suspended",
      eventKey: `party_suspended:${contract.id}:${now.toISOString()}`,
      data: { jobTitle: contract.title, otherName: name, suspendedSide },
      link: LINKS.contract(contract.id),
      now,
    });
    effects.contractsNotified += 1;
  }
  return effects;
}

/**
 * Lifting a suspension gives back what can be given back: paused jobs still open and paused
 * proposals still live come back (a restored job counts the moment as activity, so the 30-day
 * expiry of §3.1 does not end it the next day). Jobs and proposals that ended meanwhile stay
 * ended, and withdrawn offers stay withdrawn (the client sends a new one): `notRestored` says so.
 */
export async function liftSuspension(tx: Tx, input: { userId: string; now: Date }): Promise<LiftEffects & { notRestored: string | null; offersWithdrawn: number }> {
  const { userId, now } = input;
  const pausedJobs = await tx.job.findMany({ where: { clientId: userId, pausedAt: { not: null } }, select: { id: true, status: true } });
  const openJobs = pausedJobs.filter((job) => job.status === "OPEN").map((job) => job.id);
  await tx.job.updateMany({ where: { id: { in: openJobs } }, data: { pausedAt: null, lastActivityAt: now } });
  await tx.job.updateMany({ where: { clientId: userId, pausedAt: { not: null }, status: { not: "OPEN" } }, data: { pausedAt: null } });

  const pausedProposals = await tx.proposal.findMany({ where: { freelancerId: userId, pausedAt: { not: null } }, select: { id: true, status: true } });
  const live = pausedProposals.filter((proposal) => LIVE_PROPOSAL_STATUSES.includes(proposal.status));
  await tx.proposal.updateMany({ where: { freelancerId: userId, pausedAt: { not: null } }, data: { pausedAt: null } });

  // The offers the last suspension withdrew (their reason says so) are not given back.
  const lastSuspension = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { suspendedAt: true } });
  const offersWithdrawn = lastSuspension.suspendedAt
    ? await tx.contract.count({
        where: { OR: [{ clientId: userId }, { freelancerId: userId }], endedAt: lastSuspension.suspendedAt, endedReason: { startsWith: "withdrawn: the" } },
      })
    : 0;

  const effects: LiftEffects = {
    jobsRestored: openJobs.length,
    jobsNotRestored: pausedJobs.length - openJobs.length,
    proposalsRestored: live.length,
    proposalsNotRestored: pausedProposals.length - live.length,
  };
  const lost = [
    effects.jobsNotRestored > 0 ? `${count(effects.jobsNotRestored, "job")} (closed, expired or removed meanwhile)` : null,
    effects.proposalsNotRestored > 0 ? `${count(effects.proposalsNotRestored, "proposal")} (ended meanwhile)` : null,
    offersWithdrawn > 0 ? `${count(offersWithdrawn, "offer")} withdrawn at the suspension (a new offer can be sent)` : null,
  ].filter((part): part is string => part !== null);
  return { ...effects, offersWithdrawn, notRestored: lost.length > 0 ? lost.join("; ") : null };
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

/** Queues the card refunds of escrow the ledger already gave back; the runner sends them. The total refunded, in cents. */
async function queueCardRefunds(tx: Tx, plans: readonly CardRefundPlan[], reason: string, now: Date): Promise<bigint> {
  let total = 0n;
  for (const plan of plans) {
    total += plan.amountMinor;
    if (!plan.chargeRef) continue;
    await tx.pendingRefund.createMany({
      data: [
        {
          chargeRef: plan.chargeRef,
          amountMinor: plan.amountMinor,
          idempotencyKey: refundKeyOf({ gatewayKey: plan.gatewayKey }),
          reason,
          booked: true,
          // Counted as the first attempt (the column's rule): the runner sends it at its next tick.
          attempts: 1,
          nextAttemptAt: now,
          createdAt: now,
          updatedAt: now,
        },
      ],
      skipDuplicates: true,
    });
  }
  return total;
}
